/**
 * Values written into notes are escaped so they show as typed and never become markup; the
 * terminal takes the escapes off again. Pinned: the round trip gives back what was typed
 * (line breaks aside, which a one-line value turns into spaces).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, unescapeMarkdown } from '../../../src/core/notes/markdown-escape';

describe('markdown escapes', () => {
  it('escape then unescape gives back the text typed, whatever it holds (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        const oneLine = s.replace(/[\r\n\u2028\u2029]+/g, ' ');
        expect(unescapeMarkdown(escapeMarkdown(s))).toBe(oneLine);
      }),
    );
  });

  it('shows a logged line as typed', () => {
    expect(unescapeMarkdown('Design review \\[draft\\] \\#2 \\\\ a\\b')).toBe('Design review [draft] #2 \\ a\\b');
  });
});

/**
 * Control characters from the input, escaped wherever a message quotes it (issue 13 case
 * 11): the escapes are readable, line output keeps its layout, and JSON output stays JSON.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControlChars, escapeControlCharsInOutput, quoted } from '../../../src/core/text/control-chars';

describe('control characters', () => {
  it('escapes C0, DEL, C1 and bidi controls in one-line messages, keeping tab', () => {
    expect(escapeControlChars('\x1b]0;t\x07a\nb\rc\td\x7f\x9b\u202e\u2066')).toBe(
      '\\x1B]0;t\\x07a\\nb\\rc\td\\x7F\\x9B\\u202E\\u2066',
    );
  });

  it('clips long values and escapes them', () => {
    expect(quoted('\x1b'.repeat(100), 20)).toBe(`${'\\x1B'.repeat(4)}\\x1…`);
  });

  it('property: output lines keep newline and tab, and a JSON line stays valid JSON with the same value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const escaped = escapeControlCharsInOutput(JSON.stringify({ s }));
        // eslint-disable-next-line no-control-regex -- raw control characters are what must not appear
        expect(escaped).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
        expect((JSON.parse(escaped) as { s: string }).s).toBe(s);
      }),
      { numRuns: 1000 },
    );
    expect(escapeControlCharsInOutput('a\tb\nc')).toBe('a\tb\nc');
  });
});

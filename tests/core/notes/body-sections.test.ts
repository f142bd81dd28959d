import { describe, expect, it } from 'vitest';
import {
  appendToSection,
  insertDatedLine,
  newestDatedItem,
  prependToSection,
} from '../../../src/core/notes/body-sections';
import { editBody, splitNote } from '../../../src/core/notes/note-text';

const LINE = '- 2026-11-26 · call · caught up';

describe('prependToSection (Interactions, newest first)', () => {
  it('puts the line first in an empty section, keeping the blank line under the heading', () => {
    expect(prependToSection('[LinkedIn profile](x)\n\n## Interactions\n\n', 'Interactions', LINE)).toBe(
      `[LinkedIn profile](x)\n\n## Interactions\n\n${LINE}\n`,
    );
  });

  it('puts the line above existing items', () => {
    const body = '## Interactions\n\n- 2025-01-01 · email · hi\n\n## Notes\ntext\n';
    expect(prependToSection(body, 'Interactions', LINE)).toBe(
      `## Interactions\n\n${LINE}\n- 2025-01-01 · email · hi\n\n## Notes\ntext\n`,
    );
  });

  it('creates the section at the end when it is missing, leaving the rest byte for byte', () => {
    const body = 'My own notes\n```\n## Interactions\n```\nno newline at end';
    expect(prependToSection(body, 'Interactions', LINE)).toBe(`${body}\n\n## Interactions\n\n${LINE}\n`);
  });

  it('ignores a heading inside a code block', () => {
    const body = '```md\n## Interactions\n- 1999-01-01 fake\n```\n\n## Interactions\n';
    expect(prependToSection(body, 'Interactions', LINE)).toBe(
      `\`\`\`md\n## Interactions\n- 1999-01-01 fake\n\`\`\`\n\n## Interactions\n\n${LINE}\n`,
    );
  });

  it('keeps CRLF line endings', () => {
    expect(prependToSection('## Interactions\r\n\r\n- old\r\n', 'Interactions', LINE)).toBe(
      `## Interactions\r\n\r\n${LINE}\r\n- old\r\n`,
    );
  });

  it('handles a heading at the very end with no newline', () => {
    expect(prependToSection('text\n## Interactions', 'Interactions', LINE)).toBe(`text\n## Interactions\n\n${LINE}\n`);
  });
});

describe('appendToSection (History, oldest first)', () => {
  it('appends after the last item and before the next heading', () => {
    const body = '## History\n\n- 2024-01-01 · job change: a → b\n\n## Other\n';
    expect(appendToSection(body, 'History', '- 2026-11-26 · job change: b → c')).toBe(
      '## History\n\n- 2024-01-01 · job change: a → b\n- 2026-11-26 · job change: b → c\n\n## Other\n',
    );
  });

  it('creates the section after the body', () => {
    expect(appendToSection('## Interactions\n\n', 'History', '- x')).toBe('## Interactions\n\n## History\n\n- x\n');
  });
});

describe('newestDatedItem', () => {
  it('finds the newest date among hand-typed log lines', () => {
    const body =
      '## Interactions\n\n- 2024-1-5 · met\n* [[2025-03-02]] coffee\n- [x] 2024-12-31 call\n- not dated\n- 2025-02-30 impossible\n\n## Later\n- 2030-01-01 outside the section\n';
    expect(newestDatedItem(body, 'Interactions')).toBe('2025-03-02');
  });

  it('is null without a section or dated lines', () => {
    expect(newestDatedItem('nothing here', 'Interactions')).toBeNull();
    expect(newestDatedItem('## Interactions\n\n', 'Interactions')).toBeNull();
  });

  it('places a dated line by its date in a newest-first log', () => {
    const body = '## Interactions\n\n- 2026-05-01 · call\n- 2026-01-01 · email\n';
    expect(insertDatedLine(body, 'Interactions', '- 2026-03-01 · invitation', '2026-03-01')).toBe(
      '## Interactions\n\n- 2026-05-01 · call\n- 2026-03-01 · invitation\n- 2026-01-01 · email\n',
    );
    expect(insertDatedLine(body, 'Interactions', '- 2025-01-01 · invitation', '2025-01-01')).toBe(
      `${body}- 2025-01-01 · invitation\n`,
    );
  });

  it('on a day that already has lines: after them for the import, first for a line logged now', () => {
    const body = '## Interactions\n\n- 2026-05-01 · call\n- 2026-01-01 · email\n';
    expect(insertDatedLine(body, 'Interactions', '- 2026-05-01 · message', '2026-05-01')).toBe(
      '## Interactions\n\n- 2026-05-01 · call\n- 2026-05-01 · message\n- 2026-01-01 · email\n',
    );
    expect(insertDatedLine(body, 'Interactions', '- 2026-05-01 · meeting', '2026-05-01', 'first')).toBe(
      '## Interactions\n\n- 2026-05-01 · meeting\n- 2026-05-01 · call\n- 2026-01-01 · email\n',
    );
  });
});

describe('splitNote / editBody', () => {
  it('splits like Obsidian and keeps the frontmatter bytes on edit', () => {
    const text = '---\na: 1 # comment\n---\nbody';
    expect(splitNote(text)).toEqual({
      yaml: 'a: 1 # comment\n',
      head: '---\na: 1 # comment\n---\n',
      body: 'body',
      unterminated: false,
    });
    expect(editBody(text, (b) => `${b}!`)).toBe('---\na: 1 # comment\n---\nbody!');
  });

  it('flags an unclosed frontmatter block', () => {
    expect(splitNote('---\na: 1\nno end').unterminated).toBe(true);
  });

  it('treats a note without frontmatter as all body', () => {
    expect(splitNote('# Title\n---\n')).toEqual({ yaml: null, head: '', body: '# Title\n---\n', unterminated: false });
  });
});

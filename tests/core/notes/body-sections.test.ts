import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendToSection,
  datedItemDates,
  insertDatedLine,
  insertDatedLines,
  newestDatedItem,
  prependToSection,
  sectionLines,
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

describe('datedItemDates', () => {
  // Pinned against the line-object walk it replaces (sectionLines + the dated-item rule): the
  // fast walk must find the same dates in any body, CRLF and sub-headings included, and
  // none inside a fenced code block.
  const line = fc.oneof(
    fc.constantFrom(
      '## Interactions',
      '# interactions',
      '### Sub',
      '## History',
      '```',
      '~~~',
      '',
      'text',
      '  ## Interactions',
    ),
    fc
      .tuple(fc.integer({ min: 2020, max: 2027 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 31 }))
      .map(([y, m, d]) => `- ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} · call`),
    fc.constantFrom('- [x] 2026-01-02 done', '- [[2026-3-4]] · meeting', '* 2025-12-31', '- no date'),
  );
  /** Lines inside a fenced block blanked: a dated line in code is not a log entry. */
  const withoutFences = (body: string) => {
    let fence: string | null = null;
    return body
      .split('\n')
      .map((l) => {
        const f = /^ {0,3}(`{3,}|~{3,})/.exec(l.replace(/\r$/, ''));
        if (f) {
          const marker = (f[1] as string)[0] as string;
          if (fence === null) fence = marker;
          else if (fence === marker) fence = null;
          return l;
        }
        return fence === null ? l : '';
      })
      .join('\n');
  };
  const reference = (body: string) => {
    const out = new Set<string>();
    for (const text of sectionLines(withoutFences(body), 'Interactions')) {
      const m = /^\s*[-*+]\s+(?:\[[ xX]\]\s+)?(?:\[\[)?(\d{4})-(\d{1,2})-(\d{1,2})(?![0-9])/.exec(text);
      if (!m) continue;
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate())
        out.add(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
    return [...out].sort();
  };

  it('finds every dated item of the section, oldest first, once each, as the line walk does (property)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.boolean(), (lines, crlf) => {
        const body = lines.join(crlf ? '\r\n' : '\n');
        expect(datedItemDates(body, 'Interactions')).toEqual(reference(body));
      }),
    );
  });
});

describe('the first items of an empty section', () => {
  // An address book's section can come right after an empty ## Interactions (the card was
  // imported before any meeting): the meetings logged later keep a blank line before it, as
  // a note made by all the sources in one run has.
  const body = '[x](y)\n\n## Interactions\n\n## From address book\n\nMet at a meetup\n';
  const A = { line: '- 2024-01-01 · meeting · A', date: '2024-01-01' };
  const B = { line: '- 2025-01-01 · meeting · B', date: '2025-01-01' };

  it('keep a blank line before the next heading, one item or several', () => {
    const tail = '\n## From address book\n\nMet at a meetup\n';
    expect(insertDatedLines(body, 'Interactions', [A])).toBe(`[x](y)\n\n## Interactions\n\n${A.line}\n${tail}`);
    expect(insertDatedLines(body, 'Interactions', [A, B])).toBe(
      `[x](y)\n\n## Interactions\n\n${B.line}\n${A.line}\n${tail}`,
    );
    expect(insertDatedLine('## Interactions\n## Next\n', 'Interactions', A.line, A.date)).toBe(
      `## Interactions\n\n${A.line}\n\n## Next\n`,
    );
  });

  it('add no second blank line where the section already has items or ends the note', () => {
    expect(insertDatedLines('## Interactions\n\n', 'Interactions', [A])).toBe(`## Interactions\n\n${A.line}\n`);
    expect(insertDatedLines(`## Interactions\n\n${A.line}\n\n## Next\n`, 'Interactions', [B])).toBe(
      `## Interactions\n\n${B.line}\n${A.line}\n\n## Next\n`,
    );
  });
});

/**
 * One import update, one text edit (issue 13 case 2): frontmatter keys and body lines
 * together; every other byte kept (a BOM, CRLF, comments); the line patcher's fallback
 * used only for YAML it declines; the history line added once, never twice.
 */
import { describe, expect, it } from 'vitest';
import type { UpdateOp } from '../../../src/core/import/plan-types';
import { historyToAdd, updatedNoteText, type YamlTools } from '../../../src/core/import/update-note';
import { parseFrontmatterOrThrow, patchWithLibrary } from '../../../src/cli/yaml-full';

function op(partial: Partial<UpdateOp>): UpdateOp {
  return { path: 'People/x.md', name: 'X', changes: [], history: null, jobChange: null, interactions: [], ...partial };
}

const never = (): never => {
  throw new Error('the line tools should have handled this');
};
const noFallback: YamlTools = { parse: never, patch: never };

describe('updatedNoteText', () => {
  it('edits keys and body in one text, keeping a BOM, comments and CRLF', () => {
    const text = '\uFEFF---\r\n# mine\r\ncompany: Old Co\r\ntrust: 4\r\n---\r\nBody\r\n';
    const out = updatedNoteText(
      text,
      op({
        changes: [{ field: 'company', from: 'Old Co', to: '2024-01-01' }],
        history: '- 2026-11-26 · job change: Old Co → 2024-01-01',
      }),
      noFallback,
    );
    expect(out).toBe(
      '\uFEFF---\r\n# mine\r\ncompany: "2024-01-01"\r\ntrust: 4\r\n---\r\nBody\r\n\r\n## History\r\n\r\n- 2026-11-26 · job change: Old Co → 2024-01-01\r\n',
    );
  });

  it("appends a source's whole section once, in the same write", () => {
    const sections = op({
      changes: [{ field: 'email', from: null, to: 'ann@example.com' }],
      sections: [{ heading: 'Notes from Contacts', text: 'Met at the fair.\nLikes tea.' }],
    });
    const once = updatedNoteText('---\nemail:\n---\nBody\n', sections, noFallback);
    expect(once).toBe(
      '---\nemail: ann@example.com\n---\nBody\n\n## Notes from Contacts\n\nMet at the fair.\nLikes tea.\n',
    );
    expect(updatedNoteText(once, op({ sections: sections.sections }), noFallback)).toBe(once);
  });

  it('adds a frontmatter block to a note without one', () => {
    expect(
      updatedNoteText('Just text\n', op({ changes: [{ field: 'company', from: null, to: 'Acme' }] }), noFallback),
    ).toBe('---\ncompany: Acme\n---\nJust text\n');
  });

  it('hands YAML the line patcher declines (a key written twice) to the adapter', () => {
    const out = updatedNoteText(
      '---\ncompany: A\ncompany: B\n---\n',
      op({ changes: [{ field: 'company', from: 'B', to: 'C' }] }),
      {
        parse: never,
        patch: (yaml, patch) => `# fallback\n${patchWithLibrary(yaml.replace('company: A\n', ''), patch)}`,
      },
    );
    expect(out).toBe('---\n# fallback\ncompany: C\n---\n');
  });

  it("adds the plan's aliases to the aliases the note has now, which the user may have changed since the plan", () => {
    const aliases = op({ changes: [{ field: 'aliases', from: null, to: ['Zoe Saric'] }] });
    expect(updatedNoteText('---\naliases:\n  - Zo\n---\n', aliases, noFallback)).toBe(
      '---\naliases:\n  - Zo\n  - Zoe Saric\n---\n',
    );
    expect(
      updatedNoteText('---\naliases: [Zoe Saric, {x: 1}]\n---\n', aliases, {
        parse: (y) => parseFrontmatterOrThrow(y),
        patch: never,
      }),
    ).toBe('---\naliases: [Zoe Saric, {x: 1}]\n---\n');
  });

  it('never adds the same history line twice, and refuses an unclosed frontmatter', () => {
    const line = '- 2026-11-26 · job change: A → B';
    const once = updatedNoteText('---\ncompany: A\n---\n', op({ history: line }), noFallback);
    expect(updatedNoteText(once, op({ history: line }), noFallback)).toBe(once);
    expect(() => updatedNoteText('---\ncompany: A\n', op({ history: line }), noFallback)).toThrow(/no closing ---/);
  });
});

describe('historyToAdd', () => {
  const body = (s: string) => () => Promise.resolve(s);

  it("today's job change, without reading the body", async () => {
    const read = () => Promise.reject(new Error('not needed'));
    expect(await historyToAdd({}, { from: 'A', to: 'B' }, '2026-11-26', read)).toBe('- 2026-11-26 · job change: A → B');
  });

  it('a recorded change whose line is missing is repaired; one that is there is left alone', async () => {
    const fm = { 'job-changed-on': '2026-10-01', company: 'Acme', position: 'CTO' };
    expect(await historyToAdd(fm, null, '2026-11-26', body('## History\n\n'))).toBe(
      '- 2026-10-01 · job change: (previous job not recorded) → CTO at Acme',
    );
    expect(
      await historyToAdd(fm, null, '2026-11-26', body('## History\n\n- 2026-10-01 · job change: X → CTO at Acme\n')),
    ).toBeNull();
    expect(await historyToAdd({ company: 'Acme' }, null, '2026-11-26', body(''))).toBeNull();
  });
});

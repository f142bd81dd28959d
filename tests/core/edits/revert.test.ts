/**
 * Undo of a command on a note that changed since, and the line diff that edits an open
 * editor. Pinned because undo must never throw away text the user wrote after the command:
 * it takes back only the command's own changes, or refuses with a reason. Property tests
 * put random later edits around a logged line and check the rest survives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldEdits, planRevert, revertBody, sameValue } from '../../../src/core/edits/revert';
import { textChanges } from '../../../src/core/edits/text-changes';
import { prependToSection } from '../../../src/core/notes/body-sections';

const BODY = '[LinkedIn profile](x)\n\nMy notes.\n\n## Interactions\n\n- 2025-01-10 · email · intro\n';
const LINE = '- 2026-11-26 · call · caught up';
const LOGGED = prependToSection(BODY, 'Interactions', LINE);

function apply(text: string, changes: ReturnType<typeof textChanges>): string {
  let out = '';
  let at = 0;
  for (const c of changes) {
    out += text.slice(at, c.from) + c.insert;
    at = c.to;
  }
  return out + text.slice(at);
}

describe('textChanges', () => {
  it('keeps two distant edits apart, so the text between them does not move', () => {
    const before = '---\nlast-contact: 2025-01-10\n---\nA\nB\nC\n## Interactions\n\n- old\n';
    const after = '---\nlast-contact: 2026-11-26\n---\nA\nB\nC\n## Interactions\n\n- new\n- old\n';
    const changes = textChanges(before, after);
    expect(changes).toHaveLength(2);
    expect(apply(before, changes)).toBe(after);
  });

  it('turns any text into any other text, in order and without overlaps', () => {
    const lines = fc.array(fc.constantFrom('a\n', 'b\n', '\n', 'c', 'd\r\n', '## X\n'), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const a = x.join('');
        const b = y.join('');
        const changes = textChanges(a, b);
        for (let i = 1; i < changes.length; i++) expect(changes[i]!.from).toBeGreaterThanOrEqual(changes[i - 1]!.to);
        expect(apply(a, changes)).toBe(b);
      }),
    );
  });
});

describe('revertBody', () => {
  it('restores exactly when nothing changed since', () => {
    expect(revertBody(LOGGED, BODY, LOGGED)).toBe(BODY);
  });

  it('takes the logged line back out and keeps edits made elsewhere since', () => {
    const later = LOGGED.replace('My notes.', 'My notes. More notes.') + '\n## Projects\n\n- a thing\n';
    expect(revertBody(later, BODY, LOGGED)).toBe(
      BODY.replace('My notes.', 'My notes. More notes.') + '\n## Projects\n\n- a thing\n',
    );
  });

  it('refuses when the line it added was edited or removed', () => {
    expect(revertBody(LOGGED.replace('caught up', 'caught up again'), BODY, LOGGED)).toBeNull();
    expect(revertBody(BODY, BODY, LOGGED)).toBeNull();
  });

  it('finds its own line by its neighbours when the same words were added again elsewhere', () => {
    const later = `${LOGGED}\n## Copy\n\n${LINE}\n`;
    expect(revertBody(later, BODY, LOGGED)).toBe(`${BODY}\n## Copy\n\n${LINE}\n`);
  });

  it('keeps any later text that does not touch the logged line (property)', () => {
    const words = fc.stringMatching(/^[A-Za-z ]{1,20}$/);
    fc.assert(
      fc.property(words, fc.boolean(), (extra, atStart) => {
        const later = atStart ? `${extra}\n${LOGGED}` : `${LOGGED}${extra}\n`;
        const expected = atStart ? `${extra}\n${BODY}` : `${BODY}${extra}\n`;
        expect(revertBody(later, BODY, LOGGED)).toBe(expected);
      }),
    );
  });
});

describe('planRevert', () => {
  const edit = {
    fields: [
      { key: 'last-contact', before: '2025-01-10', after: '2026-11-26' },
      { key: 'snooze-until', before: undefined, after: '2026-12-03' },
    ],
    body: { before: BODY, after: LOGGED },
  };

  it('sets the keys back (removing the ones it added) and gives the body without its line', () => {
    const plan = planRevert(
      { fm: { 'last-contact': '2026-11-26', 'snooze-until': '2026-12-03', updated: 'now' }, body: LOGGED },
      edit,
    );
    expect(plan).toEqual({
      ok: true,
      fields: [
        { key: 'last-contact', value: '2025-01-10' },
        { key: 'snooze-until', value: undefined },
      ],
      body: BODY,
    });
  });

  it('names the key that changed since', () => {
    expect(
      planRevert({ fm: { 'last-contact': '2026-11-27', 'snooze-until': '2026-12-03' }, body: LOGGED }, edit),
    ).toEqual({
      ok: false,
      reason: 'last-contact was changed since (now "2026-11-27")',
    });
    expect(planRevert({ fm: { 'last-contact': '2026-11-26' }, body: LOGGED }, edit)).toEqual({
      ok: false,
      reason: 'snooze-until was changed since (now empty)',
    });
    expect(planRevert({ fm: null, body: LOGGED }, edit)).toMatchObject({ ok: false });
  });

  it('treats empty, null and absent as the same YAML value', () => {
    expect(sameValue(null, undefined)).toBe(true);
    expect(sameValue('', null)).toBe(true);
    expect(sameValue(3, 3)).toBe(true);
    expect(sameValue(['a'], ['a'])).toBe(true);
    expect(sameValue(3, '3')).toBe(false);
  });

  it('fieldEdits lists exactly the keys an edit changed', () => {
    expect(fieldEdits({ a: 1, b: [1], c: 'x' }, { a: 1, b: [1, 2], d: true })).toEqual([
      { key: 'b', before: [1], after: [1, 2] },
      { key: 'c', before: 'x', after: undefined },
      { key: 'd', before: undefined, after: true },
    ]);
  });
});

/**
 * Follow-ups gathered per person from every note's tasks: the link resolution each adapter
 * brings, the person's own note, oldest first, completions as contact dates. Pinned so the
 * plugin and the CLI, which both call this, agree on who has what open.
 */
import { describe, expect, it } from 'vitest';
import { noteTaskContacts, tasksByPerson, type TaskNote } from '../../../src/core/followups/follow-ups';
import { effectiveLastContact } from '../../../src/core/people/last-contact';
import { personWith } from '../../support/people';

const PEOPLE = new Set(['People/Jane Doe.md', 'People/Bo Kim.md']);
const resolve = (target: string) => {
  const path = target.includes('/') ? `${target.replace(/\.md$/, '')}.md` : `People/${target}.md`;
  return PEOPLE.has(path) ? path : null;
};
const taskNote = (path: string, text: string, more: Partial<TaskNote> = {}): TaskNote => ({
  path,
  text,
  noteDate: null,
  createdOn: '2026-01-01',
  owner: null,
  ...more,
});

describe('follow-ups per person', () => {
  it('collects open tasks oldest first and completed ones as contact dates', () => {
    const notes = [
      taskNote('Daily/2026-03-02.md', '- [ ] Send [[Jane Doe]] the deck\n- [x] Called [[Bo Kim]] ✅ 2026-03-02', {
        noteDate: '2026-03-02',
      }),
      taskNote(
        'Projects/Launch.md',
        '- [ ] Ask [[Jane Doe]] and [[Bo Kim]] ➕ 2026-02-01 📅 2026-04-01\n- [ ] [[Nobody]]',
      ),
      taskNote('Notes/Old.md', '- [ ] Thank [[People/Jane Doe|Jane]]', { createdOn: '2025-12-01' }),
      taskNote('Notes/Done.md', '- [x] 2026-03-05 lunch with [[Bo Kim]]\n- [x] undated [[Bo Kim]]'),
    ].map((n) => noteTaskContacts(n, resolve));
    const byPerson = tasksByPerson(notes);
    expect(byPerson.get('People/Jane Doe.md')?.followUps.map((f) => [f.path, f.since, f.text, f.due])).toEqual([
      ['Notes/Old.md', '2025-12-01', 'Thank Jane', null],
      ['Projects/Launch.md', '2026-02-01', 'Ask Jane Doe and Bo Kim', '2026-04-01'],
      ['Daily/2026-03-02.md', '2026-03-02', 'Send Jane Doe the deck', null],
    ]);
    expect(byPerson.get('People/Bo Kim.md')).toMatchObject({
      followUps: [{ path: 'Projects/Launch.md' }],
      doneDates: ['2026-03-02', '2026-03-05'],
    });
    expect(byPerson.has('People/Nobody.md')).toBe(false);
  });

  it("counts tasks in a person's own note for them, link or not", () => {
    const n = noteTaskContacts(
      taskNote('People/Jane Doe.md', '## Interactions\n\n- [ ] Send the deck\n- [x] Sent the intro ✅ 2026-02-02', {
        owner: 'People/Jane Doe.md',
      }),
      resolve,
    );
    expect(n.open.map((o) => [o.person, o.followUp.text])).toEqual([['People/Jane Doe.md', 'Send the deck']]);
    expect(n.done).toEqual([{ person: 'People/Jane Doe.md', date: '2026-02-02' }]);
  });

  it('marks the tasks a weekly review wrote', () => {
    const n = noteTaskContacts(
      taskNote('Daily/2026-04-27.md', '## Reach-outs for 2026-W18\n- [ ] Reach out to [[Jane Doe]] ➕ 2026-04-27'),
      resolve,
    );
    expect(n.open[0]?.followUp).toMatchObject({ review: true, since: '2026-04-27' });
  });

  it('makes a completed follow-up the last contact, named as such', () => {
    const p = personWith({ 'last-contact': '2026-01-01' }, { doneDates: ['2026-03-02'] });
    expect(effectiveLastContact(p, { useDailyNotes: true })).toEqual({ date: '2026-03-02', source: 'follow-up' });
  });
});

/**
 * Bulk actions as edits: the frontmatter and body changes each action makes, who is left
 * out because nothing would change, and the words shown before and after. Pinned because
 * a bulk step touches many notes at once and must write exactly what the single-person
 * command writes, through the same line patcher the CLI uses.
 */
import { describe, expect, it } from 'vitest';
import { bulkEdit, bulkLabel, bulkProblem, planBulk, type BulkAction } from '../../../src/core/bulk/bulk-actions';
import { editBody } from '../../../src/core/notes/note-text';
import { editFrontmatterText } from '../../../src/cli/frontmatter-edit';
import { personWith } from '../../support/people';

const TODAY = '2026-04-27';
const NOTE =
  '---\nname: Ann\ntrust: 3\n# my comment\ntags:\n  - person\n  - Mentor\n---\n## Interactions\n\n- 2026-01-01 · call\n';

function apply(action: BulkAction, text = NOTE): string {
  const edit = bulkEdit(action, TODAY);
  const fm = editFrontmatterText(text, edit.frontmatter);
  return edit.body ? editBody(fm, edit.body) : fm;
}

describe('bulk actions', () => {
  it('log contact today: last-contact forward and a line on top of the log', () => {
    expect(apply({ kind: 'log' })).toBe(
      '---\nname: Ann\ntrust: 3\n# my comment\ntags:\n  - person\n  - Mentor\nlast-contact: 2026-04-27\n---\n## Interactions\n\n- 2026-04-27 · other\n- 2026-01-01 · call\n',
    );
  });

  it('snooze, trust, cadence and stop change one field and keep the rest', () => {
    expect(apply({ kind: 'snooze', until: '2026-06-01' })).toContain('snooze-until: 2026-06-01\n---');
    expect(apply({ kind: 'trust', level: 5 })).toContain('trust: 5\n# my comment\n');
    expect(apply({ kind: 'cadence', days: 14 })).toContain('cadence: 14\n');
    expect(apply({ kind: 'stop' })).toContain('cadence: 0\n');
  });

  it('adds a tag once, whatever its case or #, and removes it', () => {
    expect(apply({ kind: 'tag', tag: '#family' })).toContain('tags:\n  - person\n  - Mentor\n  - family\n');
    expect(apply({ kind: 'tag', tag: 'mentor' })).toBe(NOTE);
    expect(apply({ kind: 'untag', tag: '#MENTOR' })).toContain('tags:\n  - person\n---');
    expect(apply({ kind: 'tag', tag: 'vip' }, '---\ntags: person, x\n---\n')).toContain('  - vip');
    expect(apply({ kind: 'untag', tag: 'person' }, '---\nname: A\ntags: [person]\n---\n')).toBe('---\nname: A\n---\n');
    expect(apply({ kind: 'tag', tag: 'vip' }, '---\nname: A\n---\n')).toContain('tags:\n  - vip\n');
  });

  it('leaves out the people it would not change and says how it changes the others', () => {
    const people = [
      personWith({ name: 'A', trust: 4, tags: ['mentor'] }),
      personWith({ name: 'B', trust: 2 }),
      personWith({ name: 'C', cadence: 0 }),
    ];
    const changes = (a: BulkAction) => {
      const plan = planBulk(a, people, TODAY);
      return [plan.changes.map((c) => `${c.person.name}: ${c.change}`), plan.unchanged.map((p) => p.name)];
    };
    expect(changes({ kind: 'trust', level: 4 })).toEqual([['B: trust 2 → 4', 'C: trust none → 4'], ['A']]);
    expect(changes({ kind: 'tag', tag: 'Mentor' })).toEqual([['B: tag #mentor added', 'C: tag #mentor added'], ['A']]);
    expect(changes({ kind: 'untag', tag: 'mentor' })).toEqual([['A: tag #mentor removed'], ['B', 'C']]);
    expect(changes({ kind: 'stop' })).toEqual([['A: no more reminders', 'B: no more reminders'], ['C']]);
    expect(changes({ kind: 'log' })[0]).toHaveLength(3);
  });

  it('refuses what cannot be right, with a clear message', () => {
    expect(bulkProblem({ kind: 'snooze', until: TODAY }, TODAY)).toBe(
      'snooze until 2026-04-27: the date must be after today (2026-04-27)',
    );
    expect(bulkProblem({ kind: 'trust', level: 6 }, TODAY)).toBe('trust 6: expected a level from 1 to 5');
    expect(bulkProblem({ kind: 'cadence', days: -1 }, TODAY)).toContain('whole number of days');
    expect(bulkProblem({ kind: 'tag', tag: 'two words' }, TODAY)).toBe(
      '"two words" is not a tag (one word, no spaces or commas)',
    );
    expect(bulkProblem({ kind: 'tag', tag: 'family/close' }, TODAY)).toBeNull();
    // The person tag marks person notes outside the people folder: removing it in bulk would lose them.
    expect(bulkProblem({ kind: 'untag', tag: '#Person' }, TODAY, 'person')).toBe(
      '#person marks person notes: removing it would take them out of Network CRM',
    );
    expect(bulkProblem({ kind: 'tag', tag: 'person' }, TODAY, 'person')).toBeNull();
  });

  it('names the step for the confirmation, the notice and undo', () => {
    const names = ["Don't know", 'Met', 'Know well', 'Trusted', 'Inner circle'];
    expect(bulkLabel({ kind: 'log' }, 35)).toBe('log contact today with 35 people');
    expect(bulkLabel({ kind: 'trust', level: 4 }, 1, names)).toBe('set trust of 1 person to Trusted');
    expect(bulkLabel({ kind: 'cadence', days: 14 }, 1200)).toBe('keep in touch with 1,200 people every 14 days');
    expect(bulkLabel({ kind: 'untag', tag: '#x' }, 2)).toBe('remove #x from 2 people');
  });
});

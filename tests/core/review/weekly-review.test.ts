/**
 * "Plan this week's reach-outs": who is picked, in what order, and the tasks written with
 * their context. Pinned with `today` fixed (a Monday, 2026-04-27, ISO week 18) because the
 * picks are the whole point of the command and the task text lands in the user's notes.
 */
import { describe, expect, it } from 'vitest';
import { isoWeekLabel, weekStart } from '../../../src/core/dates/iso-week';
import { findTasks } from '../../../src/core/followups/tasks';
import {
  addReviewToNote,
  lastInteractionLine,
  pickContext,
  planReview,
  reviewNotePath,
} from '../../../src/core/review/weekly-review';
import { keepInTouchAll } from '../../../src/core/stale/keep-in-touch';
import { everyDays, personWith, staleOptions } from '../../support/people';

const TODAY = '2026-04-27';
const opts = staleOptions(TODAY);

const overdue = (name: string, lastContact: string, more: Record<string, unknown> = {}) =>
  personWith({ name, trust: 5, 'last-contact': lastContact, ...more });
const PEOPLE = [
  overdue('Olga Overdue', '2025-12-01', { company: 'Acme', position: 'CTO', 'met-where': '[[Web Summit 2024]]' }),
  overdue('Oscar Overdue', '2026-02-01'),
  overdue('Otto Overdue', '2026-01-15'),
  personWith({ name: 'Dana Due', trust: 5, 'last-contact': '2026-03-20' }), // due, not overdue: never picked
  personWith({ name: 'Drew Drifting', trust: 2 }, { logDates: everyDays(TODAY, 6, 14, 80) }),
  personWith(
    { name: 'Fran Follow', trust: 2, 'last-contact': '2026-04-20' },
    { followUps: [{ text: 'Send the deck', since: '2026-04-01' }] },
  ),
  personWith({ name: 'Bea Birthday', trust: 2, 'last-contact': '2026-04-20', birthday: '1986-04-30' }),
  personWith({ name: 'Bill Birthday', trust: 2, 'last-contact': '2026-04-20', birthday: '--05-03' }),
  personWith({ name: 'Late Birthday', trust: 2, 'last-contact': '2026-04-20', birthday: '--05-04' }), // 7 days on
  overdue('Pruned', '2020-01-01', { prune: true, birthday: '--04-28' }),
  personWith(
    { name: 'Planned Already', trust: 5, 'last-contact': '2025-01-01' },
    { followUps: [{ review: true, since: '2026-04-27' }] },
  ),
];
const names = (count: number, people = PEOPLE) =>
  planReview(keepInTouchAll(people, opts), { today: TODAY, count }).map((p) => p.status.person.name);

describe('weekly review picks', () => {
  it('takes birthdays first, then follow-ups, overdue and drifting in turn', () => {
    expect(names(5)).toEqual(['Bea Birthday', 'Bill Birthday', 'Fran Follow', 'Olga Overdue', 'Drew Drifting']);
    expect(names(8)).toEqual([
      'Bea Birthday',
      'Bill Birthday',
      'Fran Follow',
      'Olga Overdue',
      'Drew Drifting',
      'Otto Overdue',
      'Oscar Overdue',
    ]);
    expect(names(1)).toEqual(['Bea Birthday']);
  });

  it('gives every reason that applies, in words', () => {
    const people = [
      personWith(
        { name: 'All Reasons', trust: 5, 'last-contact': '2025-06-01', birthday: '1986-04-27' },
        { followUps: [{ text: 'Send the deck', since: '2026-04-13' }], logDates: everyDays('2025-06-01', 5, 20, 0) },
      ),
    ];
    const [pick] = planReview(keepInTouchAll(people, opts), { today: TODAY, count: 5 });
    expect(pick?.reasons.map((r) => r.text)).toEqual([
      'birthday today, turns 40',
      'follow-up: Send the deck · open 2 weeks',
      '10 months overdue (every 30 days, as Inner circle)',
      'drifting: usually every 3 weeks; silent for 11 months',
    ]);
  });

  it('does not pick people planned this week, nor pruned people, nor for a review task alone', () => {
    const picked = names(20);
    expect(picked).not.toContain('Planned Already');
    expect(picked).not.toContain('Pruned');
    expect(picked).not.toContain('Dana Due');
    expect(picked).not.toContain('Late Birthday');
    const lastWeek = [
      personWith(
        { name: 'Planned Last Week', trust: 2, 'last-contact': '2026-04-20' },
        { followUps: [{ review: true, since: '2026-04-20' }] },
      ),
    ];
    expect(names(5, lastWeek)).toEqual([]); // only the old review task: not a reason by itself
  });
});

describe('the review written into a note', () => {
  const [olga] = planReview(keepInTouchAll([PEOPLE[0]!], opts), { today: TODAY, count: 1 });
  const body = '## Interactions\n\n- 2026-01-02 · call · caught up about [[Web Summit 2025]]\n- 2025-12-01 · email\n';

  it('writes a task with the reason and the context that makes the message easy', () => {
    const text = addReviewToNote(
      null,
      [{ pick: olga!, context: pickContext(olga!, lastInteractionLine(body)) }],
      TODAY,
    );
    expect(text).toBe(
      [
        '## Reach-outs for 2026-W18',
        '',
        '- [ ] Reach out to [[People/Olga Overdue|Olga Overdue]] — 4 months overdue (every 30 days, as Inner circle) ➕ 2026-04-27',
        '\t- Met at [[Web Summit 2024]] · CTO at Acme',
        '\t- Last: 2026-01-02 · call · caught up about [[Web Summit 2025]]',
        '',
      ].join('\n'),
    );
    // The task it wrote is an open follow-up, known as the review's own, dated today.
    expect(findTasks(text)).toMatchObject([{ state: 'open', targets: ['People/Olga Overdue'], createdOn: TODAY }]);
  });

  it('adds to an existing daily note, keeping it, and under the same heading when run again', () => {
    const daily = '---\ntags: daily\n---\n# Monday\r\n\r\nNotes of the day.\r\n';
    const once = addReviewToNote(daily, [{ pick: olga!, context: pickContext(olga!, null) }], TODAY);
    expect(
      once.startsWith('---\ntags: daily\n---\n# Monday\r\n\r\nNotes of the day.\r\n\r\n## Reach-outs for 2026-W18\r\n'),
    ).toBe(true);
    expect(once).toContain('\t- Last: 2025-12-01\r\n'); // her last-contact field, as the stale list has it
    const twice = addReviewToNote(once, [{ pick: olga!, context: pickContext(olga!, null) }], TODAY);
    expect(twice.match(/## Reach-outs/g)).toHaveLength(1);
    expect(twice.match(/- \[ \] Reach out/g)).toHaveLength(2);
  });

  it('uses a template for a daily note that does not exist yet', () => {
    const text = addReviewToNote(
      null,
      [{ pick: olga!, context: pickContext(olga!, null) }],
      TODAY,
      '# Today\n\n## Log\n\n',
    );
    expect(text.startsWith('# Today\n\n## Log\n\n## Reach-outs for 2026-W18\n\n- [ ] Reach out')).toBe(true);
  });

  it('escapes what LinkedIn wrote, keeps what the user wrote', () => {
    const hostile = personWith({
      name: 'H',
      trust: 5,
      'last-contact': '2025-01-01',
      company: '[[Evil]] <b>',
      'met-where': 'the *bar*',
    });
    const [pick] = planReview(keepInTouchAll([hostile], opts), { today: TODAY, count: 1 });
    const text = addReviewToNote(null, [{ pick: pick!, context: pickContext(pick!, null) }], TODAY);
    expect(text).toContain('\t- Met at the *bar* · \\[\\[Evil\\]\\] \\<b\\>');
  });

  it('names the weekly note by ISO week, which may belong to the next or previous year', () => {
    expect(reviewNotePath(TODAY)).toBe('Network CRM/Reviews/2026-W18.md');
    expect(isoWeekLabel('2024-12-30')).toBe('2025-W01');
    expect(isoWeekLabel('2027-01-01')).toBe('2026-W53');
    expect(isoWeekLabel('2026-01-01')).toBe('2026-W01');
    expect(weekStart('2026-05-03')).toBe('2026-04-27');
  });

  it('takes the newest dated interaction line, wherever it is in the log', () => {
    expect(
      lastInteractionLine('## Interactions\n\n- 2025-01-01 · call\n- [[2026-02-03]] · meeting · lunch\n- no date\n'),
    ).toBe('[[2026-02-03]] · meeting · lunch');
    expect(lastInteractionLine('no log')).toBeNull();
  });
});

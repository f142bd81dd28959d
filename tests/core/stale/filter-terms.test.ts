/**
 * The keep-in-touch terms of the shared filter language, with `today` fixed: what the stale
 * view's search box and `network-crm bulk --filter` select. Pinned because a bulk action
 * writes to everyone a filter selects; a term that matched more than it says would change
 * notes the user never meant to touch.
 */
import { describe, expect, it } from 'vitest';
import { FilterError } from '../../../src/core/people/filter';
import { filterKeepInTouch, parsePeopleFilter } from '../../../src/core/stale/filter-terms';
import { keepInTouchAll } from '../../../src/core/stale/keep-in-touch';
import { selectForBulk } from '../../../src/core/triage/bulk';
import { everyDays, personWith, staleOptions } from '../../support/people';

const TODAY = '2026-04-27';
const ALL = keepInTouchAll(
  [
    personWith({ name: 'Overdue', trust: 5, 'last-contact': '2026-01-01', company: 'Acme Corp', tags: ['mentor'] }),
    personWith({ name: 'Due', trust: 4, 'last-contact': '2026-02-10', tags: ['family/close'] }),
    personWith(
      { name: 'Drifter', trust: 2, 'met-where': '[[Web Summit 2024]]' },
      { logDates: everyDays(TODAY, 6, 14, 90) },
    ),
    personWith({ name: 'Tasks', trust: 3, 'last-contact': '2026-04-20' }, { followUps: [{ since: '2026-04-01' }] }),
    personWith({ name: 'Snoozed', trust: 5, 'last-contact': '2025-01-01', 'snooze-until': '2026-05-01' }),
    personWith({
      name: 'Untriaged',
      'linkedin-status': 'connected',
      'connected-on': '2026-04-01',
      birthday: '--04-30',
    }),
    personWith({
      name: 'Owes',
      trust: 5,
      'last-contact': '2026-01-01',
      'last-message': '2026-01-01',
      'last-message-from': 'them',
    }),
  ],
  staleOptions(TODAY),
);
const names = (text: string, freeText = false) =>
  filterKeepInTouch(ALL, parsePeopleFilter(text, { freeText }), { today: TODAY }).map((k) => k.person.name);

describe('keep-in-touch filter terms', () => {
  it('selects by state: stale, due, overdue, drifting, follow-ups, snoozed, birthday, whose move', () => {
    expect(names('stale')).toEqual(['Overdue', 'Due', 'Owes']);
    expect(names('due')).toEqual(['Due']);
    expect(names('overdue')).toEqual(['Overdue', 'Owes']);
    expect(names('drifting')).toEqual(['Drifter']);
    expect(names('follow-ups')).toEqual(['Tasks']);
    expect(names('snoozed')).toEqual(['Snoozed']);
    expect(names('birthday')).toEqual(['Untriaged']);
    expect(names('owe-reply')).toEqual(['Owes']);
    expect(names('waiting')).toEqual([]);
  });

  it('selects by trust level, range or none, and by tag (nested tags too)', () => {
    expect(names('trust:5')).toEqual(['Overdue', 'Snoozed', 'Owes']);
    expect(names('trust:3-4')).toEqual(['Due', 'Tasks']);
    expect(names('trust:none')).toEqual(['Untriaged']);
    expect(names('tag:#Mentor')).toEqual(['Overdue']);
    expect(names('tag:family')).toEqual(['Due']);
  });

  it('combines with the shared terms, all of which must hold, and free words in the search box', () => {
    expect(names('stale trust:5 company:acme')).toEqual(['Overdue']);
    expect(names('untriaged')).toEqual(['Untriaged']);
    expect(names('met-where:"web summit 2024" drifting')).toEqual(['Drifter']);
    expect(names('owes', true)).toEqual(['Owes']);
  });

  it('refuses what it cannot use, naming the term', () => {
    const error = (text: string) => {
      try {
        parsePeopleFilter(text);
      } catch (e) {
        return e instanceof FilterError ? e.message : String(e);
      }
      return null;
    };
    expect(error('trust:6')).toBe(
      'trust:6: "6" is not a level (1 to 5, a range such as 3-5, or none) (expected trust:N, trust:N-M or trust:none (levels 1 to 5))',
    );
    expect(error('trust:5-3')).toContain('is a range the wrong way round');
    expect(error('tag:')).toContain('tag:: "" is not a tag');
    expect(error('stalee')).toMatch(/^unknown filter "stalee" \(known: .*stale, due, overdue, drifting, follow-ups/);
    expect(error('cadence:3')).toMatch(
      /^unknown filter "cadence:3": "cadence" is not a filter key \(known: .*trust, tag/,
    );
  });

  it("refuses a state term where no keep-in-touch state is known (triage's bulk rating), rather than select nobody", () => {
    const people = ALL.map((k) => k.person);
    expect(() => selectForBulk(people, 'untriaged drifting', { today: TODAY })).toThrow(
      new FilterError(
        'drifting',
        '"drifting" needs the keep-in-touch lists: use it in the stale view\'s search box or network-crm bulk',
      ),
    );
    // The terms that read only the note still work there.
    expect(selectForBulk(people, 'untriaged trust:none birthday', { today: TODAY }).map((p) => p.name)).toEqual([
      'Untriaged',
    ]);
  });
});

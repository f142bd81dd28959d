/**
 * Due versus overdue, the sections of the keep-in-touch view and the words on a row.
 * Pinned with `today` fixed: the two thresholds change what the user sees first and how
 * it is coloured, and the review only takes overdue people.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cadenceText } from '../../../src/core/stale/cadence';
import { followUpText, overdueText, reasonsText, statusText } from '../../../src/core/stale/describe';
import {
  keepInTouch,
  keepInTouchAll,
  sectionCounts,
  sectionList,
  sectionOf,
  SECTIONS,
} from '../../../src/core/stale/keep-in-touch';
import { staleEntry } from '../../../src/core/stale/stale-list';
import { everyDays, personWith, staleOptions } from '../../support/people';

const TODAY = '2026-11-26';
const opts = staleOptions(TODAY, { tagCadences: [{ tag: 'mentor', days: 60 }] });

describe('due and overdue', () => {
  it('is due once the period has passed and overdue once it has passed by half again', () => {
    const p = (daysAgo: number) =>
      personWith({
        trust: 4,
        'last-contact': new Date(Date.parse(`${TODAY}T00:00:00Z`) - daysAgo * 864e5).toISOString().slice(0, 10),
      });
    expect(staleEntry(p(60), opts)).toBeNull();
    expect(staleEntry(p(61), opts)).toMatchObject({ state: 'due', daysOverdue: 1 });
    expect(staleEntry(p(90), opts)).toMatchObject({ state: 'due', daysOverdue: 30 });
    expect(staleEntry(p(91), opts)).toMatchObject({ state: 'overdue', daysOverdue: 31 });
    expect(overdueText(staleEntry(p(61), opts)!)).toBe('due yesterday');
    expect(overdueText(staleEntry(p(75), opts)!)).toBe('due 2 weeks ago');
    expect(overdueText(staleEntry(p(200), opts)!)).toBe('5 months overdue');
  });

  it('names the rule that applies on the row', () => {
    const k = keepInTouch(personWith({ trust: 2, 'last-contact': '2026-01-01', tags: ['mentor'] }), opts);
    expect(cadenceText(k.cadence!)).toBe('every 60 days, as #mentor');
    expect(reasonsText(k, 'stale', TODAY)).toBe('every 60 days, as #mentor');
    expect(statusText(k)).toEqual({ text: '9 months overdue', cls: 'overdue' });
  });
});

describe('sections', () => {
  const people = [
    personWith({ name: 'Overdue', trust: 5, 'last-contact': '2026-01-01' }),
    personWith({ name: 'Due', trust: 4, 'last-contact': '2026-09-10' }),
    personWith({ name: 'Drifter', trust: 2 }, { logDates: everyDays(TODAY, 6, 14, 90) }),
    personWith(
      { name: 'Has tasks', trust: 2, 'last-contact': '2026-11-01' },
      {
        followUps: [
          { text: 'Send the deck', since: '2026-11-01', due: '2026-12-01' },
          { text: 'Intro to Bo', since: '2026-11-20' },
        ],
      },
    ),
    personWith(
      { name: 'Older task', trust: 2, 'last-contact': '2026-11-01' },
      { followUps: [{ since: '2026-10-01' }] },
    ),
    personWith({ name: 'Fine', trust: 5, 'last-contact': '2026-11-20' }),
  ];
  const all = keepInTouchAll(people, opts);
  const names = (s: Parameters<typeof sectionList>[1]) => sectionList(all, s).map((k) => k.person.name);

  it('lists each section in its own order', () => {
    expect(names('stale')).toEqual(['Overdue', 'Due']);
    expect(names('drifting')).toEqual(['Drifter']);
    expect(names('follow-ups')).toEqual(['Older task', 'Has tasks']);
    expect(names('all')).toEqual(['Drifter', 'Due', 'Fine', 'Has tasks', 'Older task', 'Overdue']);
    expect(sectionCounts(all)).toEqual({ stale: 2, drifting: 1, 'follow-ups': 2, all: 6 });
  });

  it('leads with the reason the section is about', () => {
    const byName = (n: string) => all.find((k) => k.person.name === n)!;
    expect(reasonsText(byName('Drifter'), 'drifting', TODAY)).toBe(
      'usually every 2 weeks; silent for 3 months · every 365 days, as Met',
    );
    expect(reasonsText(byName('Has tasks'), 'follow-ups', TODAY)).toBe(
      '☐ Send the deck · open 4 weeks · due 2026-12-01 (+1) · every 365 days, as Met',
    );
    expect(statusText(byName('Has tasks'))).toEqual({ text: 'follow-up', cls: 'follow-up' });
    expect(statusText(byName('Drifter'))).toEqual({ text: 'drifting', cls: 'drifting' });
    expect(followUpText({ path: 'x', line: 0, text: '', since: TODAY, due: null, review: false }, TODAY)).toBe(
      'Open task · open since today',
    );
  });

  it('leaves pruned people out of Follow-ups (the prune list is their checklist)', () => {
    const pruned = keepInTouchAll([personWith({ prune: true }, { followUps: [{ since: '2026-01-01' }] })], opts);
    expect(sectionList(pruned, 'follow-ups')).toEqual([]);
  });
});

/**
 * The CLI builds one section straight from the records (sectionOf), making the whole state only
 * for the people in it; the plugin filters everyone's state (sectionList). The same people, in
 * the same order, with the same state, whatever the person: due or not, snoozed, pruned, with
 * tasks, with a rhythm of contact, untriaged.
 */
describe('one section from the records', () => {
  // From two and a half years before TODAY to three months after (a snooze runs into the future).
  const day = fc
    .integer({ min: 0, max: 1000 })
    .map((n) => new Date(Date.parse('2024-06-01') + n * 864e5).toISOString().slice(0, 10));
  const person = fc
    .record({
      name: fc.constantFrom('Ana', 'Bo', 'Cy', 'Dee'),
      trust: fc.constantFrom(undefined, 1, 2, 3, 4, 5),
      last: fc.option(day),
      snooze: fc.option(day),
      prune: fc.boolean(),
      status: fc.constantFrom('connected', 'invitation-received'),
      tags: fc.subarray(['mentor', 'family/close']),
      cadence: fc.option(fc.constantFrom(0, 30, 200)),
      // Random days, or a rhythm gone quiet (what makes someone drift).
      log: fc.oneof(
        fc.array(day, { maxLength: 8 }),
        fc
          .tuple(fc.integer({ min: 4, max: 8 }), fc.integer({ min: 7, max: 30 }), fc.integer({ min: 0, max: 200 }))
          .map(([n, every, ago]) => everyDays(TODAY, n, every, ago)),
      ),
      tasks: fc.array(fc.option(day), { maxLength: 2 }),
    })
    .map((r) =>
      personWith(
        {
          name: r.name,
          ...(r.trust === undefined ? {} : { trust: r.trust }),
          ...(r.last === null ? {} : { 'last-contact': r.last }),
          ...(r.snooze === null ? {} : { 'snooze-until': r.snooze }),
          ...(r.prune ? { prune: true } : {}),
          ...(r.cadence === null ? {} : { cadence: r.cadence }),
          'linkedin-status': r.status,
          tags: r.tags,
        },
        {
          logDates: [...new Set(r.log)],
          followUps: r.tasks.map((since) => ({ since })),
        },
      ),
    );

  it("gives what filtering everyone's state gives, for every section", () => {
    const seen = { stale: 0, drifting: 0, 'follow-ups': 0, all: 0 };
    fc.assert(
      fc.property(fc.array(person, { maxLength: 30 }), fc.boolean(), (people, includeUntriaged) => {
        const o = staleOptions(TODAY, { includeUntriaged, tagCadences: [{ tag: 'mentor', days: 60 }] });
        const all = keepInTouchAll(people, o);
        for (const section of SECTIONS) {
          const list = sectionList(all, section);
          expect(sectionOf(people, o, section)).toEqual(list);
          seen[section] += list.length;
        }
      }),
      { numRuns: 300 },
    );
    // Every section had people in it, or the comparison proved nothing about it.
    for (const n of Object.values(seen)) expect(n).toBeGreaterThan(20);
  });
});

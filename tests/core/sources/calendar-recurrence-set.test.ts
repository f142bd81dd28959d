/**
 * Which occurrences of an event count: RFC 5545's recurrence set (§3.8.5.2, §3.8.5.3),
 * DTSTART plus the RRULE's instances plus the RDATEs, minus the EXDATEs, each start once.
 * ical.js's expansion differs, and people lost or gained meetings: with RDATEs and no RRULE
 * the meeting at DTSTART was not counted; a start written twice counted on its old date
 * after an override moved it, and survived its EXDATE; an RDATE in UTC repeating a DTSTART
 * in Berlin was not seen as the same meeting, and was dated as if 23:30 UTC were 23:30 in
 * Berlin; an EXDATE in UTC removed nothing from a series in a zone, one in Berlin removed an
 * RDATE at that hour in UTC, and an EXDATE after some that match nothing removed nothing.
 * Pins: the dates counted and what a person's note would say (meetings, last met) for each
 * combination (dates, times and periods; all-day; repeats; EXDATEs; a rule; zones;
 * overrides), and, for generated events, that the dates are the RFC's set computed by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrencesOf, readCalendar } from '../../../src/core/sources/calendar/read-calendar';
import { ics, meeting, planCalendar } from '../../support/calendar-builders';

const ME: [string, string] = ['Olive Owner', 'olive@example.com'];
const JANE: [string, string] = ['Jane Doe', 'jane@example.com'];
const read = (text: string, timeZone = 'UTC') => readCalendar(text, 'work.ics', { today: '2024-06-30', timeZone });

/** Olive's event with Jane (its DTSTART first, then its other lines) and overrides of it, read in Olive's zone. */
async function counted(lines: readonly string[], zone = 'UTC', overrides: ReadonlyArray<readonly string[]> = []) {
  const uid = 'UID:series@example.com';
  const event = meeting(lines[0] ?? '', 'Team sync', [ME, JANE], [uid, ...lines.slice(1)]);
  const moved = overrides.map((o) => meeting(o[1] ?? '', 'Team sync', [ME, JANE], [uid, o[0] ?? '']));
  const cal = await read(ics([event, ...moved]), zone);
  const jane = (await planCalendar(cal, [], { emails: [ME[1]] })).unmatched.find((p) => p.email === JANE[1]);
  return {
    dates: occurrencesOf(cal).map((o) => o.date),
    occurrences: cal.occurrences,
    meetings: jane?.meetings ?? 0,
    lastMet: jane?.lastMet ?? null,
    problems: cal.problems,
  };
}

/** What counted() gives when these dates are the occurrences, each on a day of its own. */
const met = (...dates: string[]) => ({
  dates,
  occurrences: dates.length,
  meetings: dates.length,
  lastMet: dates[dates.length - 1] ?? null,
  problems: [],
});

describe('calendar: the recurrence set of RFC 5545', () => {
  it.each([
    [
      'RDATE times alone: DTSTART counts too',
      ['DTSTART:20240601T100000Z', 'RDATE:20240603T100000Z,20240605T100000Z'],
      met('2024-06-01', '2024-06-03', '2024-06-05'),
    ],
    [
      'RDATE periods alone: DTSTART counts too',
      ['DTSTART:20240601T100000Z', 'RDATE;VALUE=PERIOD:20240603T100000Z/PT1H,20240605T100000Z/20240605T110000Z'],
      met('2024-06-01', '2024-06-03', '2024-06-05'),
    ],
    [
      'all-day RDATEs alone: DTSTART counts too',
      ['DTSTART;VALUE=DATE:20240601', 'RDATE;VALUE=DATE:20240603'],
      met('2024-06-01', '2024-06-03'),
    ],
    [
      'an RDATE before DTSTART: both count, DTSTART is the last meeting',
      ['DTSTART:20240610T100000Z', 'RDATE:20240603T100000Z'],
      met('2024-06-03', '2024-06-10'),
    ],
    [
      'an RDATE repeating DTSTART counts once',
      ['DTSTART:20240601T100000Z', 'RDATE:20240601T100000Z,20240605T100000Z'],
      met('2024-06-01', '2024-06-05'),
    ],
    [
      'an all-day RDATE repeating DTSTART counts once',
      ['DTSTART;VALUE=DATE:20240601', 'RDATE;VALUE=DATE:20240601,20240603'],
      met('2024-06-01', '2024-06-03'),
    ],
    [
      'an EXDATE on DTSTART removes it from RDATEs alone',
      ['DTSTART:20240601T100000Z', 'RDATE:20240603T100000Z,20240605T100000Z', 'EXDATE:20240601T100000Z'],
      met('2024-06-03', '2024-06-05'),
    ],
    [
      'an EXDATE on DTSTART of an event with no RDATE or RRULE: nothing is left',
      ['DTSTART:20240601T100000Z', 'EXDATE:20240601T100000Z'],
      met(),
    ],
    [
      'an RRULE and an RDATE: DTSTART, the rule and the date',
      ['DTSTART:20240601T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=2', 'RDATE:20240603T100000Z'],
      met('2024-06-01', '2024-06-03', '2024-06-08'),
    ],
    [
      'an RRULE, an RDATE repeating DTSTART, and an EXDATE on DTSTART: DTSTART is gone',
      ['DTSTART:20240601T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=2', 'RDATE:20240601T100000Z', 'EXDATE:20240601T100000Z'],
      met('2024-06-08'),
    ],
    [
      'EXDATEs that match nothing do not hold back the one after them',
      [
        'DTSTART:20240601T100000Z',
        'RRULE:FREQ=WEEKLY;COUNT=3',
        'EXDATE:20240602T100000Z,20240603T100000Z,20240608T100000Z',
      ],
      met('2024-06-01', '2024-06-15'),
    ],
  ])('%s', async (_, lines, expected) => {
    expect(await counted(lines)).toEqual(expected);
  });

  it('an RDATE repeating an instance of the rule, then moved: counted once, on its new date', async () => {
    const lines = ['DTSTART:20240601T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=3', 'RDATE:20240608T100000Z'];
    const moved = ['RECURRENCE-ID:20240608T100000Z', 'DTSTART:20240610T100000Z'];
    expect(await counted(lines, 'UTC', [moved])).toEqual(met('2024-06-01', '2024-06-10', '2024-06-15'));
  });

  it('overrides of RDATEs alone: a moved RDATE leaves DTSTART counted, a moved DTSTART counts once', async () => {
    const lines = ['DTSTART:20240601T100000Z', 'RDATE:20240605T100000Z'];
    const rdateMoved = ['RECURRENCE-ID:20240605T100000Z', 'DTSTART:20240606T100000Z'];
    const startMoved = ['RECURRENCE-ID:20240601T100000Z', 'DTSTART:20240602T100000Z'];
    expect(await counted(lines, 'UTC', [rdateMoved])).toEqual(met('2024-06-01', '2024-06-06'));
    expect(await counted(lines, 'UTC', [startMoved])).toEqual(met('2024-06-02', '2024-06-05'));
  });

  it('a DTSTART in Berlin, RDATEs in UTC: the repeat counts once, 23:30 UTC is the next day in Berlin', async () => {
    const lines = ['DTSTART;TZID=Europe/Berlin:20240601T100000', 'RDATE:20240601T080000Z,20240603T233000Z'];
    expect(await counted(lines, 'Europe/Berlin')).toEqual(met('2024-06-01', '2024-06-04'));
  });

  it('RDATEs are instants: 23:00 in Berlin and 23:00 UTC are two meetings, whatever else repeats', async () => {
    // ical.js compared them by wall clock and kept one of the two (found by the generated test below).
    const lines = [
      'DTSTART;TZID=Europe/Berlin:20240618T230000',
      'RDATE;TZID=Europe/Berlin:20240618T230000',
      'RDATE:20240618T230000Z',
      'RDATE:20240619T000000Z',
    ];
    expect((await counted(lines)).dates).toEqual(['2024-06-18', '2024-06-18', '2024-06-19']);
  });

  it('EXDATEs are instants: one in UTC removes a meeting in Berlin, one in Berlin spares 10:00 UTC', async () => {
    const berlin = ['DTSTART;TZID=Europe/Berlin:20240601T100000', 'RRULE:FREQ=WEEKLY;COUNT=3'];
    expect(await counted([...berlin, 'EXDATE:20240608T080000Z'])).toEqual(met('2024-06-01', '2024-06-15'));
    const utc = ['DTSTART:20240601T100000Z', 'RDATE:20240603T100000Z', 'EXDATE;TZID=Europe/Berlin:20240603T100000'];
    expect(await counted(utc)).toEqual(met('2024-06-01', '2024-06-03'));
  });
});

describe('calendar: generated events count the RFC 5545 set, computed by hand', () => {
  // June 2024 in Berlin is UTC+2 throughout, so a Berlin wall clock is two hours after UTC.
  const start = fc.record({ day: fc.integer({ min: 1, max: 20 }), hour: fc.constantFrom(8, 10, 23) });
  const moment = fc.record({
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.constantFrom(0, 8, 10, 23),
    berlin: fc.boolean(),
  });
  const event = fc.record({
    start,
    weeks: fc.option(fc.integer({ min: 1, max: 4 })),
    rdates: fc.array(moment, { maxLength: 4 }),
    exdates: fc.array(moment, { maxLength: 3 }),
  });
  const HOUR = 3_600_000;
  const pad = (n: number) => String(n).padStart(2, '0');
  const instant = (m: { day: number; hour: number; berlin: boolean }) =>
    Date.UTC(2024, 5, m.day, m.hour) - (m.berlin ? 2 * HOUR : 0);
  const written = (name: string, m: { day: number; hour: number; berlin: boolean }) =>
    `${name}${m.berlin ? ';TZID=Europe/Berlin' : ''}:202406${pad(m.day)}T${pad(m.hour)}0000${m.berlin ? '' : 'Z'}`;

  it('DTSTART in Berlin, a weekly rule or none, RDATEs and EXDATEs in Berlin or UTC', async () => {
    await fc.assert(
      fc.asyncProperty(event, async (e) => {
        const dtstart = { ...e.start, berlin: true };
        const set = new Set([instant(dtstart), ...e.rdates.map(instant)]);
        for (let w = 1; w < (e.weeks ?? 0); w++) set.add(instant(dtstart) + w * 7 * 24 * HOUR);
        for (const x of e.exdates) set.delete(instant(x));
        const expected = [...set]
          .map((ms) => new Date(ms).toISOString().slice(0, 10))
          .filter((d) => d <= '2024-06-30')
          .sort();
        const lines = [
          written('DTSTART', dtstart),
          ...(e.weeks === null ? [] : [`RRULE:FREQ=WEEKLY;COUNT=${e.weeks}`]),
          ...e.rdates.map((m) => written('RDATE', m)),
          ...e.exdates.map((m) => written('EXDATE', m)),
        ];
        const cal = await read(ics([meeting(lines[0] ?? '', 'Team sync', [JANE], lines.slice(1))]));
        expect(cal.problems).toEqual([]);
        expect(occurrencesOf(cal).map((o) => o.date)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

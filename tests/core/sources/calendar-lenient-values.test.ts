/**
 * Values ical.js reads as meant though they are not strict RFC 5545. The check before it
 * (property-check.ts) refused them, so real meetings were lost: `DTSTART:20240601t100000z`
 * left the event out, `UNTIL=20240701T000000z` made a weekly series count once, a fraction
 * of a second (`100000.000Z`) was refused, and `DURATION:P1W2D` warned. Pins: each counts
 * its meetings as its strict twin does (and as ical.js expands the twin), with no warning;
 * a lower-case z or a fraction still means UTC (ical.js alone would read a floating time:
 * another day in the evening, an override that no longer matches its occurrence); and,
 * for generated dates in mixed case, the check passes exactly the values ical.js reads as
 * the date written.
 */
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { splitContentLine, valueProblem } from '../../../src/core/sources/calendar/property-check';
import { occurrencesOf, readCalendar } from '../../../src/core/sources/calendar/read-calendar';
import { ics, meeting } from '../../support/calendar-builders';

const JANE: [string, string] = ['Jane Doe', 'jane@example.com'];
// A rule, so the RDATE cases below count among its instances (RDATEs alone: calendar-recurrence-set.test.ts).
const WEEKLY = 'RRULE:FREQ=WEEKLY;COUNT=2';
const read = (text: string, timeZone = 'UTC') => readCalendar(text, 'work.ics', { today: '2024-06-30', timeZone });
/** One event starting with these lines, then a good one on 20 June. */
const calendar = (lines: readonly string[]) =>
  ics([
    meeting(lines[0] ?? '', 'Team sync', [JANE], lines.slice(1)),
    meeting('DTSTART:20240620T100000Z', 'Fine', [JANE]),
  ]);

async function counted(lines: readonly string[], timeZone?: string) {
  const cal = await read(calendar(lines), timeZone);
  return {
    dates: occurrencesOf(cal)
      .filter((o) => o.info.title === 'Team sync')
      .map((o) => o.date),
    problems: cal.problems.map((p) => `line ${p.line}: ${p.reason}`),
  };
}

/** ical.js's own reading of one component's text. */
function parsed(text: string): ICAL.Component {
  const jcal: unknown = ICAL.parse(text);
  if (!Array.isArray(jcal)) throw new Error('not one component');
  return new ICAL.Component(jcal);
}

/** The dates ical.js itself gives the first event of a calendar (all in UTC or all-day here). */
function icalDates(text: string): string[] {
  const comp = parsed(text).getFirstSubcomponent('vevent');
  if (comp === null) throw new Error('no event');
  const it = new ICAL.Event(comp).iterator();
  const out: string[] = [];
  for (let next = it.next(); next && next.year < 2025; next = it.next()) out.push(next.toString().slice(0, 10));
  return out;
}

describe('calendar: values ical.js reads as meant count their meetings, with no warning', () => {
  it.each([
    ['a lower-case t and z', ['DTSTART:20240601t100000z'], ['DTSTART:20240601T100000Z'], ['2024-06-01']],
    [
      'an UNTIL with a lower-case z',
      ['DTSTART:20240601T100000Z', 'RRULE:FREQ=WEEKLY;UNTIL=20240701T000000z'],
      ['DTSTART:20240601T100000Z', 'RRULE:FREQ=WEEKLY;UNTIL=20240701T000000Z'],
      ['2024-06-01', '2024-06-08', '2024-06-15', '2024-06-22', '2024-06-29'],
    ],
    ['a fraction of a second', ['DTSTART:20240601T100000.000Z'], ['DTSTART:20240601T100000Z'], ['2024-06-01']],
    [
      'weeks and days together',
      ['DTSTART:20240601T100000Z', 'DURATION:P1W2D'],
      ['DTSTART:20240601T100000Z', 'DURATION:P9D'],
      ['2024-06-01'],
    ],
  ])('%s', async (_, lenient, strict, dates) => {
    expect(await counted(lenient)).toEqual({ dates, problems: [] });
    expect(await counted(strict)).toEqual({ dates, problems: [] });
    expect(icalDates(calendar(strict))).toEqual(dates);
  });

  it('a lower-case z and a fraction still mean UTC: 23:30 UTC is the next day in Berlin', async () => {
    for (const start of ['DTSTART:20240601t233000z', 'DTSTART:20240601T233000.000Z', 'DTSTART:20240601T233000Z'])
      expect(await counted([start], 'Europe/Berlin')).toEqual({ dates: ['2024-06-02'], problems: [] });
  });

  it('a lower-case RECURRENCE-ID still finds its occurrence, a lower-case EXDATE still removes one', async () => {
    const series = ['UID:s@example.com', 'DTSTART:20240601T100000Z', 'SUMMARY:Team sync', 'RRULE:FREQ=WEEKLY;COUNT=4'];
    const cal = await read(
      ics([
        [...series, 'EXDATE:20240622t100000z'],
        ['UID:s@example.com', 'RECURRENCE-ID:20240608t100000z', 'DTSTART:20240609T100000Z', 'SUMMARY:Team sync'],
      ]),
      'Europe/Berlin',
    );
    expect(cal.problems).toEqual([]);
    expect(occurrencesOf(cal).map((o) => o.date)).toEqual(['2024-06-01', '2024-06-09', '2024-06-15']);
  });

  it.each([
    ['a whole day with a lower-case z', ['DTSTART;VALUE=date:20240601z'], ['2024-06-01']],
    ['blanks after an all-day UNTIL', ['DTSTART;VALUE=DATE:20240601', 'RRULE:FREQ=DAILY;UNTIL=20240603   '], 3],
    ['a T with nothing after it', ['DTSTART:20240601T100000Z', 'DURATION:P1DT'], 1],
    ['hours without the T', ['DTSTART:20240601T100000Z', 'DURATION:P1D2H'], 1],
    ['units out of order, a blank before', ['DTSTART:20240601T100000Z', 'DURATION: PT30M1H'], 1],
    ['blanks and a plus sign around numbers', ['DTSTART:20240601T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=+3 '], 3],
    ['blanks around BY… numbers', ['DTSTART:20240601T100000Z', 'RRULE:FREQ=MONTHLY;COUNT=2;BYMONTHDAY= 1, 15 '], 2],
    ['an unknown rule part without a value', ['DTSTART:20240601T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=2;X-SKIP'], 2],
    [
      'an RDATE;VALUE=PERIOD holding a date and time',
      ['DTSTART:20240601T100000Z', WEEKLY, 'RDATE;VALUE=PERIOD:20240603T100000Z'],
      ['2024-06-01', '2024-06-03', '2024-06-08'],
    ],
    [
      'an RDATE period lasting weeks and days',
      ['DTSTART:20240601T100000Z', WEEKLY, 'RDATE;VALUE=PERIOD:20240603T100000z/P1W2D'],
      ['2024-06-01', '2024-06-03', '2024-06-08'],
    ],
  ])('also: %s', async (_, lines, expected) => {
    const { dates, problems } = await counted(lines);
    expect(problems).toEqual([]);
    if (typeof expected === 'number') expect(dates).toHaveLength(expected);
    else expect(dates).toEqual(expected);
  });

  it('an RDATE period counts on its start and leaves the other events’ zone alone', async () => {
    const text = ics([
      meeting('DTSTART:20240601T100000Z', 'Team sync', [JANE], [WEEKLY, 'RDATE:20240603T100000Z/PT1H']),
      meeting('DTSTART:20240610T200000Z', 'Evening', [JANE]),
    ]);
    const cal = await read(text, 'Asia/Tokyo');
    expect(cal.problems).toEqual([]);
    expect(occurrencesOf(cal).map((o) => `${o.date} ${o.info.title}`)).toEqual([
      '2024-06-01 Team sync',
      '2024-06-03 Team sync',
      '2024-06-08 Team sync',
      '2024-06-11 Evening',
    ]);
  });
});

describe('calendar: durations pass exactly when ical.js reads them as meant', () => {
  const seconds = (value: string) => ICAL.Duration.fromString(value).toSeconds();
  const check = (value: string) => valueProblem({ name: 'DURATION', params: '', value });
  const H = 3600;
  const D = 24 * H;

  it.each([
    ['PT1H30M', 1.5 * H],
    ['P2W', 14 * D],
    ['-PT15M', -900],
    ['+PT15M', 900],
    ['P1W2D', 9 * D],
    ['P1WT2H', 7 * D + 2 * H],
    ['P1DT', D],
    ['P1D2H', D + 2 * H],
    ['PT30M1H', 1.5 * H],
    ['P1H', H],
    ['  PT1H ', H],
    ['P0D', 0],
  ])('%s passes: ical.js reads %i seconds', (value, expected) => {
    expect(seconds(value)).toBe(expected);
    expect(check(value)).toBeNull();
  });

  it.each([
    ['P1M', 'a month in ISO 8601', 60],
    ['PT1.5H', 'an hour and a half', H],
    ['PT1H1H', 'two hours', H],
    [' -PT15M', 'minus a quarter of an hour', 900],
    ['P1D1D', 'two days', D],
  ])('%s (%s) is refused: ical.js reads %i seconds', (value, _, misread) => {
    expect(seconds(value)).toBe(misread);
    expect(check(value)).toMatch(/is not a duration/);
  });
});

describe('calendar: generated dates in mixed case', () => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = fc.record({
    year: fc.integer({ min: 1970, max: 2099 }),
    month: fc.integer({ min: 1, max: 12 }),
    // Up to 31 in every month: ical.js rolls 30 February over to March, which the check refuses.
    day: fc.integer({ min: 1, max: 31 }),
    time: fc.option(
      fc.record({
        hour: fc.integer({ min: 0, max: 23 }),
        minute: fc.integer({ min: 0, max: 59 }),
        second: fc.integer({ min: 0, max: 59 }),
        t: fc.constantFrom('T', 't'),
        fraction: fc.constantFrom('', '.0', '.000', '.5'),
        params: fc.constantFrom(
          '',
          ';TZID=Europe/Paris',
          ';TZID="Europe/Paris"',
          ';VALUE=DATE-TIME',
          ';value=date-time',
        ),
      }),
    ),
    z: fc.constantFrom('', 'Z', 'z'),
    blanks: fc.constantFrom('', ' ', '  '),
    dateParams: fc.constantFrom(';VALUE=DATE', ';VALUE=date', ';value="DATE"'),
  });

  it('the check passes every value ical.js reads as the date written, and counts it as its strict twin', async () => {
    await fc.assert(
      fc.asyncProperty(date, async (d) => {
        const day = `${d.year}${pad(d.month)}${pad(d.day)}`;
        const clock = d.time ? `${pad(d.time.hour)}${pad(d.time.minute)}${pad(d.time.second)}` : '';
        const params = d.time ? d.time.params : d.dateParams;
        const value = d.time
          ? `${day}${d.time.t}${clock}${d.time.fraction}${d.z}${d.blanks}`
          : `${day}${d.z}${d.blanks}`;
        const line = `DTSTART${params}:${value}`;
        let readAsWritten = false;
        try {
          const t = parsed(`BEGIN:VEVENT\r\n${line}\r\nEND:VEVENT\r\n`).getFirstPropertyValue('dtstart');
          readAsWritten =
            t instanceof ICAL.Time &&
            `${t.year}${pad(t.month)}${pad(t.day)}` === day &&
            (!d.time || `${pad(t.hour)}${pad(t.minute)}${pad(t.second)}` === clock);
        } catch {
          readAsWritten = false;
        }
        const content = splitContentLine(line);
        expect(content).not.toBeNull();
        expect(valueProblem(content!) === null).toBe(readAsWritten);
        if (!readAsWritten) return;
        // The same meeting written strictly: upper case, no fraction, no blanks, no Z on a bare date.
        const twin = `DTSTART${params}:${day}${d.time ? `T${clock}${d.z === '' ? '' : 'Z'}` : ''}`;
        const zone = 'America/Los_Angeles';
        const [lenient, strict] = [await read(ics([['UID:a', line]]), zone), await read(ics([['UID:a', twin]]), zone)];
        expect(lenient.problems).toEqual([]);
        expect(occurrencesOf(lenient).map((o) => o.date)).toEqual(occurrencesOf(strict).map((o) => o.date));
      }),
      { numRuns: 300 },
    );
  });
});

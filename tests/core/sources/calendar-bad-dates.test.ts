/**
 * Malformed dates and rules in an .ics file, as the import's warnings show them. The reader
 * used to pass on ical.js's own words ("Could not extract integer from "xx--"", "invalid
 * date-time value: "2024--1-3-T5::""), to move an impossible date to another day without a
 * word (`20230230` counted on 2 March), and to stop the whole calendar on a broken
 * VTIMEZONE. Pins: each warning names the line, the property, the value found and the
 * form expected, in our words, says what became of the event, and no input lets a
 * library message through. Values ical.js would stop a whole series on (an RDATE mixing
 * dates with and without a time, a period from a bare date), lose without a word
 * (`VALUE=TEXT`) or misread (a rule part ` COUNT`, an offset ` +0100`) are refused in our
 * words too; values it reads as meant pass (calendar-lenient-values.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrencesOf, readCalendar } from '../../../src/core/sources/calendar/read-calendar';
import { ics, meeting, planCalendar } from '../../support/calendar-builders';

const JANE: [string, string] = ['Jane Doe', 'jane@example.com'];
const read = (text: string) => readCalendar(text, 'work.ics', { today: '2024-06-30', timeZone: 'UTC' });
/** One event with these lines (its UID, DTSTART and SUMMARY first: lines 5, 6 and 7), then a good one. */
const withGood = (lines: readonly string[]) => ics([lines, meeting('DTSTART:20240601T100000Z', 'Fine', [JANE])]);
const event = (start: string, ...more: string[]) => ['UID:bad@example.com', start, 'SUMMARY:Team sync', ...more];
const DATES = 'expected YYYYMMDD or YYYYMMDDTHHMMSS[Z]';

async function warnings(text: string) {
  const cal = await read(text);
  return { cal, problems: cal.problems.map((p) => `line ${p.line}: ${p.reason}`) };
}

describe('calendar: a malformed date is named in our words, with its line, value and the form expected', () => {
  it('a DTSTART that is not a date: the event is left out, the others count', async () => {
    const { cal, problems } = await warnings(withGood(event('DTSTART:2024-13-45')));
    expect(problems).toEqual([
      `line 6: DTSTART "2024-13-45" is not a date: ${DATES}; the event "Team sync" is left out`,
    ]);
    expect(occurrencesOf(cal).map((o) => o.info.title)).toEqual(['Fine']);
  });

  it('the import lists it as a warning with the file and the line', async () => {
    const cal = await read(withGood(event('DTSTART;TZID=Europe/Berlin:2024061')));
    const { plan } = await planCalendar(cal, []);
    expect(plan.warnings).toEqual([
      {
        file: 'work.ics',
        line: 6,
        reason: `DTSTART "2024061" is not a date: ${DATES}; the event "Team sync" is left out`,
      },
    ]);
  });

  it('a date that does not exist is reported, not moved to another day', async () => {
    const { cal, problems } = await warnings(
      ics([event('DTSTART;TZID=Europe/Berlin:20230230T100000'), ['UID:b', 'DTSTART:20241345T100000Z']]),
    );
    expect(problems).toEqual([
      `line 6: DTSTART "20230230T100000" is not a date: ${DATES} (February 2023 has no day 30); the event "Team sync" is left out`,
      `line 11: DTSTART "20241345T100000Z" is not a date: ${DATES} (there is no month 13); the event (UID b) is left out`,
    ]);
    expect(cal.occurrences).toBe(0);
  });

  it('a whole-day date without VALUE=DATE says which form to write', async () => {
    const { problems } = await warnings(withGood(event('DTSTART:20240601')));
    expect(problems).toEqual([
      'line 6: DTSTART "20240601" is a date without a time: expected YYYYMMDDTHHMMSS[Z], or DTSTART;VALUE=DATE:YYYYMMDD for a whole day; the event "Team sync" is left out',
    ]);
  });

  it('a bad DTEND or DURATION is left aside: the event still counts on its DTSTART', async () => {
    const { cal, problems } = await warnings(
      ics([
        event('DTSTART:20240601T100000Z', 'DTEND:2024-06-01 11:00'),
        ['UID:d', 'DTSTART:20240602T100000Z', 'SUMMARY:Review', 'DURATION:1 hour'],
      ]),
    );
    expect(problems).toEqual([
      `line 8: DTEND "2024-06-01 11:00" is not a date: ${DATES}; ignored (the event "Team sync" is dated by its DTSTART)`,
      'line 14: DURATION "1 hour" is not a duration: expected a duration such as PT1H30M, P1D or P2W; ignored (the event "Review" is dated by its DTSTART)',
    ]);
    expect(occurrencesOf(cal).map((o) => o.date)).toEqual(['2024-06-01', '2024-06-02']);
  });
});

describe('calendar: the other warnings are in our words too', () => {
  it('RRULE, EXDATE and RDATE: the property, the value and what was expected, and what was counted', async () => {
    const weekly = 'RRULE:FREQ=WEEKLY;COUNT=3';
    const { cal, problems } = await warnings(
      ics([
        event('DTSTART:20240601T100000Z', 'RRULE:FREQ=SOMETIMES'),
        ['UID:e', 'DTSTART:20240601T100000Z', 'SUMMARY:Weekly', weekly, 'EXDATE:june 8'],
        ['UID:r', 'DTSTART:20240601T100000Z', 'SUMMARY:Extra', 'RDATE:xx'],
        ['UID:u', 'DTSTART:20240601T100000Z', 'SUMMARY:Until', 'RRULE:FREQ=DAILY;UNTIL=2024-06-03'],
      ]),
    );
    expect(problems).toEqual([
      'line 8: RRULE "FREQ=SOMETIMES": FREQ "SOMETIMES" is not a frequency: expected DAILY, WEEKLY, MONTHLY or YEARLY (or SECONDLY, MINUTELY, HOURLY); ignored: the event "Team sync" counts once, on its DTSTART',
      `line 15: EXDATE "june 8" is not a date: ${DATES}; ignored: the occurrence of the event "Weekly" it would remove still counts`,
      `line 21: RDATE "xx" is not a date: ${DATES}; ignored: the extra occurrence of the event "Extra" it would add is not counted`,
      `line 27: RRULE "FREQ=DAILY;UNTIL=2024-06-03": UNTIL "2024-06-03" is not a date: ${DATES}; ignored: the event "Until" counts once, on its DTSTART`,
    ]);
    expect(
      occurrencesOf(cal)
        .map((o) => `${o.date} ${o.info.title}`)
        .sort(),
    ).toEqual([
      '2024-06-01 Extra',
      '2024-06-01 Team sync',
      '2024-06-01 Until',
      '2024-06-01 Weekly',
      '2024-06-08 Weekly',
      '2024-06-15 Weekly',
    ]);
  });

  it('a rule whose parts contradict each other, a bad RECURRENCE-ID and a broken parameter', async () => {
    const { problems } = await warnings(
      ics([
        event('DTSTART:20240601T100000Z', 'RRULE:FREQ=MONTHLY;BYWEEKNO=3'),
        ['UID:o', 'RECURRENCE-ID:garbage', 'DTSTART:20240601T100000Z', 'SUMMARY:Moved'],
        ['UID:p', 'DTSTART:20240601T100000Z', 'SUMMARY:Guests', 'ATTENDEE;CN="Jo:mailto:jo@example.com'],
      ]),
    );
    expect(problems).toEqual([
      'line 8: RRULE "FREQ=MONTHLY;BYWEEKNO=3" cannot be followed (its BY… parts do not go with its FREQ); the event "Team sync" counts once, on its DTSTART',
      `line 12: RECURRENCE-ID "garbage" is not a date: ${DATES}; this change to one occurrence of the event "Moved" is left out`,
      'line 20: the line "ATTENDEE;CN="Jo:mailto:jo@example.com" is not a property: expected NAME:value or NAME;PARAM=value:value, with every quote closed; ignored: this person is not counted in the event "Guests"',
    ]);
  });

  it('a broken VTIMEZONE is reported and set aside; it no longer stops the whole calendar', async () => {
    const zone = ['BEGIN:VTIMEZONE', 'TZID:Office', 'BEGIN:STANDARD', 'DTSTART:1970xx', 'TZOFFSETFROM:+0100'];
    const text = ics(
      [meeting('DTSTART;TZID=Office:20240601T100000', 'Planning', [JANE])],
      [...zone, 'TZOFFSETTO:+1', 'END:STANDARD', 'END:VTIMEZONE'],
    );
    const { cal, problems } = await warnings(text);
    const unused =
      'the time zone "Office" defined here is not used (times in it are read as written unless it is a zone name we know)';
    expect(problems).toEqual([
      `line 7: DTSTART "1970xx" is not a date: ${DATES}; ${unused}`,
      `line 9: TZOFFSETTO "+1" is not an offset: expected +HHMM or -HHMM (such as +0100); ${unused}`,
    ]);
    expect(occurrencesOf(cal).map((o) => o.date)).toEqual(['2024-06-01']);
  });

  it('values ical.js would stop the series on, lose without a word or misread are refused in our words', async () => {
    const weekly = (uid: string, title: string, ...more: string[]) => [
      `UID:${uid}`,
      'DTSTART:20240601T100000Z',
      `SUMMARY:${title}`,
      'RRULE:FREQ=WEEKLY;COUNT=2',
      ...more,
    ];
    const { cal, problems } = await warnings(
      ics([
        weekly('m', 'Mixed', 'RDATE:20240603,20240604T100000Z'),
        weekly('p', 'Period', 'RDATE:20240603/P1D'),
        weekly('x', 'Text', 'EXDATE;VALUE=TEXT:20240608T100000Z'),
        ['UID:t', 'DTSTART;VALUE=TEXT:20240601T100000Z', 'SUMMARY:Typed'],
        ['UID:b', 'DTSTART:20240601T100000Z', 'SUMMARY:Blank', 'RRULE:FREQ=WEEKLY; COUNT=2'],
      ]),
    );
    expect(problems).toEqual([
      'line 9: RDATE "20240603,20240604T100000Z" mixes dates with and without a time: expected one RDATE line for the dates (YYYYMMDD) and another for the dates with a time (YYYYMMDDTHHMMSS[Z]); ignored: the extra occurrence of the event "Mixed" it would add is not counted',
      'line 16: RDATE "20240603/P1D" is not a period: expected a start YYYYMMDDTHHMMSS[Z], "/", then an end YYYYMMDDTHHMMSS[Z] or a duration such as PT1H; ignored: the extra occurrence of the event "Period" it would add is not counted',
      'line 23: EXDATE;VALUE=TEXT is not a date type: expected EXDATE:YYYYMMDDTHHMMSS[Z], or EXDATE;VALUE=DATE:YYYYMMDD for a whole day; ignored: the occurrence of the event "Text" it would remove still counts',
      'line 27: DTSTART;VALUE=TEXT is not a date type: expected DTSTART:YYYYMMDDTHHMMSS[Z], or DTSTART;VALUE=DATE:YYYYMMDD for a whole day; the event "Typed" is left out',
      'line 34: RRULE "FREQ=WEEKLY; COUNT=2": " COUNT" has blanks around its name (expected COUNT=…); ignored: the event "Blank" counts once, on its DTSTART',
    ]);
    expect(
      occurrencesOf(cal)
        .map((o) => `${o.date} ${o.info.title}`)
        .sort(),
    ).toEqual([
      '2024-06-01 Blank',
      '2024-06-01 Mixed',
      '2024-06-01 Period',
      '2024-06-01 Text',
      '2024-06-08 Mixed',
      '2024-06-08 Period',
      '2024-06-08 Text',
    ]);
  });

  it('an offset with a blank before it is refused: ical.js would read " +0100" as 10 minutes behind UTC', async () => {
    const zone = ['BEGIN:VTIMEZONE', 'TZID:Office', 'BEGIN:STANDARD', 'DTSTART:19700101T000000'];
    const text = ics(
      [meeting('DTSTART;TZID=Office:20240601T003000', 'Planning', [JANE])],
      [...zone, 'TZOFFSETFROM:+0100 ', 'TZOFFSETTO: +0100', 'END:STANDARD', 'END:VTIMEZONE'],
    );
    const { problems } = await warnings(text);
    expect(problems).toEqual([
      'line 9: TZOFFSETTO " +0100" is not an offset: expected +HHMM or -HHMM (such as +0100); the time zone "Office" defined here is not used (times in it are read as written unless it is a zone name we know)',
    ]);
  });

  it('no value of a property we read lets the library’s own words through', async () => {
    const prop = fc.constantFrom(
      'DTSTART',
      'DTSTART;VALUE=DATE',
      'DTEND',
      'DURATION',
      'RRULE',
      'EXDATE',
      'RDATE',
      'RDATE;VALUE=PERIOD',
      'RECURRENCE-ID',
      'ATTENDEE;CN=x',
    );
    const value = fc.oneof(
      fc.string({ maxLength: 24 }),
      fc.stringMatching(/^[0-9TtZz:;,=/+\-PWDHMS. "]{0,24}$/),
      fc.constantFrom(
        '20240601',
        '20240601T100000Z',
        '20240601t100000.5z',
        '20240601T100000Z/PT1H',
        '20240601,20240602T100000Z',
        'FREQ=DAILY;COUNT=2',
        'FREQ=YEARLY;BYWEEKNO=60',
        'PT1H',
        'P1W2D',
      ),
    );
    const line = fc.tuple(prop, value).map(([p, v]) => `${p}:${v}`);
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 5 }), async (lines) => {
        const series = ['UID:s', 'DTSTART:20240101T100000Z', 'RRULE:FREQ=WEEKLY;COUNT=3'];
        const cal = await read(
          ics([series, ['UID:s', 'RECURRENCE-ID:20240108T100000Z', ...lines], ['UID:t', ...lines]]),
        );
        // "cannot be used": a value ical.js gives back as something other than a time.
        for (const p of cal.problems)
          expect(p.reason).not.toMatch(/reader said|Could not|invalid|Error|expected: "|cannot be used/);
      }),
      { numRuns: 300 },
    );
  });
});

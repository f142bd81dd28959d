/**
 * Every real calendar export in ../shared/samples/calendar/, read in place: the occurrences
 * each file holds (recurrences expanded up to "today", time zones applied), whose calendar
 * it is, and which meetings it gives, with nothing unexplained left over (problems and
 * ignored components are asserted empty or listed).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExistingNote } from '../../src/core/import/vault-snapshot';
import { detectOwner, meetingsByAttendee } from '../../src/core/sources/calendar/meetings';
import { occurrencesOf, readCalendar, type CalendarRead } from '../../src/core/sources/calendar/read-calendar';
import { planCalendar } from '../support/calendar-builders';
import { CALENDAR_SAMPLES } from '../support/paths';

const present = fs.existsSync(CALENDAR_SAMPLES);
if (!present) console.warn(`calendar sample suite skipped: ${CALENDAR_SAMPLES} is not there`);

const read = (name: string, timeZone: string | null = null, today = '2026-01-01'): Promise<CalendarRead> =>
  readCalendar(fs.readFileSync(path.join(CALENDAR_SAMPLES, name), 'utf8'), name, { today, timeZone });
const dates = (c: CalendarRead) => occurrencesOf(c).map((o) => o.date);
const note = (p: string, fm: Record<string, unknown>): ExistingNote => ({ path: p, frontmatter: fm });

const COVERED = [
  'exchange-2010-attendees.ics',
  'google-calendar-contacts-birthdays.ics',
  'google-calendar-exdate-vtimezone.ics',
  'google-calendar-takeout-attendees.ics',
  'outlook-2003-recurring-standup.ics',
];

describe.skipIf(!present)('real calendar samples', () => {
  it('every sample file has assertions below', () => {
    for (const f of fs.readdirSync(CALENDAR_SAMPLES)) expect(COVERED).toContain(f);
  });

  it('Exchange 2010: an empty TZID is floating time; organiser and attendees folded inside CN', async () => {
    const c = await read('exchange-2010-attendees.ics', 'Europe/Berlin');
    expect(c.problems).toEqual([]);
    expect(dates(c)).toEqual(['2015-08-26']);
    expect(c.past[0]!.info.participants.map((p) => [p.name, p.email])).toEqual([
      ['Bruce Roberts', 'roberts@company.com'],
      ['Sam Peter', 'sam@company.com'],
    ]);
    // Two people in every event, equally often: whose calendar it is cannot be told.
    const owner = detectOwner(c);
    expect(owner).toEqual({ emails: [], evidence: ['unknown'] });
    const planned = await planCalendar(c, [note('People/Sam Peter.md', { name: 'Sam Peter' })]);
    expect(planned.lines('People/Sam Peter.md')).toEqual(['- 2015-08-26 · meeting · (no title)']);
    expect(planned.summary?.matched).toEqual({ profile: 0, email: 0, name: 1 });
    expect(planned.unmatched).toEqual([
      { email: 'roberts@company.com', name: 'Bruce Roberts', meetings: 1, lastMet: '2015-08-26' },
    ]);
  });

  it('Google birthdays: RDATE + COUNT series and RECURRENCE-ID copies; the "Contacts" pseudo-guest is nobody', async () => {
    const c = await read('google-calendar-contacts-birthdays.ics');
    expect(c.timeZone).toBe('America/Los_Angeles'); // X-WR-TIMEZONE when the caller gives none
    expect(c.problems).toEqual([]);
    expect(dates(c)).toEqual(['2012-12-10', '2012-12-10', '2013-12-10', '2013-12-10', '2014-12-10', '2014-12-10']);
    expect(meetingsByAttendee(c, detectOwner(c))).toMatchObject({ alone: 6, declined: 0, attendees: [] });
    const planned = await planCalendar(c, []);
    expect([planned.unmatched, planned.plan.ambiguous]).toEqual([[], []]);
  });

  it('Google with VTIMEZONE: EXDATE;VALUE=DATE removes occurrences of a DATE-TIME series; UNTIL ends it', async () => {
    const c = await read('google-calendar-exdate-vtimezone.ics', 'Europe/Berlin');
    expect(c.problems).toEqual([]);
    expect(dates(c)).toEqual([
      '2003-02-03',
      '2003-02-04',
      '2003-02-05',
      '2003-02-06',
      '2003-02-07',
      '2003-02-10',
      '2003-02-11',
      '2003-02-12',
    ]);
    // 17:00 in Buenos Aires is 04:00 the next day in Tokyo.
    const tokyo = await read('google-calendar-exdate-vtimezone.ics', 'Asia/Tokyo');
    expect(dates(tokyo)[0]).toBe('2003-02-04');
  });

  it('Google Takeout: the calendar is named after its owner; UTC times land on the owner’s dates', async () => {
    const c = await read('google-calendar-takeout-attendees.ics', null, '2025-12-31');
    expect(c.calendarName).toBe('audriga.test.readonly@gmail.com');
    expect(c.timeZone).toBe('Europe/Berlin');
    expect(dates(c)).toEqual([
      '2015-02-18',
      '2015-02-19',
      '2015-02-20',
      '2024-04-13',
      '2024-12-12',
      '2025-04-13', // the yearly all-day birthday, up to today only
    ]);
    const owner = detectOwner(c);
    expect(owner).toEqual({ emails: ['audriga.test.readonly@gmail.com'], evidence: ['calendar name'] });
    const karin = note('People/Karin Tran.md', { name: 'Karin Tran', emails: ['karin@audriga.com'] });
    const planned = await planCalendar(c, [karin]);
    expect(planned.summary?.matched).toEqual({ profile: 0, email: 1, name: 0 });
    expect(planned.lines(karin.path)).toEqual(['- 2024-12-12 · meeting · Test appointment']);
    expect(planned.unmatched).toEqual([]);
    expect(meetingsByAttendee(c, owner).alone).toBe(5);
  });

  it('Outlook 2003: a quoted display-name TZID resolved through its VTIMEZONE; the organiser owns the calendar', async () => {
    const utc = await read('outlook-2003-recurring-standup.ics', 'UTC', '2009-03-20');
    // 09:30 in Sydney is the evening before in UTC.
    expect(dates(utc)).toEqual([
      '2009-03-09',
      '2009-03-10',
      '2009-03-11',
      '2009-03-12',
      '2009-03-15',
      '2009-03-16',
      '2009-03-17',
      '2009-03-18',
      '2009-03-19',
    ]);
    const sydney = await read('outlook-2003-recurring-standup.ics', 'Australia/Sydney', '2009-03-20');
    expect(dates(sydney).slice(0, 5)).toEqual(['2009-03-10', '2009-03-11', '2009-03-12', '2009-03-13', '2009-03-16']);
    expect(detectOwner(sydney)).toEqual({ emails: ['ben.fortuna@example.com'], evidence: ['most frequent'] });
  });
});

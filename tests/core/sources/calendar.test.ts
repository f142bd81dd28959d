/**
 * Calendar variants the real samples do not cover: cancelled events and occurrences,
 * declines (the owner's and an attendee's), overrides before their master and without one,
 * Windows and OWA time zones, all-day and floating events, future occurrences, folding in
 * odd places, the owner found from the LinkedIn name, meetings logged once, cancel, and a
 * property test that no input makes the reader throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExistingNote } from '../../../src/core/import/vault-snapshot';
import { detectOwner, meetingLine, meetingsByAttendee } from '../../../src/core/sources/calendar/meetings';
import { CalendarCancelled, occurrencesOf, readCalendar } from '../../../src/core/sources/calendar/read-calendar';
import { resolveZone, windowsToIana } from '../../../src/core/sources/calendar/time-zones';
import { calendarPeople, generateCalendar } from '../../../scripts/lib/synthetic-calendar';
import { ics, meeting, planCalendar } from '../../support/calendar-builders';

const TODAY = '2024-06-30';
const read = (text: string, timeZone = 'Europe/Berlin', today = TODAY) =>
  readCalendar(text, 'test.ics', { today, timeZone });
const dates = async (text: string, timeZone?: string) => occurrencesOf(await read(text, timeZone)).map((o) => o.date);
const ME: [string, string] = ['Olive Owner', 'olive@example.com'];
const JANE: [string, string] = ['Jane Doe', 'jane@example.com'];
const note = (p: string, fm: Record<string, unknown>): ExistingNote => ({ path: p, frontmatter: fm });

describe('time zones and dates', () => {
  it('a Windows TZID is converted through CLDR (23:30 in Seattle is the next day in Berlin)', async () => {
    expect(windowsToIana('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(await dates(ics([meeting('DTSTART;TZID=Pacific Standard Time:20240310T233000', 'Late', [JANE])]))).toEqual([
      '2024-03-11',
    ]);
  });

  it('an OWA display name without VTIMEZONE uses its (UTC-05:00) offset', async () => {
    const text = ics([meeting('DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":20240110T220000', 'x', [JANE])]);
    expect(await dates(text)).toEqual(['2024-01-11']);
    expect(resolveZone('(UTC-05:00) Eastern Time (US & Canada)', new Map()).id).toBe('-05:00');
  });

  it('all-day dates and floating times keep their date; UTC times move to the owner’s zone', async () => {
    const text = ics([
      meeting('DTSTART;VALUE=DATE:20240301', 'All day', [JANE], ['DTEND;VALUE=DATE:20240304']),
      meeting('DTSTART:20240302T233000', 'Floating', [JANE]),
      meeting('DTSTART:20240303T233000Z', 'UTC', [JANE]),
    ]);
    expect(await dates(text, 'Asia/Tokyo')).toEqual(['2024-03-01', '2024-03-02', '2024-03-04']);
  });

  it('an unknown TZID with no VTIMEZONE is floating; an IANA name with a mozilla prefix is understood', async () => {
    expect(resolveZone('Mars/Olympus_Mons', new Map()).id).toBe('floating');
    expect(resolveZone('/mozilla.org/20050126_1/America/New_York', new Map()).id).toBe('America/New_York');
  });

  it('occurrences after today are not counted', async () => {
    const text = ics([
      meeting('DTSTART;TZID=Europe/Berlin:20240624T100000', 'Daily', [JANE], ['RRULE:FREQ=DAILY;COUNT=30']),
    ]);
    expect(await dates(text)).toHaveLength(7); // 24–30 June
  });
});

describe('recurrences, overrides and cancellations', () => {
  const series = (extra: string[] = []) =>
    meeting(
      'DTSTART;TZID=Europe/Berlin:20240603T100000',
      'Weekly',
      [ME, JANE],
      ['UID:weekly@example.com', 'RRULE:FREQ=WEEKLY;COUNT=4', ...extra],
    );
  const override = (slot: string, lines: string[]) => [
    'UID:weekly@example.com',
    `RECURRENCE-ID;TZID=Europe/Berlin:${slot}`,
    'SUMMARY:Weekly',
    `ATTENDEE;CN=${JANE[0]};PARTSTAT=ACCEPTED:mailto:${JANE[1]}`,
    ...lines,
  ];

  it('EXDATE (a TZID list) removes occurrences; a moved occurrence counts on its new date, even before its master', async () => {
    const text = ics([
      override('20240617T100000', ['DTSTART;TZID=Europe/Berlin:20240619T150000']),
      series(['EXDATE;TZID=Europe/Berlin:20240610T100000,20240624T100000']),
    ]);
    expect(await dates(text)).toEqual(['2024-06-03', '2024-06-19']);
  });

  it('a cancelled occurrence and a cancelled series count nothing', async () => {
    const text = ics([
      series(),
      override('20240610T100000', ['DTSTART;TZID=Europe/Berlin:20240610T100000', 'STATUS:CANCELLED']),
      meeting('DTSTART:20240605T100000Z', 'Called off', [JANE], ['STATUS:CANCELLED']),
    ]);
    const c = await read(text);
    expect(occurrencesOf(c).map((o) => o.date)).toEqual(['2024-06-03', '2024-06-17', '2024-06-24']);
    expect(c.cancelled).toBe(2);
  });

  it('an override whose series is not in the file counts once', async () => {
    const text = ics([override('20240610T100000', ['DTSTART;TZID=Europe/Berlin:20240611T100000'])]);
    expect(await dates(text)).toEqual(['2024-06-11']);
  });

  it('an event that cannot be read is reported with its line; the others still count', async () => {
    const text = ics([['UID:broken', 'SUMMARY:No start'], meeting('DTSTART:20240601T100000Z', 'Fine', [JANE])]);
    const c = await read(text);
    expect(c.occurrences).toBe(1);
    expect(c.problems).toEqual([{ line: 4, reason: expect.stringContaining('no DTSTART') as string }]);
  });

  it('folding inside a CN, an address, "mailto" and a parameter name (with a TAB, as Outlook 12 does)', async () => {
    const text =
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:f\r\nDTSTART:20240601T100000Z\r\nSUMMARY:Folded\r\n' +
      'ATTENDEE;ROL\r\n E=REQ-PARTICIPANT;CN=Ja\r\n ne Doe:mailt\r\n\to:jane@exa\r\n mple.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n';
    const c = await read(text);
    expect(c.past[0]!.info.participants).toEqual([
      { email: 'jane@example.com', name: 'Jane Doe', partstat: '', cutype: '', organizer: false },
    ]);
  });
});

describe('owner, declines and meeting lines', () => {
  const jane = note('People/Jane Doe.md', { name: 'Jane Doe', email: 'jane@example.com' });
  const sam = note('People/Sam Roe.md', { name: 'Sam Roe' });

  it('the owner is found by the LinkedIn export’s name and left out; their decline drops the occurrence', async () => {
    const c = await read(
      ics([
        meeting('DTSTART:20240601T100000Z', 'Coffee [1]', [ME, JANE]),
        meeting('DTSTART:20240602T100000Z', 'Declined', [[...ME, 'DECLINED'], JANE]),
        meeting('DTSTART:20240603T100000Z', 'She declined', [ME, [...JANE, 'DECLINED']]),
        meeting(
          'DTSTART:20240604T100000Z',
          'Room',
          [ME, JANE],
          ['ATTENDEE;CUTYPE=ROOM;CN=Room 1:mailto:room1@example.com'],
        ),
      ]),
    );
    const owner = detectOwner(c, { name: 'Olive Owner' });
    expect(owner).toEqual({ emails: ['olive@example.com'], evidence: ['your name'] });
    const planned = await planCalendar(c, [jane], { ownerName: 'Olive Owner' });
    expect(planned.lines(jane.path)).toEqual([
      '- 2024-06-01 · meeting · Coffee \\[1\\]',
      '- 2024-06-04 · meeting · Room',
    ]);
    const met = meetingsByAttendee(c, owner);
    expect(met.declined).toBe(1);
    expect(met.alone).toBe(1); // she declined: nobody else was there
    expect(planned.unmatched).toEqual([]);
  });

  it('the same meeting twice on a day is one line; a name matches only when nothing contradicts it', async () => {
    const c = await read(
      ics([
        meeting('DTSTART:20240601T090000Z', 'Sync', [ME, ['Sam Roe', 'sam@work.example']]),
        meeting('DTSTART:20240601T150000Z', 'Sync', [ME, ['Sam Roe', 'sam@work.example']]),
        meeting('DTSTART:20240602T090000Z', 'Sync', [ME, ['Jane Doe', 'jane@other.example']]),
      ]),
    );
    const planned = await planCalendar(c, [jane, sam], { emails: [ME[1]] });
    expect(planned.lines(sam.path)).toHaveLength(1);
    // Jane's note has another address: the attendee is someone else (listed, not merged).
    expect(planned.lines(jane.path)).toBeUndefined();
    expect(planned.unmatched).toEqual([
      { email: 'jane@other.example', name: 'Jane Doe', meetings: 1, lastMet: '2024-06-02' },
    ]);
  });

  it('meeting titles are escaped: markup in an invitation never becomes a link, tag or HTML', () => {
    expect(meetingLine('2024-01-02', '[[Secret]] #tag <img src=x onerror=alert(1)>')).toBe(
      '- 2024-01-02 · meeting · \\[\\[Secret\\]\\] \\#tag \\<img src\\=x onerror\\=alert(1)\\>',
    );
  });
});

describe('generated calendars and hostile input', () => {
  it.each(['google', 'exchange', 'apple'] as const)(
    'a %s calendar: every occurrence counted, declines dropped',
    async (flavour) => {
      const people = calendarPeople(20);
      const owner = { name: 'Olive Owner', email: 'olive@example.com' };
      const gen = generateCalendar({
        singles: 300,
        series: 10,
        occurrencesPerSeries: 20,
        owner,
        people,
        flavour,
        years: 3,
      });
      const c = await read(gen.text, 'Europe/Berlin', '2030-01-01');
      expect(c.problems).toEqual([]);
      expect(c.occurrences).toBe(gen.occurrences);
      expect(meetingsByAttendee(c, detectOwner(c, { name: owner.name })).declined).toBe(gen.declined);
      expect((await planCalendar(c, [], { ownerName: owner.name })).unmatched).toHaveLength(20);
    },
  );

  it('progress is reported and cancel stops the read', async () => {
    const gen = generateCalendar({
      singles: 2000,
      series: 0,
      owner: { name: 'O', email: 'o@x.org' },
      people: calendarPeople(5),
    });
    const seen: number[] = [];
    await readCalendar(gen.text, 'a.ics', { today: '2030-01-01', onProgress: (f) => void seen.push(f) });
    expect(seen.length).toBeGreaterThan(4);
    expect(seen).toEqual([...seen].sort((a, b) => a - b)); // it only moves forward…
    expect(seen[seen.length - 1]).toBe(1); // …to the end
    let calls = 0;
    await expect(
      readCalendar(gen.text, 'a.ics', { today: '2030-01-01', shouldStop: () => ++calls > 2 }),
    ).rejects.toBeInstanceOf(CalendarCancelled);
  });

  it('no input makes the reader throw', async () => {
    const line = fc.oneof(
      fc.constantFrom(
        'BEGIN:VEVENT',
        'END:VEVENT',
        'RRULE:FREQ=DAILY;COUNT=3',
        'RRULE:FREQ=YEARLY;BYWEEKNO=60',
        'DTSTART:2024',
        'EXDATE:x',
      ),
      fc.string({ maxLength: 60 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), async (lines) => {
        await read(
          `BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20240101T100000Z\r\n${lines.join('\r\n')}\r\nEND:VEVENT\r\nEND:VCALENDAR`,
        );
      }),
      { numRuns: 200 },
    );
  });
});

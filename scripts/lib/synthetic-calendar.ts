/**
 * Synthetic calendars (.ics) shaped like a busy person's years, with the quirks real
 * exports have (see ../shared/docs/contacts-calendar-formats.md): Google, Exchange or Apple
 * flavour, folding at 75 characters (inside CN and addresses too), IANA, Windows and quoted
 * display-name TZIDs with their VTIMEZONE, all-day events, weekly series with EXDATE and
 * RECURRENCE-ID overrides (some written before their master), cancelled events and
 * occurrences, declined invitations, rooms. Real calendars are never copied into the
 * repository; this writes the same shapes from invented people, for the benchmark and tests.
 */
import { Random } from './random';

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarOptions {
  seed?: number;
  /** Single (non-recurring) events. */
  singles: number;
  /** Weekly series, each with `occurrencesPerSeries` occurrences. */
  series: number;
  occurrencesPerSeries?: number;
  /** First day of the calendar; events spread over `years`. */
  from?: string;
  years?: number;
  owner: CalendarPerson;
  people: readonly CalendarPerson[];
  flavour?: 'google' | 'exchange' | 'apple';
  eol?: '\r\n' | '\n';
}

const TITLES = [
  'Weekly sync',
  '1:1',
  'Coffee',
  'Project kickoff',
  'Quarterly review',
  'Lunch',
  'Intro call',
  'Design review [draft]',
  'Offsite *planning*',
  'Catch-up #2',
];

const pad = (n: number) => String(n).padStart(2, '0');

function fold(line: string): string[] {
  if (line.length <= 75) return [line];
  const out = [line.slice(0, 75)];
  for (let i = 75; i < line.length; i += 74) out.push(` ${line.slice(i, i + 74)}`);
  return out;
}

const BERLIN_VTIMEZONE = (tzid: string) => [
  'BEGIN:VTIMEZONE',
  `TZID:${tzid}`,
  'BEGIN:STANDARD',
  'DTSTART:16010101T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
];

export interface GeneratedCalendar {
  text: string;
  /** VEVENT blocks written. */
  events: number;
  /** Occurrences that are not cancelled (all of them, past and future). */
  occurrences: number;
  /** Of those, the ones the owner declined. */
  declined: number;
}

export function generateCalendar(options: CalendarOptions): GeneratedCalendar {
  const rnd = new Random(options.seed ?? 7);
  const flavour = options.flavour ?? 'google';
  const tzid = flavour === 'exchange' ? 'W. Europe Standard Time' : 'Europe/Berlin';
  const start = Date.parse(`${options.from ?? '2016-01-01'}T00:00:00Z`);
  const days = Math.round((options.years ?? 10) * 365);
  const perSeries = options.occurrencesPerSeries ?? 120;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    flavour === 'google'
      ? 'PRODID:-//Google Inc//Google Calendar 70.9054//EN'
      : flavour === 'exchange'
        ? 'PRODID:Microsoft Exchange Server 2010'
        : 'PRODID:-//Apple Inc.//macOS 14.0//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
  ];
  if (flavour === 'google') lines.push(`X-WR-CALNAME:${options.owner.email}`, 'X-WR-TIMEZONE:Europe/Berlin');
  lines.push(...BERLIN_VTIMEZONE(tzid));
  const mailto = flavour === 'exchange' ? 'MAILTO:' : 'mailto:';
  const attendee = (p: CalendarPerson, partstat = 'ACCEPTED') =>
    flavour === 'apple'
      ? `ATTENDEE;CN="${p.name}";CUTYPE=INDIVIDUAL;EMAIL="${p.email}";PARTSTAT=${partstat}:${mailto}${p.email}`
      : `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${partstat};CN=${p.name};X-NUM-GUESTS=0:${mailto}${p.email}`;
  const stamp = (day: number, hour: number) => {
    const d = new Date(start + day * 86_400_000);
    return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(hour)}0000`;
  };
  const event = (body: string[]) => {
    lines.push('BEGIN:VEVENT', ...body, 'END:VEVENT');
  };
  const guests = () => {
    // Never more guests than people (a one-person calendar would loop for ever).
    const n = Math.min(rnd.int(1, 4), options.people.length);
    const out: CalendarPerson[] = [];
    while (out.length < n) {
      const p = rnd.pick(options.people);
      if (!out.includes(p)) out.push(p);
    }
    return out;
  };
  let uid = 0;
  let cancelled = 0;
  let declinedCount = 0;
  const common = (title: string, people: CalendarPerson[], ownerPartstat = 'ACCEPTED') => [
    `SUMMARY:${title}`,
    `ORGANIZER;CN=${options.owner.name}:${mailto}${options.owner.email}`,
    attendee(options.owner, ownerPartstat),
    ...people.map((p) => attendee(p)),
    'DESCRIPTION:Agenda\\, notes and a long description that is not copied into any note\\nsecond line',
    'SEQUENCE:0',
  ];
  for (let i = 0; i < options.singles; i++) {
    const day = rnd.int(0, days - 1);
    const hour = rnd.int(8, 18);
    const allDay = rnd.chance(0.03);
    const status = rnd.chance(0.02) ? 'CANCELLED' : 'CONFIRMED';
    const declined = rnd.chance(0.03) ? 'DECLINED' : 'ACCEPTED';
    const d = stamp(day, hour);
    if (status === 'CANCELLED') cancelled++;
    else if (declined === 'DECLINED') declinedCount++;
    event([
      allDay ? `DTSTART;VALUE=DATE:${d.slice(0, 8)}` : `DTSTART;TZID=${tzid}:${d}`,
      allDay ? `DTEND;VALUE=DATE:${stamp(day + 1, 0).slice(0, 8)}` : `DTEND;TZID=${tzid}:${stamp(day, hour + 1)}`,
      'DTSTAMP:20200101T000000Z',
      `UID:single-${uid++}@example.com`,
      `STATUS:${status}`,
      ...common(rnd.pick(TITLES), guests(), declined),
    ]);
  }
  for (let s = 0; s < options.series; s++) {
    const day = rnd.int(0, Math.max(0, days - perSeries * 7));
    const hour = rnd.int(8, 17);
    const id = `series-${uid++}@example.com`;
    const people = guests();
    const title = rnd.pick(TITLES);
    const override = () =>
      event([
        `RECURRENCE-ID;TZID=${tzid}:${stamp(day + 14, hour)}`,
        `DTSTART;TZID=${tzid}:${stamp(day + 15, hour)}`,
        `DTEND;TZID=${tzid}:${stamp(day + 15, hour + 1)}`,
        'DTSTAMP:20200101T000000Z',
        `UID:${id}`,
        ...common(`${title} (moved)`, people),
      ]);
    const overrideFirst = s % 5 === 0; // Google writes some overrides before their master
    if (overrideFirst) override();
    event([
      `DTSTART;TZID=${tzid}:${stamp(day, hour)}`,
      `DTEND;TZID=${tzid}:${stamp(day, hour + 1)}`,
      `RRULE:FREQ=WEEKLY;COUNT=${perSeries}`,
      `EXDATE;TZID=${tzid}:${stamp(day + 7, hour)}`,
      'DTSTAMP:20200101T000000Z',
      `UID:${id}`,
      ...common(title, people),
    ]);
    if (!overrideFirst) override();
    event([
      `RECURRENCE-ID;TZID=${tzid}:${stamp(day + 21, hour)}`,
      `DTSTART;TZID=${tzid}:${stamp(day + 21, hour)}`,
      `DTEND;TZID=${tzid}:${stamp(day + 21, hour + 1)}`,
      'DTSTAMP:20200101T000000Z',
      `UID:${id}`,
      'STATUS:CANCELLED',
      ...common(title, people),
    ]);
  }
  lines.push('END:VCALENDAR');
  const eol = options.eol ?? '\r\n';
  return {
    text: lines.flatMap(fold).join(eol) + eol,
    events: options.singles + options.series * 3,
    occurrences: options.singles - cancelled + options.series * (perSeries - 2),
    declined: declinedCount,
  };
}

/** `count` invented people with unique names and addresses. */
export function calendarPeople(count: number, seed = 3): CalendarPerson[] {
  const rnd = new Random(seed);
  const first = [
    'Ana',
    'Ben',
    'Chloé',
    'Dev',
    'Eva',
    'Femi',
    'Gus',
    'Hana',
    'Ivo',
    'Jun',
    'Kira',
    'Lars',
    'Mia',
    'Nils',
  ];
  const last = ['Ito', 'Kovač', 'Lund', 'Moreau', 'Novak', 'Okafor', 'Park', 'Quinn', 'Rossi', 'Silva', 'Tan', 'Weber'];
  const out: CalendarPerson[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${rnd.pick(first)} ${rnd.pick(last)} ${i}`;
    out.push({ name, email: `person${i}@example.org` });
  }
  return out;
}

/**
 * An .ics file (Google Calendar, Outlook/Exchange, Apple Calendar) → the past occurrences of
 * its events, each with its owner-local date, title and participants.
 *
 * ical.js parses each event and expands recurrences (RRULE, RDATE, EXDATE, RECURRENCE-ID
 * overrides, THISANDFUTURE ranges); what we add around it:
 *
 * - The file is cut into VEVENT and VTIMEZONE blocks first, and each block is parsed on its
 *   own: a broken event is reported with its line and the others still count, progress is
 *   reported and cancel honoured between blocks, and no 50 MB tree is ever built.
 * - Overrides are grouped by UID before expansion, so an override written before its master
 *   (Google does this) applies, and an override whose master is missing still counts once.
 *   Passing them explicitly also avoids ical.js scanning every sibling event per event,
 *   which is quadratic (77 s for 2,000 events of a 50,000-event file, measured).
 * - Dates are the owner's local dates (time-zones.ts); all-day events keep their date.
 * - Cancelled events and cancelled occurrences are dropped here; who declined is decided
 *   later, once the owner is known (owner.ts).
 */
import ICAL from 'ical.js';
import { addDays, type IsoDate } from '../../dates/iso-date';
import { normaliseEmail } from '../contact';
import { FLOATING, ianaZone, ownerDate, resolveZone, UTC_ZONE, type Wall, type Zone } from './time-zones';

export interface Participant {
  /** Lower-cased address, '' when the value is not a mailto: address. */
  email: string;
  /** The CN, unless it only repeats the address. */
  name: string;
  /** Upper-case PARTSTAT (`ACCEPTED`, `DECLINED`, `NEEDS-ACTION`…), '' when absent. */
  partstat: string;
  /** Upper-case CUTYPE (`INDIVIDUAL`, `ROOM`, `RESOURCE`, `GROUP`), '' when absent. */
  cutype: string;
  organizer: boolean;
}

/** What one event (or one overridden occurrence) says, shared by all its occurrences. */
export interface EventInfo {
  uid: string;
  title: string;
  participants: readonly Participant[];
  /** 1-based line of the VEVENT in the file. */
  line: number;
}

export interface Occurrence {
  date: IsoDate;
  info: EventInfo;
}

export interface CalendarRead {
  file: string;
  prodid: string;
  /** X-WR-CALNAME (Google names a primary calendar after its account's address). */
  calendarName: string;
  /** The zone dates are given in (the caller's, else X-WR-TIMEZONE, else UTC). */
  timeZone: string;
  events: number;
  /** Past occurrences, oldest first. */
  occurrences: Occurrence[];
  cancelled: number;
  /** Components other than events (to-dos, journal entries…), by name. */
  ignored: Record<string, number>;
  problems: { line: number; reason: string }[];
}

export interface ReadCalendarOptions {
  /** Occurrences after this date are in the future and not returned. */
  today: IsoDate;
  /** The owner's IANA zone (the device's); X-WR-TIMEZONE of the file when not given. */
  timeZone?: string | null;
  onProgress?: (done: number, total: number) => void | Promise<void>;
  shouldStop?: () => boolean;
}

export class CalendarCancelled extends Error {
  constructor() {
    super('calendar import cancelled');
    this.name = 'CalendarCancelled';
  }
}

interface Block {
  name: string;
  text: string;
  line: number;
}

interface Split {
  blocks: Block[];
  header: Map<string, string>;
  problems: { line: number; reason: string }[];
}

/**
 * Event properties we read. Everything else (descriptions, alarms, attachments, the HTML
 * Exchange adds) is left out before ical.js parses the event: it is most of a real file's
 * bytes, and nothing of it goes into a note.
 */
const EVENT_PROPS = new Set([
  'BEGIN',
  'END',
  'UID',
  'DTSTART',
  'DTEND',
  'DURATION',
  'RRULE',
  'RDATE',
  'EXDATE',
  'RECURRENCE-ID',
  'STATUS',
  'SUMMARY',
  'ORGANIZER',
  'ATTENDEE',
]);

function propName(raw: string): string {
  let end = 0;
  while (end < raw.length && raw[end] !== ':' && raw[end] !== ';') end++;
  const name = raw.slice(0, end).toUpperCase();
  const dot = name.lastIndexOf('.');
  return dot === -1 ? name : name.slice(dot + 1);
}

/** Cuts the file into top-level components, keeping the calendar's own properties. */
function splitCalendar(text: string): Split {
  const blocks: Block[] = [];
  const header = new Map<string, string>();
  const problems: Split['problems'] = [];
  let pos = 0;
  let line = 0;
  let depth = 0;
  let current: { name: string; line: number; parts: string[] | null; start: number } | null = null;
  let keep = false;
  let lastHeaderKey = '';
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl + 1;
    const raw = text.slice(pos, nl === -1 ? text.length : nl).replace(/\r$/, '');
    const lineStart = pos;
    line++;
    pos = end;
    const folded = raw.length > 0 && (raw[0] === ' ' || raw[0] === '\t');
    const upper = !folded && raw.length < 40 ? raw.trim().toUpperCase() : '';
    if (upper.startsWith('BEGIN:')) {
      depth++;
      if (depth === 2 && current === null) {
        const name = upper.slice(6);
        current = {
          name,
          line,
          parts: name === 'VEVENT' ? [raw] : null,
          start: lineStart,
        };
        continue;
      }
    } else if (upper.startsWith('END:')) {
      if (depth === 2 && current !== null) {
        const blockText = current.parts
          ? `${current.parts.join('\r\n')}\r\n${raw}\r\n`
          : text.slice(current.start, end);
        blocks.push({ name: current.name, text: blockText, line: current.line });
        current = null;
        depth--;
        continue;
      }
      depth = Math.max(0, depth - 1);
    }
    if (current === null && (upper.startsWith('BEGIN:') || upper.startsWith('END:'))) continue;
    if (current !== null) {
      // Inside an event: keep the properties we read (with their folded continuations),
      // at the event's own level only (an alarm's lines are not the event's).
      if (current.parts === null) continue;
      if (!folded)
        keep =
          depth === 2 && !upper.startsWith('BEGIN:') && !upper.startsWith('END:') && EVENT_PROPS.has(propName(raw));
      if (keep) current.parts.push(raw);
    } else if (depth === 1) {
      // Calendar properties: X-WR-CALNAME, X-WR-TIMEZONE, PRODID (folded lines continue them).
      if (folded && lastHeaderKey !== '') header.set(lastHeaderKey, (header.get(lastHeaderKey) ?? '') + raw.slice(1));
      else if (!upper.startsWith('BEGIN:') && !upper.startsWith('END:')) {
        const colon = raw.indexOf(':');
        lastHeaderKey = colon > 0 ? (raw.slice(0, colon).split(';')[0] ?? '').toUpperCase() : '';
        if (lastHeaderKey !== '') header.set(lastHeaderKey, raw.slice(colon + 1));
      }
    } else if (depth === 0 && raw.trim() !== '') {
      problems.push({ line, reason: 'text outside BEGIN:VCALENDAR … END:VCALENDAR' });
    }
  }
  if (current !== null)
    problems.push({ line: current.line, reason: `${current.name} is never closed (no END:${current.name})` });
  return { blocks, header, problems };
}

function parseComponent(block: Block): ICAL.Component {
  // ICAL.parse is typed `any` (jCal); one component's jCal is an array.
  const jcal: unknown = ICAL.parse(block.text);
  if (!Array.isArray(jcal)) throw new Error('not one component');
  return new ICAL.Component(jcal);
}

function participant(prop: ICAL.Property, organizer: boolean): Participant {
  const value = String(prop.getFirstValue() ?? '');
  const email = /^mailto:/i.test(value.trim())
    ? normaliseEmail(value)
    : normaliseEmail(value.includes('@') ? value : '');
  const param = (name: string) => {
    const v = prop.getParameter(name);
    return (Array.isArray(v) ? String(v[0] ?? '') : typeof v === 'string' ? v : '').trim();
  };
  const cn = param('cn');
  return {
    email,
    name: cn.toLowerCase() === email || normaliseEmail(cn) !== '' ? '' : cn,
    partstat: param('partstat').toUpperCase(),
    cutype: param('cutype').toUpperCase(),
    organizer,
  };
}

function participants(comp: ICAL.Component): Participant[] {
  const out: Participant[] = [];
  const org = comp.getFirstProperty('organizer');
  if (org) out.push(participant(org, true));
  for (const prop of comp.getAllProperties('attendee')) {
    const p = participant(prop, false);
    // The organiser is usually an attendee too: one participant, with the attendee's answer.
    const same = p.email !== '' ? out.find((o) => o.email === p.email) : undefined;
    if (same) {
      same.partstat = p.partstat || same.partstat;
      if (same.name === '') same.name = p.name;
    } else out.push(p);
  }
  return out;
}

function wallOf(t: ICAL.Time): Wall {
  return { year: t.year, month: t.month, day: t.day, hour: t.hour, minute: t.minute, second: t.second };
}

function statusOf(comp: ICAL.Component): string {
  return String(comp.getFirstPropertyValue('status') ?? '')
    .trim()
    .toUpperCase();
}

interface Parsed {
  comp: ICAL.Component;
  info: EventInfo;
  zone: Zone;
}

export async function readCalendar(text: string, file: string, options: ReadCalendarOptions): Promise<CalendarRead> {
  const split = splitCalendar(text.replace(/^\uFEFF/, ''));
  const header = split.header;
  const ownerZone =
    (options.timeZone ? ianaZone(options.timeZone) : null) ?? ianaZone(header.get('X-WR-TIMEZONE') ?? '') ?? UTC_ZONE;
  const out: CalendarRead = {
    file,
    prodid: header.get('PRODID') ?? '',
    calendarName: (header.get('X-WR-CALNAME') ?? '').trim(),
    timeZone: ownerZone === UTC_ZONE ? 'UTC' : ownerZone.id,
    events: 0,
    occurrences: [],
    cancelled: 0,
    ignored: {},
    problems: [...split.problems],
  };
  const vtimezones = new Map<string, ICAL.Component>();
  const eventBlocks: Block[] = [];
  for (const block of split.blocks) {
    if (block.name === 'VEVENT') eventBlocks.push(block);
    else if (block.name === 'VTIMEZONE') {
      try {
        const comp = parseComponent(block);
        vtimezones.set(String(comp.getFirstPropertyValue('tzid') ?? '').trim(), comp);
      } catch (e) {
        out.problems.push({ line: block.line, reason: `time zone not readable: ${errorText(e)}` });
      }
    } else out.ignored[block.name] = (out.ignored[block.name] ?? 0) + 1;
  }
  out.events = eventBlocks.length;
  const zoneCache = new Map<string, Zone>();
  const zoneOf = (comp: ICAL.Component, propName: string): Zone => {
    const prop = comp.getFirstProperty(propName);
    if (!prop) return FLOATING;
    const value = prop.getFirstValue();
    if (value instanceof ICAL.Time) {
      if (value.isDate) return FLOATING;
      if (value.zone === ICAL.Timezone.utcTimezone) return UTC_ZONE;
    }
    const tzid = prop.getParameter('tzid');
    const key = typeof tzid === 'string' ? tzid : '';
    let zone = zoneCache.get(key);
    if (zone === undefined) {
      zone = resolveZone(key, vtimezones);
      zoneCache.set(key, zone);
    }
    return zone;
  };

  // Parse every event, grouping overrides with their series by UID.
  const masters = new Map<string, Parsed>();
  const overrides = new Map<string, Parsed[]>();
  const singles: Parsed[] = [];
  const total = eventBlocks.length * 2;
  let done = 0;
  const tick = async () => {
    done++;
    if (done % 250 === 0) {
      if (options.shouldStop?.()) throw new CalendarCancelled();
      await options.onProgress?.(done, total);
    }
  };
  for (const block of eventBlocks) {
    await tick();
    let comp: ICAL.Component;
    try {
      comp = parseComponent(block);
      if (!comp.getFirstPropertyValue('dtstart')) throw new Error('it has no DTSTART');
    } catch (e) {
      out.problems.push({ line: block.line, reason: `event not readable: ${errorText(e)}` });
      continue;
    }
    const uid = String(comp.getFirstPropertyValue('uid') ?? '').trim();
    const parsed: Parsed = {
      comp,
      info: {
        uid,
        title: String(comp.getFirstPropertyValue('summary') ?? '').trim(),
        participants: participants(comp),
        line: block.line,
      },
      zone: zoneOf(comp, 'dtstart'),
    };
    if (uid === '') singles.push(parsed);
    else if (comp.hasProperty('recurrence-id')) {
      const list = overrides.get(uid);
      if (list) list.push(parsed);
      else overrides.set(uid, [parsed]);
    } else if (masters.has(uid)) {
      out.problems.push({ line: block.line, reason: `a second event with UID ${uid}; counted on its own` });
      singles.push(parsed);
    } else masters.set(uid, parsed);
  }

  const emit = (start: ICAL.Time, p: Parsed) => {
    if (statusOf(p.comp) === 'CANCELLED') {
      out.cancelled++;
      return;
    }
    const date = start.isDate ? start.toString().slice(0, 10) : ownerDate(wallOf(start), p.zone, ownerZone);
    if (date <= options.today) out.occurrences.push({ date, info: p.info });
  };
  const single = (p: Parsed) => emit(p.comp.getFirstPropertyValue('dtstart') as ICAL.Time, p);

  for (const [uid, master] of masters) {
    await tick();
    const own = overrides.get(uid) ?? [];
    overrides.delete(uid);
    if (statusOf(master.comp) === 'CANCELLED') {
      out.cancelled++;
      continue;
    }
    const event = new ICAL.Event(master.comp, { exceptions: own.map((o) => o.comp), strictExceptions: true });
    if (!event.isRecurring()) {
      single(master);
      for (const o of own) single(o);
      continue;
    }
    const byRecurrenceId = new Map(
      own.map((o) => [o.comp.getFirstPropertyValue('recurrence-id')?.toString() ?? '', o]),
    );
    // Stop a little after today (a moved occurrence can land earlier than its slot), and
    // after the last override, so an occurrence moved into the past is still seen.
    let limit = addDays(options.today, 2);
    for (const key of byRecurrenceId.keys()) if (key.slice(0, 10) > limit) limit = key.slice(0, 10);
    const limitNumber = Number(limit.replace(/-/g, ''));
    // getOccurrenceDetails costs two Time objects per occurrence; it is needed only for
    // THISANDFUTURE ranges. Otherwise an override is found by its RECURRENCE-ID, as ical.js does.
    const ranges = event.rangeExceptions.length > 0;
    try {
      const it = event.iterator();
      for (let next = it.next(); next; next = it.next()) {
        if (next.year * 10_000 + next.month * 100 + next.day > limitNumber) break;
        if (ranges) {
          const details = event.getOccurrenceDetails(next);
          const id = details.recurrenceId.toString();
          const override = byRecurrenceId.get(id);
          byRecurrenceId.delete(id);
          emit(details.startDate, override ?? master);
          continue;
        }
        const override = byRecurrenceId.size > 0 ? byRecurrenceId.get(next.toString()) : undefined;
        if (override) {
          byRecurrenceId.delete(next.toString());
          emit(override.comp.getFirstPropertyValue('dtstart') as ICAL.Time, override);
        } else emit(next, master);
      }
    } catch (e) {
      out.problems.push({ line: master.info.line, reason: `recurrence not readable (${errorText(e)}); counted once` });
      single(master);
    }
    for (const o of byRecurrenceId.values()) single(o);
  }
  // Overrides whose series is missing, or whose slot the rule never produced: each is an event.
  for (const list of overrides.values()) for (const o of list) single(o);
  for (const s of singles) single(s);
  out.occurrences.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  await options.onProgress?.(total, total);
  return out;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

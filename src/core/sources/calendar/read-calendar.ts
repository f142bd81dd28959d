/**
 * An .ics file (Google Calendar, Outlook/Exchange, Apple Calendar) → the past occurrences of
 * its events, each with its owner-local date, title and participants.
 *
 * ical.js parses each event and expands recurrences (RRULE, RDATE, EXDATE, RECURRENCE-ID
 * overrides, THISANDFUTURE ranges); what we add around it:
 *
 * - The occurrences are RFC 5545's recurrence set, where ical.js's expansion is not
 *   (recurrence-set.ts): DTSTART counts with RDATEs alone, a start written twice counts once,
 *   and starts and EXDATEs are compared as instants, each in its own zone.
 * - Memory stays bounded by the file, not by its occurrences or its parse tree (ten years
 *   of a busy calendar: 41 MB, 50,000 events, 300,000 occurrences). A first pass only
 *   indexes the file: where each event is, its UID, whether it is an override. The second
 *   parses one series at a time (the master and its overrides, only the properties we
 *   read), expands it, keeps each occurrence as a date on the event's shared record, and
 *   lets the parse go before the next series. No whole-file tree, no object per occurrence.
 * - A broken event is reported with its line and the others still count; progress is
 *   reported and cancel honoured in both passes.
 * - The values we read (DTSTART, DTEND, RRULE, EXDATE…, and a VTIMEZONE's) are checked
 *   first (property-check.ts), so a warning names the line, the property, the value and the
 *   form expected in our words, and only what cannot be used is left out (a bad DTEND costs
 *   nothing, a bad RRULE makes the event count once, a bad DTSTART leaves it out). ical.js's
 *   own messages are not shown for anything we know it refuses. A value whose meaning is
 *   plain but which ical.js would misread (`20240601t100000z`, a fraction of a second: a
 *   floating time to it) reaches it rewritten as it reads it as meant.
 * - Overrides are grouped by UID before expansion, so an override written before its master
 *   (Google does this) applies, and an override whose master is missing still counts once.
 *   Passing them explicitly also avoids ical.js scanning every sibling event per event,
 *   which is quadratic (77 s for 2,000 events of a 50,000-event file, measured).
 * - Dates are the owner's local dates (time-zones.ts); all-day events keep their date.
 * - Cancelled events and cancelled occurrences are dropped here; who declined is decided
 *   later, once the owner is known (meetings.ts).
 */
import ICAL from 'ical.js';
import { addDays, type IsoDate } from '../../dates/iso-date';
import { normaliseEmail } from '../../identity/email';
import { quoted } from '../../text/control-chars';
import { canonicalValue, type ContentLine, splitContentLine, valueProblem } from './property-check';
import { recurrenceSet } from './recurrence-set';
import { FLOATING, ianaZone, instantOf, ownerDate, resolveZone, UTC_ZONE, type Wall, type Zone } from './time-zones';

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

/** An event (or one overridden occurrence) and the owner-local dates it happened on. */
export interface PastEvent {
  info: EventInfo;
  /** Past occurrences, oldest first (a date twice when it happened twice that day). */
  dates: IsoDate[];
}

export interface CalendarRead {
  file: string;
  prodid: string;
  /** X-WR-CALNAME (Google names a primary calendar after its account's address). */
  calendarName: string;
  /** The zone dates are given in (the caller's, else X-WR-TIMEZONE, else UTC). */
  timeZone: string;
  events: number;
  /** Every event with a past occurrence, in the order of the file. */
  past: PastEvent[];
  /** Past occurrences in all. */
  occurrences: number;
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
  /** How far the read is, from 0 to 1 (a first quick pass over the text, then the events). */
  onProgress?: (fraction: number) => void | Promise<void>;
  shouldStop?: () => boolean;
}

export class CalendarCancelled extends Error {
  constructor() {
    super('calendar import cancelled');
    this.name = 'CalendarCancelled';
  }
}

/** Where one top-level component is in the text (the first pass's index entry). */
interface Block {
  name: string;
  start: number;
  end: number;
  /** 1-based line of its BEGIN. */
  line: number;
  /** VEVENT only: its UID ('' when none) and whether it overrides an occurrence (RECURRENCE-ID). */
  uid: string;
  override: boolean;
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

/** Lines of `text` from `start` to `end`, each without its line break, with its offset. */
function* linesOf(text: string, start: number, end: number): Generator<{ raw: string; at: number }> {
  let pos = start;
  while (pos < end) {
    const nl = text.indexOf('\n', pos);
    const stop = nl === -1 || nl >= end ? end : nl;
    let raw = text.slice(pos, stop);
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    yield { raw, at: pos };
    pos = stop + 1;
  }
}

const YIELD_LINES = 50_000;

/**
 * The first pass: where each top-level component is, the calendar's own properties, and
 * for events their UID and whether they override an occurrence. Nothing is parsed or copied.
 */
async function splitCalendar(text: string, tick: (fraction: number) => Promise<void>): Promise<Split> {
  const blocks: Block[] = [];
  const header = new Map<string, string>();
  const problems: Split['problems'] = [];
  let line = 0;
  let depth = 0;
  let current: Block | null = null;
  let lastHeaderKey = '';
  /** The event property being read when it may continue on folded lines (UID). */
  let inUid = false;
  for (const { raw, at } of linesOf(text, 0, text.length)) {
    line++;
    if (line % YIELD_LINES === 0) await tick(at / text.length);
    const folded = raw.length > 0 && (raw[0] === ' ' || raw[0] === '\t');
    if (folded) {
      if (current !== null && inUid) current.uid += raw.slice(1);
      else if (current === null && depth === 1 && lastHeaderKey !== '')
        header.set(lastHeaderKey, (header.get(lastHeaderKey) ?? '') + raw.slice(1));
      continue;
    }
    inUid = false;
    const upper = raw.length < 40 ? raw.trim().toUpperCase() : '';
    if (upper.startsWith('BEGIN:')) {
      depth++;
      if (depth === 2 && current === null)
        current = { name: upper.slice(6), start: at, end: at, line, uid: '', override: false };
      continue;
    }
    if (upper.startsWith('END:')) {
      if (depth === 2 && current !== null) {
        current.end = at + raw.length;
        current.uid = current.uid.trim();
        blocks.push(current);
        current = null;
      }
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (current !== null) {
      if (current.name !== 'VEVENT' || depth !== 2) continue;
      const name = propName(raw);
      if (name === 'UID') {
        current.uid = raw.slice(raw.indexOf(':') + 1);
        inUid = true;
      } else if (name === 'RECURRENCE-ID') current.override = true;
    } else if (depth === 1) {
      // Calendar properties: X-WR-CALNAME, X-WR-TIMEZONE, PRODID (folded lines continue them).
      const colon = raw.indexOf(':');
      lastHeaderKey = colon > 0 ? (raw.slice(0, colon).split(';')[0] ?? '').toUpperCase() : '';
      if (lastHeaderKey !== '') header.set(lastHeaderKey, raw.slice(colon + 1));
    } else if (depth === 0 && raw.trim() !== '') {
      problems.push({ line, reason: 'text outside BEGIN:VCALENDAR … END:VCALENDAR' });
    }
  }
  if (current !== null)
    problems.push({ line: current.line, reason: `${current.name} is never closed (no END:${current.name})` });
  return { blocks, header, problems };
}

/** One property as written: its first line's number and its physical lines (folded continuations included). */
interface PropLines {
  line: number;
  name: string;
  raws: string[];
  /** Nesting inside the block: 1 for the block's own properties, 2 inside an alarm or a STANDARD rule… */
  depth: number;
}

function unfolded(p: PropLines): string {
  let out = p.raws[0] ?? '';
  for (let i = 1; i < p.raws.length; i++) out += (p.raws[i] as string).slice(1);
  return out;
}

/** Every property of a block (BEGIN and END lines included) with its line, depth and folded continuations. */
function blockLines(text: string, block: Block, keep: (name: string, depth: number) => boolean): PropLines[] {
  const out: PropLines[] = [];
  let depth = 0;
  let line = block.line - 1;
  let current: PropLines | null = null;
  for (const { raw } of linesOf(text, block.start, block.end)) {
    line++;
    const folded = raw.length > 0 && (raw[0] === ' ' || raw[0] === '\t');
    if (folded) {
      current?.raws.push(raw);
      continue;
    }
    const upper = raw.length < 40 ? raw.trim().toUpperCase() : '';
    if (upper.startsWith('BEGIN:')) depth++;
    const name = propName(raw);
    current = keep(name, depth) ? { line, name, raws: [raw], depth } : null;
    if (current !== null) out.push(current);
    if (upper.startsWith('END:')) depth--;
  }
  return out;
}

function textOf(props: readonly PropLines[]): string {
  const lines: string[] = [];
  for (const p of props) for (const raw of p.raws) lines.push(raw);
  return `${lines.join('\r\n')}\r\n`;
}

/** "the event "Team sync"", "the event (UID abc@x)" or "the event": which one a message is about. */
function eventName(props: readonly PropLines[], uid: string): string {
  const summary = props.find((p) => p.name === 'SUMMARY');
  const title = summary ? (splitContentLine(unfolded(summary))?.value ?? '') : '';
  // The title as a calendar shows it: iCalendar's `\n`, `\,` and `\;` escapes undone.
  const text = title
    .replace(/\\[nN]/g, ' ')
    .replace(/\\(.)/g, '$1')
    .trim();
  if (text !== '') return `the event "${quoted(text, 60)}"`;
  return uid !== '' ? `the event (UID ${quoted(uid, 60)})` : 'the event';
}

/** What happens to an event when one of its properties is unusable, after "; ". */
function consequence(name: string, event: string): { fatal: boolean; then: string } {
  switch (name) {
    case 'DTSTART':
      return { fatal: true, then: `${event} is left out` };
    case 'RECURRENCE-ID':
      return { fatal: true, then: `this change to one occurrence of ${event} is left out` };
    case 'RRULE':
      return { fatal: false, then: `ignored: ${event} counts once, on its DTSTART` };
    case 'EXDATE':
      return { fatal: false, then: `ignored: the occurrence of ${event} it would remove still counts` };
    case 'RDATE':
      return { fatal: false, then: `ignored: the extra occurrence of ${event} it would add is not counted` };
    case 'DTEND':
    case 'DURATION':
      return { fatal: false, then: `ignored (${event} is dated by its DTSTART)` };
    case 'ATTENDEE':
    case 'ORGANIZER':
      return { fatal: false, then: `ignored: this person is not counted in ${event}` };
    default:
      return { fatal: false, then: `ignored (in ${event})` };
  }
}

interface EventText {
  /** The properties kept, for ical.js. */
  props: PropLines[];
  /** Properties left out, each with its line and why, in our words. */
  problems: { line: number; reason: string }[];
  /** The reason the whole event cannot be read (its DTSTART or RECURRENCE-ID is unusable), or null. */
  fatal: { line: number; reason: string } | null;
  /** Which event messages are about ("the event "Team sync""), worked out only for a message. */
  name: () => string;
  /** The line of the first RRULE, for a rule that cannot be expanded. */
  ruleLine: number | null;
}

/**
 * An event's text with only the properties we read (with their folded continuations), at
 * the event's own level only (an alarm's lines are not the event's), each value checked
 * first (property-check.ts): an unusable one is left out and reported in our words.
 */
function eventText(text: string, block: Block): EventText {
  const props = blockLines(text, block, (name, depth) => depth === 1 && EVENT_PROPS.has(name));
  let named: string | null = null;
  const name = () => (named ??= eventName(props, block.uid));
  const problems: EventText['problems'] = [];
  let fatal: EventText['fatal'] = null;
  const kept: PropLines[] = [];
  for (const p of props) {
    if (!CHECKED.has(p.name)) {
      kept.push(p);
      continue;
    }
    const content = splitContentLine(unfolded(p));
    const problem = content === null ? lineProblem(p) : valueProblem(content);
    if (problem === null && content !== null) {
      kept.push(canonical(p, content));
      continue;
    }
    const { fatal: stops, then } = consequence(p.name, name());
    const reason = `${problem ?? ''}; ${then}`;
    if (stops) fatal ??= { line: p.line, reason };
    else problems.push({ line: p.line, reason });
  }
  return {
    props: kept,
    problems,
    fatal,
    name,
    ruleLine: kept.find((p) => p.name === 'RRULE')?.line ?? null,
  };
}

/**
 * A property whose value passed the check, with that value as ical.js is to read it
 * (canonicalValue: `20240601t100000z` → `20240601T100000Z`), on one line; unchanged when
 * it is already so, as nearly every value is.
 */
function canonical(p: PropLines, content: ContentLine): PropLines {
  const value = canonicalValue(content);
  if (value === content.value) return p;
  const line = unfolded(p);
  return { ...p, raws: [line.slice(0, line.length - content.value.length) + value] };
}

/** Properties whose values are checked before ical.js reads them. */
const CHECKED = new Set(['DTSTART', 'DTEND', 'DURATION', 'RRULE', 'RDATE', 'EXDATE', 'RECURRENCE-ID']);

/** A line ical.js cannot take apart, in words. */
function lineProblem(p: PropLines): string {
  return `the line "${quoted(unfolded(p))}" is not a property: expected NAME:value or NAME;PARAM=value:value, with every quote closed`;
}

function parseComponent(text: string): ICAL.Component {
  // ICAL.parse is typed `any` (jCal); one component's jCal is an array.
  const jcal: unknown = ICAL.parse(text);
  if (!Array.isArray(jcal)) throw new Error('not one component');
  return new ICAL.Component(jcal);
}

/**
 * Parses a block's kept lines; a line ical.js refuses (a parameter's quote never closed…)
 * is found by parsing the lines one by one, reported in our words and left out, and the
 * rest parsed again. Only a broken block pays for the search.
 */
function parseLines(
  props: PropLines[],
  onDropped: (p: PropLines, problem: string) => void,
): { comp: ICAL.Component; kept: PropLines[] } {
  let kept = props;
  for (;;) {
    try {
      return { comp: parseComponent(textOf(kept)), kept };
    } catch (e) {
      const culprit = kept.find((p) => p.depth > 0 && !/^(?:BEGIN|END)$/.test(p.name) && !parsesAlone(p));
      if (culprit === undefined) throw e;
      onDropped(culprit, lineProblem(culprit));
      kept = kept.filter((p) => p !== culprit);
    }
  }
}

function parsesAlone(p: PropLines): boolean {
  try {
    ICAL.parse(`BEGIN:VEVENT\r\n${p.raws.join('\r\n')}\r\nEND:VEVENT\r\n`);
    return true;
  } catch {
    return false;
  }
}

/**
 * One copy of each string the read keeps (addresses, names, titles, dates, answers): a busy
 * calendar repeats a few thousand of them hundreds of thousands of times, and a substring
 * kept from the file would keep the whole 40 MB text alive (V8 slices point into their
 * parent). Measured on 50,000 events (41 MB): the heap after the read fell from 133 MB to
 * 55 MB, the text is freed once read, and the CLI import peaks at 315 MB instead of 505 MB.
 */
class StringPool {
  private readonly pool = new Map<string, string>();

  get(s: string): string {
    const known = this.pool.get(s);
    if (known !== undefined) return known;
    // A fresh string of its own, not a slice of the file (see the class comment).
    const own = s.length < 13 ? s : (' ' + s).slice(1);
    this.pool.set(own, own);
    return own;
  }
}

function participant(prop: ICAL.Property, organizer: boolean, pool: StringPool): Participant {
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
    email: pool.get(email),
    name: pool.get(cn.toLowerCase() === email || normaliseEmail(cn) !== '' ? '' : cn),
    partstat: pool.get(param('partstat').toUpperCase()),
    cutype: pool.get(param('cutype').toUpperCase()),
    organizer,
  };
}

function participants(comp: ICAL.Component, pool: StringPool): Participant[] {
  const out: Participant[] = [];
  const org = comp.getFirstProperty('organizer');
  if (org) out.push(participant(org, true, pool));
  for (const prop of comp.getAllProperties('attendee')) {
    const p = participant(prop, false, pool);
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
  past: PastEvent;
  zone: Zone;
  /** Which event messages are about ("the event "Team sync""). */
  name: () => string;
  ruleLine: number | null;
}

/** The TZID a value was written with ('' when none): ical.js keeps it on the time, outside its types. */
function tzidOf(t: ICAL.Time): string {
  const tzid = (t as { timezone?: unknown }).timezone;
  return typeof tzid === 'string' ? tzid : '';
}

/** Why ical.js could not follow a rule, in words, from what it threw. */
function ruleHint(e: unknown): string {
  const m = errorText(e);
  if (/BYWEEKNO|BYYEARDAY|BYMONTHDAY|BYDAY/.test(m)) return 'its BY… parts do not go with its FREQ';
  if (/max tries|twice/.test(m)) return 'it never gives a next date';
  return 'its parts contradict each other';
}

export async function readCalendar(text: string, file: string, options: ReadCalendarOptions): Promise<CalendarRead> {
  const body = text.replace(/^\uFEFF/, '');
  // The first pass is quick (a fifth of the time); the events take the rest.
  const tick = async (fraction: number) => {
    if (options.shouldStop?.()) throw new CalendarCancelled();
    await options.onProgress?.(fraction);
  };
  const split = await splitCalendar(body, (f) => tick(f * 0.2));
  const header = split.header;
  const pool = new StringPool();
  const ownerZone =
    (options.timeZone ? ianaZone(options.timeZone) : null) ?? ianaZone(header.get('X-WR-TIMEZONE') ?? '') ?? UTC_ZONE;
  const out: CalendarRead = {
    file,
    prodid: pool.get(header.get('PRODID') ?? ''),
    calendarName: pool.get((header.get('X-WR-CALNAME') ?? '').trim()),
    timeZone: ownerZone === UTC_ZONE ? 'UTC' : ownerZone.id,
    events: 0,
    past: [],
    occurrences: 0,
    cancelled: 0,
    ignored: {},
    problems: [...split.problems],
  };
  const vtimezones = new Map<string, ICAL.Component>();
  const events: Block[] = [];
  for (const block of split.blocks) {
    if (block.name === 'VEVENT') events.push(block);
    else if (block.name === 'VTIMEZONE') {
      const comp = readTimeZone(body, block, out.problems);
      if (comp !== null) vtimezones.set(String(comp.getFirstPropertyValue('tzid') ?? '').trim(), comp);
    } else out.ignored[block.name] = (out.ignored[block.name] ?? 0) + 1;
  }
  out.events = events.length;
  const zoneCache = new Map<string, Zone>();
  const zoneNamed = (tzid: string): Zone => {
    let zone = zoneCache.get(tzid);
    if (zone === undefined) {
      zone = resolveZone(tzid, vtimezones);
      zoneCache.set(tzid, zone);
    }
    return zone;
  };
  const zoneOf = (comp: ICAL.Component, propName: string): Zone => {
    const prop = comp.getFirstProperty(propName);
    if (!prop) return FLOATING;
    const value = prop.getFirstValue();
    if (value instanceof ICAL.Time) {
      if (value.isDate) return FLOATING;
      if (value.zone === ICAL.Timezone.utcTimezone) return UTC_ZONE;
    }
    const tzid = prop.getParameter('tzid');
    return zoneNamed(typeof tzid === 'string' ? tzid : '');
  };
  /**
   * The zone of one occurrence's start: its own when it was written with one (an RDATE in
   * UTC in a series in Berlin), else its event's DTSTART's (a rule's instances keep no TZID).
   */
  const zoneOfStart = (t: ICAL.Time, p: Parsed): Zone => {
    if (t.isDate) return FLOATING;
    if (t.zone === ICAL.Timezone.utcTimezone) return UTC_ZONE;
    const tzid = tzidOf(t);
    return tzid === '' ? p.zone : zoneNamed(tzid);
  };

  // Series by UID: the master (the first event without RECURRENCE-ID) and its overrides.
  const masters = new Map<string, Block>();
  const overrides = new Map<string, Block[]>();
  for (const block of events) {
    if (block.uid === '') continue;
    if (block.override) {
      const list = overrides.get(block.uid);
      if (list) list.push(block);
      else overrides.set(block.uid, [block]);
    } else if (!masters.has(block.uid)) masters.set(block.uid, block);
  }

  const parse = (block: Block): Parsed | null => {
    const ev = eventText(body, block);
    // An event left out is one warning: what else is wrong with it no longer matters.
    if (ev.fatal !== null) {
      out.problems.push(ev.fatal);
      return null;
    }
    out.problems.push(...ev.problems);
    let comp: ICAL.Component;
    let leftOut = false;
    try {
      comp = parseLines(ev.props, (p, problem) => {
        const { fatal, then } = consequence(p.name, ev.name());
        leftOut ||= fatal;
        out.problems.push({ line: p.line, reason: `${problem}; ${then}` });
      }).comp;
      if (leftOut) return null;
      if (!comp.getFirstPropertyValue('dtstart')) {
        out.problems.push({
          line: block.line,
          reason: `${ev.name()} has no DTSTART (expected a line such as DTSTART:20240601T100000Z); left out`,
        });
        return null;
      }
    } catch (e) {
      // Not met by any input we know of: every refusal we know is checked above, in our words.
      out.problems.push({
        line: block.line,
        reason: `${ev.name()} could not be read and is left out (the iCalendar reader said: ${quoted(errorText(e))})`,
      });
      return null;
    }
    const info: EventInfo = {
      uid: pool.get(block.uid),
      title: pool.get(String(comp.getFirstPropertyValue('summary') ?? '').trim()),
      participants: participants(comp, pool),
      line: block.line,
    };
    return { comp, past: { info, dates: [] }, zone: zoneOf(comp, 'dtstart'), name: ev.name, ruleLine: ev.ruleLine };
  };
  const keep = (p: Parsed) => {
    if (p.past.dates.length === 0) return;
    p.past.dates.sort();
    out.past.push(p.past);
    out.occurrences += p.past.dates.length;
  };
  const brokenZones = new Set<Zone>();
  /** The owner's date; a VTIMEZONE that fails while evaluated gives the date as written, once reported. */
  const datedIn = (start: ICAL.Time, p: Parsed): string => {
    const wall = wallOf(start);
    const zone = zoneOfStart(start, p);
    if (!brokenZones.has(zone)) {
      try {
        return ownerDate(wall, zone, ownerZone);
      } catch {
        brokenZones.add(zone);
        const dtstartTzid = p.comp.getFirstProperty('dtstart')?.getParameter('tzid');
        const tzid = tzidOf(start) || (typeof dtstartTzid === 'string' ? dtstartTzid : '');
        out.problems.push({
          line: p.past.info.line,
          reason: `the time zone "${quoted(tzid)}" of ${p.name()} cannot be used (its VTIMEZONE gives no offset for this date); times in it are taken as written`,
        });
      }
    }
    return ownerDate(wall, FLOATING, ownerZone);
  };
  /** A start as an instant, for telling two writings of one start apart from two starts. */
  const instantIn = (t: ICAL.Time, p: Parsed): number => {
    const zone = zoneOfStart(t, p);
    try {
      return instantOf(wallOf(t), brokenZones.has(zone) ? FLOATING : zone);
    } catch {
      return instantOf(wallOf(t), FLOATING); // reported once it is dated (datedIn)
    }
  };
  const emit = (start: ICAL.Time, p: Parsed) => {
    if (statusOf(p.comp) === 'CANCELLED') {
      out.cancelled++;
      return;
    }
    const date = start.isDate ? start.toString().slice(0, 10) : datedIn(start, p);
    if (date <= options.today) p.past.dates.push(pool.get(date));
  };
  const single = (p: Parsed) => {
    emit(p.comp.getFirstPropertyValue('dtstart') as ICAL.Time, p);
    keep(p);
  };

  const series = (master: Parsed, own: Parsed[]) => {
    if (statusOf(master.comp) === 'CANCELLED') {
      out.cancelled++;
      return;
    }
    const byRecurrenceId = new Map(
      own.map((o) => [o.comp.getFirstPropertyValue('recurrence-id')?.toString() ?? '', o]),
    );
    // Stop a little after today (a moved occurrence can land earlier than its slot), and
    // after the last override, so an occurrence moved into the past is still seen.
    let limit = addDays(options.today, 2);
    for (const key of byRecurrenceId.keys()) if (key.slice(0, 10) > limit) limit = key.slice(0, 10);
    const limitNumber = Number(limit.replace(/-/g, ''));
    try {
      const event = new ICAL.Event(master.comp, { exceptions: own.map((o) => o.comp), strictExceptions: true });
      // An EXDATE alone can still remove DTSTART (RFC 5545: the set is DTSTART minus the EXDATEs).
      if (!event.isRecurring() && !master.comp.hasProperty('exdate')) {
        single(master);
        for (const o of own) single(o);
        return;
      }
      // getOccurrenceDetails costs two Time objects per occurrence; it is needed only for
      // THISANDFUTURE ranges. Otherwise an override is found by its RECURRENCE-ID, as ical.js does.
      const ranges = event.rangeExceptions.length > 0;
      for (const next of recurrenceSet(event, (t) => instantIn(t, master))) {
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
      const rule = master.comp.getFirstPropertyValue('rrule');
      out.problems.push({
        line: master.ruleLine ?? master.past.info.line,
        reason: `RRULE "${quoted(rule ? rule.toString() : '')}" cannot be followed (${ruleHint(e)}); ${master.name()} counts once, on its DTSTART`,
      });
      master.past.dates.length = 0;
      for (const o of own) o.past.dates.length = 0;
      single(master);
      return;
    }
    // Overrides whose slot the rule never produced: each is an event of its own.
    for (const o of byRecurrenceId.values()) emit(o.comp.getFirstPropertyValue('dtstart') as ICAL.Time, o);
    keep(master);
    for (const o of own) keep(o);
  };

  // The second pass, one series at a time in the order of the file.
  let done = 0;
  for (const block of events) {
    if (++done % 250 === 0) await tick(0.2 + (0.8 * done) / events.length);
    const isMaster = block.uid !== '' && !block.override && masters.get(block.uid) === block;
    if (block.uid !== '' && block.override && masters.has(block.uid)) continue; // read with its master
    const p = parse(block);
    if (p === null) continue;
    if (!isMaster) {
      if (block.uid !== '' && !block.override)
        out.problems.push({ line: block.line, reason: `a second event with UID ${block.uid}; counted on its own` });
      single(p); // no UID, an override without its series in the file, or a second master
      continue;
    }
    const own = (overrides.get(block.uid) ?? []).map(parse).filter((o): o is Parsed => o !== null);
    series(p, own);
  }
  await options.onProgress?.(1);
  return out;
}

/** Properties of a VTIMEZONE's STANDARD and DAYLIGHT rules whose values are checked. */
const TIME_ZONE_CHECKED = new Set(['DTSTART', 'RRULE', 'RDATE', 'TZOFFSETFROM', 'TZOFFSETTO']);

/**
 * A VTIMEZONE, or null when a value in it is unusable (reported in our words): ical.js would
 * throw on it only later, while dating an event, or compute offsets from a rolled-over date.
 * Without it, the events' TZID is still resolved by its name (time-zones.ts), else floating.
 */
function readTimeZone(text: string, block: Block, problems: CalendarRead['problems']): ICAL.Component | null {
  const props = blockLines(text, block, () => true);
  const tzidLine = props.find((p) => p.name === 'TZID' && p.depth === 1);
  const tzid = tzidLine ? (splitContentLine(unfolded(tzidLine))?.value.trim() ?? '') : '';
  const then = `the time zone "${quoted(tzid)}" defined here is not used (times in it are read as written unless it is a zone name we know)`;
  let usable = true;
  const checked = props.map((p) => {
    if (p.depth !== 2 || !TIME_ZONE_CHECKED.has(p.name)) return p;
    const content = splitContentLine(unfolded(p));
    const problem = content === null ? lineProblem(p) : valueProblem(content);
    if (problem === null && content !== null) return canonical(p, content);
    problems.push({ line: p.line, reason: `${problem ?? ''}; ${then}` });
    usable = false;
    return p;
  });
  if (!usable) return null;
  try {
    const { comp } = parseLines(checked, (p, problem) => {
      problems.push({ line: p.line, reason: `${problem}; ${then}` });
      usable = false;
    });
    return usable ? comp : null;
  } catch (e) {
    // Not met by any input we know of: the refusals we know are checked above, in our words.
    problems.push({
      line: block.line,
      reason: `${then}: it could not be read (the iCalendar reader said: ${quoted(errorText(e))})`,
    });
    return null;
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Every past occurrence as a date and its event, oldest first (for tests and small calendars). */
export function occurrencesOf(cal: CalendarRead): Array<{ date: IsoDate; info: EventInfo }> {
  const all = cal.past.flatMap((p) => p.dates.map((date) => ({ date, info: p.info })));
  return all.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

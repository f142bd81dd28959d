/**
 * Edits to the two sections we own inside a person note's body: `## Interactions` (a log,
 * newest first) and `## History` (job changes, oldest first).
 *
 * The body belongs to the user, so each edit inserts exactly one line and leaves every
 * other byte where it was. Headings inside fenced code blocks do not count, and the note's
 * own line ending (LF or CRLF) is used for the inserted line.
 */
import { isValidYmd, sharedIso, sortUniqueDates, type IsoDate } from '../dates/iso-date';
import { lineEnding } from './note-text';

interface Line {
  text: string;
  start: number;
  /** Offset just after this line's newline (or the end of the text). */
  end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 ? text.length : nl + 1;
    lines.push({ text: text.slice(start, nl === -1 ? text.length : nl).replace(/\r$/, ''), start, end });
    start = end;
  }
  return lines;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

interface Section {
  /** Index of the heading line. */
  heading: number;
  /** Index of the first line after the section (next heading of same or higher level, or end). */
  end: number;
}

/**
 * For a ``` or ~~~ line, the fence state after it (it opens a block, or closes the one open
 * with the same marker); null for any other line. `fence` is the open block's marker or null.
 */
export function fenceLine(text: string, fence: string | null): { fence: string | null } | null {
  const f = FENCE.exec(text);
  if (!f) return null;
  const marker = (f[1] as string)[0] as string;
  if (fence === null) return { fence: marker };
  return { fence: fence === marker ? null : fence };
}

/** Finds `## <title>` (any heading level, case-insensitive) outside code blocks. */
function findSection(lines: Line[], title: string): Section | null {
  let fence: string | null = null;
  let found: { index: number; level: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    const f = fenceLine(text, fence);
    if (f) {
      fence = f.fence;
      continue;
    }
    if (fence !== null) continue;
    const h = HEADING.exec(text);
    if (!h) continue;
    const level = (h[1] as string).length;
    if (found) {
      if (level <= found.level) return { heading: found.index, end: i };
    } else if ((h[2] as string).trim().toLowerCase() === title.toLowerCase()) {
      found = { index: i, level };
    }
  }
  return found ? { heading: found.index, end: lines.length } : null;
}

/**
 * Appends `## title` with `text` (several lines, given with `\n`) at the end of the body, in
 * the note's own line ending, unless the section is already there (then nothing changes).
 */
export function appendSectionText(body: string, title: string, text: string): string {
  const lines = splitLines(body);
  if (findSection(lines, title)) return body;
  const eol = lineEnding(body);
  return appendSection(body, title, text.split('\n').join(eol), eol);
}

/** Appends a new `## title` section holding `line` at the end of the body. */
function appendSection(body: string, title: string, line: string, eol: string): string {
  let sep = '';
  if (body.length > 0) {
    if (body.endsWith(`${eol}${eol}`) || body.endsWith('\n\n')) sep = '';
    else if (body.endsWith('\n')) sep = eol;
    else sep = `${eol}${eol}`;
  }
  return `${body}${sep}## ${title}${eol}${eol}${line}${eol}`;
}

export const LIST_ITEM = /^\s*[-*+] /;

/**
 * Inserts `line` as the first item of the section (newest first): before the first list
 * item, or after the heading and its blank line when the section has no items yet.
 */
export function prependToSection(body: string, title: string, line: string): string {
  const eol = lineEnding(body);
  const lines = splitLines(body);
  const section = findSection(lines, title);
  if (!section) return appendSection(body, title, line, eol);
  for (let i = section.heading + 1; i < section.end; i++) {
    const l = lines[i] as Line;
    if (LIST_ITEM.test(l.text)) return body.slice(0, l.start) + line + eol + body.slice(l.start);
    if (l.text.trim() !== '') break;
  }
  return insertAfterHeading(body, lines, section, line, eol);
}

/** Appends `line` as the last item of the section (oldest first). */
export function appendToSection(body: string, title: string, line: string): string {
  const eol = lineEnding(body);
  const lines = splitLines(body);
  const section = findSection(lines, title);
  if (!section) return appendSection(body, title, line, eol);
  let last = -1;
  for (let i = section.heading + 1; i < section.end; i++) {
    if (LIST_ITEM.test((lines[i] as Line).text)) last = i;
  }
  if (last === -1) return insertAfterHeading(body, lines, section, line, eol);
  return insertAfterLine(body, lines[last] as Line, line, eol);
}

/** `line` on its own line right after `after` (adding a line break if `after` is the last, unterminated line). */
function insertAfterLine(body: string, after: Line, line: string, eol: string): string {
  const needsBreak = !body.slice(after.start, after.end).endsWith('\n');
  return body.slice(0, after.end) + (needsBreak ? eol : '') + line + eol + body.slice(after.end);
}

function insertAfterHeading(body: string, lines: Line[], section: Section, line: string, eol: string): string {
  const heading = lines[section.heading] as Line;
  const headingHasBreak = body.slice(heading.start, heading.end).endsWith('\n');
  const next = lines[section.heading + 1];
  // The first item of an empty section keeps a blank line before what follows it (the next
  // heading, such as an address book's `## From address book` added before any meeting).
  const gap = (at: number) => {
    const first = body.slice(at).split('\n', 1)[0] ?? '';
    return first.trim() !== '' && !LIST_ITEM.test(first) ? eol : '';
  };
  if (next && next.text.trim() === '' && section.heading + 1 < section.end) {
    // Keep the blank line under the heading: `## X`, blank, then the new item.
    return body.slice(0, next.end) + line + eol + gap(next.end) + body.slice(next.end);
  }
  return (
    body.slice(0, heading.end) +
    (headingHasBreak ? '' : eol) +
    eol +
    line +
    eol +
    gap(heading.end) +
    body.slice(heading.end)
  );
}

/** Whether the body has `## title` (any level, any case) outside code blocks. */
export function hasSection(body: string, title: string): boolean {
  return findSection(splitLines(body), title) !== null;
}

/** The lines (text only) of a section, or [] when it is missing. */
export function sectionLines(body: string, title: string): string[] {
  const lines = splitLines(body);
  const section = findSection(lines, title);
  if (!section) return [];
  return lines.slice(section.heading + 1, section.end).map((l) => l.text);
}

const MEETING = /^\s*[-*+]\s+\S+ · meeting(?: ·|$)/;

/** First characters of the lines {@link datedItemDates} looks at: ` ~ # - * +. */
const SIGNIFICANT = new Set([96, 126, 35, 45, 42, 43]);

const TITLE_TESTS = new Map<string, RegExp>();

/** Whether a body mentions the title at all, any case, without lower-casing a copy of it. */
function titleTest(wanted: string): RegExp {
  let re = TITLE_TESTS.get(wanted);
  if (!re) {
    re = new RegExp(wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
    TITLE_TESTS.set(wanted, re);
  }
  return re;
}

/** A list item that starts with a date: `- 2024-05-01 · call · …`, `- [[2024-5-1]] …`, `- [x] 2024-05-01 …`. */
const DATED_ITEM = /^\s*[-*+]\s+(?:\[[ xX]\]\s+)?(?:\[\[)?(\d{4})-(\d{1,2})-(\d{1,2})(?![0-9])/;

/** The date a list item starts with, or null when it has none (or an impossible one). */
export function itemDate(text: string): IsoDate | null {
  const m = DATED_ITEM.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidYmd(y, mo, d) ? sharedIso(y, mo, d) : null;
}

/**
 * Every date among the section's dated list items, oldest first, each once. The same rules
 * as {@link sectionLines}, walked without building line objects: it runs for every person
 * note (30,000 of them, 200,000 dated lines) each time the CLI reads a vault. `meetings`, when
 * given, also receives the dates of meeting lines (`- 2026-03-14 · meeting · …`), oldest first.
 */
export function datedItemDates(body: string, title: string, meetings?: IsoDate[]): IsoDate[] {
  const wanted = title.toLowerCase();
  if (!titleTest(wanted).test(body)) return [];
  const dates: IsoDate[] = [];
  let fence: string | null = null;
  let level = 0; // the found heading's level; 0 while not in the section
  for (let start = 0; start < body.length;) {
    const nl = body.indexOf('\n', start);
    const end = nl === -1 ? body.length : nl;
    const lineStart = start;
    start = end + 1;
    // Only fences, headings and list items matter: other lines are skipped without a copy.
    let first = lineStart;
    while (first < end && (body.charCodeAt(first) === 32 || body.charCodeAt(first) === 9)) first++;
    if (!SIGNIFICANT.has(body.charCodeAt(first))) continue;
    const text = body.charCodeAt(end - 1) === 13 ? body.slice(lineStart, end - 1) : body.slice(lineStart, end);
    const f = fenceLine(text, fence);
    if (f) {
      fence = f.fence;
      continue;
    }
    if (fence !== null) continue;
    const h = text.charCodeAt(0) === 35 || text.startsWith(' ') ? HEADING.exec(text) : null;
    if (h) {
      const l = (h[1] as string).length;
      if (level > 0 && l <= level) break;
      if (level === 0 && (h[2] as string).trim().toLowerCase() === wanted) level = l;
      continue;
    }
    if (level === 0) continue;
    const iso = itemDate(text);
    if (iso === null) continue;
    dates.push(iso);
    // `- 2026-03-14 · meeting · …`, as a calendar import logs meetings: for "met 3 times since March".
    if (meetings && MEETING.test(text)) meetings.push(iso);
  }
  meetings?.sort();
  return sortUniqueDates(dates);
}

/** The newest date among the section's dated list items, or null. */
export function newestDatedItem(body: string, title: string): IsoDate | null {
  const dates = datedItemDates(body, title);
  return dates[dates.length - 1] ?? null;
}

/**
 * Inserts a dated line where its date belongs in a newest-first log: before the first older
 * dated item, else after the last item. An accepted invitation's message, usually the
 * oldest contact, so lands at the bottom of an existing log and on top of an empty one.
 * Among items of the same date, `sameDay` says whether the line goes after them (the
 * import, which adds what already happened) or first (a line the user logs now).
 */
export function insertDatedLine(
  body: string,
  title: string,
  line: string,
  date: IsoDate,
  sameDay: 'first' | 'last' = 'last',
): string {
  const eol = lineEnding(body);
  const lines = splitLines(body);
  const section = findSection(lines, title);
  if (!section) return appendSection(body, title, line, eol);
  let lastItem = -1;
  for (let i = section.heading + 1; i < section.end; i++) {
    const l = lines[i] as Line;
    if (!LIST_ITEM.test(l.text)) continue;
    const itemIso = itemDate(l.text);
    if (itemIso !== null && (itemIso < date || (sameDay === 'first' && itemIso === date)))
      return body.slice(0, l.start) + line + eol + body.slice(l.start);
    lastItem = i;
  }
  if (lastItem === -1) return prependToSection(body, title, line);
  return insertAfterLine(body, lines[lastItem] as Line, line, eol);
}

/**
 * Inserts several dated lines, each exactly where {@link insertDatedLine} would put it if
 * they were inserted one after the other, in one pass over the note: a calendar brings a
 * note hundreds of meetings, and re-reading the note for each line made that quadratic.
 */
export function insertDatedLines(
  body: string,
  title: string,
  items: ReadonlyArray<{ line: string; date: IsoDate }>,
  sameDay: 'first' | 'last' = 'last',
): string {
  const [head, ...rest] = items;
  if (head === undefined) return body;
  if (rest.length === 0) return insertDatedLine(body, title, head.line, head.date, sameDay);
  const eol = lineEnding(body);
  const lines = splitLines(body);
  const section = findSection(lines, title);
  if (!section) return insertDatedLines(appendSection(body, title, head.line, eol), title, rest, sameDay);
  // The section's list items in order, the existing ones by line index and the new ones by text.
  const entries: Array<{ date: IsoDate | null; line?: number; text?: string }> = [];
  for (let i = section.heading + 1; i < section.end; i++) {
    const l = lines[i] as Line;
    if (LIST_ITEM.test(l.text)) entries.push({ date: itemDate(l.text), line: i });
  }
  for (const item of items) {
    let at = entries.findIndex(
      (e) => e.date !== null && (e.date < item.date || (sameDay === 'first' && e.date === item.date)),
    );
    if (at === -1) at = entries.length;
    entries.splice(at, 0, { date: item.date, text: item.line });
  }
  // New lines go right before the existing item that follows them, or after the last one.
  let out = '';
  let pos = 0;
  let pending: string[] = [];
  let lastExisting: Line | null = null;
  for (const e of entries) {
    if (e.line === undefined) {
      pending.push(e.text as string);
      continue;
    }
    const l = lines[e.line] as Line;
    if (pending.length > 0) {
      out += body.slice(pos, l.start) + pending.map((t) => t + eol).join('');
      pos = l.start;
      pending = [];
    }
    lastExisting = l;
  }
  if (pending.length === 0) return out + body.slice(pos);
  if (lastExisting === null) return insertAfterHeading(body, lines, section, pending.join(eol), eol);
  const needsBreak = !body.slice(lastExisting.start, lastExisting.end).endsWith('\n');
  return (
    out +
    body.slice(pos, lastExisting.end) +
    (needsBreak ? eol : '') +
    pending.map((t) => t + eol).join('') +
    body.slice(lastExisting.end)
  );
}

/**
 * Past calendar occurrences → who was met, and when.
 *
 * Whose calendar is it? The owner is left out of every meeting (nobody meets themselves),
 * and an occurrence the owner declined does not count. The owner's addresses are, together:
 * the addresses the user gave (a setting, `--me`), the calendar's name when it is an
 * address (Google names a primary calendar after its account), and the address of a
 * participant whose name is exactly the owner's name (from the LinkedIn export: the vault
 * state, or the export imported in the same run). Only when none of these gives an
 * address, the one address that takes part in at least half of the events with
 * participants, more than any other, is taken (a personal calendar's owner is in nearly all
 * of them); the evidence is reported either way.
 *
 * Each other participant (not a room or resource, not Google's birthday pseudo-guest, not
 * someone who declined) becomes an attendee with one line per meeting,
 * `- 2026-03-14 · meeting · <title>`, once per date and title; nothing else from the event
 * is copied. Which note an attendee is (by e-mail, then exact unique name in `CN=`) is the
 * import's one matching rule (import/note-matcher.ts), as for every source.
 */
import type { IsoDate } from '../../dates/iso-date';
import { nameKey } from '../../identity/person-name';
import type { DatedLine } from '../../import/incoming';
import { escapeMarkdown } from '../../notes/markdown-escape';
import { normaliseEmail } from '../../identity/email';
import type { CalendarRead, Participant } from './read-calendar';

export type OwnerEvidence = 'setting' | 'calendar name' | 'your name' | 'most frequent' | 'unknown';

export interface CalendarOwner {
  emails: string[];
  evidence: OwnerEvidence[];
}

export interface OwnerHints {
  /** Addresses the user gave as theirs. */
  emails?: readonly string[];
  /** The owner's name as the LinkedIn export says (vault state). */
  name?: string | null;
}

/** Pseudo-participants: Google's birthday "Contacts" guest, rooms and resources. */
export function isPseudo(p: Participant): boolean {
  if (p.cutype === 'ROOM' || p.cutype === 'RESOURCE' || p.cutype === 'GROUP') return true;
  return /@(?:virtual|resource\.calendar\.google\.com|group\.(?:v\.)?calendar\.google\.com|import\.calendar\.google\.com)$/.test(
    p.email,
  );
}

export function detectOwner(cal: CalendarRead, hints: OwnerHints = {}): CalendarOwner {
  const emails: string[] = [];
  const evidence: OwnerEvidence[] = [];
  const add = (email: string, why: OwnerEvidence) => {
    if (email === '') return;
    if (!emails.includes(email)) emails.push(email);
    if (!evidence.includes(why)) evidence.push(why);
  };
  for (const e of hints.emails ?? []) add(normaliseEmail(e), 'setting');
  add(normaliseEmail(cal.calendarName), 'calendar name');
  const ownerKey = hints.name ? nameKey(hints.name) : '';
  const counts = new Map<string, number>();
  let withPeople = 0;
  for (const { info } of cal.past) {
    const people = info.participants.filter((p) => p.email !== '' && !isPseudo(p));
    if (people.length === 0) continue;
    withPeople++;
    for (const p of people) {
      counts.set(p.email, (counts.get(p.email) ?? 0) + 1);
      if (ownerKey !== '' && p.name !== '' && nameKey(p.name) === ownerKey) add(p.email, 'your name');
    }
  }
  if (emails.length === 0 && withPeople > 0) {
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    if (top && top[1] * 2 >= withPeople && (!second || top[1] > second[1])) add(top[0], 'most frequent');
  }
  return { emails, evidence: evidence.length > 0 ? evidence : ['unknown'] };
}

/** Someone the owner met, with every meeting once. */
export interface Attendee {
  email: string;
  name: string;
  /** The line of the first event they are in, for the report. */
  line: number;
  /** One line per meeting (date and title), oldest first. */
  lines: DatedLine[];
}

export interface CalendarMeetings {
  owner: CalendarOwner;
  attendees: Attendee[];
  /** Occurrences the owner declined. */
  declined: number;
  /** Occurrences with nobody but the owner (focus time, reminders, birthdays). */
  alone: number;
}

function meetingTitle(title: string): string {
  return escapeMarkdown(title.trim() === '' ? '(no title)' : title.trim());
}

/** `- 2026-03-14 · meeting · <title>`, the title escaped (an event title is never markup in a note). */
export function meetingLine(date: IsoDate, title: string): string {
  return `- ${date} · meeting · ${meetingTitle(title)}`;
}

function isMet(p: Participant, owner: ReadonlySet<string>): boolean {
  return !owner.has(p.email) && !isPseudo(p) && p.partstat !== 'DECLINED' && (p.email !== '' || p.name !== '');
}

/**
 * The attendees of a calendar's past meetings, each with their meeting lines. One line
 * object per occurrence is shared by everyone in it, so 300,000 occurrences cost 300,000
 * lines, not one per attendee.
 */
export function meetingsByAttendee(cal: CalendarRead, owner: CalendarOwner): CalendarMeetings {
  const out: CalendarMeetings = { owner, attendees: [], declined: 0, alone: 0 };
  const ownerSet = new Set(owner.emails);
  const byKey = new Map<string, Attendee & { seen: Set<string> }>();
  for (const { info, dates } of cal.past) {
    const people = info.participants;
    if (people.some((p) => ownerSet.has(p.email) && (p.partstat === 'DECLINED' || p.partstat === 'CANCELLED'))) {
      out.declined += dates.length;
      continue;
    }
    const met = people.filter((p) => isMet(p, ownerSet));
    if (met.length === 0) {
      out.alone += dates.length;
      continue;
    }
    const suffix = ` · meeting · ${meetingTitle(info.title)}`;
    const lines = dates.map((date) => {
      const line = `- ${date}${suffix}`;
      return { date, line, key: line };
    });
    for (const p of met) {
      const key = p.email !== '' ? p.email : `name:${nameKey(p.name)}`;
      let a = byKey.get(key);
      if (!a) {
        a = { email: p.email, name: p.name, line: info.line, lines: [], seen: new Set() };
        byKey.set(key, a);
      }
      if (a.name === '' && p.name !== '') a.name = p.name;
      for (const l of lines) {
        if (a.seen.has(l.line)) continue;
        a.seen.add(l.line);
        a.lines.push(l);
      }
    }
  }
  for (const { seen: _seen, ...a } of byKey.values()) {
    a.lines.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
    out.attendees.push(a);
  }
  return out;
}

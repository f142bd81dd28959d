/**
 * Past calendar occurrences → meeting lines for the people in them.
 *
 * Whose calendar is it? The owner is left out of every meeting (nobody meets themselves),
 * and an occurrence the owner declined does not count. The owner's addresses are, together:
 * the addresses the caller knows (a setting, `--me`), the calendar's name when it is an
 * address (Google names a primary calendar after its account), and the address of a
 * participant whose name is exactly the owner's name from the LinkedIn export. Only when
 * none of these gives an address, the one address that takes part in at least half of the
 * events with participants, more than any other, is taken (a personal calendar's owner is in
 * nearly all of them); the evidence is reported either way.
 *
 * Each other participant (not a room or resource, not Google's birthday pseudo-guest, not
 * someone who declined) is matched to a person note by e-mail, then by exact unique name
 * (match-person.ts). A match gets `- 2026-03-14 · meeting · <title>` under `## Interactions`,
 * once per date and title however often the import runs; nothing else from the event is
 * copied. Participants without a note are counted, for the report's "attendees with no note".
 */
import type { IsoDate } from '../../dates/iso-date';
import { nameKey } from '../../identity/person-name';
import type { DatedLine } from '../../import/incoming';
import type { ExistingNote } from '../../import/vault-snapshot';
import { escapeMarkdown } from '../../notes/markdown-escape';
import { normaliseEmail } from '../contact';
import type { MatchedBy, PersonMatcher } from '../match-person';
import type { CalendarRead, EventInfo, Participant } from './read-calendar';

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
  const seen = new Set<object>();
  const counts = new Map<string, number>();
  let withPeople = 0;
  for (const o of cal.occurrences) {
    if (seen.has(o.info)) continue;
    seen.add(o.info);
    const people = o.info.participants.filter((p) => p.email !== '' && !isPseudo(p));
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

export interface NoteMeetings {
  note: ExistingNote;
  by: MatchedBy;
  /** Distinct meeting lines, oldest first. */
  lines: DatedLine[];
}

export interface UnmatchedAttendee {
  email: string;
  name: string;
  /** Distinct meetings (date and title). */
  meetings: number;
  lastMet: IsoDate;
}

export interface AmbiguousAttendee {
  email: string;
  name: string;
  candidates: string[];
  reason: string;
}

export interface MeetingsPlan {
  owner: CalendarOwner;
  byNote: Map<string, NoteMeetings>;
  /** Most meetings first, then most recent. */
  unmatched: UnmatchedAttendee[];
  ambiguous: AmbiguousAttendee[];
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

type Resolved =
  { kind: 'note'; note: ExistingNote; by: MatchedBy } | { kind: 'unmatched'; key: string } | { kind: 'ambiguous' };

export function planMeetings(cal: CalendarRead, owner: CalendarOwner, matcher: PersonMatcher): MeetingsPlan {
  const plan: MeetingsPlan = { owner, byNote: new Map(), unmatched: [], ambiguous: [], declined: 0, alone: 0 };
  const ownerSet = new Set(owner.emails);
  const resolved = new Map<string, Resolved>();
  const unmatched = new Map<string, UnmatchedAttendee & { seen: Set<string> }>();
  const lineSets = new Map<string, Set<string>>();

  const resolve = (p: Participant): Resolved => {
    const cacheKey = `${p.email}\u0000${p.name}`;
    const hit = resolved.get(cacheKey);
    if (hit) return hit;
    const m = matcher.match({ profileUrl: null, emails: p.email === '' ? [] : [p.email], name: p.name });
    let r: Resolved;
    if (m.kind === 'found') r = { kind: 'note', note: m.note, by: m.by };
    else if (m.kind === 'ambiguous') {
      plan.ambiguous.push({
        email: p.email,
        name: p.name,
        candidates: m.candidates.map((n) => n.path),
        reason: m.reason,
      });
      r = { kind: 'ambiguous' };
    } else r = { kind: 'unmatched', key: p.email || `name:${nameKey(p.name)}` };
    resolved.set(cacheKey, r);
    return r;
  };

  // Occurrences of one series share their EventInfo: who is in it is worked out once.
  interface Who {
    declined: boolean;
    /** `· meeting · <escaped title>`, escaped once per event rather than per occurrence. */
    suffix: string;
    notes: Array<{ note: ExistingNote; by: MatchedBy }>;
    unmatched: Array<{ key: string; p: Participant }>;
  }
  const whoCache = new Map<EventInfo, Who>();
  const who = (info: EventInfo): Who => {
    let w = whoCache.get(info);
    if (w) return w;
    const people = info.participants;
    w = { declined: false, suffix: ` · meeting · ${meetingTitle(info.title)}`, notes: [], unmatched: [] };
    if (people.some((p) => ownerSet.has(p.email) && (p.partstat === 'DECLINED' || p.partstat === 'CANCELLED')))
      w.declined = true;
    else {
      for (const p of people) {
        if (ownerSet.has(p.email) || isPseudo(p) || p.partstat === 'DECLINED' || (p.email === '' && p.name === ''))
          continue;
        const r = resolve(p);
        if (r.kind === 'note') {
          if (!w.notes.some((n) => n.note === r.note)) w.notes.push({ note: r.note, by: r.by });
        } else if (r.kind === 'unmatched') {
          if (!w.unmatched.some((u) => u.key === r.key)) w.unmatched.push({ key: r.key, p });
        }
      }
    }
    whoCache.set(info, w);
    return w;
  };

  for (const occ of cal.occurrences) {
    const w = who(occ.info);
    if (w.declined) {
      plan.declined++;
      continue;
    }
    if (w.notes.length === 0 && w.unmatched.length === 0) {
      plan.alone++;
      continue;
    }
    const line = `- ${occ.date}${w.suffix}`;
    for (const { note, by } of w.notes) {
      let entry = plan.byNote.get(note.path);
      if (!entry) {
        entry = { note, by, lines: [] };
        plan.byNote.set(note.path, entry);
        lineSets.set(note.path, new Set());
      }
      const lines = lineSets.get(note.path) as Set<string>;
      if (!lines.has(line)) {
        lines.add(line);
        entry.lines.push({ date: occ.date, line, key: line });
      }
    }
    for (const { key, p } of w.unmatched) {
      let u = unmatched.get(key);
      if (!u) {
        u = { email: p.email, name: p.name, meetings: 0, lastMet: occ.date, seen: new Set() };
        unmatched.set(key, u);
      }
      if (u.name === '' && p.name !== '') u.name = p.name;
      if (!u.seen.has(line)) {
        u.seen.add(line);
        u.meetings++;
        if (occ.date > u.lastMet) u.lastMet = occ.date;
      }
    }
  }
  plan.unmatched = [...unmatched.values()]
    .map(({ seen: _seen, ...u }) => u)
    .sort((a, b) => b.meetings - a.meetings || b.lastMet.localeCompare(a.lastMet) || a.email.localeCompare(b.email));
  return plan;
}

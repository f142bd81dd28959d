/**
 * Who is due a "keep in touch": the stale rule.
 *
 * - Tracked: the person's trust level has a keep-in-touch period, or their note sets
 *   `cadence` in days; `cadence: 0` means never. People marked `prune: true` and people in
 *   an invitation state are not tracked; untriaged people (no trust) only when the
 *   setting includes them, with the longest period of any level.
 * - Due date: the effective last contact plus the period; someone never contacted counts
 *   from `connected-on`, else from when the note was created.
 * - Stale: today is after the due date (on the due date is not yet stale) and
 *   `snooze-until` is not in the future. Sorted by overdue ratio (days past due ÷ period),
 *   most overdue first.
 */
import { dayNumber, fromDayNumber, type IsoDate } from '../dates/iso-date';
import { INVITATION_STATES } from '../notes/schema';
import { effectiveLastContact, type LastContact } from '../people/last-contact';
import type { PersonRecord } from '../people/person-record';
import type { TrustLevel } from '../settings';

export interface StaleOptions {
  today: IsoDate;
  trustLevels: readonly TrustLevel[];
  includeUntriaged: boolean;
  useDailyNotes: boolean;
}

export type WhoseMove = 'you owe a reply' | 'waiting on them';

export interface StaleEntry {
  person: PersonRecord;
  period: number;
  lastContact: LastContact | null;
  dueDate: IsoDate;
  daysOverdue: number;
  overdueRatio: number;
  /** From LinkedIn messages: who wrote last, when that is the most recent contact. */
  whoseMove: WhoseMove | null;
}

/** The keep-in-touch period in days, or null when the person is not tracked. */
export function trackingPeriod(
  p: PersonRecord,
  options: Pick<StaleOptions, 'trustLevels' | 'includeUntriaged'>,
): number | null {
  if (p.prune || INVITATION_STATES.includes(p.status)) return null;
  if (p.cadence !== null) return p.cadence > 0 ? p.cadence : null;
  if (p.trust === null) {
    if (!options.includeUntriaged) return null;
    const periods = options.trustLevels.map((l) => l.keepInTouchDays).filter((d): d is number => d !== null);
    return periods.length > 0 ? Math.max(...periods) : null;
  }
  return options.trustLevels[p.trust - 1]?.keepInTouchDays ?? null;
}

export function whoseMove(p: PersonRecord, lastContact: LastContact | null): WhoseMove | null {
  if (p.lastMessageFrom === null || p.lastMessage === null) return null;
  // Only when the last message is the latest contact: a meeting after it settles the question.
  if (lastContact !== null && lastContact.date > p.lastMessage) return null;
  return p.lastMessageFrom === 'them' ? 'you owe a reply' : 'waiting on them';
}

export function staleEntry(
  p: PersonRecord,
  options: StaleOptions,
  todayDay = dayNumber(options.today),
): StaleEntry | null {
  const period = trackingPeriod(p, options);
  if (period === null) return null;
  if (p.snoozeUntil !== null && p.snoozeUntil > options.today) return null;
  const lastContact = effectiveLastContact(p, options);
  const since = lastContact?.date ?? p.connectedOn ?? p.createdOn;
  if (since === null) return null;
  const due = dayNumber(since) + period;
  const daysOverdue = todayDay - due;
  if (daysOverdue <= 0) return null;
  return {
    person: p,
    period,
    lastContact,
    dueDate: fromDayNumber(due),
    daysOverdue,
    overdueRatio: daysOverdue / period,
    whoseMove: whoseMove(p, lastContact),
  };
}

export function compareStale(a: StaleEntry, b: StaleEntry): number {
  return (
    b.overdueRatio - a.overdueRatio ||
    b.daysOverdue - a.daysOverdue ||
    a.person.name.localeCompare(b.person.name) ||
    a.person.path.localeCompare(b.person.path)
  );
}

export function staleList(people: Iterable<PersonRecord>, options: StaleOptions): StaleEntry[] {
  const todayDay = dayNumber(options.today);
  const out: StaleEntry[] = [];
  for (const p of people) {
    const e = staleEntry(p, options, todayDay);
    if (e) out.push(e);
  }
  return out.sort(compareStale);
}

export interface StaleFilter {
  /** A trust level 1–5, or null for all. */
  trust: number | null;
  tag: string;
  query: string;
  move: WhoseMove | null;
}

export const NO_FILTER: StaleFilter = { trust: null, tag: '', query: '', move: null };

export function filterStale(entries: readonly StaleEntry[], f: StaleFilter): StaleEntry[] {
  const q = f.query.trim().toLowerCase();
  const tag = f.tag.trim().toLowerCase().replace(/^#/, '');
  if (f.trust === null && tag === '' && q === '' && f.move === null) return entries as StaleEntry[];
  return entries.filter(({ person: p, whoseMove: move }) => {
    if (f.trust !== null && p.trust !== f.trust) return false;
    if (tag !== '' && !p.tags.some((t) => t.toLowerCase() === tag)) return false;
    if (f.move !== null && move !== f.move) return false;
    if (q !== '' && !`${p.name}\n${p.company}\n${p.metWhere}`.toLowerCase().includes(q)) return false;
    return true;
  });
}

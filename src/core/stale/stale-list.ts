/**
 * Who is due a "keep in touch": the stale rule.
 *
 * - Tracked: a keep-in-touch period applies (see cadence.ts: the note's `cadence`, the
 *   trust level, tag rules, untriaged people when the setting includes them).
 * - Due date: the effective last contact plus the period; someone never contacted counts
 *   from `connected-on`, else from when the note was created.
 * - Stale: today is after the due date (on the due date is not yet stale) and
 *   `snooze-until` is not in the future. **Due** until the period has passed by half
 *   again, **overdue** after that. Sorted by overdue ratio (days past due ÷ period), most
 *   overdue first.
 */
import { dayNumber, fromDayNumber, type IsoDate } from '../dates/iso-date';
import { effectiveLastContact, type LastContact } from '../people/last-contact';
import type { PersonRecord } from '../people/person-record';
import { cadenceOf, type Cadence, type CadenceOptions } from './cadence';

export interface StaleOptions extends CadenceOptions {
  today: IsoDate;
  useDailyNotes: boolean;
}

export type WhoseMove = 'you owe a reply' | 'waiting on them';

/** Due: the period has passed. Overdue: it has passed by half again. */
export type DueState = 'due' | 'overdue';

export interface StaleEntry {
  person: PersonRecord;
  period: number;
  /** The period and the rule it comes from ("every 60 days, as #mentor"). */
  cadence: Cadence;
  lastContact: LastContact | null;
  dueDate: IsoDate;
  daysOverdue: number;
  overdueRatio: number;
  state: DueState;
  /** From LinkedIn messages: who wrote last, when that is the most recent contact. */
  whoseMove: WhoseMove | null;
}

/** The keep-in-touch period in days, or null when the person is not tracked. */
export function trackingPeriod(p: PersonRecord, options: CadenceOptions): number | null {
  return cadenceOf(p, options)?.days ?? null;
}

export function dueState(daysOverdue: number, period: number): DueState {
  return daysOverdue * 2 > period ? 'overdue' : 'due';
}

export function whoseMove(p: PersonRecord, lastContact: LastContact | null): WhoseMove | null {
  if (p.lastMessageFrom === null || p.lastMessage === null) return null;
  // Only when the last message is the latest contact: a meeting after it settles the question.
  if (lastContact !== null && lastContact.date > p.lastMessage) return null;
  return p.lastMessageFrom === 'them' ? 'you owe a reply' : 'waiting on them';
}

export function isSnoozed(p: PersonRecord, today: IsoDate): boolean {
  return p.snoozeUntil !== null && p.snoozeUntil > today;
}

export function staleEntry(
  p: PersonRecord,
  options: StaleOptions,
  todayDay = dayNumber(options.today),
  lastContact: LastContact | null = effectiveLastContact(p, options),
): StaleEntry | null {
  const cadence = cadenceOf(p, options);
  if (cadence === null) return null;
  if (isSnoozed(p, options.today)) return null;
  const period = cadence.days;
  const since = lastContact?.date ?? p.connectedOn ?? p.createdOn;
  if (since === null) return null;
  const due = dayNumber(since) + period;
  const daysOverdue = todayDay - due;
  if (daysOverdue <= 0) return null;
  return {
    person: p,
    period,
    cadence,
    lastContact,
    dueDate: fromDayNumber(due),
    daysOverdue,
    overdueRatio: daysOverdue / period,
    state: dueState(daysOverdue, period),
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

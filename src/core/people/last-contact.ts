/**
 * The last-contact rule: a person's effective last contact is the latest of the
 * `last-contact` field, the newest dated line under `## Interactions`, the newest daily
 * note that links them (when that source is on), the last LinkedIn message, and the
 * newest completed task that links them. The source is kept so views can say "last
 * contact 4 months ago · via daily note".
 */
import { sortUniqueDates, type IsoDate } from '../dates/iso-date';
import type { PersonRecord } from './person-record';

export type ContactSource = 'field' | 'log' | 'daily note' | 'message' | 'follow-up';

export interface LastContact {
  date: IsoDate;
  source: ContactSource;
}

export interface LastContactOptions {
  useDailyNotes: boolean;
}

export function effectiveLastContact(p: PersonRecord, options: LastContactOptions): LastContact | null {
  // On a tie the more specific evidence names the source: a logged interaction explains a
  // date better than the bare field the same command also moved. (No arrays: this runs for
  // every person on every change.)
  let date: IsoDate | null = p.logLatest;
  let source: ContactSource = 'log';
  const daily = options.useDailyNotes ? p.dailyLatest : null;
  if (daily !== null && (date === null || daily > date)) [date, source] = [daily, 'daily note'];
  if (p.lastMessage !== null && (date === null || p.lastMessage > date)) [date, source] = [p.lastMessage, 'message'];
  const done = p.doneDates.length > 0 ? (p.doneDates[p.doneDates.length - 1] as IsoDate) : null;
  if (done !== null && (date === null || done > date)) [date, source] = [done, 'follow-up'];
  if (p.lastContactField !== null && (date === null || p.lastContactField > date))
    [date, source] = [p.lastContactField, 'field'];
  return date === null ? null : { date, source };
}

/**
 * Every day on record as contact, oldest first, each once: the dated log lines, daily
 * notes (when that source is on), completed follow-ups, the last message and the field.
 */
export function contactDates(p: PersonRecord, options: LastContactOptions): IsoDate[] {
  const all: IsoDate[] = p.logDates.slice();
  for (const d of p.doneDates) all.push(d);
  if (options.useDailyNotes) for (const d of p.dailyDates) all.push(d);
  if (p.lastMessage !== null) all.push(p.lastMessage);
  if (p.lastContactField !== null) all.push(p.lastContactField);
  return sortUniqueDates(all);
}

/** How many contact dates {@link contactDates} would look at (repeats included): a cheap upper bound. */
export function contactCount(p: PersonRecord, options: LastContactOptions): number {
  return (
    p.logDates.length +
    p.doneDates.length +
    (options.useDailyNotes ? p.dailyDates.length : 0) +
    (p.lastMessage === null ? 0 : 1) +
    (p.lastContactField === null ? 0 : 1)
  );
}

/**
 * The last-contact rule: a person's effective last contact is the latest of the
 * `last-contact` field, the newest dated line under `## Interactions`, the newest daily
 * note that links them (when that source is on), and the last LinkedIn message. The
 * source is kept so views can say "last contact 4 months ago · via daily note".
 */
import type { IsoDate } from '../dates/iso-date';
import type { PersonRecord } from './person-record';

export type ContactSource = 'field' | 'log' | 'daily note' | 'message';

export interface LastContact {
  date: IsoDate;
  source: ContactSource;
}

export interface LastContactOptions {
  useDailyNotes: boolean;
}

export function effectiveLastContact(p: PersonRecord, options: LastContactOptions): LastContact | null {
  // On a tie the more specific evidence names the source: a logged interaction explains a
  // date better than the bare field the same command also moved.
  const candidates: Array<[IsoDate | null, ContactSource]> = [
    [p.logLatest, 'log'],
    [options.useDailyNotes ? p.dailyLatest : null, 'daily note'],
    [p.lastMessage, 'message'],
    [p.lastContactField, 'field'],
  ];
  let best: LastContact | null = null;
  for (const [date, source] of candidates) {
    if (date !== null && (best === null || date > best.date)) best = { date, source };
  }
  return best;
}

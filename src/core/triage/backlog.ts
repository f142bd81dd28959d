/**
 * "Rate your network": the backlog of earlier connections without a trust level, ordered
 * so the people you can rate at a glance come first:
 *
 * 1. people you exchanged LinkedIn messages with, most recent first;
 * 2. people your notes mention (a note links them, a dated log line, a daily note), most
 *    recent evidence first, then most mentioned;
 * 3. everyone else, newest connection first.
 */
import { compareDates, type IsoDate } from '../dates/iso-date';
import { neverAnswered, type PersonRecord } from '../people/person-record';
import { plural } from '../text/format';

export interface BacklogEntry {
  person: PersonRecord;
  group: 'messages' | 'notes' | 'connection';
  reason: string;
}

function latest(...dates: Array<IsoDate | null>): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of dates) if (d !== null && (best === null || d > best)) best = d;
  return best;
}

function messageReason(p: PersonRecord): string {
  const unanswered = p.unanswered ?? 0;
  if (neverAnswered(p)) return `You wrote ${plural(unanswered, 'time')}; they never answered (last ${p.lastMessage})`;
  if (p.lastMessageFrom === 'them') return `They wrote last, on ${p.lastMessage}`;
  return `You exchanged messages, last on ${p.lastMessage}`;
}

/** `mentions`: how many other notes link each person (by path). */
export function backlogOrder(people: readonly PersonRecord[], mentions: ReadonlyMap<string, number>): BacklogEntry[] {
  const messaged: PersonRecord[] = [];
  const noted: Array<{ p: PersonRecord; date: IsoDate | null; n: number }> = [];
  const rest: PersonRecord[] = [];
  for (const p of people) {
    const n = mentions.get(p.path) ?? 0;
    const evidence = latest(p.logLatest, p.dailyLatest, p.lastContactField);
    if (p.lastMessage !== null) messaged.push(p);
    else if (n > 0 || evidence !== null) noted.push({ p, date: evidence, n });
    else rest.push(p);
  }
  const byName = (a: PersonRecord, b: PersonRecord) => a.name.localeCompare(b.name);
  messaged.sort((a, b) => compareDates(b.lastMessage, a.lastMessage) || byName(a, b));
  noted.sort((a, b) => compareDates(b.date, a.date) || b.n - a.n || byName(a.p, b.p));
  rest.sort((a, b) => compareDates(b.connectedOn, a.connectedOn) || byName(a, b));
  return [
    ...messaged.map((p) => ({ person: p, group: 'messages' as const, reason: messageReason(p) })),
    ...noted.map(({ p, date, n }) => ({
      person: p,
      group: 'notes' as const,
      reason:
        n > 0
          ? `Mentioned in ${plural(n, 'note')}${date ? `, last on ${date}` : ''}`
          : `In your notes, last on ${date ?? ''}`,
    })),
    ...rest.map((p) => ({
      person: p,
      group: 'connection' as const,
      reason: p.connectedOn ? `Connected on ${p.connectedOn}` : 'Connected, date unknown',
    })),
  ];
}

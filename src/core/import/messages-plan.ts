/**
 * What messages.csv adds to an import: for each person you exchanged messages with, the
 * date of the last message, who sent it, and how many of your messages in a row went
 * unanswered at the end. Message text is never read into notes (vaults get synced and
 * shared); at most, a setting adds "- 2024-05-01 · message · 3 messages" per day.
 *
 * Direction: the 2018 file says it; later files only name the sender, so we find the
 * account owner (from the inviter URL of your sent invitations, else the most frequent
 * sender) and compare. Recipients come from RECIPIENT PROFILE URLS (2024+), never from
 * splitting TO, whose names contain commas; before 2024 a recipient is known by the URL
 * they used when writing in the same conversation, else by an exact, unique name.
 */
import { nameKey } from '../identity/person-name';
import type { LinkedInExport } from '../linkedin/read-export';
import type { MessageRecord } from '../linkedin/records';
import { FIELD } from '../notes/schema';
import { partsFromName, type IncomingSet } from './incoming';
import type { NoteMatcher } from './note-matcher';

export type OwnerRule = 'sent invitations' | 'most frequent sender' | 'message direction column' | 'none';

export interface MessageStats {
  lastDate: string;
  lastTime: number;
  lastFrom: 'me' | 'them';
  sent: number;
  received: number;
  unanswered: number;
  /** Messages per day, both directions. */
  perDay: Map<string, number>;
  name: string;
}

export interface MessagesOutcome {
  ownerUrl: string | null;
  ownerRule: OwnerRule;
  messages: number;
  skippedDrafts: number;
  skippedSponsored: number;
  counterparts: number;
  matched: number;
}

export interface MessageOptions {
  logMessageDays: boolean;
}

export function findOwner(exp: LinkedInExport): { url: string | null; rule: OwnerRule } {
  const inviters = new Map<string, number>();
  for (const f of exp.invitations) {
    for (const i of f.records)
      if (i.direction === 'outgoing' && i.inviterUrl) inviters.set(i.inviterUrl, (inviters.get(i.inviterUrl) ?? 0) + 1);
  }
  const top = (m: Map<string, number>) =>
    [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null;
  const fromInvitations = top(inviters);
  if (fromInvitations) return { url: fromInvitations, rule: 'sent invitations' };
  const senders = new Map<string, number>();
  for (const f of exp.messages)
    for (const m of f.records) if (m.senderUrl) senders.set(m.senderUrl, (senders.get(m.senderUrl) ?? 0) + 1);
  const fromMessages = top(senders);
  if (fromMessages) return { url: fromMessages, rule: 'most frequent sender' };
  if (exp.messages.some((f) => f.format === '2018')) return { url: null, rule: 'message direction column' };
  return { url: null, rule: 'none' };
}

/**
 * Counterparts are keyed by their canonical profile URL, or `name:<name key>` when the
 * export gives no URL (URLs start with `https:`, so the two kinds cannot collide).
 */
type Key = string;

function stat(map: Map<Key, MessageStats>, key: Key, name: string): MessageStats {
  let s = map.get(key);
  if (!s) {
    s = {
      lastDate: '',
      lastTime: -Infinity,
      lastFrom: 'them',
      sent: 0,
      received: 0,
      unanswered: 0,
      perDay: new Map(),
      name,
    };
    map.set(key, s);
  } else if (s.name === '' && name !== '') s.name = name;
  return s;
}

function record(s: MessageStats, m: MessageRecord, from: 'me' | 'them', perDay: boolean): void {
  if (from === 'me') {
    s.sent++;
    s.unanswered++;
  } else {
    s.received++;
    s.unanswered = 0;
  }
  if (m.time >= s.lastTime) {
    s.lastTime = m.time;
    s.lastDate = m.date;
    s.lastFrom = from;
  }
  if (perDay) s.perDay.set(m.date, (s.perDay.get(m.date) ?? 0) + 1);
}

/** Aggregates every message per counterpart, oldest first, so the end state is "who wrote last". */
export function aggregateMessages(
  exp: LinkedInExport,
  ownerUrl: string | null,
  options: { perDay?: boolean } = {},
): Map<Key, MessageStats> {
  const perDay = options.perDay ?? false;
  const all: MessageRecord[] = [];
  for (const f of exp.messages) for (const m of f.records) all.push(m);
  all.sort((a, b) => a.time - b.time);
  // Before 2024 recipients have no URL: learn each conversation's participants from who wrote in it.
  const writers = new Map<string, Map<string, string>>();
  const needWriters = all.some((m) => m.direction === null && m.recipientUrls.length === 0);
  if (needWriters) {
    for (const m of all) {
      if (m.senderUrl && m.senderUrl !== ownerUrl && m.conversationId !== '') {
        let w = writers.get(m.conversationId);
        if (!w) writers.set(m.conversationId, (w = new Map<string, string>()));
        w.set(m.senderUrl, m.from);
      }
    }
  }
  const stats = new Map<Key, MessageStats>();
  for (const m of all) {
    const mine = m.direction !== null ? m.direction === 'outgoing' : ownerUrl !== null && m.senderUrl === ownerUrl;
    if (!mine) {
      record(stat(stats, m.senderUrl ?? `name:${nameKey(m.from)}`, m.from), m, 'them', perDay);
      continue;
    }
    if (m.recipientUrls.length > 0) {
      for (const url of m.recipientUrls) if (url !== ownerUrl) record(stat(stats, url, ''), m, 'me', perDay);
      continue;
    }
    const known = writers.get(m.conversationId);
    if (known && known.size > 0) for (const [url, name] of known) record(stat(stats, url, name), m, 'me', perDay);
    else if (m.to !== '') record(stat(stats, `name:${nameKey(m.to)}`, m.to), m, 'me', perDay); // one person, or a group we cannot split
  }
  return stats;
}

export function addMessages(
  set: IncomingSet,
  exp: LinkedInExport,
  matcher: NoteMatcher,
  options: MessageOptions,
): MessagesOutcome {
  const owner = findOwner(exp);
  const out: MessagesOutcome = {
    ownerUrl: owner.url,
    ownerRule: owner.rule,
    messages: exp.messages.reduce((n, f) => n + f.records.length, 0),
    skippedDrafts: exp.messages.reduce((n, f) => n + f.skippedDrafts, 0),
    skippedSponsored: exp.messages.reduce((n, f) => n + f.skippedSponsored, 0),
    counterparts: 0,
    matched: 0,
  };
  if (out.messages === 0) return out;
  const stats = aggregateMessages(exp, owner.url, { perDay: options.logMessageDays });
  out.counterparts = stats.size;
  for (const [key, s] of stats) {
    const url = key.startsWith('name:') ? null : key;
    const name = s.name;
    const owned = {
      [FIELD.lastMessage]: s.lastDate,
      [FIELD.lastMessageFrom]: s.lastFrom,
      [FIELD.unanswered]: s.unanswered,
    };
    const lines = options.logMessageDays
      ? [...s.perDay.entries()].map(([date, n]) => ({
          date,
          line: `- ${date} · message · ${n} ${n === 1 ? 'message' : 'messages'}`,
          key: `- ${date} · message ·`,
        }))
      : [];
    const inExport = set.find(url, name);
    if (inExport === 'ambiguous') continue;
    if (inExport !== null) {
      inExport.owned = { ...inExport.owned, ...owned };
      inExport.interactions.push(...lines);
      out.matched++;
      continue;
    }
    // Someone with a note but not in this export's connections (or an export without Connections.csv).
    const note = matcher.peek({ profileUrl: url, name });
    if (note.kind !== 'found') continue;
    out.matched++;
    set.add({
      identity: { profileUrl: url, name },
      parts: partsFromName(name),
      owned,
      interactions: lines,
      source: { file: exp.messages[0]?.file ?? 'messages.csv', line: 0 },
      createIfMissing: false,
      isConnection: false,
    });
  }
  return out;
}

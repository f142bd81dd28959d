/**
 * What messages.csv adds to an import: for each person you exchanged messages with, the
 * date of the last message, who sent it, and how many of your messages in a row went
 * unanswered at the end. Message text is never read into notes (vaults get synced and
 * shared); at most, a setting adds "- 2024-05-01 · message · 3 messages" per day.
 *
 * Direction: the 2018 file says it; later files only name the sender, so we compare with
 * the export's owner (see export-owner.ts). Recipients come from RECIPIENT PROFILE URLS
 * (2024+), never from splitting TO, whose names contain commas; before 2024 a recipient
 * is known by the URL they used when writing in the same conversation, else by the one
 * URL their exact name writes with anywhere in the file, else by their exact name.
 *
 * Each conversation partner then reaches their person through the export's other files
 * (by URL, or by exact name when Connections.csv has no URL; see incoming.ts), else an
 * existing note. A partner whose name fits several people is reported, never guessed.
 */
import { memoNameKey } from '../identity/person-name';
import type { LinkedInExport } from '../linkedin/read-export';
import { MessageRows } from '../linkedin/message-rows';
import type { MessageColumns, SourceRef } from '../linkedin/records';
import { FIELD } from '../notes/schema';
import type { ExportOwner } from '../vault-state';
import { ownMessageTest, type OwnerFinding } from './export-owner';
import { describeCandidate } from './ambiguity';
import { addInteractions, partsFromName, type IncomingPerson, type IncomingSet } from './incoming';
import type { NoteMatcher } from './note-matcher';
import type { AmbiguousPerson, MessagesOutcome } from './plan-types';

export type { OwnerRule } from './export-owner';

export interface MessageStats {
  lastDate: string;
  lastTime: number;
  lastFrom: 'me' | 'them';
  /** Date of their newest message ('' when they never wrote): an answer to "have we met?" shows here. */
  lastReceived: string;
  sent: number;
  received: number;
  unanswered: number;
  /** Messages per day, both directions. */
  perDay: Map<string, number>;
  name: string;
  /** The newest message's row, for the report. */
  lastSource: SourceRef;
}

export interface MessageOptions {
  logMessageDays: boolean;
}

/**
 * Counterparts are keyed by their canonical profile URL, or `name:<name key>` when the
 * export gives no URL (URLs start with `https:`, so the two kinds cannot collide).
 */
type Key = string;

/** A counterpart's tally while the messages are counted: its newest message by row, made a source at the end. */
interface Tally extends MessageStats {
  lastRow: number;
}

function stat(map: Map<Key, Tally>, key: Key, name: string, row: number): Tally {
  let s = map.get(key);
  if (!s) {
    s = {
      lastDate: '',
      lastTime: -Infinity,
      lastFrom: 'them',
      lastReceived: '',
      sent: 0,
      received: 0,
      unanswered: 0,
      perDay: new Map(),
      name,
      lastSource: NO_SOURCE,
      lastRow: row,
    };
    map.set(key, s);
  } else if (s.name === '' && name !== '') s.name = name;
  return s;
}

/** Stands for a tally's newest message until the count is done. */
const NO_SOURCE: SourceRef = Object.freeze({ file: '', line: 0 });

function record(s: Tally, m: MessageColumns, i: number, from: 'me' | 'them', perDay: boolean): void {
  const date = m.date(i);
  if (from === 'me') {
    s.sent++;
    s.unanswered++;
  } else {
    s.received++;
    s.unanswered = 0;
    if (date > s.lastReceived) s.lastReceived = date;
  }
  const time = m.time(i);
  if (time >= s.lastTime) {
    s.lastTime = time;
    s.lastDate = date;
    s.lastFrom = from;
    s.lastRow = i;
  }
  if (perDay) s.perDay.set(date, (s.perDay.get(date) ?? 0) + 1);
}

export interface AggregateOptions {
  perDay?: boolean;
  /** Keys that are the same person as another key (found out after a first pass). */
  alias?: ReadonlyMap<Key, Key>;
}

/** Aggregates every message per counterpart, oldest first, so the end state is "who wrote last". */
export function aggregateMessages(
  exp: LinkedInExport,
  owner: ExportOwner | null,
  options: AggregateOptions = {},
): Map<Key, MessageStats> {
  const perDay = options.perDay ?? false;
  const alias = options.alias;
  const nameKey = memoNameKey();
  const isMine = ownMessageTest(owner);
  const ownerUrl = owner?.profileUrl ?? null;
  // One set of rows, oldest message first.
  const m = MessageRows.concat(exp.messages.map((f) => f.records));
  const all = m.byTime();
  // Before 2024 recipients have no URL: learn each conversation's participants from who
  // wrote in it, and each name's URL from the whole file when the name writes with one only.
  const writers = new Map<string, Map<string, string>>();
  const urlsOfName = new Map<string, Set<string>>();
  const needWriters = all.some((i) => m.direction(i) === null && m.recipientCount(i) === 0);
  if (needWriters) {
    for (const i of all) {
      const senderUrl = m.senderUrl(i);
      const from = m.from(i);
      if (!senderUrl || isMine(senderUrl, from)) continue;
      const conversationId = m.conversationId(i);
      if (conversationId !== '') {
        let w = writers.get(conversationId);
        if (!w) writers.set(conversationId, (w = new Map<string, string>()));
        w.set(senderUrl, from);
      }
      const key = nameKey(from);
      let urls = urlsOfName.get(key);
      if (!urls) urlsOfName.set(key, (urls = new Set()));
      urls.add(senderUrl);
    }
  }
  const stats = new Map<Key, Tally>();
  const to = (key: Key, name: string, i: number) => stat(stats, alias?.get(key) ?? key, name, i);
  for (const i of all) {
    const direction = m.direction(i);
    const senderUrl = m.senderUrl(i);
    const from = m.from(i);
    const mine = direction !== null ? direction === 'outgoing' : isMine(senderUrl, from);
    if (!mine) {
      record(to(senderUrl ?? `name:${nameKey(from)}`, from, i), m, i, 'them', perDay);
      continue;
    }
    if (m.recipientCount(i) > 0) {
      for (const url of m.recipientUrls(i)) if (url !== ownerUrl) record(to(url, '', i), m, i, 'me', perDay);
      continue;
    }
    const known = writers.get(m.conversationId(i));
    if (known && known.size > 0) {
      for (const [url, name] of known) record(to(url, name, i), m, i, 'me', perDay);
      continue;
    }
    const recipients = m.to(i);
    if (recipients === '') continue;
    const urls = urlsOfName.get(nameKey(recipients));
    const url = urls?.size === 1 ? ([...urls][0] as string) : null;
    // One person, or a group we cannot split: by name.
    record(to(url ?? `name:${nameKey(recipients)}`, recipients, i), m, i, 'me', perDay);
  }
  // Each counterpart's newest message, as a source for the report (made once, not per message).
  for (const s of stats.values()) s.lastSource = m.source(s.lastRow);
  return stats;
}

type Target = { kind: 'person'; person: IncomingPerson } | { kind: 'note'; path: string } | { kind: 'none' };

export interface MessagesResult {
  outcome: MessagesOutcome;
  /** Conversation partners whose name fits several people. */
  ambiguous: AmbiguousPerson[];
}

export function addMessages(
  set: IncomingSet,
  exp: LinkedInExport,
  matcher: NoteMatcher,
  found: OwnerFinding,
  options: MessageOptions,
): MessagesResult {
  const out: MessagesOutcome = {
    ownerUrl: found.owner?.profileUrl ?? null,
    ownerRule: found.rule,
    messages: exp.messages.reduce((n, f) => n + f.records.length, 0),
    skippedDrafts: exp.messages.reduce((n, f) => n + f.skippedDrafts, 0),
    skippedSponsored: exp.messages.reduce((n, f) => n + f.skippedSponsored, 0),
    counterparts: 0,
    matched: 0,
  };
  const ambiguous: AmbiguousPerson[] = [];
  if (out.messages === 0) return { outcome: out, ambiguous };
  const perDay = options.logMessageDays;
  let stats = aggregateMessages(exp, found.owner, { perDay });

  // Who each counterpart is. Two keys can be one person (a URL and, in a conversation they
  // never answered, their bare name): then the messages are counted again under one key.
  const targets = new Map<Key, Target>();
  const keyOfTarget = new Map<IncomingPerson | string, Key>();
  const alias = new Map<Key, Key>();
  for (const [key, s] of stats) {
    const url = key.startsWith('name:') ? null : key;
    const inExport = set.find(url, s.name, s.lastSource);
    let target: Target;
    if (inExport.kind === 'ambiguous') {
      ambiguous.push({
        name: s.name,
        source: s.lastSource,
        candidates: inExport.candidates.map((c) => describeCandidate(c, matcher)),
        reason: inExport.reason,
      });
      continue;
    }
    if (inExport.kind === 'found') target = { kind: 'person', person: inExport.person };
    else {
      // Someone with a note but not in this export's connections (or an export without Connections.csv).
      const note = matcher.peek({ profileUrl: url, name: s.name });
      target = note.kind === 'found' ? { kind: 'note', path: note.note.path } : { kind: 'none' };
    }
    targets.set(key, target);
    const id = target.kind === 'person' ? target.person : target.kind === 'note' ? target.path : null;
    if (id === null) continue;
    const first = keyOfTarget.get(id);
    if (first === undefined) keyOfTarget.set(id, key);
    else alias.set(key, first);
  }
  if (alias.size > 0) stats = aggregateMessages(exp, found.owner, { perDay, alias });
  out.counterparts = stats.size;

  for (const [key, s] of stats) {
    const target = targets.get(key);
    if (target === undefined || target.kind === 'none') continue;
    const url = key.startsWith('name:') ? null : key;
    const owned = {
      [FIELD.lastMessage]: s.lastDate,
      [FIELD.lastMessageFrom]: s.lastFrom,
      [FIELD.unanswered]: s.unanswered,
      ...(s.lastReceived === '' ? {} : { [FIELD.lastReply]: s.lastReceived }),
    };
    const lines = perDay
      ? [...s.perDay.entries()].map(([date, n]) => ({
          date,
          line: `- ${date} · message · ${n} ${n === 1 ? 'message' : 'messages'}`,
          key: `- ${date} · message ·`,
        }))
      : [];
    out.matched++;
    if (target.kind === 'person') {
      target.person.owned = { ...target.person.owned, ...owned };
      addInteractions(target.person, lines);
      continue;
    }
    set.add({
      identity: { profileUrl: url, name: s.name },
      parts: partsFromName(s.name),
      // A note found by name that has no URL yet gets the one the messages show.
      owned: url === null ? owned : { ...owned, [FIELD.linkedin]: url },
      interactions: lines,
      source: s.lastSource,
      createIfMissing: false,
      isConnection: false,
    });
  }
  return { outcome: out, ambiguous };
}

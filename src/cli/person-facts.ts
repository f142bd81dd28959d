/**
 * What the read commands keep of each note: the person record the core makes of its
 * frontmatter (personFromFrontmatter, the one place that decision lives), with the log
 * dates, and the note's index (links, tasks, daily-note contacts). The note cache keeps this
 * rather than the frontmatter for them: building 30,000 records from cached frontmatter cost
 * `stale` and `triage` about as much again as parsing it (coercing every value, then the
 * garbage of the frontmatter objects), and a cached record only has to be rebuilt.
 *
 * A record depends on the trust level names (settings); they are part of the cache's
 * fingerprint. The creation date is not kept: it stands in only for a missing connected-on,
 * and comes from a stat when it is needed (vault-people.ts).
 */
import type { IsoDate } from '../core/dates/iso-date';
import { EMPTY_LIST, personFromFrontmatter, type MessageSide, type PersonRecord } from '../core/people/person-record';
import type { KeyLists, FactsCodec } from './note-cache';
import {
  decodeIndex,
  encodeLine,
  NO_INDEX,
  strings,
  type NoteFacts,
  type NoteIndex,
  type NoteView,
} from './person-notes';

/** How a person record's problems name a frontmatter that cannot be parsed (its fields are then unread). */
export const FRONTMATTER_PROBLEM = 'frontmatter: ';

/** A note as the read commands see it: its person record (null: not a person note) and its index. */
export interface PersonFacts {
  record: PersonRecord | null;
  index: NoteIndex;
}

/** The record's fields the index fills in, or a stat: not stored. */
type Filled =
  | 'path'
  | 'createdOn'
  | 'logLatest'
  | 'logDates'
  | 'meetingDates'
  | 'dailyLatest'
  | 'dailyDates'
  | 'followUps'
  | 'doneDates';

/**
 * The stored fields, by their number in a line (the order of the record's fields), each with
 * what it holds: `s` text, `d` text or null, `n` a number or null, `b` a boolean, `a` a list
 * of text, `l` a list of text by its number in the cache's table of lists (KeyLists).
 *
 * Tags are `l`: a vault has a handful of tag lists, and each record holding its own copy made
 * 30,000 arrays that every young-generation GC copied (`stale --json` ran ~14 ms faster shared).
 */
const STORED = [
  ['name', 's'],
  ['profileUrl', 'd'],
  ['company', 's'],
  ['position', 's'],
  ['metWhere', 's'],
  ['trust', 'n'],
  ['status', 's'],
  ['connectedOn', 'd'],
  ['invitedOn', 'd'],
  ['invitationMessage', 's'],
  ['lastContactField', 'd'],
  ['lastMessage', 'd'],
  ['lastMessageFrom', 'd'],
  ['unanswered', 'n'],
  ['lastReply', 'd'],
  ['askedOn', 'd'],
  ['snoozeUntil', 'd'],
  ['cadence', 'n'],
  ['prune', 'b'],
  ['kept', 'b'],
  ['tags', 'l'],
  ['jobChangedOn', 'd'],
  ['jobChangeSeen', 'd'],
  ['birthday', 'd'],
  ['problems', 'a'],
] as const satisfies ReadonlyArray<readonly [keyof PersonRecord, 's' | 'd' | 'n' | 'b' | 'a' | 'l']>;

type Stored = (typeof STORED)[number][0];
/** What a stored field holds (see STORED). */
type Kind = (typeof STORED)[number][1];
/** Every field of a record is stored or filled in: a field added to PersonRecord fails to compile here until it is one or the other. */
const EVERY_FIELD: [Exclude<keyof PersonRecord, Stored | Filled>] extends [never] ? true : never = true;
void EVERY_FIELD;

/** What a field holds when the note says nothing: a line stores only the fields that differ. */
function isDefault(kind: Kind, value: unknown): boolean {
  if (kind === 's') return value === '';
  if (kind === 'b') return value === false;
  if (kind === 'a' || kind === 'l') return (value as unknown[]).length === 0;
  return value === null;
}

/** Does a stored value hold what its field does? (A line of the wrong shape is refused, and the note read.) */
function holds(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 's':
      return typeof value === 'string';
    case 'd':
      return value === null || typeof value === 'string';
    case 'n':
      return value === null || typeof value === 'number';
    case 'b':
      return typeof value === 'boolean';
    case 'a':
      return strings(value);
    case 'l':
      return Number.isInteger(value);
  }
}

/**
 * A record as the line stores it: `[field number, value, …]` for the fields that differ from
 * a note that says nothing (a third of them, in an imported note).
 */
function encodeRecord(record: PersonRecord, lists: KeyLists): unknown[] {
  const out: unknown[] = [];
  for (let f = 0; f < STORED.length; f++) {
    const [key, kind] = STORED[f] as (typeof STORED)[number];
    const value = record[key];
    if (!isDefault(kind, value)) out.push(f, kind === 'l' ? lists.of(value as readonly string[]) : value);
  }
  return out;
}

/** What a field holds when the note says nothing (see isDefault), by its number in a line. */
const DEFAULTS: readonly unknown[] = STORED.map(([, kind]) =>
  kind === 's' ? '' : kind === 'b' ? false : kind === 'a' || kind === 'l' ? EMPTY_LIST : null,
);

/** Each stored field's number in a line, by name. */
const AT = Object.fromEntries(STORED.map(([key], f) => [key, f])) as Record<Stored, number>;

/**
 * The record back, its fields in the order personFromFrontmatter makes them: records from
 * the cache and from notes read this run then share one shape, which keeps the code that
 * reads them fast. Throws for a line of the wrong shape.
 *
 * The values go to a list by their number, and the record is made from it in one literal:
 * stored by name into the record (`r[key] = …`), 25 names at one place made every store a
 * generic lookup by name (about 1% of `stale --json`'s CPU at 30,000 people).
 */
function decodeRecord(path: string, pairs: unknown[], index: NoteIndex, lists: KeyLists): PersonRecord {
  if (pairs.length % 2 !== 0) throw new Error('not a facts line');
  const v = DEFAULTS.slice();
  for (let k = 0; k < pairs.length; k += 2) {
    const f = pairs[k];
    const field = typeof f === 'number' ? STORED[f] : undefined;
    const value = pairs[k + 1];
    if (field === undefined || !holds(field[1], value)) throw new Error('not a facts line');
    // A list by number is the table's own array, shared by every record that has it.
    v[f as number] = field[1] === 'l' ? lists.at(value as number) : value;
  }
  const logDates = index.logDates;
  return {
    path,
    name: v[AT.name] as string,
    profileUrl: v[AT.profileUrl] as string | null,
    company: v[AT.company] as string,
    position: v[AT.position] as string,
    metWhere: v[AT.metWhere] as string,
    trust: v[AT.trust] as number | null,
    status: v[AT.status] as string,
    connectedOn: v[AT.connectedOn] as IsoDate | null,
    invitedOn: v[AT.invitedOn] as IsoDate | null,
    invitationMessage: v[AT.invitationMessage] as string,
    lastContactField: v[AT.lastContactField] as IsoDate | null,
    lastMessage: v[AT.lastMessage] as IsoDate | null,
    lastMessageFrom: v[AT.lastMessageFrom] as MessageSide | null,
    unanswered: v[AT.unanswered] as number | null,
    lastReply: v[AT.lastReply] as IsoDate | null,
    askedOn: v[AT.askedOn] as IsoDate | null,
    snoozeUntil: v[AT.snoozeUntil] as IsoDate | null,
    cadence: v[AT.cadence] as number | null,
    prune: v[AT.prune] as boolean,
    kept: v[AT.kept] as boolean,
    tags: v[AT.tags] as readonly string[],
    jobChangedOn: v[AT.jobChangedOn] as IsoDate | null,
    jobChangeSeen: v[AT.jobChangeSeen] as IsoDate | null,
    birthday: v[AT.birthday] as string | null,
    createdOn: null,
    logLatest: logDates[logDates.length - 1] ?? null,
    logDates,
    meetingDates: index.meetingDates,
    dailyLatest: null,
    dailyDates: EMPTY_LIST,
    followUps: EMPTY_LIST,
    doneDates: EMPTY_LIST,
    problems: v[AT.problems] as readonly string[],
  };
}

/**
 * A line: `[record]`, or `[record, …index]` when the note logs, links or has tasks (see
 * encodeLine); the record is `0` for a note that is not a person note.
 */
const PEOPLE_CODEC: FactsCodec<PersonFacts> = {
  encode({ record, index }, keys: KeyLists): unknown {
    const p = record === null ? 0 : encodeRecord(record, keys);
    return encodeLine(p, index);
  },
  decode(stored, keys, path): PersonFacts {
    if (!Array.isArray(stored)) throw new Error('not a facts line');
    const index = decodeIndex(stored);
    const p = stored[0] as unknown;
    if (p === 0) return { record: null, index };
    if (!Array.isArray(p)) throw new Error('not a facts line');
    return { record: decodeRecord(path, p, index, keys), index };
  },
};

/** What the read commands make of each note, with the trust level names in force (`levelNames`). */
export function peopleView(levelNames: readonly string[]): NoteView<PersonFacts> {
  const names = [...levelNames];
  return {
    kind: 'people',
    codec: PEOPLE_CODEC,
    depends: { levelNames: names },
    empty: { record: null, index: NO_INDEX },
    of(path: string, { person, index }: NoteFacts): PersonFacts {
      if (person === null) return { record: null, index };
      const r = personFromFrontmatter(path, person.frontmatter ?? {}, { levelNames: names, createdOn: null });
      r.logDates = index.logDates;
      r.meetingDates = index.meetingDates;
      r.logLatest = r.logDates[r.logDates.length - 1] ?? null;
      if (person.yamlError) r.problems = [...r.problems, `${FRONTMATTER_PROBLEM}${person.yamlError}`];
      return { record: r, index };
    },
  };
}

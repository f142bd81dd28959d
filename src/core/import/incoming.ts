/**
 * Everything one export says about people, merged per person before matching against the
 * vault: a connection row, an invitation and their messages can all be about the same
 * person and must become one create or one update, never two.
 *
 * Across the files of one export, people are the same when their profile URLs are. Before
 * 2023 Connections.csv has no URL while messages.csv (sender URLs) and, in some exports,
 * Invitations.csv do: then a URL from those files finds the connection with exactly that
 * name, and the connection learns the URL, so its note gets `linkedin:` and the next
 * export (with URLs) keeps matching. Never on a guess: when two connections have the
 * name, or the other files show two different profiles with it, the name designates no
 * one and the row is reported as ambiguous with every candidate.
 */
import type { IsoDate } from '../dates/iso-date';
import { fullName, memoNameKey, nameKey } from '../identity/person-name';
import type { LinkedInExport } from '../linkedin/read-export';
import type { ConnectionRecord, SourceRef } from '../linkedin/records';
import { invitationCounterpart } from '../linkedin/invitations';
import type { OwnedValues } from '../notes/compose-note';
import type { NameParts } from '../notes/file-name';
import { FIELD } from '../notes/schema';
import { contradiction } from '../identity/contradiction';
import { emailKeys, normaliseEmail } from '../identity/email';
import { KeyIndex } from './key-index';
import { objectShape } from '../object-shape';
import type { PersonIdentity } from './note-matcher';
import { coerceText, isEmptyValue } from '../people/coerce';
import type { ExistingNote } from './vault-snapshot';

/** A dated interaction for `## Interactions`, added once (placed by date). */
export interface DatedLine {
  date: IsoDate;
  line: string;
  /**
   * The de-duplication key: a log line starting with this counts as already there (one
   * line per day of messages). Without it, only the same line does.
   */
  key?: string;
}

/**
 * The log lines of a person who has none (most connections): one list, frozen, shared by all,
 * where a list for each was 1 MB of a 30,000-person import's plan.
 */
export const NO_INTERACTIONS: readonly DatedLine[] = Object.freeze([]);

/**
 * Adds log lines to a person's (a list of their own the first time), one by one: a calendar's
 * busiest attendee can bring more lines than a spread allows.
 */
export function addInteractions(person: IncomingPerson, lines: readonly DatedLine[]): void {
  if (lines.length === 0) return;
  const own = person.interactions === NO_INTERACTIONS ? [] : (person.interactions as DatedLine[]);
  for (const line of lines) own.push(line);
  person.interactions = own;
}

/** A connection row whose note already says everything it says (settled-rows.ts). */
export interface SettledRow {
  note: ExistingNote;
  /** The row, for the rare question about the whole export that needs it as a person. */
  record: ConnectionRecord & { profileUrl: string };
}

/** One person as a source describes them (several sources' descriptions merge into one). */
export interface IncomingPerson {
  identity: PersonIdentity;
  parts: NameParts;
  owned: OwnedValues;
  /** Log lines to add once, placed by date. Add to it with {@link addInteractions}. */
  interactions: readonly DatedLine[];
  /**
   * Sections to add after the log once (an address book's notes under `## From address
   * book`): a note that already has a section with the heading keeps it as it is.
   */
  sections?: Array<{ heading: string; text: string }>;
  source: SourceRef;
  /** False for someone we only update when they already have a note (a pending invitee). */
  createIfMissing: boolean;
  /** In this export's Connections.csv. */
  isConnection: boolean;
  /**
   * People another source of this run described with the same name and nothing that
   * contradicts it, when there are several: this person could be any of them, so they are
   * neither merged with one nor created (the plan reports them as ambiguous).
   */
  couldBe?: IncomingPerson[];
  /**
   * A profile URL another file of this export gave this person, matched by exact name
   * (Connections.csv before 2023 has none). It fills an empty `linkedin:`, never replaces one.
   */
  learnedUrl?: { url: string; source: SourceRef };
}

export function partsFromName(name: string, company = ''): NameParts {
  const [first = '', ...rest] = name.split(' ');
  return { first, last: rest.join(' '), name, company };
}

/** Someone a name could designate: a person of this export, or a profile another file shows. */
export type Candidate = { person: IncomingPerson } | { profileUrl: string; name: string; source: SourceRef };

export type InExport =
  | { kind: 'found'; person: IncomingPerson }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: Candidate[]; reason: string };

/** The profiles (URL, where first seen) that messages and invitations show under each name. */
export type ProfilesByName = Map<string, Map<string, SourceRef>>;

/**
 * Every name → URL pair the export's other files state: invitation counterparts (2024+
 * and transitional files) and message senders (2021+), the owner excepted.
 */
export function profilesByName(
  exp: LinkedInExport,
  isOwner: (url: string | null, name: string) => boolean,
): ProfilesByName {
  const out: ProfilesByName = new Map();
  const keyOf = memoNameKey();
  // `source` is asked for only when the pair is new: a few thousand of 200,000 message rows.
  const note = (url: string | null, name: string, source: () => SourceRef) => {
    if (url === null || name === '' || isOwner(url, name)) return;
    const key = keyOf(name);
    let urls = out.get(key);
    if (!urls) out.set(key, (urls = new Map<string, SourceRef>()));
    if (!urls.has(url)) urls.set(url, source());
  };
  for (const f of exp.invitations)
    for (const inv of f.records) {
      const other = invitationCounterpart(inv);
      note(other.profileUrl, other.name, () => inv.source);
    }
  for (const { records: m } of exp.messages)
    for (let i = 0; i < m.length; i++) note(m.senderUrl(i), m.from(i), () => m.source(i));
  return out;
}

/** `a` with the items of `b` it lacks appended (two address books' `emails`, `phones`). */
function unionList(a: readonly unknown[], b: readonly unknown[]): unknown[] {
  const out = [...a];
  for (const v of b) if (!out.includes(v)) out.push(v);
  return out;
}

/**
 * The people of an import, findable by profile URL, email, or (one side without URL) by
 * exact name.
 */
export class IncomingSet {
  private readonly list: IncomingPerson[] = [];
  private readonly byUrl = new Map<string, IncomingPerson>();
  private readonly byEmail = new Map<string, IncomingPerson>();
  private readonly byName = new KeyIndex<string, IncomingPerson>();
  /** Connection rows that change nothing, kept out of the people (settled-rows.ts). */
  private readonly settledRows: SettledRow[] = [];
  /** Whether the settled rows are indexed as people too (for a question about the whole export). */
  private settledIndexed = false;

  constructor(private readonly profiles: ProfilesByName = new Map()) {}

  /** Keeps a connection row that changes nothing out of the people: the plan counts it unchanged. */
  settle(row: SettledRow): void {
    this.settledRows.push(row);
  }

  settled(): readonly SettledRow[] {
    return this.settledRows;
  }

  /**
   * Indexes the settled rows as the people they are, not listed (the plan has nothing to do for
   * them): once a question needs the whole export, as a name without a URL does.
   */
  private indexSettled(): void {
    if (this.settledIndexed) return;
    this.settledIndexed = true;
    for (const row of this.settledRows) this.index(connectionPerson(row.record));
  }

  add(person: IncomingPerson): IncomingPerson {
    this.list.push(person);
    this.index(person);
    return person;
  }

  private index(person: IncomingPerson): void {
    if (person.identity.profileUrl) this.byUrl.set(person.identity.profileUrl, person);
    for (const e of emailKeys(person.identity.emails)) this.byEmail.set(e, person);
    const key = nameKey(person.identity.name);
    if (key !== '') this.byName.add(key, person);
  }

  /**
   * Adds a person another source described, merged into the one already here with the same
   * profile URL, email, or unique name nothing contradicts (identity/contradiction.ts). The
   * first source's values stand; a later one fills only what is still empty, and lists
   * (two address books' `emails`) are joined. Returns the person kept.
   */
  merge(person: IncomingPerson): IncomingPerson {
    const found = this.findSame(person.identity);
    if (Array.isArray(found)) {
      person.couldBe = found;
      return this.add(person);
    }
    const same = found;
    if (same === null) return this.add(person);
    for (const [field, value] of Object.entries(person.owned)) {
      const mine = same.owned[field];
      if (Array.isArray(mine) && Array.isArray(value)) same.owned[field] = unionList(mine, value) as string[];
      else if (isEmptyValue(mine) && !isEmptyValue(value)) same.owned[field] = value;
    }
    addInteractions(same, person.interactions);
    for (const s of person.sections ?? [])
      if (!(same.sections ?? []).some((t) => t.heading === s.heading)) (same.sections ??= []).push(s);
    same.createIfMissing ||= person.createIfMissing;
    same.isConnection ||= person.isConnection;
    const id = same.identity;
    if (!id.profileUrl && person.identity.profileUrl) id.profileUrl = person.identity.profileUrl;
    const emails = emailKeys([...(id.emails ?? []), ...(person.identity.emails ?? [])]);
    if (emails.length > 0) id.emails = emails;
    if (!id.birthday && person.identity.birthday) id.birthday = person.identity.birthday;
    if (id.name === '') id.name = person.identity.name;
    this.index(same);
    return same;
  }

  /**
   * The person with this URL, else with one of these emails, else the one person with this
   * name when nothing contradicts it; all of them when the name fits more than one.
   */
  findSame(identity: PersonIdentity): IncomingPerson | IncomingPerson[] | null {
    // A settled row has a URL no other row names (settled-rows.ts), but an e-mail address, or a
    // name without a URL, may still designate it (the export-age check asks about notes so).
    if (!identity.profileUrl || (identity.emails?.length ?? 0) > 0) this.indexSettled();
    if (identity.profileUrl) {
      const byUrl = this.byUrl.get(identity.profileUrl);
      if (byUrl) return byUrl;
    }
    for (const e of identity.emails ?? []) {
      const byEmail = this.byEmail.get(normaliseEmail(e));
      if (byEmail) return byEmail;
    }
    if (nameKey(identity.name) === '') return null;
    const facts = (i: PersonIdentity) => ({
      profileUrl: i.profileUrl,
      emails: emailKeys(i.emails),
      birthday: i.birthday ?? null,
    });
    const mine = facts(identity);
    // Never a guess: the name must designate one person. Namesakes with another profile URL
    // are certainly others; one contradicted by an e-mail or a birthday is not (the name
    // still fits two people, and which one this is stays for the user to say).
    const named = this.byName.get(nameKey(identity.name)).filter((p) => !identity.profileUrl || !p.identity.profileUrl);
    if (named.length > 1) return named;
    const only = named[0];
    return only !== undefined && contradiction(facts(only.identity), mine) === null ? only : null;
  }

  /** Marks everyone whose name another person of this import has: the name alone designates none of them. */
  markSharedNames(): void {
    // By the name index (each person is in the list of their name's key, see `index`) rather
    // than a name key per person again: a 30,000-people re-import made 89,000 keys, now 59,000.
    for (const same of this.byName.shared()) for (const p of same) p.identity.sharesName = true;
    // A settled row's name is shared with the people it names the same (only their matching needs to know).
    if (this.settledRows.length === 0 || this.list.length === 0 || this.settledIndexed) return;
    const settledNames = new Set(this.settledRows.map((row) => nameKey(row.record.name)));
    for (const p of this.list) {
      const key = nameKey(p.identity.name);
      if (key !== '' && settledNames.has(key)) p.identity.sharesName = true;
    }
  }

  /** The URL a person is known by in this export: their own, or one learned from another file. */
  static urlOf(person: IncomingPerson): string | null {
    return person.identity.profileUrl ?? person.learnedUrl?.url ?? null;
  }

  /** Others of this export with the same name and no URL of their own (what the name cannot tell apart). */
  namesakes(person: IncomingPerson): IncomingPerson[] {
    if (person.identity.profileUrl !== null) return [];
    return this.byName.get(nameKey(person.identity.name)).filter((p) => p !== person && p.identity.profileUrl === null);
  }

  /**
   * The person with this URL; else, when one side has no URL, the one person with exactly
   * this name. A person found by name from a URL learns it (see the file comment).
   */
  find(profileUrl: string | null, name: string, source: SourceRef): InExport {
    if (profileUrl) {
      const hit = this.byUrl.get(profileUrl);
      if (hit) return { kind: 'found', person: hit };
    }
    const key = nameKey(name);
    if (key === '') return { kind: 'none' };
    const all = this.byName.get(key);
    // A URL only meets people who have none; a bare name meets everyone with that name.
    const same = profileUrl ? all.filter((p) => IncomingSet.urlOf(p) === null) : all;
    if (same.length === 0) return { kind: 'none' };
    if (same.length > 1)
      return {
        kind: 'ambiguous',
        candidates: same.map((person) => ({ person })),
        reason: `${same.length} people in this export are named "${name}" and ${profileUrl ? 'Connections.csv has' : 'the row has'} no profile URL to tell them apart`,
      };
    const person = same[0] as IncomingPerson;
    const known = IncomingSet.urlOf(person);
    const shown = this.profiles.get(key);
    const count = (shown?.size ?? 0) + (profileUrl && !shown?.has(profileUrl) ? 1 : 0);
    if (known === null && count > 1) {
      const profiles = new Map(shown);
      if (profileUrl && !profiles.has(profileUrl)) profiles.set(profileUrl, source);
      return {
        kind: 'ambiguous',
        candidates: [{ person }, ...[...profiles].map(([url, at]) => ({ profileUrl: url, name, source: at }))],
        reason: `the files of this export show ${profiles.size} different profiles named "${name}", and ${person.source.file} has no profile URL to say which one line ${person.source.line} is`,
      };
    }
    if (profileUrl && known === null) {
      person.learnedUrl = { url: profileUrl, source };
      this.byUrl.set(profileUrl, person);
    }
    return { kind: 'found', person };
  }

  all(): readonly IncomingPerson[] {
    return this.list;
  }
}

/** Each row of Connections.csv as a person, but the rows `settle` finds change nothing (settled-rows.ts). */
export function addConnections(
  set: IncomingSet,
  exp: LinkedInExport,
  settle: ((c: ConnectionRecord) => SettledRow | null) | null = null,
): void {
  for (const file of exp.connections)
    for (const c of file.records) {
      const settled = settle === null ? null : settle(c);
      if (settled === null) set.add(connectionPerson(c));
      else set.settle(settled);
    }
}

/** The fields a connection's note is given, in their order, each with its value from the row. */
export const CONNECTION_FIELDS: ReadonlyArray<readonly [string, (c: ConnectionRecord) => OwnedValues[string]]> = [
  [FIELD.name, (c) => c.name],
  [FIELD.linkedin, (c) => c.profileUrl],
  [FIELD.company, (c) => c.company],
  [FIELD.position, (c) => c.position],
  [FIELD.email, (c) => c.email],
  [FIELD.connectedOn, (c) => c.connectedOn],
  [FIELD.status, () => 'connected'],
];

/**
 * Each person's values are a clone of this, filled in (see objectShape). A literal with the
 * keys computed from FIELD was 17 bytes a person more (0.5 MB of a 30,000-person import's
 * plan), and took half as long again to make.
 */
const CONNECTION_OWNED = objectShape(CONNECTION_FIELDS.map(([field]) => field)) as OwnedValues;

function connectionOwned(c: ConnectionRecord): OwnedValues {
  const owned = { ...CONNECTION_OWNED };
  for (const [field, value] of CONNECTION_FIELDS) owned[field] = value(c);
  return owned;
}

/**
 * A row of Connections.csv as the person it describes. Its name parts are made when asked for
 * (only a new note's file name and a few messages need them): an object of them for each row
 * was 1.7 MB of a 30,000-person re-import's plan, which asks for none.
 */
class ConnectionPerson implements IncomingPerson {
  identity: PersonIdentity;
  owned: OwnedValues;
  interactions: readonly DatedLine[] = NO_INTERACTIONS;
  source: SourceRef;
  createIfMissing = true;
  isConnection = true;

  constructor(private readonly row: ConnectionRecord) {
    this.identity = {
      profileUrl: row.profileUrl,
      name: row.name,
      connectedOn: row.connectedOn,
      company: row.company,
      ...(row.email ? { emails: [row.email] } : {}),
    };
    this.owned = connectionOwned(row);
    this.source = row.source;
  }

  get parts(): NameParts {
    const { firstName, lastName, name, company } = this.row;
    return { first: firstName, last: lastName, name: name || fullName(firstName, lastName), company };
  }
}

export function connectionPerson(c: ConnectionRecord): IncomingPerson {
  return new ConnectionPerson(c);
}

/**
 * The values an import writes. A URL learned from another file of the export fills an
 * empty `linkedin:` and never replaces one the note has (a vanity URL can change).
 */
export function ownedFor(person: IncomingPerson, current: Record<string, unknown> | null): IncomingPerson['owned'] {
  const learned = person.learnedUrl;
  if (!learned || person.owned[FIELD.linkedin]) return person.owned;
  if (current !== null && coerceText(current[FIELD.linkedin]) !== '') return person.owned;
  return { ...person.owned, [FIELD.linkedin]: learned.url };
}

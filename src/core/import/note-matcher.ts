/**
 * Finds the existing note for a person, for every source (LinkedIn, address books,
 * calendars): one rule, never on a guess. In this order:
 *
 * 1. the LinkedIn profile URL, so renamed or moved notes are still found;
 * 2. an e-mail address the note holds (`email` or `emails`, any case). An address on a
 *    note with another LinkedIn profile is ambiguous (a changed vanity URL, or two people
 *    sharing an address): reported, never merged, never a duplicate;
 * 3. the exact full name, when it designates exactly one person note and one incoming
 *    person, and nothing contradicts it (identity/contradiction.ts: another LinkedIn
 *    URL, e-mails on both sides with none in common, another birthday). When several
 *    notes or several rows of one export share the name, LinkedIn's `connected-on` (a
 *    connection date never changes) may still tell which is which;
 * 4. for a connection (a row of Connections.csv) that nothing above found: the one note
 *    with its exact name and `connected-on` whose LinkedIn URL is another that no
 *    connection of this import has (NoteMatcher.matchChangedUrl). A member can change
 *    their profile URL, never the day they connected, and their old URL is then gone from
 *    the export: the note is theirs, not a namesake's, and is updated rather than
 *    duplicated. Two such notes are ambiguous, and so is a row that another connection
 *    shares its name and day with.
 *
 * The name a note answers to is its `name` field only, never its file name: see
 * docs/ARCHITECTURE.md ("Which name a note answers to"). What is still not unique is
 * ambiguous, and an ambiguous person is reported with every candidate and never merged.
 * A note claimed by one incoming person cannot be claimed by another.
 */
import { coerceDate, coerceText } from '../people/coerce';
import { contradiction, contradictionText, type IdentityFacts } from '../identity/contradiction';
import { emailKeys, emailsIn } from '../identity/email';
import { nameKey } from '../identity/person-name';
import { normaliseProfileUrl } from '../identity/profile-url';
import { FIELD } from '../notes/schema';
import type { SourceRef } from '../linkedin/records';
import type { ExistingNote } from './vault-snapshot';
import { KeyIndex } from './key-index';

/** Who a person is, as far as a source knows: the matcher tries the profile URL, then emails, then the name. */
export interface PersonIdentity {
  profileUrl: string | null;
  /** E-mail addresses (any case); a note whose `email` or `emails` holds one of them is theirs. */
  emails?: readonly string[];
  name: string;
  connectedOn?: string | null;
  /** The company the source gives, used only to tell apart namesakes connected on the same day. */
  company?: string;
  /** `YYYY-MM-DD` or `--MM-DD`: a different birthday on a note with the same name is someone else. */
  birthday?: string | null;
  /** Another person of this import has the same name: the name alone designates no one. */
  sharesName?: boolean;
}

export type MatchedBy = 'profile' | 'email' | 'name';

export type MatchResult =
  | { kind: 'found'; note: ExistingNote; by: MatchedBy }
  /** `reason`: a note has the name, but something says it is someone else (a new note is made). */
  | { kind: 'none'; reason?: string }
  | {
      kind: 'ambiguous';
      candidates: ExistingNote[];
      reason: string;
      /** When the note was already matched by another row of this export: that row. */
      claimedBy?: SourceRef;
    };

function noteConnectedOn(note: ExistingNote): string | null {
  return note.frontmatter === null ? null : coerceDate(note.frontmatter[FIELD.connectedOn]).value;
}

function noteCompany(note: ExistingNote): string {
  return note.frontmatter === null ? '' : coerceText(note.frontmatter[FIELD.company]).trim().toLowerCase();
}

/** A key's value read from YAML that does not parse; the key may be quoted (`"linkedin":`). */
function rawField(yaml: string, key: string): string | null {
  const m = new RegExp(`^(?:${key}|"${key}"|'${key}')[ \\t]*:[ \\t]*["']?([^"'\\r\\n]*)`, 'm').exec(yaml);
  return m ? (m[1] as string).trim() : null;
}

export function noteProfileUrl(note: ExistingNote): string | null {
  if (note.frontmatter) return normaliseProfileUrl(coerceText(note.frontmatter[FIELD.linkedin]));
  return note.rawYaml ? normaliseProfileUrl(rawField(note.rawYaml, FIELD.linkedin)) : null;
}

/** The `name` the import wrote (or the user typed); '' when the note has none. */
export function noteNameField(note: ExistingNote): string {
  return note.frontmatter
    ? coerceText(note.frontmatter[FIELD.name])
    : note.rawYaml
      ? (rawField(note.rawYaml, FIELD.name) ?? '')
      : '';
}

/** `People/Jane Doe (Acme) 2.md` → `Jane Doe`: how a note without a `name` field is shown. */
export function nameFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  return base.replace(/ \d+$/, '').replace(/ \([^()]*\)$/, '');
}

/** A name to show for the note (never to match it by): its `name`, else its file name. */
export function noteName(note: ExistingNote): string {
  return noteNameField(note) || nameFromPath(note.path);
}

/** Every address the note holds, in `email` and `emails`. */
export function noteEmails(note: ExistingNote): string[] {
  const fm = note.frontmatter;
  if (fm) return emailsIn([...emailsIn(fm[FIELD.email]), ...emailsIn(fm[FIELD.emails])]);
  if (!note.rawYaml) return [];
  // A note whose YAML cannot be parsed still tells whose it is, so no duplicate is made.
  return emailsIn(note.rawYaml.match(/[^\s@<>"',;:[\]]+@[^\s@<>"',;:[\]]+/g) ?? []);
}

function noteBirthday(note: ExistingNote): string | null {
  const v = note.frontmatter?.[FIELD.birthday];
  return typeof v === 'string' ? v.trim() : v instanceof Date ? v.toISOString().slice(0, 10) : null;
}

export class NoteMatcher {
  private readonly byUrl = new KeyIndex<string, ExistingNote>();
  /** `linkedin-merged` profiles → their note, made the first time it is asked. */
  private byMergedUrl: Map<string, ExistingNote> | null = null;
  /**
   * Filled on the first lookup by name, and by email: a re-import finds everyone by URL, and
   * the name index of 30,000 notes (their name keys and the map) was 3 MB of its peak.
   */
  private byName: KeyIndex<string, ExistingNote> | null = null;
  private byEmail: KeyIndex<string, ExistingNote> | null = null;
  private readonly notes: readonly ExistingNote[];
  private readonly claimed = new Map<ExistingNote, SourceRef | null>();
  /** Notes promised to a row before it is planned (see {@link reserve}). */
  private readonly reserved = new Map<ExistingNote, SourceRef>();
  /** This import's connection URLs, made on the first need (see {@link setConnectionUrls}). */
  private connectionUrls: (() => ReadonlySet<string>) | null = null;
  private connectionUrlSet: ReadonlySet<string> | null = null;
  /**
   * Some note has a LinkedIn URL: without one (a first import), no URL can have changed, and
   * no row can settle by its URL (settled-rows.ts).
   */
  readonly anyUrl: boolean;

  constructor(notes: readonly ExistingNote[]) {
    this.notes = notes;
    // A note's URL is not kept beside it: the few lookups that need it again (a match by name
    // or e-mail) read it again, and a map of 30,000 notes to their URLs cost 2 MB.
    let anyUrl = false;
    for (const note of notes) {
      const url = noteProfileUrl(note);
      if (url) {
        this.byUrl.add(url, note);
        anyUrl = true;
      }
    }
    this.anyUrl = anyUrl;
  }

  private nameIndex(): KeyIndex<string, ExistingNote> {
    if (this.byName === null) {
      this.byName = new KeyIndex();
      for (const note of this.notes) {
        // Only a `name` field identifies a person by name (see the file comment).
        const key = nameKey(noteNameField(note));
        if (key !== '') this.byName.add(key, note);
      }
    }
    return this.byName;
  }

  /**
   * The connected notes whose `connected-on` is after `day` (every connected note with one,
   * when null), each with who it is: what the vault knows of LinkedIn beyond an export's
   * newest connection, when the vault state does not say (export-age.ts).
   */
  connectedAfter(day: string | null): Array<{ who: PersonIdentity; on: string }> {
    const out: Array<{ who: PersonIdentity; on: string }> = [];
    for (const note of this.notes) {
      if (note.frontmatter === null || coerceText(note.frontmatter[FIELD.status]) !== 'connected') continue;
      const on = noteConnectedOn(note);
      if (on === null || (day !== null && on <= day)) continue;
      out.push({
        who: { profileUrl: noteProfileUrl(note), emails: noteEmails(note), name: noteNameField(note) },
        on,
      });
    }
    return out;
  }

  /**
   * The notes of invitations received (`linkedin-status: invitation-received`) that have a
   * profile URL, each with its name and `invited-on` (see invitations-plan.ts `goneInvitations`).
   */
  receivedInvitations(): Array<{ note: ExistingNote; profileUrl: string; name: string; invitedOn: string | null }> {
    const out: Array<{ note: ExistingNote; profileUrl: string; name: string; invitedOn: string | null }> = [];
    for (const note of this.notes) {
      const fm = note.frontmatter;
      if (fm === null || coerceText(fm[FIELD.status]).toLowerCase() !== 'invitation-received') continue;
      const profileUrl = noteProfileUrl(note);
      if (profileUrl === null) continue;
      out.push({ note, profileUrl, name: noteName(note), invitedOn: coerceDate(fm[FIELD.invitedOn]).value });
    }
    return out;
  }

  /** Notes that claim the profile URL (normally zero or one). */
  notesWithUrl(url: string): readonly ExistingNote[] {
    return this.byUrl.get(url);
  }

  /**
   * The note a profile was merged into (its `linkedin-merged` list), when no note has that
   * profile as its own `linkedin`: the row of that profile is a merged duplicate.
   */
  mergedInto(url: string): ExistingNote | null {
    if (this.byMergedUrl === null) {
      this.byMergedUrl = new Map();
      for (const note of this.notes) {
        const value = note.frontmatter?.[FIELD.linkedinMerged];
        for (const v of Array.isArray(value) ? (value as unknown[]) : [value]) {
          const merged = normaliseProfileUrl(coerceText(v));
          if (merged !== null && !this.byMergedUrl.has(merged)) this.byMergedUrl.set(merged, note);
        }
      }
    }
    // Most vaults merged nothing: one look at an empty map per row.
    const into = this.byMergedUrl.size === 0 ? undefined : this.byMergedUrl.get(url);
    return into === undefined || this.byUrl.get(url).length > 0 ? null : into;
  }

  /** Finds the note for a person and claims it for them (`source`: their row, for the report). */
  match(person: PersonIdentity, source: SourceRef | null = null): MatchResult {
    const result = this.peek(person);
    return result.kind === 'found' ? this.claim(result.note, result.by, source) : result;
  }

  /** Finds the note for a person without claiming it. */
  peek(person: PersonIdentity): MatchResult {
    if (person.profileUrl) {
      const byUrl = this.byUrl.get(person.profileUrl);
      if (byUrl.length === 1) return { kind: 'found', note: byUrl[0] as ExistingNote, by: 'profile' };
      if (byUrl.length > 1)
        return { kind: 'ambiguous', candidates: [...byUrl], reason: 'several notes have this LinkedIn URL' };
    }
    // A note made from a pre-2023 export, an address book or by hand has no URL yet: an email or the name may find it.
    return this.matchByEmail(person) ?? this.matchByName(person);
  }

  /**
   * The profile URLs of every row of this import's whole connection list, which
   * {@link matchChangedUrl} needs. A function, called once on the first row it is needed for: a
   * re-import that finds everyone by URL never pays for a set of 30,000 URLs. Never given for a
   * part of an import (core/import/parts.ts): a part does not know the other parts' URLs.
   */
  setConnectionUrls(urls: () => ReadonlySet<string>): void {
    this.connectionUrls = urls;
    this.connectionUrlSet = null;
  }

  /**
   * For a row of the connection list that {@link match} found no note for: the note of the same
   * person under the profile URL they had before (step 4 of the file comment), claimed for them;
   * an ambiguous result when several notes fit; null when none does, or without the connection
   * URLs. Whether the row is a connection is the caller's to know.
   */
  matchChangedUrl(
    person: PersonIdentity,
    source: SourceRef | null = null,
    /** Does another connection of the import have this name and day? Asked only when a note fits. */
    sameDayNamesake: () => boolean = () => false,
  ): MatchResult | null {
    const url = person.profileUrl;
    const date = person.connectedOn ?? null;
    if (!this.anyUrl || this.connectionUrls === null || url === null || date === null) return null;
    const candidates: ExistingNote[] = [];
    for (const note of this.nameIndex().get(nameKey(person.name))) {
      if (noteConnectedOn(note) !== date) continue;
      const old = noteProfileUrl(note);
      // A URL still among the connections is someone else's: two namesakes connected on one day.
      if (old !== null && old !== url && !this.connectionUrlsNow().has(old)) candidates.push(note);
    }
    if (candidates.length === 0) return null;
    if (candidates.length > 1)
      return {
        kind: 'ambiguous',
        candidates,
        reason: `the LinkedIn profile URL ${url} is new: ${candidates.length} notes named "${person.name}", connected on ${date}, have an older URL that is gone from this export's connections, and nothing tells which of them changed to it`,
      };
    // Another connection of this export has the name and the day too: either could be the one
    // whose URL changed, and taking the first in the file would be a guess.
    if (sameDayNamesake())
      return {
        kind: 'ambiguous',
        candidates,
        reason: `several connections of this export are named "${person.name}" and connected on ${date}, and ${(candidates[0] as ExistingNote).path} has an older URL that is gone from its connections: nothing tells which of them changed their URL`,
      };
    return this.claim(candidates[0] as ExistingNote, 'name', source);
  }

  private connectionUrlsNow(): ReadonlySet<string> {
    return (this.connectionUrlSet ??= (this.connectionUrls as () => ReadonlySet<string>)());
  }

  private emailIndex(): KeyIndex<string, ExistingNote> {
    if (this.byEmail === null) {
      this.byEmail = new KeyIndex();
      for (const note of this.notes) for (const e of noteEmails(note)) this.byEmail.add(e, note);
    }
    return this.byEmail;
  }

  /** By an address the person has and the note holds; null when no address decides. */
  private matchByEmail(person: PersonIdentity): MatchResult | null {
    const emails = emailKeys(person.emails);
    if (emails.length === 0) return null;
    const index = this.emailIndex();
    const candidates: ExistingNote[] = [];
    for (const e of emails) for (const n of index.get(e)) if (!candidates.includes(n)) candidates.push(n);
    if (candidates.length === 0) return null;
    if (candidates.length > 1)
      return { kind: 'ambiguous', candidates, reason: 'several notes have this e-mail address' };
    const note = candidates[0] as ExistingNote;
    const url = noteProfileUrl(note);
    if (person.profileUrl && url && url !== person.profileUrl)
      return {
        kind: 'ambiguous',
        candidates,
        reason:
          'the e-mail address is on a note with another LinkedIn profile (a changed profile URL, or two people sharing an address)',
      };
    return { kind: 'found', note, by: 'email' };
  }

  private facts(note: ExistingNote): IdentityFacts {
    return { profileUrl: noteProfileUrl(note), emails: noteEmails(note), birthday: noteBirthday(note) };
  }

  private matchByName(person: PersonIdentity): MatchResult {
    if (person.name.trim() === '') return { kind: 'none' };
    const named = this.nameIndex().get(nameKey(person.name));
    if (named.length === 0) return { kind: 'none' };
    // Another profile URL is certain: those namesakes are other people, and saying so is noise.
    let candidates = person.profileUrl ? named.filter((note) => noteProfileUrl(note) === null) : [...named];
    const date = person.connectedOn ?? null;
    let toldApart = false; // by the date or the company, among namesakes of this import
    if (date !== null && (candidates.length > 1 || person.sharesName === true)) {
      const sameDate = candidates.filter((n) => noteConnectedOn(n) === date);
      if (sameDate.length > 0) {
        candidates = sameDate;
        toldApart = sameDate.length === 1;
      } else if (person.sharesName === true) candidates = candidates.filter((n) => noteConnectedOn(n) === null);
    }
    // Namesakes who connected on the same day: the company tells them apart while it still matches the
    // note (after a job change it no longer does, and the row stays ambiguous rather than guessed).
    if (candidates.length > 1 && person.company) {
      const company = person.company.trim().toLowerCase();
      const sameCompany = candidates.filter((n) => noteCompany(n) === company);
      if (sameCompany.length === 1) {
        candidates = sameCompany;
        toldApart = true;
      }
    }
    if (candidates.length === 0) return { kind: 'none' };
    if (candidates.length > 1)
      return {
        kind: 'ambiguous',
        candidates,
        reason: `${candidates.length} notes are named "${person.name}" and ${emailKeys(person.emails).length > 0 ? 'no e-mail address or profile URL tells them apart' : 'the export has no profile URL to tell them apart'}`,
      };
    const only = candidates[0] as ExistingNote;
    if (person.sharesName === true && !toldApart)
      return {
        kind: 'ambiguous',
        candidates,
        reason:
          date !== null && noteConnectedOn(only) === null
            ? `several rows of this export are named "${person.name}", the note has no connected-on date and the export no profile URL to tell which row it is`
            : `several people in this import are named "${person.name}" and nothing tells which one the note is about`,
      };
    const against: IdentityFacts = {
      profileUrl: person.profileUrl,
      emails: emailKeys(person.emails),
      birthday: person.birthday ?? null,
    };
    const why = contradiction(this.facts(only), against);
    if (why !== null) return { kind: 'none', reason: `${only.path} has the same name but ${contradictionText(why)}` };
    return { kind: 'found', note: only, by: 'name' };
  }

  /**
   * Claims the note of a row that changes nothing (settled-rows.ts) for that row, as
   * {@link match} would have: ahead of the other rows, which settling allows only when no
   * other row can come for that note.
   */
  claimSettled(note: ExistingNote, source: SourceRef): void {
    this.claimed.set(note, source);
  }

  /**
   * Promises `note` to the row at `source`: another row that comes for it first finds it taken
   * by that row, as if the row had been planned before it (core/import/parts.ts plans people
   * out of file order and keeps the file's order for the notes two people fit).
   */
  reserve(note: ExistingNote, source: SourceRef): void {
    this.reserved.set(note, source);
  }

  private claim(note: ExistingNote, by: MatchedBy, source: SourceRef | null): MatchResult {
    const promised = this.reserved.get(note);
    const otherRow = promised !== undefined && (promised.file !== source?.file || promised.line !== source.line);
    if (this.claimed.has(note) || otherRow) {
      const claimer = otherRow ? promised : (this.claimed.get(note) ?? null);
      return {
        kind: 'ambiguous',
        candidates: [note],
        reason: `${claimer ? `${claimer.file}, line ${claimer.line}` : 'another row of this export'} already matched this note`,
        ...(claimer ? { claimedBy: claimer } : {}),
      };
    }
    this.claimed.set(note, source);
    return { kind: 'found', note, by };
  }
}

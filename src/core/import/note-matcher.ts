/**
 * Finds the existing note for a person from the export.
 *
 * By profile URL first, so renamed or moved notes are still found. Exports before 2023
 * have no URLs: then the exact name decides, narrowed by `connected-on` when several notes
 * (or several rows of the export) share the name: a connection date never changes, so a
 * note dated otherwise is one of the other people with that name. What is still not
 * unique is ambiguous, and an ambiguous person is reported and never merged. A note
 * claimed by one row cannot be claimed by another.
 */
import { coerceDate, coerceText } from '../people/coerce';
import { nameKey } from '../identity/person-name';
import { normaliseProfileUrl } from '../identity/profile-url';
import { FIELD } from '../notes/schema';
import type { SourceRef } from '../linkedin/records';
import type { ExistingNote } from './vault-snapshot';

/** An email as an identity: trimmed, lower-case; '' when it is not one. */
export function emailKey(email: string): string {
  const e = email.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+$/.test(e) ? e : '';
}

/** Who a person is, as far as a source knows: the matcher tries the profile URL, then emails, then the name. */
export interface PersonIdentity {
  profileUrl: string | null;
  /** Email addresses (any case); a note whose `email` is one of them is theirs. */
  emails?: readonly string[];
  name: string;
  connectedOn?: string | null;
  /** The company the source gives, used only to tell apart namesakes connected on the same day. */
  company?: string;
  /** Other rows of this export have the same name and no URL either. */
  sharesName?: boolean;
}

export type MatchResult =
  | { kind: 'found'; note: ExistingNote }
  | { kind: 'none' }
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

/** `People/Jane Doe (Acme) 2.md` → `Jane Doe`: how a note without a `name` field is named. */
export function nameFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  return base.replace(/ \d+$/, '').replace(/ \([^()]*\)$/, '');
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

/** A name to show for the note: its `name`, else its file name. */
export function noteName(note: ExistingNote): string {
  return noteNameField(note) || nameFromPath(note.path);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class NoteMatcher {
  private readonly byUrl = new Map<string, ExistingNote[]>();
  private readonly byName = new Map<string, ExistingNote[]>();
  /** Filled on the first lookup by email: LinkedIn people carry none, and most imports never ask. */
  private byEmail: Map<string, ExistingNote[]> | null = null;
  private readonly notes: readonly ExistingNote[];
  private readonly urls = new Map<ExistingNote, string | null>();
  private readonly claimed = new Map<ExistingNote, SourceRef | null>();

  constructor(notes: readonly ExistingNote[]) {
    this.notes = notes;
    for (const note of notes) {
      const url = noteProfileUrl(note);
      this.urls.set(note, url);
      if (url) push(this.byUrl, url, note);
      // Only a `name` field identifies a person by name: a note that merely has the same
      // file name may be about someone else, and we never merge on a guess.
      const key = nameKey(noteNameField(note));
      if (key !== '') push(this.byName, key, note);
    }
  }

  /** Notes that claim the profile URL (normally zero or one). */
  notesWithUrl(url: string): readonly ExistingNote[] {
    return this.byUrl.get(url) ?? [];
  }

  /** Finds the note for a person and claims it for them (`source`: their row, for the report). */
  match(person: PersonIdentity, source: SourceRef | null = null): MatchResult {
    const result = this.peek(person);
    return result.kind === 'found' ? this.claim(result.note, source) : result;
  }

  /** Finds the note for a person without claiming it. */
  peek(person: PersonIdentity): MatchResult {
    if (person.profileUrl) {
      const byUrl = this.byUrl.get(person.profileUrl) ?? [];
      if (byUrl.length === 1) return { kind: 'found', note: byUrl[0] as ExistingNote };
      if (byUrl.length > 1)
        return { kind: 'ambiguous', candidates: byUrl, reason: 'several notes have this LinkedIn URL' };
      // A note made from a pre-2023 export or by hand has no URL yet: an email or the name may find it.
      return this.matchByEmail(person) ?? this.matchByName(person, (note) => this.urls.get(note) === null);
    }
    return this.matchByEmail(person) ?? this.matchByName(person, () => true);
  }

  /** By an email the person has and the note's `email` holds; null when no email decides. */
  private matchByEmail(person: PersonIdentity): MatchResult | null {
    const emails = (person.emails ?? []).map(emailKey).filter((e) => e !== '');
    if (emails.length === 0) return null;
    if (this.byEmail === null) {
      this.byEmail = new Map();
      for (const note of this.notes) {
        const key = emailKey(note.frontmatter ? coerceText(note.frontmatter[FIELD.email]) : '');
        if (key !== '') push(this.byEmail, key, note);
      }
    }
    const candidates = [...new Set(emails.flatMap((e) => this.byEmail?.get(e) ?? []))].filter(
      (note) => !person.profileUrl || this.urls.get(note) === null,
    );
    if (candidates.length === 1) return { kind: 'found', note: candidates[0] as ExistingNote };
    if (candidates.length > 1)
      return { kind: 'ambiguous', candidates, reason: 'several notes have this email address' };
    return null;
  }

  private matchByName(person: PersonIdentity, eligible: (note: ExistingNote) => boolean): MatchResult {
    if (person.name === '') return { kind: 'none' };
    let candidates = (this.byName.get(nameKey(person.name)) ?? []).filter(eligible);
    const date = person.connectedOn ?? null;
    if (date !== null && (candidates.length > 1 || person.sharesName === true)) {
      const sameDate = candidates.filter((n) => noteConnectedOn(n) === date);
      if (sameDate.length > 0) candidates = sameDate;
      else if (person.sharesName === true) candidates = candidates.filter((n) => noteConnectedOn(n) === null);
    }
    // Namesakes who connected on the same day: the company tells them apart while it still matches the
    // note (after a job change it no longer does, and the row stays ambiguous rather than guessed).
    if (candidates.length > 1 && person.company) {
      const company = person.company.trim().toLowerCase();
      const sameCompany = candidates.filter((n) => noteCompany(n) === company);
      if (sameCompany.length === 1) candidates = sameCompany;
    }
    if (candidates.length === 0) return { kind: 'none' };
    if (candidates.length > 1)
      return {
        kind: 'ambiguous',
        candidates,
        reason: `${candidates.length} notes are named "${person.name}" and the export has no profile URL to tell them apart`,
      };
    const only = candidates[0] as ExistingNote;
    // One undated note and several rows with its name: it could be any of them.
    if (person.sharesName === true && date !== null && noteConnectedOn(only) === null)
      return {
        kind: 'ambiguous',
        candidates,
        reason: `several rows of this export are named "${person.name}", the note has no connected-on date and the export no profile URL to tell which row it is`,
      };
    return { kind: 'found', note: only };
  }

  private claim(note: ExistingNote, source: SourceRef | null): MatchResult {
    if (this.claimed.has(note)) {
      const by = this.claimed.get(note) ?? null;
      return {
        kind: 'ambiguous',
        candidates: [note],
        reason: `${by ? `${by.file}, line ${by.line}` : 'another row of this export'} already matched this note`,
        ...(by ? { claimedBy: by } : {}),
      };
    }
    this.claimed.set(note, source);
    return { kind: 'found', note };
  }

  isClaimed(note: ExistingNote): boolean {
    return this.claimed.has(note);
  }
}

/**
 * Finds the existing note for a person from the export.
 *
 * By profile URL first, so renamed or moved notes are still found. Exports before 2023
 * have no URLs: then the exact name decides, narrowed by `connected-on` when several notes
 * share the name; what is still not unique is ambiguous, and an ambiguous person is
 * reported and never merged. A note claimed by one row cannot be claimed by another.
 */
import { coerceDate, coerceText } from '../people/coerce';
import { nameKey } from '../identity/person-name';
import { normaliseProfileUrl } from '../identity/profile-url';
import { FIELD } from '../notes/schema';
import type { ExistingNote } from './vault-snapshot';

export interface PersonIdentity {
  profileUrl: string | null;
  name: string;
  connectedOn?: string | null;
}

export type MatchResult =
  | { kind: 'found'; note: ExistingNote }
  | { kind: 'none' }
  | { kind: 'ambiguous'; candidates: ExistingNote[]; reason: string };

/** `People/Jane Doe (Acme) 2.md` → `Jane Doe`: how a note without a `name` field is named. */
export function nameFromPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
  return base.replace(/ \d+$/, '').replace(/ \([^()]*\)$/, '');
}

function rawField(yaml: string, key: string): string | null {
  const m = new RegExp(`^${key}:[ \\t]*["']?([^"'\\r\\n]*)`, 'm').exec(yaml);
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
  private readonly urls = new Map<ExistingNote, string | null>();
  private readonly claimed = new Set<ExistingNote>();

  constructor(notes: readonly ExistingNote[]) {
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

  /** Finds the note for a person and claims it for them. */
  match(person: PersonIdentity): MatchResult {
    const result = this.peek(person);
    return result.kind === 'found' ? this.claim(result.note) : result;
  }

  /** Finds the note for a person without claiming it. */
  peek(person: PersonIdentity): MatchResult {
    if (person.profileUrl) {
      const byUrl = this.byUrl.get(person.profileUrl) ?? [];
      if (byUrl.length === 1) return { kind: 'found', note: byUrl[0] as ExistingNote };
      if (byUrl.length > 1)
        return { kind: 'ambiguous', candidates: byUrl, reason: 'several notes have this LinkedIn URL' };
      // A note made from a pre-2023 export or by hand has no URL yet: the name may find it.
      return this.matchByName(person, (note) => this.urls.get(note) === null);
    }
    return this.matchByName(person, () => true);
  }

  private matchByName(person: PersonIdentity, eligible: (note: ExistingNote) => boolean): MatchResult {
    if (person.name === '') return { kind: 'none' };
    let candidates = (this.byName.get(nameKey(person.name)) ?? []).filter(eligible);
    if (candidates.length > 1 && person.connectedOn) {
      const sameDate = candidates.filter(
        (n) => n.frontmatter !== null && coerceDate(n.frontmatter[FIELD.connectedOn]).value === person.connectedOn,
      );
      if (sameDate.length > 0) candidates = sameDate;
    }
    if (candidates.length === 0) return { kind: 'none' };
    if (candidates.length > 1)
      return {
        kind: 'ambiguous',
        candidates,
        reason: `${candidates.length} notes are named "${person.name}" and the export has no profile URL to tell them apart`,
      };
    return { kind: 'found', note: candidates[0] as ExistingNote };
  }

  private claim(note: ExistingNote): MatchResult {
    if (this.claimed.has(note))
      return { kind: 'ambiguous', candidates: [note], reason: 'another row of this export already matched this note' };
    this.claimed.add(note);
    return { kind: 'found', note };
  }

  isClaimed(note: ExistingNote): boolean {
    return this.claimed.has(note);
  }
}

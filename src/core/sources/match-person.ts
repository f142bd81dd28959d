/**
 * Finds the person note an address-book card or a calendar attendee is about, never on a
 * guess. In this order:
 *
 * 1. the LinkedIn profile URL;
 * 2. an e-mail address (case-insensitive) already on a note, in LinkedIn's `email` or the
 *    address book's `emails`;
 * 3. the exact full name (the note's `name`, else its file name), when it designates
 *    exactly one note and nothing contradicts it: a different profile URL, e-mails on both
 *    sides that have none in common, or different birthdays mean a different person.
 *
 * Several notes for one URL, one e-mail or one name are "ambiguous", with every candidate,
 * so the user can merge or tell them apart. A contradicted name is "none" with the reason,
 * so the report can say why a second note was made.
 */
import { nameKey } from '../identity/person-name';
import { coerceText } from '../people/coerce';
import { noteNameField, noteProfileUrl, nameFromPath } from '../import/note-matcher';
import type { ExistingNote } from '../import/vault-snapshot';
import { birthdayMonthDay } from './birthday';
import { normaliseEmail } from './contact';

export interface IdentityProbe {
  profileUrl: string | null;
  /** Lower-cased addresses. */
  emails: readonly string[];
  name: string;
  birthday?: string | null;
}

export type MatchedBy = 'profile' | 'email' | 'name';

export type PersonMatch =
  | { kind: 'found'; note: ExistingNote; by: MatchedBy }
  | { kind: 'none'; reason?: string }
  | { kind: 'ambiguous'; candidates: ExistingNote[]; reason: string };

/** Frontmatter keys that hold a person's e-mail addresses. */
export const EMAIL_FIELDS = ['email', 'emails'] as const;

/** Every address in a frontmatter value: a string (comma/semicolon/space separated) or a list. */
export function emailsIn(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\s]+/) : [];
  const out: string[] = [];
  for (const v of raw) {
    const e = normaliseEmail(coerceText(v));
    if (e !== '' && !out.includes(e)) out.push(e);
  }
  return out;
}

export function noteEmails(note: ExistingNote): string[] {
  const fm = note.frontmatter;
  if (fm) return emailsIn([...emailsIn(fm.email), ...emailsIn(fm.emails)]);
  if (!note.rawYaml) return [];
  // A note whose YAML cannot be parsed still tells whose it is, so no duplicate is made.
  return emailsIn(note.rawYaml.match(/[^\s@<>"',;:[\]]+@[^\s@<>"',;:[\]]+/g) ?? []);
}

function noteBirthday(note: ExistingNote): string | null {
  const v = note.frontmatter?.birthday;
  return typeof v === 'string' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : null;
}

/** The name a note answers to: its `name`, else its file name. */
export function noteMatchName(note: ExistingNote): string {
  return noteNameField(note) || nameFromPath(note.path);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

function birthdaysDiffer(a: string | null | undefined, b: string | null): boolean {
  const x = a ? birthdayMonthDay(a) : null;
  const y = b ? birthdayMonthDay(b) : null;
  if (!x || !y) return false;
  if (x.month !== y.month || x.day !== y.day) return true;
  return x.year !== null && y.year !== null && x.year !== y.year;
}

export class PersonMatcher {
  private readonly byUrl = new Map<string, ExistingNote[]>();
  private readonly byEmail = new Map<string, ExistingNote[]>();
  private readonly byName = new Map<string, ExistingNote[]>();
  private readonly urls = new Map<ExistingNote, string | null>();
  private readonly emails = new Map<ExistingNote, string[]>();

  constructor(notes: readonly ExistingNote[]) {
    for (const note of notes) this.add(note);
  }

  /** Makes a note findable (a note the same import creates, so a second card finds it). */
  add(note: ExistingNote): void {
    const url = noteProfileUrl(note);
    this.urls.set(note, url);
    if (url) push(this.byUrl, url, note);
    const emails = noteEmails(note);
    this.emails.set(note, emails);
    for (const e of emails) push(this.byEmail, e, note);
    const key = nameKey(noteMatchName(note));
    if (key !== '') push(this.byName, key, note);
  }

  /** Addresses an import is about to add to a note, so later sources of the same run find it by them. */
  learnEmails(note: ExistingNote, emails: readonly string[]): void {
    const known = this.emails.get(note) ?? [];
    for (const e of emails) {
      if (e === '' || known.includes(e)) continue;
      known.push(e);
      push(this.byEmail, e, note);
    }
    this.emails.set(note, known);
  }

  emailsOf(note: ExistingNote): readonly string[] {
    return this.emails.get(note) ?? noteEmails(note);
  }

  profileOf(note: ExistingNote): string | null {
    return this.urls.get(note) ?? null;
  }

  match(probe: IdentityProbe): PersonMatch {
    if (probe.profileUrl) {
      const hits = this.byUrl.get(probe.profileUrl) ?? [];
      if (hits.length === 1) return { kind: 'found', note: hits[0] as ExistingNote, by: 'profile' };
      if (hits.length > 1)
        return { kind: 'ambiguous', candidates: hits, reason: 'several notes have this LinkedIn URL' };
    }
    const byEmail: ExistingNote[] = [];
    for (const e of probe.emails) for (const n of this.byEmail.get(e) ?? []) if (!byEmail.includes(n)) byEmail.push(n);
    if (byEmail.length > 1)
      return { kind: 'ambiguous', candidates: byEmail, reason: 'several notes have these e-mail addresses' };
    if (byEmail.length === 1) {
      const note = byEmail[0] as ExistingNote;
      const url = this.urls.get(note);
      if (probe.profileUrl && url && url !== probe.profileUrl)
        return {
          kind: 'ambiguous',
          candidates: [note],
          reason: `the e-mail is on ${note.path}, whose LinkedIn profile is a different one`,
        };
      return { kind: 'found', note, by: 'email' };
    }
    if (probe.name.trim() === '') return { kind: 'none' };
    const named = this.byName.get(nameKey(probe.name)) ?? [];
    if (named.length > 1)
      return { kind: 'ambiguous', candidates: named, reason: `${named.length} notes are named "${probe.name.trim()}"` };
    if (named.length === 0) return { kind: 'none' };
    const note = named[0] as ExistingNote;
    const contradiction = this.contradiction(note, probe);
    return contradiction === null ? { kind: 'found', note, by: 'name' } : { kind: 'none', reason: contradiction };
  }

  /** Why a note with the same name is someone else, or null when nothing says so. */
  private contradiction(note: ExistingNote, probe: IdentityProbe): string | null {
    const url = this.urls.get(note);
    if (probe.profileUrl && url && url !== probe.profileUrl)
      return `${note.path} has the same name but another LinkedIn profile`;
    const emails = this.emails.get(note) ?? [];
    if (emails.length > 0 && probe.emails.length > 0 && !probe.emails.some((e) => emails.includes(e)))
      return `${note.path} has the same name but other e-mail addresses`;
    if (birthdaysDiffer(probe.birthday, noteBirthday(note)))
      return `${note.path} has the same name but another birthday`;
    return null;
  }
}

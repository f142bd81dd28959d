/**
 * What an address book may change in a person note, and how:
 *
 * - `emails` and `phones` are lists the address book adds to and never shortens (an
 *   address the user removed from their phone may still be the one they use to write);
 * - `birthday` follows the address book, except that a year-less birthday never replaces a
 *   full one on the same day;
 * - `company`, `position` and `linkedin` are filled only where the note has none (LinkedIn
 *   owns them once it has said something);
 * - the card's notes go under `## From address book` once; an existing section is never
 *   rewritten, because the user may have edited it.
 *
 * So re-importing the same address book changes nothing, and an updated one changes only
 * these. An empty value never clears anything.
 */
import { normaliseProfileUrl } from '../identity/profile-url';
import type { FieldChange } from '../import/field-diff';
import { sectionLines } from '../notes/body-sections';
import { escapeMarkdown } from '../notes/markdown-escape';
import { ADDRESS_BOOK_HEADING, FIELD } from '../notes/schema';
import { coerceText } from '../people/coerce';
import { birthdayMonthDay } from './birthday';
import type { AddressBookContact } from './contact';
import { emailsIn } from './match-person';

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(coerceText).filter((v) => v !== '');
  const t = coerceText(value);
  return t === '' ? [] : [t];
}

const digits = (phone: string) => phone.replace(/[^\d+]/g, '').replace(/^00/, '+');

/** `current` with the values of `extra` it lacks appended, compared by `key`. */
function unionBy(current: readonly string[], extra: readonly string[], key: (v: string) => string): string[] {
  const out = [...current];
  const seen = new Set(current.map(key));
  for (const v of extra) {
    const k = key(v);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

/** Several cards about one person (duplicates in an address book) as one. */
export function combineContacts(a: AddressBookContact, b: AddressBookContact): AddressBookContact {
  return {
    ...a,
    name: a.name || b.name,
    first: a.first || b.first,
    last: a.last || b.last,
    emails: unionBy(a.emails, b.emails, (e) => e),
    phones: unionBy(a.phones, b.phones, digits),
    birthday: a.birthday ?? b.birthday,
    company: a.company || b.company,
    position: a.position || b.position,
    linkedin: a.linkedin ?? b.linkedin,
    notes: [a.notes, b.notes].filter((n) => n !== '' && n !== undefined).join('\n\n'),
  };
}

function birthdayChange(current: unknown, wanted: string | null): string | null {
  if (wanted === null) return null;
  const now = coerceText(current instanceof Date ? current.toISOString().slice(0, 10) : current);
  if (now === wanted) return null;
  const a = birthdayMonthDay(now);
  const b = birthdayMonthDay(wanted);
  if (a && b && a.month === b.month && a.day === b.day && a.year !== null && b.year === null) return null;
  return wanted;
}

/** The frontmatter changes a contact brings to a note (empty when it brings nothing new). */
export function addressBookChanges(current: Readonly<Record<string, unknown>>, c: AddressBookContact): FieldChange[] {
  const changes: FieldChange[] = [];
  // An address already in LinkedIn's `email` is not repeated in `emails`.
  const known = new Set(emailsIn(current[FIELD.email]));
  const emails = unionBy(
    emailsIn(current[FIELD.emails]),
    c.emails.filter((e) => !known.has(e)),
    (e) => e,
  );
  if (emails.length !== emailsIn(current[FIELD.emails]).length)
    changes.push({ field: FIELD.emails, from: current[FIELD.emails] ?? null, to: emails });
  const phones = unionBy(listOf(current[FIELD.phones]), c.phones, digits);
  if (phones.length !== listOf(current[FIELD.phones]).length)
    changes.push({ field: FIELD.phones, from: current[FIELD.phones] ?? null, to: phones });
  const birthday = birthdayChange(current[FIELD.birthday], c.birthday);
  if (birthday !== null) changes.push({ field: FIELD.birthday, from: current[FIELD.birthday] ?? null, to: birthday });
  for (const [field, value] of [
    [FIELD.company, c.company],
    [FIELD.position, c.position],
  ] as const) {
    if (value !== '' && coerceText(current[field]) === '')
      changes.push({ field, from: current[field] ?? null, to: value });
  }
  if (c.linkedin && normaliseProfileUrl(coerceText(current[FIELD.linkedin])) === null)
    changes.push({ field: FIELD.linkedin, from: current[FIELD.linkedin] ?? null, to: c.linkedin });
  return changes;
}

/** The card's notes as Markdown lines: escaped (never markup), line breaks kept. */
export function addressBookNoteText(notes: string): string {
  return notes
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => escapeMarkdown(l))
    .join('\n')
    .trim();
}

/** The section to add for the card's notes, or null when there is nothing to add or it is already there. */
export function addressBookSection(body: string, notes: string): { heading: string; text: string } | null {
  const text = addressBookNoteText(notes);
  if (text === '') return null;
  if (
    sectionLines(body, ADDRESS_BOOK_HEADING).length > 0 ||
    new RegExp(`^#{1,6} +${ADDRESS_BOOK_HEADING}\\s*$`, 'im').test(body)
  )
    return null;
  return { heading: ADDRESS_BOOK_HEADING, text };
}

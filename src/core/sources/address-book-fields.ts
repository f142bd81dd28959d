/**
 * What an address book may change in a person note, and how (the import source's field
 * rules, applied by the plan: import/source.ts):
 *
 * - `emails` and `phones` are lists the address book adds to and never shortens (an
 *   address the user removed from their phone may still be the one they use to write);
 *   an address already in LinkedIn's `email` is not repeated, numbers compare by digits;
 * - `birthday` is filled where the note has none, and a year-less one gets the card's year
 *   on the same day; a different birthday in the note stays (the user may have typed it, or
 *   kept it when merging two notes, and a note cannot say which);
 * - `name`, `company`, `position` and `linkedin` are filled only where the note has none
 *   (LinkedIn owns them once it has said something);
 * - the card's notes go under `## From address book` once; an existing section is never
 *   rewritten, because the user may have edited it (the plan adds a section only once).
 *
 * So re-importing the same address book changes nothing, and an updated one changes only
 * these. An empty value never clears anything.
 */
import { emailsIn } from '../identity/email';
import { normaliseProfileUrl } from '../identity/profile-url';
import type { FieldRule } from '../import/source';
import { escapeMarkdown } from '../notes/markdown-escape';
import { FIELD } from '../notes/schema';
import { coerceBirthday } from '../people/birthdays';
import { coerceText, isEmptyValue } from '../people/coerce';
import { birthdayMonthDay } from './birthday';

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(coerceText).filter((v) => v !== '');
  const t = coerceText(value);
  return t === '' ? [] : [t];
}

/** `+1 (555) 0100` and `001 555 0100` are the same number. */
export const phoneDigits = (phone: string) => phone.replace(/[^\d+]/g, '').replace(/^00/, '+');

/** The list as the note has it, with the new items it lacks appended; undefined when nothing is new. */
function grow(
  current: unknown,
  incoming: unknown,
  key: (v: string) => string,
  known: ReadonlySet<string> = new Set(),
): string[] | undefined {
  const out = listOf(current);
  const seen = new Set([...out.map(key), ...known]);
  let added = false;
  for (const v of listOf(incoming)) {
    const k = key(v);
    if (k === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(v);
    added = true;
  }
  return added ? out : undefined;
}

/** Writes the value only where the note has none. */
function fill(field: string, isEmpty = (v: unknown) => coerceText(v) === ''): FieldRule {
  return (current, value) => (isEmpty(current[field]) ? value : undefined);
}

/** How an address book's values meet a note's (see the file comment). */
export const ADDRESS_BOOK_RULES: Readonly<Record<string, FieldRule>> = {
  [FIELD.name]: fill(FIELD.name),
  [FIELD.company]: fill(FIELD.company),
  [FIELD.position]: fill(FIELD.position),
  [FIELD.linkedin]: fill(FIELD.linkedin, (v) => normaliseProfileUrl(coerceText(v)) === null),
  // An address already in LinkedIn's `email` is not repeated in `emails`.
  [FIELD.emails]: (current, value) =>
    grow(current[FIELD.emails], value, (e) => emailsIn(e)[0] ?? '', new Set(emailsIn(current[FIELD.email]))),
  [FIELD.phones]: (current, value) => grow(current[FIELD.phones], value, phoneDigits),
  [FIELD.birthday]: (current, value) => {
    if (isEmptyValue(current[FIELD.birthday])) return value;
    // Text that is no birthday ("ask Jo") is the user's too: kept, and flagged by the index as a problem.
    const now = coerceBirthday(current[FIELD.birthday]).value;
    const wanted = coerceText(value);
    if (now === null) return undefined;
    const a = birthdayMonthDay(now);
    const b = birthdayMonthDay(wanted);
    // Only the year is added, to the same day; anything else would overwrite what the note says.
    return a && b && a.month === b.month && a.day === b.day && a.year === null && b.year !== null ? value : undefined;
  },
};

/** The card's notes as Markdown lines: escaped (never markup), line breaks kept. */
export function addressBookNoteText(notes: string): string {
  return notes
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => escapeMarkdown(l))
    .join('\n')
    .trim();
}

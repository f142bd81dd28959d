/**
 * When a name is not enough: two records with the same exact name are still different
 * people when something they both state disagrees. One rule for matching a person to a
 * note (import/note-matcher.ts) and for joining two sources' descriptions of one person
 * in the same run (import/incoming.ts):
 *
 * - two different LinkedIn profile URLs;
 * - e-mail addresses on both sides, none in common;
 * - two birthdays on different days (or with different known years). A year-less
 *   birthday on the same day as a full one agrees with it.
 *
 * Something only one side states contradicts nothing.
 */
import { birthdayMonthDay } from '../sources/birthday';

export interface IdentityFacts {
  profileUrl: string | null;
  /** Normalised addresses (identity/email.ts). */
  emails: readonly string[];
  birthday: string | null;
}

export type Contradiction = 'profile' | 'email' | 'birthday';

function birthdaysDiffer(a: string | null, b: string | null): boolean {
  const x = a ? birthdayMonthDay(a) : null;
  const y = b ? birthdayMonthDay(b) : null;
  if (!x || !y) return false;
  if (x.month !== y.month || x.day !== y.day) return true;
  return x.year !== null && y.year !== null && x.year !== y.year;
}

/** What says these two are different people, or null when nothing does. */
export function contradiction(a: IdentityFacts, b: IdentityFacts): Contradiction | null {
  if (a.profileUrl && b.profileUrl && a.profileUrl !== b.profileUrl) return 'profile';
  if (a.emails.length > 0 && b.emails.length > 0 && !a.emails.some((e) => b.emails.includes(e))) return 'email';
  if (birthdaysDiffer(a.birthday, b.birthday)) return 'birthday';
  return null;
}

/** "another LinkedIn profile", for "People/Jane Doe.md has the same name but …". */
export function contradictionText(c: Contradiction): string {
  return c === 'profile' ? 'another LinkedIn profile' : c === 'email' ? 'other e-mail addresses' : 'another birthday';
}

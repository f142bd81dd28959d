/**
 * One person as an address book describes them, whatever the format (vCard, Google CSV,
 * Outlook CSV): the fields an address book owns in a person note, and what identifies the
 * person. Everything else a card holds (addresses, photos, relations, other URLs…) is
 * counted in `ignored` so an import can say what it left out instead of dropping it silently.
 */
import type { SourceRef } from '../linkedin/records';
import type { Birthday } from './birthday';

export interface AddressBookContact {
  /** Display name: FN / `File As` / the name parts joined; '' when the card has none. */
  name: string;
  first: string;
  last: string;
  /** Lower-cased, de-duplicated, in the card's order. */
  emails: string[];
  /** As written, de-duplicated. */
  phones: string[];
  birthday: Birthday | null;
  company: string;
  position: string;
  /** Canonical LinkedIn profile URL from URL / X-SOCIALPROFILE / a website column. */
  linkedin: string | null;
  /** The card's notes, line breaks kept. */
  notes: string;
  source: SourceRef;
}

export interface ContactIssue extends SourceRef {
  reason: string;
}

export interface AddressBookFile {
  file: string;
  format: 'vcard' | 'google-csv' | 'outlook-csv';
  contacts: AddressBookContact[];
  /** Cards or rows that could not be read, or have nothing to identify a person by. */
  skipped: ContactIssue[];
  /** Values that were read but not usable (a birthday that is not a date…); the rest of the card is used. */
  warnings: ContactIssue[];
  /** What was deliberately not imported, by field, with how often it occurred (photos, addresses…). */
  ignored: Record<string, number>;
}

export function emptyContact(source: SourceRef): AddressBookContact {
  return {
    name: '',
    first: '',
    last: '',
    emails: [],
    phones: [],
    birthday: null,
    company: '',
    position: '',
    linkedin: null,
    notes: '',
    source,
  };
}

export function addUnique(list: string[], value: string): void {
  if (value !== '' && !list.includes(value)) list.push(value);
}

export function countIgnored(ignored: Record<string, number>, field: string): void {
  ignored[field] = (ignored[field] ?? 0) + 1;
}

/**
 * The card has something to identify a person by. A card with only a phone number (Android
 * writes those) has no name, no e-mail and no profile: it is skipped and reported.
 */
export function isIdentifiable(c: AddressBookContact): boolean {
  return c.name !== '' || c.emails.length > 0 || c.linkedin !== null;
}

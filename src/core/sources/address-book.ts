/**
 * One entry point for address-book files, whatever their format: a vCard file (`.vcf`,
 * `.vcard`, or any file that starts with `BEGIN:VCARD`) or an address-book CSV, told apart
 * by its header (see contacts-csv.ts).
 */
import { decodeText } from '../text/decode';
import { contactsCsvKind, readContactsCsv } from './contacts-csv';
import type { AddressBookFile } from './contact';
import { readVCardContacts } from './vcard/map-card';
import { findHeader } from '../csv/read-table';

export type SourceKind = 'vcard' | 'contacts-csv' | 'icalendar';

const head = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes.subarray(0, 2048)).replace(/^\uFEFF/, '');

/**
 * What a picked file is, by content first and name second: `BEGIN:VCARD`, `BEGIN:VCALENDAR`,
 * or a CSV whose header is an address book's. Null for anything else (LinkedIn's files).
 */
export function sniffSourceKind(name: string, bytes: Uint8Array): SourceKind | null {
  const start = head(bytes).trimStart().toUpperCase();
  if (start.startsWith('BEGIN:VCARD')) return 'vcard';
  if (start.startsWith('BEGIN:VCALENDAR')) return 'icalendar';
  if (/\.(?:vcf|vcard)$/i.test(name)) return 'vcard';
  if (/\.(?:ics|ical|ifb)$/i.test(name)) return 'icalendar';
  if (/\.csv$/i.test(name)) {
    const text = decodeText(bytes.subarray(0, 64 * 1024)).text;
    if (findHeader(text, (h) => contactsCsvKind(h) !== null)) return 'contacts-csv';
  }
  return null;
}

export function readAddressBook(name: string, bytes: Uint8Array): AddressBookFile {
  if (sniffSourceKind(name, bytes) === 'vcard') return readVCardContacts(bytes, name);
  const decoded = decodeText(bytes);
  const utf8 = decoded.encoding === 'utf-8' || decoded.encoding === 'utf-8-bom';
  return readContactsCsv(decoded.text, name, utf8 && decoded.invalidSequences > 0);
}

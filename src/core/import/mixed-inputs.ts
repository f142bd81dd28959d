/**
 * Whatever the user handed the import, in any mix (LinkedIn's zip or CSVs, `.vcf` files,
 * Google or Outlook contacts CSVs, `.ics` calendars) → the import sources, in one order:
 * LinkedIn, then address books (vCard, Google, Outlook), then calendars. Files are told
 * apart by their content first (`BEGIN:VCARD`, `BEGIN:VCALENDAR`, a contacts header) and
 * their name second; anything else goes to the LinkedIn reader, which knows its files by
 * name and header and names the file and what it expected when it is none of them.
 *
 * Both adapters call this, so the CLI and the plugin read a mix the same way. Calendars
 * are the slow part (seconds for ten busy years), so they are read with progress and
 * cancel; everything else is quick.
 */
import { readExport, type ExportInput } from '../linkedin/read-export';
import { isZipName, looksLikeZip } from '../linkedin/export-files';
import { readAddressBook, sniffSourceKind } from '../sources/address-book';
import type { AddressBookFile } from '../sources/contact';
import { readCalendar } from '../sources/calendar/read-calendar';
import { decodeText } from '../text/decode';
import type { IsoDate } from '../dates/iso-date';
import { addressBookSource, type AddressBookFormat } from './sources/address-book';
import { calendarSource } from './sources/calendar';
import { linkedInSource } from './sources/linkedin';
import type { ImportSource } from './source';

export interface SortedInputs {
  /** The files that make the LinkedIn export (zips, its CSVs), as given. */
  linkedin: ExportInput[];
  addressBooks: AddressBookFile[];
  calendars: ExportInput[];
}

/** Which reader each input goes to; address books are read here (they are quick). */
export function sortInputs(inputs: readonly ExportInput[]): SortedInputs {
  const out: SortedInputs = { linkedin: [], addressBooks: [], calendars: [] };
  for (const input of inputs) {
    if (input.origin === 'listed' || looksLikeZip(input.bytes) || isZipName(input.name)) {
      out.linkedin.push(input);
      continue;
    }
    const kind = sniffSourceKind(input.name, input.bytes);
    if (kind === 'icalendar') out.calendars.push(input);
    else if (kind === 'vcard' || kind === 'contacts-csv')
      out.addressBooks.push(readAddressBook(input.name, input.bytes));
    else out.linkedin.push(input);
  }
  return out;
}

export interface SourceOptions {
  today: IsoDate;
  /**
   * The owner's IANA time zone (the device's): meetings are logged on their local dates. A
   * function is asked only when a calendar is read: finding the zone (Intl) costs ~13 ms.
   */
  timeZone?: string | null | (() => string | null);
  /** The user's own e-mail addresses (the setting), for whose calendar it is. */
  myEmails?: readonly string[];
  /** The LinkedIn export owner's name the vault remembers, for the same. */
  ownerName?: string | null;
  /** How far the calendars are read: the file being read and the fraction done overall. */
  onProgress?: (file: string, fraction: number) => void | Promise<void>;
  shouldStop?: () => boolean;
  /**
   * A Connections.csv with more people is held compactly, to be planned in parts
   * (core/import/parts.ts), when the inputs are a LinkedIn export alone: parts plan nothing
   * else, and a mix would turn the rows back into records and hold both.
   */
  compactAbove?: number;
}

const FORMATS: readonly AddressBookFormat[] = ['vcard', 'google-csv', 'outlook-csv'];

/** The sources for these inputs (throws InputError for a file that is none of them). */
export async function importSources(inputs: readonly ExportInput[], options: SourceOptions): Promise<ImportSource[]> {
  const sorted = sortInputs(inputs);
  const sources: ImportSource[] = [];
  const alone = sorted.addressBooks.length === 0 && sorted.calendars.length === 0;
  if (sorted.linkedin.length > 0)
    sources.push(
      linkedInSource(readExport(sorted.linkedin, { compactAbove: alone ? options.compactAbove : undefined })),
    );
  for (const format of FORMATS) {
    const files = sorted.addressBooks.filter((f) => f.format === format);
    if (files.length > 0) sources.push(addressBookSource(format, files));
  }
  if (sorted.calendars.length > 0) {
    const timeZone = typeof options.timeZone === 'function' ? options.timeZone() : (options.timeZone ?? null);
    const total = sorted.calendars.reduce((n, c) => n + c.bytes.length, 0);
    let before = 0;
    const calendars = [];
    for (const input of sorted.calendars) {
      const share = input.bytes.length;
      calendars.push(
        await readCalendar(decodeText(input.bytes).text, input.name, {
          today: options.today,
          timeZone,
          shouldStop: options.shouldStop,
          onProgress: (f) => options.onProgress?.(input.name, total === 0 ? 1 : (before + f * share) / total),
        }),
      );
      before += share;
    }
    sources.push(calendarSource(calendars, { emails: options.myEmails, ownerName: options.ownerName }));
  }
  return sources;
}

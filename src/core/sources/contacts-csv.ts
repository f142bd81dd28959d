/**
 * Address books as CSV: Google Contacts in both header generations, and the "Outlook CSV"
 * Google also offers. They are told apart by their header, never by column positions
 * (Google writes only as many `E-mail N`/`Phone N` groups as the data needs):
 *
 * - legacy Google: `Name,Given Name,…,Group Membership,E-mail 1 - Type,E-mail 1 - Value,…`
 * - current Google: `First Name,Middle Name,Last Name,…,File As,Organization Name,…,Labels,…`
 * - Outlook: `First Name,…,E-mail Address,E-mail 2 Address,…,Categories` (or `Given Yomi`)
 *
 * Several values in one cell are joined with ` ::: ` (Google). The CSV itself is read by
 * the same RFC 4180 reader as LinkedIn's files (quoted newlines, BOM, CRLF), recovering from
 * stray quotes (core/csv/read-table.ts, `recoverStrayQuotes`).
 */
import { normaliseEmail } from '../identity/email';
import { cell, indexColumns } from '../csv/columns';
import { readCsvTable, type CsvTable } from '../csv/read-table';
import { fullName } from '../identity/person-name';
import { normaliseProfileUrl } from '../identity/profile-url';
import { plural } from '../text/format';
import { parseBirthday } from './birthday';
import {
  addUnique,
  countIgnored,
  emptyContact,
  isIdentifiable,
  type AddressBookContact,
  type AddressBookFile,
} from './contact';

export type ContactsCsvKind = 'google-csv' | 'outlook-csv';

/** Which address-book CSV a header is, or null for anything else (a LinkedIn file, say). */
export function contactsCsvKind(header: readonly string[]): ContactsCsvKind | null {
  const has = (h: string) => header.includes(h);
  if (has('e-mail address') && (has('categories') || has('given yomi') || has('e-mail 2 address')))
    return 'outlook-csv';
  if (has('name') && has('given name') && has('family name')) return 'google-csv';
  if (has('first name') && has('last name') && (has('file as') || has('labels') || has('organization name')))
    return 'google-csv';
  return null;
}

const MULTI = /\s*:::\s*/;

function values(text: string): string[] {
  return text
    .split(MULTI)
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

const COLUMNS = {
  name: ['name'],
  first: ['first name', 'given name'],
  middle: ['middle name', 'additional name'],
  last: ['last name', 'family name'],
  fileAs: ['file as'],
  company: ['organization name', 'organization 1 - name', 'company'],
  position: ['organization title', 'organization 1 - title', 'job title'],
  department: ['organization department', 'organization 1 - department', 'department'],
  birthday: ['birthday'],
  notes: ['notes'],
} as const;

/** Columns whose values an address book owns in a note, matched by pattern (any N). */
const EMAIL_COLUMN = /^e-mail(?: \d+)? (?:- value|address)$/;
const PHONE_COLUMN =
  /^(?:phone \d+ - value|(?:primary|home|home \d|mobile|business|business \d|other|company main|car|assistant's|radio|callback|isdn|tty\/tdd) phone|pager|telex)$/;
const WEBSITE_COLUMN = /^(?:website \d+ - value|web page)$/;

/** Columns we read for something else, or that only describe the row: not worth a mention. */
const HOUSEKEEPING =
  /^(?:name|first name|given name|middle name|additional name|last name|family name|file as|organization name|organization 1 - name|company|organization title|organization 1 - title|job title|birthday|notes|photo|labels|group membership|categories|.* - (?:type|label)|name prefix|name suffix|title|suffix)$/;

function isSystemLabel(label: string): boolean {
  return /^(?:mycontacts|starred|starredinandroid)$/.test(label.replace(/[^a-z]/gi, '').toLowerCase());
}

function describeIgnored(header: string): string {
  // `Address 2 - City` and `Address 1 - City` are one field for the user.
  return header.replace(/ \d+ - /, ' - ').replace(/^(.)/, (c) => c.toUpperCase());
}

function rowToContact(
  table: CsvTable,
  cells: readonly string[],
  line: number,
  kind: ContactsCsvKind,
  out: AddressBookFile,
): void {
  const col = indexColumns(table.header, COLUMNS);
  const c: AddressBookContact = emptyContact({ file: table.file, line });
  c.first = fullName(cell(cells, col.first), cell(cells, col.middle));
  c.last = cell(cells, col.last);
  // The legacy `Name` is what Google shows; the parts of phone-imported rows are arbitrary
  // word splits. The current format has no `Name`: the parts joined, else `File As`.
  c.name = fullName(cell(cells, col.name), '') || fullName(c.first, c.last) || fullName(cell(cells, col.fileAs), '');
  c.company = cell(cells, col.company);
  c.position = cell(cells, col.position);
  if (cell(cells, col.department) !== '') countIgnored(out.ignored, 'Organization department');
  c.notes = cell(cells, col.notes).replace(/\r\n?/g, '\n');
  const bday = cell(cells, col.birthday);
  const parsed = parseBirthday(bday, { usSlashes: kind === 'outlook-csv' });
  if (parsed.problem) out.warnings.push({ file: table.file, line, reason: parsed.problem });
  c.birthday = parsed.value;
  table.header.forEach((h, i) => {
    const v = cell(cells, i);
    if (v === '') return;
    if (EMAIL_COLUMN.test(h)) for (const e of values(v)) addUnique(c.emails, normaliseEmail(e));
    else if (PHONE_COLUMN.test(h)) for (const p of values(v)) addUnique(c.phones, p);
    else if (WEBSITE_COLUMN.test(h)) {
      for (const w of values(v)) {
        const url = normaliseProfileUrl(w);
        if (url !== null && c.linkedin === null) c.linkedin = url;
        else countIgnored(out.ignored, 'Website (not LinkedIn)');
      }
    } else if (!HOUSEKEEPING.test(h) && !/department$/.test(h))
      countIgnored(out.ignored, describeIgnored(table.rawHeader[i] ?? h));
    else if (h === 'labels' || h === 'group membership' || h === 'categories') {
      const custom = v.split(/\s*(?::::|;)\s*/).filter((l) => l.trim() !== '' && !isSystemLabel(l));
      if (custom.length > 0) countIgnored(out.ignored, 'Labels / groups');
    } else if (h === 'photo') countIgnored(out.ignored, 'Photo (not copied)');
  });
  if (!isIdentifiable(c)) {
    out.skipped.push({ file: table.file, line, reason: 'the row has no name, e-mail or LinkedIn profile' });
    return;
  }
  out.contacts.push(c);
}

/**
 * A row of another width than the header is damage, never a contact. Google (both header
 * generations) and Outlook write every row with all of the header's cells, the empty ones
 * included (`…,,,`), so a shorter row is a piece of a value cut in two (a stray quote closing
 * a note early leaves its tail as rows of its own) and a longer one has a value spilled over
 * into the columns after it: either way the values are not in the columns they are read from.
 * A short row with its trailing empty cells dropped (as some Excel re-saves write) cannot be
 * told from a broken note's tail, whose first line lands in the name column: it is named too,
 * never imported as someone it is not. Stray-quote recovery counts rows by the same width.
 * Blank lines never get here: the reader drops them.
 */
function widthProblem(cells: readonly string[], width: number): string | null {
  if (cells.length === width) return null;
  return `${plural(cells.length, 'value')} where the header has ${width}; left out`;
}

const EXPECTED =
  'a Google Contacts or Outlook CSV header (First Name,…,E-mail 1 - Value or Name,Given Name,…,Family Name or First Name,…,E-mail Address,…)';

/** Reads an address-book CSV (already decoded to text). Throws InputError for anything else. */
/**
 * `invalidBytes`: the file is UTF-8 with bytes that are not (decodeText counted them); a row
 * holding one is skipped and reported, as LinkedIn's CSVs are, rather than imported garbled.
 */
export function readContactsCsv(text: string, file: string, invalidBytes = false): AddressBookFile {
  const table = readCsvTable(text, file, (h) => contactsCsvKind(h) !== null, EXPECTED, {
    invalidBytes: () => invalidBytes,
    // Address books are edited by hand and by other tools: a stray quote must cost one row,
    // not the rows it would swallow (reported one by one when they cannot be read again).
    recoverStrayQuotes: true,
  });
  const kind = contactsCsvKind(table.header) as ContactsCsvKind;
  const out: AddressBookFile = { file, format: kind, contacts: [], skipped: [], warnings: [], ignored: {} };
  for (const bad of table.badRows) out.skipped.push({ file, line: bad.line, reason: bad.message });
  for (const row of table.rows) {
    const problem = widthProblem(row.cells, table.header.length);
    if (problem === null) rowToContact(table, row.cells, row.line, kind, out);
    else out.skipped.push({ file, line: row.line, reason: problem });
  }
  return out;
}

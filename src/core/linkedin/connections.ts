/**
 * Connections.csv → one record per person.
 *
 * Handles every header version (2018 without preamble, 2021–23 without URL, 2024+ with
 * URL) and the Excel re-saves, because columns are looked up by name. Blank member rows
 * (`,,,,,,14 Sep 2024`: a hidden or deleted account) have no key and are skipped and
 * counted. Two rows with the same identity (the URL, or without one every column) are one
 * person; the first (newest) wins.
 */
import { ownCopy } from '../text/own-copy';
import { cell, indexColumns, missingColumns, type ColumnSpec, type RequiredColumn } from '../csv/columns';
import { readTable, type CsvHeader, type CsvRow, type TableReader } from '../csv/read-table';
import { createDateParser, EXPECTED_DATE_FORMATS } from '../dates/linkedin-dates';
import { fullName, nameKey } from '../identity/person-name';
import { normaliseProfileUrl } from '../identity/profile-url';
import { quoted } from '../text/control-chars';
import { CompactRows } from './compact-rows';
import type { ConnectionRecord, ConnectionsFile, RowIssue, SourceRef } from './records';

const COLUMNS = {
  first: ['first name', 'firstname', 'first'],
  last: ['last name', 'lastname', 'last'],
  url: ['url', 'profile url', 'linkedin url', 'public profile url'],
  email: ['email address', 'email', 'e-mail address', 'e-mail'],
  company: ['company', 'organization'],
  position: ['position', 'title', 'job title'],
  connectedOn: ['connected on', 'connected', 'date connected', 'connection date'],
} as const satisfies ColumnSpec<string>;

const IDENTITY_COLUMNS: readonly string[] = [
  ...COLUMNS.first,
  ...COLUMNS.last,
  ...COLUMNS.url,
  ...COLUMNS.company,
  ...COLUMNS.position,
];

export function isConnectionsHeader(cells: readonly string[]): boolean {
  return (
    cells.some((c) => (COLUMNS.connectedOn as readonly string[]).includes(c)) &&
    cells.some((c) => IDENTITY_COLUMNS.includes(c))
  );
}

/** What a Connections.csv header cannot lack: the day, and something to tell the person by. */
const REQUIRED: readonly RequiredColumn[] = [
  { label: 'First Name', names: IDENTITY_COLUMNS },
  { label: 'Connected On', names: COLUMNS.connectedOn },
];

export const connectionsHeaderGaps = (cells: readonly string[]) => missingColumns(cells, COLUMNS, REQUIRED);

export const CONNECTIONS_EXPECTED =
  'a LinkedIn Connections.csv header such as "First Name,Last Name,URL,Email Address,Company,Position,Connected On"';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * A row's record and its source, made by constructors rather than object literals. A literal
 * has an allocation site whose pretenuring V8 revises as the records pile up, and each revision
 * threw away the optimised code of the row function: it was compiled three times over a
 * 30,000-row file (15–20 ms of compiler time each), once made this way.
 */
class Source implements SourceRef {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {}
}

class Row implements ConnectionRecord {
  constructor(
    public firstName: string,
    public lastName: string,
    public name: string,
    public profileUrl: string | null,
    public email: string | null,
    public company: string,
    public position: string,
    public connectedOn: string | null,
    public source: Source,
  ) {}
}

export function parseConnections(text: string, file: string): ConnectionsFile {
  return readTable(text, file, connectionsReader(file));
}

export interface ConnectionsOptions {
  /**
   * Past this many people the rows are kept compactly (`ConnectionsFile.compact`, records
   * left empty), for an import that plans them a part at a time (core/import/parts.ts).
   */
  compactAbove?: number;
}

/** Connections.csv row by row (see core/csv/read-table.ts), for a file of any size. */
export function connectionsReader(file: string, options: ConnectionsOptions = {}): TableReader<ConnectionsFile> {
  let col = indexColumns([], COLUMNS);
  const parseDate = createDateParser();
  let records: ConnectionRecord[] = [];
  let compact: CompactRows | null = null;
  const keep = (record: ConnectionRecord) => {
    if (compact !== null) return compact.push(record);
    records.push(record);
    if (options.compactAbove === undefined || records.length <= options.compactAbove) return;
    compact = new CompactRows(file);
    for (const r of records) compact.push(r);
    records = [];
  };
  const skipped: RowIssue[] = [];
  const warnings: RowIssue[] = [];
  const unreadableUrls: string[] = [];
  const seen = new Map<string, number>();
  let blankMemberRows = 0;

  const row = ({ line, cells }: CsvRow): void => {
    const firstName = cell(cells, col.first);
    const lastName = cell(cells, col.last);
    const rawUrl = cell(cells, col.url);
    const rawEmail = cell(cells, col.email);
    const company = cell(cells, col.company);
    const position = cell(cells, col.position);
    const rawDate = cell(cells, col.connectedOn);
    const name = fullName(firstName, lastName);

    if (name === '' && rawUrl === '' && rawEmail === '' && company === '' && position === '') {
      blankMemberRows++;
      skipped.push({ file, line, reason: 'blank member row: only a date, the account is hidden or deleted' });
      return;
    }
    const url = normaliseProfileUrl(rawUrl);
    const profileUrl = url === null ? null : ownCopy(url);
    if (rawUrl !== '' && profileUrl === null) {
      warnings.push({
        file,
        line,
        reason: `"${quoted(rawUrl)}" is not a LinkedIn profile URL (expected https://www.linkedin.com/in/…); ignored`,
      });
    }
    if (name === '' && profileUrl === null) {
      skipped.push({ file, line, reason: 'no name and no profile URL, so there is nobody to make a note for' });
      return;
    }
    let connectedOn: string | null = null;
    if (rawDate !== '') {
      connectedOn = parseDate(rawDate)?.date ?? null;
      if (connectedOn === null) {
        warnings.push({
          file,
          line,
          reason: `cannot read the date "${quoted(rawDate)}" (expected ${EXPECTED_DATE_FORMATS}); connected-on left empty`,
        });
      }
    }
    // Without a URL, a row is the same person only if every column agrees: two people with one
    // name who connected on one day (two "Wei Wang"s at a conference) differ in company, position
    // or email, and dropping the second would lose a real connection.
    const key = profileUrl ?? ['name:' + nameKey(name), connectedOn ?? '', company, position, rawEmail].join('|');
    const firstLine = seen.get(key);
    if (firstLine !== undefined) {
      skipped.push({ file, line, reason: `same person as line ${firstLine}` });
      return;
    }
    seen.set(key, line);
    keep(
      new Row(
        ownCopy(firstName),
        ownCopy(lastName),
        name,
        profileUrl,
        // The 2018 export put member URNs (urn:li:member:…) in this column: not an email.
        EMAIL_RE.test(rawEmail) ? ownCopy(rawEmail) : null,
        ownCopy(company),
        ownCopy(position),
        connectedOn,
        new Source(file, line),
      ),
    );
  };

  let hasUrlColumn = false;
  return {
    isHeader: isConnectionsHeader,
    expected: CONNECTIONS_EXPECTED,
    headerGaps: connectionsHeaderGaps,
    header: (h: CsvHeader) => {
      col = indexColumns(h.header, COLUMNS);
      hasUrlColumn = col.url >= 0;
    },
    row,
    bad: (line, message, cells) => {
      skipped.push({ file, line, reason: `unreadable row (${message})` });
      const raw = cells === undefined ? '' : cell(cells, col.url);
      const url = raw.includes('\uFFFD') ? null : normaliseProfileUrl(raw);
      if (url !== null) unreadableUrls.push(url);
    },
    finish: () => ({
      file,
      hasUrlColumn,
      records,
      skipped,
      warnings,
      blankMemberRows,
      unreadableUrls,
      ...(compact !== null ? { compact } : {}),
    }),
  };
}

/**
 * Profile.csv → the export owner's name. Every LinkedIn export since 2018 has it (one row:
 * `First Name,Last Name,Maiden Name,…,Headline,…`); it is the one file that says whose
 * export this is, which messages.csv (from 2021 on) no longer does.
 *
 * The owner's name is helpful, never essential: a Profile.csv we cannot read is reported
 * as a warning on its file and line, and the import goes on with the other evidence.
 */
import { cell, indexColumns, type ColumnSpec } from '../csv/columns';
import { findHeader, firstLinePreview, readCsvTable } from '../csv/read-table';
import { fullName } from '../identity/person-name';
import type { ProfileFile } from './records';

const COLUMNS = {
  first: ['first name'],
  last: ['last name'],
} as const satisfies ColumnSpec<string>;

/** Only the profile has first and last name beside a headline, birth date or maiden name. */
export function isProfileHeader(cells: readonly string[]): boolean {
  return (
    cells.includes('first name') &&
    cells.includes('last name') &&
    (cells.includes('headline') || cells.includes('maiden name') || cells.includes('birth date')) &&
    !cells.includes('connected on')
  );
}

export const PROFILE_EXPECTED = 'a LinkedIn Profile.csv header such as "First Name,Last Name,Maiden Name,…,Headline,…"';

export function parseProfile(text: string, file: string): ProfileFile {
  if (!findHeader(text, isProfileHeader)) {
    const reason = `found "${firstLinePreview(text)}", expected ${PROFILE_EXPECTED}; the owner is found from the other files`;
    return { file, name: '', source: null, warnings: [{ file, line: 1, reason }] };
  }
  const table = readCsvTable(text, file, isProfileHeader, PROFILE_EXPECTED);
  const col = indexColumns(table.header, COLUMNS);
  for (const { line, cells } of table.rows) {
    const name = fullName(cell(cells, col.first), cell(cells, col.last));
    if (name !== '') return { file, name, source: { file, line }, warnings: [] };
  }
  return {
    file,
    name: '',
    source: null,
    warnings: [
      { file, line: table.headerLine, reason: 'no name under the header; the owner is found from the other files' },
    ],
  };
}

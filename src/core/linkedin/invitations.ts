/**
 * Invitations.csv → typed invitations, both directions.
 *
 * Before 2024 the file has no profile URLs (`From,To,Sent At,Message,Direction`); from 2024
 * it adds `inviterProfileUrl,inviteeProfileUrl` in camelCase, with slugs percent-decoded.
 * The file is recent history, not a list of pending invitations: accepted ones stay in it.
 */
import { cell, indexColumns, missingColumns, type ColumnSpec } from '../csv/columns';
import { readTable, type CsvRow, type TableReader } from '../csv/read-table';
import { EXPECTED_DATE_FORMATS, parseLinkedInDateTime } from '../dates/linkedin-dates';
import { cleanName } from '../identity/person-name';
import { normaliseProfileUrl } from '../identity/profile-url';
import { quoted } from '../text/control-chars';
import type { InvitationRecord, InvitationsFile, RowIssue } from './records';

const COLUMNS = {
  from: ['from'],
  to: ['to'],
  sentAt: ['sent at', 'date sent', 'sent on', 'date'],
  message: ['message', 'note'],
  direction: ['direction'],
  inviterUrl: ['inviterprofileurl', 'inviter profile url'],
  inviteeUrl: ['inviteeprofileurl', 'invitee profile url'],
} as const satisfies ColumnSpec<string>;

export function isInvitationsHeader(cells: readonly string[]): boolean {
  return (
    cells.includes('from') &&
    cells.includes('to') &&
    cells.includes('direction') &&
    cells.some((c) => (COLUMNS.sentAt as readonly string[]).includes(c)) &&
    !cells.includes('content')
  );
}

export const INVITATIONS_EXPECTED =
  'a LinkedIn Invitations.csv header such as "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl"';

export function parseInvitations(text: string, file: string): InvitationsFile {
  return readTable(text, file, invitationsReader(file));
}

/** Invitations.csv row by row (see core/csv/read-table.ts). */
export function invitationsReader(file: string): TableReader<InvitationsFile> {
  let col = indexColumns([], COLUMNS);
  const records: InvitationRecord[] = [];
  const skipped: RowIssue[] = [];
  const row = ({ line, cells }: CsvRow): void => {
    const direction = cell(cells, col.direction).toUpperCase();
    if (direction !== 'INCOMING' && direction !== 'OUTGOING') {
      skipped.push({
        file,
        line,
        reason: `direction "${quoted(cell(cells, col.direction))}" (expected INCOMING or OUTGOING)`,
      });
      return;
    }
    const rawDate = cell(cells, col.sentAt);
    const when = parseLinkedInDateTime(rawDate);
    if (!when) {
      skipped.push({
        file,
        line,
        reason: `cannot read the date "${quoted(rawDate)}" (expected ${EXPECTED_DATE_FORMATS})`,
      });
      return;
    }
    records.push({
      from: cleanName(cell(cells, col.from)),
      to: cleanName(cell(cells, col.to)),
      sentOn: when.date,
      sentAt: when.time,
      message: cell(cells, col.message),
      direction: direction === 'INCOMING' ? 'incoming' : 'outgoing',
      inviterUrl: normaliseProfileUrl(cell(cells, col.inviterUrl)),
      inviteeUrl: normaliseProfileUrl(cell(cells, col.inviteeUrl)),
      source: { file, line },
    });
  };
  return {
    isHeader: isInvitationsHeader,
    expected: INVITATIONS_EXPECTED,
    // A messages.csv (it has Content) is not an Invitations.csv with a column missing.
    headerGaps: (cells) =>
      cells.includes('content')
        ? null
        : missingColumns(cells, COLUMNS, [
            { label: 'From', names: COLUMNS.from },
            { label: 'To', names: COLUMNS.to },
            { label: 'Sent At', names: COLUMNS.sentAt },
            { label: 'Direction', names: COLUMNS.direction },
          ]),
    header: (h) => (col = indexColumns(h.header, COLUMNS)),
    row,
    bad: (line, message) => skipped.push({ file, line, reason: `unreadable row (${message})` }),
    finish: () => ({ file, hasProfileUrls: col.inviterUrl >= 0 || col.inviteeUrl >= 0, records, skipped }),
  };
}

/** The other side of an invitation: who invited the owner, or whom the owner invited. */
export function invitationCounterpart(inv: InvitationRecord): { name: string; profileUrl: string | null } {
  return inv.direction === 'incoming'
    ? { name: inv.from, profileUrl: inv.inviterUrl }
    : { name: inv.to, profileUrl: inv.inviteeUrl };
}

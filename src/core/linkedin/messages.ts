/**
 * messages.csv (and the 2018 Messages.csv) → message metadata.
 *
 * Content is deliberately not kept: the plugin never copies message text into notes
 * (vaults get synced and shared), and dropping it keeps 200,000 messages small in memory.
 * Drafts (empty CONVERSATION ID or a draft flag) and sponsored/InMail rows (no sender URL
 * in formats that have the column) are counted and skipped.
 */
import { cell, indexColumns, type ColumnSpec } from '../csv/columns';
import { readTable, type CsvRow, type TableReader } from '../csv/read-table';
import { EXPECTED_DATE_FORMATS, parseLinkedInDateTime } from '../dates/linkedin-dates';
import { cleanName } from '../identity/person-name';
import { normaliseProfileUrl } from '../identity/profile-url';
import { quoted } from '../text/control-chars';
import type { MessageRecord, MessagesFile, MessagesFormat, RowIssue } from './records';

const COLUMNS = {
  conversationId: ['conversation id'],
  from: ['from'],
  senderUrl: ['sender profile url'],
  to: ['to'],
  recipientUrls: ['recipient profile urls'],
  date: ['date'],
  direction: ['direction'],
  folder: ['folder'],
  messageDraft: ['is message draft'],
  conversationDraft: ['is conversation draft'],
} as const satisfies ColumnSpec<string>;

export function isMessagesHeader(cells: readonly string[]): boolean {
  return (
    cells.includes('from') && cells.includes('date') && (cells.includes('conversation id') || cells.includes('content'))
  );
}

export const MESSAGES_EXPECTED =
  'a LinkedIn messages.csv header such as "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,…"';

const YES = /^(yes|true|1)$/i;

export function parseMessages(text: string, file: string): MessagesFile {
  return readTable(text, file, messagesReader(file));
}

/** messages.csv row by row (see core/csv/read-table.ts): 200,000 messages never held as text. */
export function messagesReader(file: string): TableReader<MessagesFile> {
  let col = indexColumns([], COLUMNS);
  let format: MessagesFormat = '2021';
  const records: MessageRecord[] = [];
  const skipped: RowIssue[] = [];
  let skippedDrafts = 0;
  let skippedSponsored = 0;

  const row = ({ line, cells }: CsvRow): void => {
    const conversationId = cell(cells, col.conversationId);
    if (
      format !== '2018' &&
      (conversationId === '' || YES.test(cell(cells, col.messageDraft)) || YES.test(cell(cells, col.conversationDraft)))
    ) {
      skippedDrafts++;
      return;
    }
    const senderUrl = normaliseProfileUrl(cell(cells, col.senderUrl));
    if (format !== '2018' && senderUrl === null) {
      skippedSponsored++;
      return;
    }
    const rawDate = cell(cells, col.date);
    const when = parseLinkedInDateTime(rawDate);
    if (!when) {
      skipped.push({
        file,
        line,
        reason: `cannot read the date "${quoted(rawDate)}" (expected ${EXPECTED_DATE_FORMATS})`,
      });
      return;
    }
    const direction = cell(cells, col.direction).toUpperCase();
    const recipientUrls: string[] = [];
    for (const part of cell(cells, col.recipientUrls).split(',')) {
      const url = normaliseProfileUrl(part);
      if (url !== null) recipientUrls.push(url);
    }
    records.push({
      conversationId,
      from: cleanName(cell(cells, col.from)),
      senderUrl,
      to: cleanName(cell(cells, col.to)),
      recipientUrls,
      date: when.date,
      time: when.time,
      direction: direction === 'INCOMING' ? 'incoming' : direction === 'OUTGOING' ? 'outgoing' : null,
      source: { file, line },
    });
  };
  return {
    isHeader: isMessagesHeader,
    expected: MESSAGES_EXPECTED,
    header: (h) => {
      col = indexColumns(h.header, COLUMNS);
      format = col.conversationId < 0 ? '2018' : col.recipientUrls >= 0 ? '2024' : '2021';
    },
    row,
    bad: (line, message) => skipped.push({ file, line, reason: `unreadable row (${message})` }),
    finish: () => ({ file, format, records, skippedDrafts, skippedSponsored, skipped }),
  };
}

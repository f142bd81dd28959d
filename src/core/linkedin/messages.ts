/**
 * messages.csv (and the 2018 Messages.csv) → message metadata.
 *
 * Content is deliberately not kept: the plugin never copies message text into notes
 * (vaults get synced and shared), and dropping it keeps 200,000 messages small in memory.
 * Drafts (empty CONVERSATION ID or a draft flag) and sponsored/InMail rows (no sender URL
 * in formats that have the column) are counted and skipped.
 */
import { cell, indexColumns, missingColumns, type ColumnSpec } from '../csv/columns';
import { readTable, type CsvRow, type TableReader } from '../csv/read-table';
import { createDateTimeParser, EXPECTED_DATE_FORMATS } from '../dates/linkedin-dates';
import { cleanName } from '../identity/person-name';
import { normaliseProfileUrl } from '../identity/profile-url';
import { quoted } from '../text/control-chars';
import { ownCopy } from '../text/own-copy';
import { MessageRowsBuilder } from './message-rows';
import type { MessagesFile, MessagesFormat, RowIssue } from './records';

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

const same = (s: string) => s;

/**
 * `lookup`, with its last two answers kept by the text asked: LinkedIn writes a conversation's
 * messages together, so one conversation id, and the two people writing in turn, come row after
 * row. Compared with the last ones, a cell is not hashed as a map key (~200 ns a cell).
 */
function lastTwo(lookup: (raw: string) => number): (raw: string) => number {
  let a: string | null = null;
  let aId = 0;
  let b: string | null = null;
  let bId = 0;
  return (raw) => {
    if (raw === a) return aId;
    if (raw === b) return bId;
    const id = lookup(raw);
    b = a;
    bId = aId;
    a = raw;
    aId = id;
    return id;
  };
}

export function parseMessages(text: string, file: string): MessagesFile {
  return readTable(text, file, messagesReader(file));
}

/** messages.csv row by row (see core/csv/read-table.ts): 200,000 messages never held as text. */
export function messagesReader(file: string): TableReader<MessagesFile> {
  let col = indexColumns([], COLUMNS);
  let format: MessagesFormat = '2021';
  const rows = new MessageRowsBuilder();
  const fileId = rows.text(file);
  const skipped: RowIssue[] = [];
  let skippedDrafts = 0;
  let skippedSponsored = 0;
  const parseDate = createDateTimeParser();
  // A few thousand people and conversations recur over 200,000 rows: each value is cleaned
  // once, and kept once in the rows' table of texts. A cell is a slice of the decoded chunk it
  // came from; keeping slices would hold every chunk of the file (message text included)
  // in memory until the import ends.
  const interned = new Map<string, number>();
  const intern = (raw: string, clean: (s: string) => string): number => {
    let v = interned.get(raw);
    if (v === undefined) interned.set(ownCopy(raw), (v = rows.text(ownCopy(clean(raw)))));
    return v;
  };
  /** A URL's number in the texts, or -1 when it is not a profile URL. */
  const urls = new Map<string, number>();
  const url = (raw: string): number => {
    let v = urls.get(raw);
    if (v === undefined) {
      const u = normaliseProfileUrl(raw);
      urls.set(ownCopy(raw), (v = u === null ? -1 : rows.text(ownCopy(u))));
    }
    return v;
  };
  const conversationOf = lastTwo((raw) => intern(raw, same));
  const nameOf = lastTwo((raw) => intern(raw, cleanName));
  const recipientsOf = lastTwo((raw) => intern(raw, cleanName));
  const senderOf = lastTwo(url);
  // In a conversation of two the recipient is one of two people, row after row, as the sender is.
  const recipientOf = lastTwo(url);
  const NO_RECIPIENTS: readonly number[] = [];
  // The parser gives each day one string, and rows of one day mostly come together: the last
  // day's number is kept rather than looked up again.
  let lastDate = '';
  let lastDateId = -1;
  const dateId = (date: string): number => {
    if (date !== lastDate) {
      lastDate = date;
      lastDateId = rows.text(date);
    }
    return lastDateId;
  };

  const row = ({ line, cells }: CsvRow): void => {
    const conversationId = cell(cells, col.conversationId);
    if (
      format !== '2018' &&
      (conversationId === '' || YES.test(cell(cells, col.messageDraft)) || YES.test(cell(cells, col.conversationDraft)))
    ) {
      skippedDrafts++;
      return;
    }
    const senderUrl = senderOf(cell(cells, col.senderUrl));
    if (format !== '2018' && senderUrl === -1) {
      skippedSponsored++;
      return;
    }
    const rawDate = cell(cells, col.date);
    const when = parseDate(rawDate);
    if (!when) {
      skipped.push({
        file,
        line,
        reason: `cannot read the date "${quoted(rawDate)}" (expected ${EXPECTED_DATE_FORMATS})`,
      });
      return;
    }
    const direction = cell(cells, col.direction).toUpperCase();
    let recipients = NO_RECIPIENTS;
    const listed = cell(cells, col.recipientUrls);
    if (listed !== '') {
      const found: number[] = [];
      for (const part of listed.includes(',') ? listed.split(',') : [listed]) {
        const u = recipientOf(part);
        if (u !== -1) found.push(u);
      }
      recipients = found;
    }
    rows.add({
      conversation: conversationOf(conversationId),
      from: nameOf(cell(cells, col.from)),
      sender: senderUrl,
      to: recipientsOf(cell(cells, col.to)),
      recipients,
      date: dateId(when.date),
      time: when.time,
      direction: direction === 'INCOMING' ? 'incoming' : direction === 'OUTGOING' ? 'outgoing' : null,
      file: fileId,
      line,
    });
  };
  return {
    isHeader: isMessagesHeader,
    expected: MESSAGES_EXPECTED,
    headerGaps: (cells) =>
      missingColumns(cells, COLUMNS, [
        { label: 'FROM', names: COLUMNS.from },
        { label: 'DATE', names: COLUMNS.date },
        { label: 'CONTENT', names: [...COLUMNS.conversationId, 'content'] },
      ]),
    header: (h) => {
      col = indexColumns(h.header, COLUMNS);
      format = col.conversationId < 0 ? '2018' : col.recipientUrls >= 0 ? '2024' : '2021';
    },
    row,
    bad: (line, message) => skipped.push({ file, line, reason: `unreadable row (${message})` }),
    finish: () => ({ file, format, records: rows.done(), skippedDrafts, skippedSponsored, skipped }),
  };
}

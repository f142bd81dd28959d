/** Typed records read from a LinkedIn export. Dates are ISO `YYYY-MM-DD`. */
import type { IsoDate } from '../dates/iso-date';

/** Where a record came from, for every message that points the user at their data. */
export interface SourceRef {
  file: string;
  line: number;
}

/** A row that was not used, and why. */
export interface RowIssue extends SourceRef {
  reason: string;
}

export interface ConnectionRecord {
  firstName: string;
  lastName: string;
  /** First and last name with whitespace collapsed; may be empty when only a URL is known. */
  name: string;
  /** Canonical profile URL, or null in exports before 2023 (no URL column). */
  profileUrl: string | null;
  email: string | null;
  company: string;
  position: string;
  connectedOn: IsoDate | null;
  source: SourceRef;
}

/** People held compactly, each made a record again when asked (compact-rows.ts). */
export interface CompactConnections {
  readonly length: number;
  record(i: number): ConnectionRecord;
  /** What placing row `i` in a part needs, without its whole record. */
  identity(i: number): Pick<ConnectionRecord, 'name' | 'profileUrl' | 'connectedOn'>;
}

export interface ConnectionsFile {
  file: string;
  hasUrlColumn: boolean;
  /** The people, in file order; empty when they are held in `compact` instead. */
  records: ConnectionRecord[];
  /** A large file's people, held compactly (see compact-rows.ts and the reader's `compactAbove`). */
  compact?: CompactConnections;
  /** Rows that cannot become a note (blank member rows, rows without name or URL, duplicates). */
  skipped: RowIssue[];
  /** Rows that are imported but had a value we could not use (a date we could not read, a bad URL). */
  warnings: RowIssue[];
  blankMemberRows: number;
  /**
   * The profile URLs read from rows skipped as unreadable (bytes that are not UTF-8, a stray
   * quote: the URL column is usually intact): they are in the export, so never "missing".
   */
  unreadableUrls?: string[];
}

export type InvitationDirection = 'incoming' | 'outgoing';

export interface InvitationRecord {
  from: string;
  to: string;
  sentOn: IsoDate;
  /** Ordering key (ms, wall time read as UTC). */
  sentAt: number;
  message: string;
  direction: InvitationDirection;
  inviterUrl: string | null;
  inviteeUrl: string | null;
  source: SourceRef;
}

export interface InvitationsFile {
  file: string;
  hasProfileUrls: boolean;
  records: InvitationRecord[];
  skipped: RowIssue[];
}

export type MessagesFormat = '2018' | '2021' | '2024';

/** One message whole (MessageRows.record). */
export interface MessageRecord {
  conversationId: string;
  from: string;
  senderUrl: string | null;
  /** Recipient names as one string: names can contain commas, so it is never split. */
  to: string;
  recipientUrls: string[];
  date: IsoDate;
  time: number;
  /** Only the 2018 format says; later formats are resolved against the owner's URL. */
  direction: InvitationDirection | null;
  source: SourceRef;
}

/**
 * Messages held by column (message-rows.ts), each read by its row number: 200,000 of them as
 * objects cost the import more than reading the file.
 */
export interface MessageColumns {
  readonly length: number;
  conversationId(i: number): string;
  from(i: number): string;
  senderUrl(i: number): string | null;
  to(i: number): string;
  recipientCount(i: number): number;
  recipientUrls(i: number): readonly string[];
  date(i: number): IsoDate;
  time(i: number): number;
  direction(i: number): InvitationDirection | null;
  source(i: number): SourceRef;
  /** Row `i` whole, made for the caller. */
  record(i: number): MessageRecord;
  /** Every row whole, in order (for a few rows: each is made anew). */
  toArray(): MessageRecord[];
  /** The row numbers, oldest message first (rows of the same time keep their order). */
  byTime(): number[];
  /** The rows `keep` keeps, in order. */
  filter(keep: (i: number) => boolean): MessageColumns;
}

export interface MessagesFile {
  file: string;
  format: MessagesFormat;
  /** The messages, in file order, held by column (message-rows.ts): a row is a MessageRecord when asked. */
  records: MessageColumns;
  skippedDrafts: number;
  skippedSponsored: number;
  skipped: RowIssue[];
}

/** Profile.csv: the export owner. */
export interface ProfileFile {
  file: string;
  /** First and last name, whitespace collapsed; '' when the file has none. */
  name: string;
  /** The row the name came from. */
  source: SourceRef | null;
  /** Why no name could be read (an unexpected header, an empty file). */
  warnings: RowIssue[];
}

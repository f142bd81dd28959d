/**
 * Small LinkedIn exports for tests, written in the real formats (see
 * ../shared/docs/linkedin-export-formats.md) from a few readable rows, so a test says who
 * is in the export rather than carrying CSV blobs.
 */
import { csvField } from '../../scripts/lib/synthetic-export';
import type { ExportInput } from '../../src/core/linkedin/read-export';
import { readExport } from '../../src/core/linkedin/read-export';

export const url = (slug: string) => `https://www.linkedin.com/in/${slug}`;

const row = (cells: readonly string[]) => cells.map(csvField).join(',');
const file = (name: string, text: string): ExportInput => ({
  name,
  bytes: new TextEncoder().encode(text),
  origin: 'picked',
});

export interface ConnectionRow {
  first: string;
  last: string;
  /** Only in exports from 2023–24 on; leave out for the pre-2023 shape. */
  url?: string;
  email?: string;
  company?: string;
  position?: string;
  /** `DD Mon YYYY`, as LinkedIn writes it. */
  on: string;
}

/** Connections.csv's text: without a URL column when no row has a URL (the shape before 2023). */
export function connectionsText(rows: readonly ConnectionRow[]): string {
  const withUrl = rows.some((r) => r.url !== undefined);
  const header = withUrl
    ? 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
    : 'First Name,Last Name,Email Address,Company,Position,Connected On';
  const lines = rows.map((r) => {
    const rest = [r.email ?? '', r.company ?? '', r.position ?? '', r.on];
    return row(withUrl ? [r.first, r.last, r.url ?? '', ...rest] : [r.first, r.last, ...rest]);
  });
  return [header, ...lines].join('\n');
}

export function connections(rows: readonly ConnectionRow[]): ExportInput {
  return file('Connections.csv', connectionsText(rows));
}

export interface MessageRow {
  conversation: string;
  from: string;
  fromUrl: string;
  to: string;
  /** `YYYY-MM-DD HH:MM:SS UTC`. */
  at: string;
}

/** messages.csv as written 2021–2023: sender URLs, recipients by name only. */
export function messages2021(rows: readonly MessageRow[]): ExportInput {
  const header = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER';
  const lines = rows.map((m) => row([m.conversation, '', m.from, m.fromUrl, m.to, m.at, '', 'text', 'INBOX']));
  return file('messages.csv', [header, ...lines].join('\n'));
}

/** messages.csv as written since 2024: recipients' profile URLs too, in one cell. */
export function messages2024(rows: ReadonlyArray<MessageRow & { toUrls: readonly string[] }>): ExportInput {
  const header =
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';
  const lines = rows.map((m) =>
    row([m.conversation, '', m.from, m.fromUrl, m.to, m.toUrls.join(','), m.at, '', 'text', 'INBOX']),
  );
  return file('messages.csv', [header, ...lines].join('\n'));
}

export interface InvitationRow {
  from: string;
  to: string;
  /** `M/D/YY, h:mm AM`. */
  at: string;
  direction: 'INCOMING' | 'OUTGOING';
  message?: string;
  inviterUrl?: string;
  inviteeUrl?: string;
}

/** Invitations.csv: with the URL columns when any row has a URL (2024+), else the 5-column shape. */
export function invitations(rows: readonly InvitationRow[]): ExportInput {
  const withUrls = rows.some((r) => r.inviterUrl !== undefined || r.inviteeUrl !== undefined);
  const header = withUrls
    ? 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl'
    : 'From,To,Sent At,Message,Direction';
  const lines = rows.map((r) => {
    const cells = [r.from, r.to, r.at, r.message ?? '', r.direction];
    return row(withUrls ? [...cells, r.inviterUrl ?? '', r.inviteeUrl ?? ''] : cells);
  });
  return file('Invitations.csv', [header, ...lines].join('\n'));
}

/** Profile.csv with the owner's name (2022–2024 header). */
export function profile(first: string, last: string): ExportInput {
  return file(
    'Profile.csv',
    `First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n${row([first, last, '', '', '', 'Headline', '', '', '', '', '', '', ''])}`,
  );
}

export function exportOf(...inputs: ExportInput[]) {
  return readExport(inputs);
}

/**
 * Which files of an export we read. LinkedIn's archive holds dozens of CSVs; three matter
 * for person notes, and Profile.csv says whose export it is. Their names drift in case (`Messages.csv` in 2018,
 * `messages.csv` since). `coach_messages.csv` and friends share the messages header but
 * are AI-coach chats, so matching is on the exact base name, case-insensitively.
 */
import { InputError } from '../csv/input-error';
import { formatCount } from '../text/format';
import { MAX_ENTRY_BYTES } from '../zip/zip-reader';

export type ExportFileKind = 'connections' | 'invitations' | 'messages' | 'profile';

const KNOWN: Record<string, ExportFileKind> = {
  'connections.csv': 'connections',
  'invitations.csv': 'invitations',
  'messages.csv': 'messages',
  'profile.csv': 'profile',
};

export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}

export function kindFromFileName(path: string): ExportFileKind | null {
  return KNOWN[baseName(path).toLowerCase()] ?? null;
}

export function isZipName(path: string): boolean {
  return /\.zip$/i.test(path);
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 0x03 || bytes[2] === 0x05) &&
    (bytes[3] === 0x04 || bytes[3] === 0x06)
  );
}

/** A whole Complete archive is a few hundred MB at most; past this it is not an export. */
export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;

/**
 * Refuses, before a byte is read, a file larger than any export file: a CSV over the
 * archive-entry limit, an archive over a gigabyte. Reading one whole would exhaust memory
 * (on a phone long before a desktop) for nothing.
 */
export function checkInputSize(name: string, size: number): void {
  const limit = isZipName(name) ? MAX_ARCHIVE_BYTES : MAX_ENTRY_BYTES;
  if (size <= limit) return;
  const mb = (n: number) => formatCount(Math.round(n / 1024 / 1024));
  throw new InputError(
    name,
    undefined,
    `is ${mb(size)} MB, more than any LinkedIn export file (${mb(limit)} MB); not read`,
  );
}

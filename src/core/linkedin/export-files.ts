/**
 * Which files of an export we read. LinkedIn's archive holds dozens of CSVs; three matter
 * for person notes, and Profile.csv says whose export it is. Their names drift in case (`Messages.csv` in 2018,
 * `messages.csv` since). `coach_messages.csv` and friends share the messages header but
 * are AI-coach chats, so matching is on the exact base name, case-insensitively.
 */
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

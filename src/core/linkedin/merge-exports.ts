/**
 * The inputs of one run are one export.
 *
 * People hand over the Basic archive and the Complete one together, or a Downloads folder
 * holding both unzipped, or an archive with one name in it twice. Read as separate files,
 * each person came twice and got two notes (7,317 notes for 3,661 people, and every later
 * import reported them all as ambiguous). Here the files of each kind are merged before
 * planning:
 * - connections by identity (profile URL, else the exact name): for each field the newest
 *   file's non-empty value wins, so an older file fills only what a newer one left empty;
 * - invitations by direction, other side and time: one row each;
 * - messages by conversation: the newest file holding a conversation has all of it.
 *
 * "Newest" is the export date LinkedIn puts in the archive name
 * (`Complete_LinkedInDataExport_11-20-2026`); on the same date the Complete archive, which
 * LinkedIn makes after the Basic one; otherwise the later of the inputs.
 */
import { nameKey } from '../identity/person-name';
import { formatCount } from '../text/format';
import { invitationCounterpart } from './invitations';
import type {
  ConnectionRecord,
  ConnectionsFile,
  InvitationRecord,
  InvitationsFile,
  MessageColumns,
  MessagesFile,
} from './records';

/** The parts of an export merging looks at (a LinkedInExport, without importing it: no cycle). */
interface ExportFiles {
  connections: ConnectionsFile[];
  invitations: InvitationsFile[];
  messages: MessagesFile[];
  merged?: MergedExports | null;
}

export interface MergedExports {
  /** The files merged, newest first. */
  files: string[];
  /** Rows that were the same person, invitation or conversation as in a newer file. */
  duplicateRows: number;
}

const EXPORT_DATE = /LinkedInDataExport_(\d{2})-(\d{2})-(\d{4})/i;

/** The ISO date in a path like `Basic_LinkedInDataExport_07-05-2023.zip/Connections.csv`, or ''. */
export function exportDateOf(file: string): string {
  const m = EXPORT_DATE.exec(file);
  return m ? `${m[3]}-${m[1]}-${m[2]}` : '';
}

/** Sorts files newest first (see the file comment); `index` is their order in the run. */
function newestFirst<T extends { file: string }>(files: readonly T[]): T[] {
  const rank = (f: T, index: number) => ({
    date: exportDateOf(f.file),
    complete: /complete_linkedindataexport/i.test(f.file) ? 1 : 0,
    index,
  });
  return files
    .map((f, i) => ({ f, r: rank(f, i) }))
    .sort((a, b) => b.r.date.localeCompare(a.r.date) || b.r.complete - a.r.complete || b.r.index - a.r.index)
    .map((x) => x.f);
}

const FILLABLE = ['firstName', 'lastName', 'name', 'company', 'position', 'email', 'connectedOn'] as const;

/** Fills what `newer` left empty from `older`, field by field. */
function fillFrom(newer: ConnectionRecord, older: ConnectionRecord): void {
  for (const key of FILLABLE) {
    const value = newer[key];
    if (value === null || value === '') (newer as unknown as Record<string, unknown>)[key] = older[key];
  }
  if (newer.profileUrl === null) newer.profileUrl = older.profileUrl;
}

function mergeConnections(files: ConnectionsFile[]): number {
  const byUrl = new Map<string, ConnectionRecord>();
  const byName = new Map<string, ConnectionRecord[]>();
  let duplicates = 0;
  const remember = (r: ConnectionRecord) => {
    if (r.profileUrl) byUrl.set(r.profileUrl, r);
    const key = nameKey(r.name);
    if (key !== '') byName.set(key, [...(byName.get(key) ?? []), r]);
  };
  // The one person of that name in the newer files; namesakes are told apart by the day they
  // connected (it never changes), then by company, and never guessed.
  const sameName = (r: ConnectionRecord, withoutUrl: boolean): ConnectionRecord | null => {
    let list = (byName.get(nameKey(r.name)) ?? []).filter((x) => !withoutUrl || x.profileUrl === null);
    if (list.length > 1 && r.connectedOn) list = list.filter((x) => x.connectedOn === r.connectedOn);
    if (list.length > 1) list = list.filter((x) => x.company === r.company);
    return list.length === 1 ? (list[0] as ConnectionRecord) : null;
  };
  for (const file of newestFirst(files)) {
    // Rows of one file are matched against newer files only: two namesakes in one file are two
    // people (the parser already folded the rows that are one).
    const kept: ConnectionRecord[] = [];
    file.records = file.records.filter((r) => {
      // The same profile, or (across the 2023 change that added URLs) the one person of that name.
      const match = r.profileUrl
        ? (byUrl.get(r.profileUrl) ?? (r.name === '' ? null : sameName(r, true)))
        : r.name === ''
          ? null
          : sameName(r, false);
      if (match === null) {
        kept.push(r);
        return true;
      }
      fillFrom(match, r);
      if (match.profileUrl) byUrl.set(match.profileUrl, match);
      duplicates++;
      return false;
    });
    kept.forEach(remember);
  }
  return duplicates;
}

function invitationKey(inv: InvitationRecord): string {
  const other = invitationCounterpart(inv);
  return `${inv.direction}|${other.profileUrl ?? `name:${nameKey(other.name)}`}|${inv.sentAt}`;
}

/** Rows that can be filtered, each seen as an `R`: a record, or a row number (messages, see message-rows.ts). */
interface Filterable<R, Self> {
  filter(keep: (row: R) => boolean): Self;
}

/**
 * Drops the rows of older files whose key a newer file has. Rows sharing a key within one
 * file all stay: two messages of one conversation are two messages.
 */
function dedupe<R, T extends Filterable<R, T>>(
  files: { file: string; records: T }[],
  keyOf: (records: T, row: R) => string,
): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const file of newestFirst(files)) {
    const mine = new Set<string>();
    const records = file.records;
    file.records = records.filter((r) => {
      const key = keyOf(records, r);
      if (seen.has(key)) {
        duplicates++;
        return false;
      }
      mine.add(key);
      return true;
    });
    for (const key of mine) seen.add(key);
  }
  return duplicates;
}

function messageKey(m: MessageColumns, i: number): string {
  const conversation = m.conversationId(i);
  return conversation !== '' ? conversation : `${m.senderUrl(i) ?? m.from(i)}|${m.to(i)}|${m.time(i)}`;
}

/** Merges the files of each kind in place (see the file comment) and says what it did. */
export function mergeExportFiles<T extends ExportFiles>(exp: T): T {
  const several = exp.connections.length > 1 || exp.invitations.length > 1 || exp.messages.length > 1;
  if (!several) return exp;
  const duplicateRows =
    mergeConnections(exp.connections) +
    dedupe(exp.invitations, (_, inv: InvitationRecord) => invitationKey(inv)) +
    dedupe(exp.messages, messageKey);
  const files = newestFirst([...exp.connections, ...exp.invitations, ...exp.messages]).map((f) => f.file);
  return { ...exp, merged: { files, duplicateRows } };
}

/** One line for a summary, a preview or a report; `show` escapes file names for where they go. */
export function describeMerge(m: MergedExports, show: (file: string) => string = (f) => f): string {
  const rows = m.duplicateRows === 1 ? 'row was' : 'rows were';
  return `Read as one export, newest first: ${m.files.map(show).join(', ')} (${formatCount(m.duplicateRows)} ${rows} also in a newer file)`;
}

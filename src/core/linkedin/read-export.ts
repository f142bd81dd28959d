/**
 * Everything the user handed us (an export zip, the files of an unzipped folder, or single
 * CSVs) → the parsed Connections, Invitations and messages files.
 *
 * Inside an archive or a folder, files are picked by name and the rest is ignored. A CSV
 * the user picked by hand is identified by its header instead, so a renamed
 * `Connections (1).csv` still works and a wrong file gets a message saying what we found.
 *
 * Each file goes bytes → text → rows → records as a stream (core/zip, core/text/decode,
 * core/csv/read-table), so neither an archive entry nor its text is ever held whole. All
 * the inputs of one run are one export: two archives, two unzipped folders or two entries
 * of one name are merged person by person (core/linkedin/merge-exports.ts), never imported
 * twice.
 */
import { InputError } from '../csv/input-error';
import { CsvReader, findHeader, notTheExpectedFile, type TableReader } from '../csv/read-table';
import { StreamingTextDecoder } from '../text/decode';
import { inflateEntry, listZipEntries, ZipError, type HostInflater, type ZipEntry } from '../zip/zip-reader';
import { withRecords } from './compact-rows';
import { connectionsReader, isConnectionsHeader, type ConnectionsOptions } from './connections';
import { baseName, isZipName, kindFromFileName, looksLikeZip, type ExportFileKind } from './export-files';
import { invitationsReader, isInvitationsHeader } from './invitations';
import { mergeExportFiles, type MergedExports } from './merge-exports';
import { isMessagesHeader, messagesReader } from './messages';
import { isProfileHeader, parseProfile } from './profile';
import type { ConnectionsFile, InvitationsFile, MessagesFile, ProfileFile } from './records';

export interface ExportInput {
  /** A display path: the file name, or `archive.zip/inner/path.csv`. */
  name: string;
  bytes: Uint8Array;
  /** `picked`: chosen by the user one by one. `listed`: found in a folder, so unknown names are ignored. */
  origin: 'picked' | 'listed';
  /** A zip's faster inflater, when the host has one (the CLI's zlib); else entries stream through fflate. */
  inflater?: HostInflater;
}

export interface LinkedInExport {
  /** The inputs as the user gave them, for the report. */
  sources: string[];
  connections: ConnectionsFile[];
  invitations: InvitationsFile[];
  messages: MessagesFile[];
  /** Profile.csv: whose export this is (helps, never required). */
  profiles: ProfileFile[];
  /** What merging several files of one kind did (null when there was one of each). */
  merged?: MergedExports | null;
}

const ANY_EXPECTED =
  'a LinkedIn Connections.csv, Invitations.csv or messages.csv, the export .zip, an address book (.vcf, Google or Outlook CSV) or a calendar (.ics)';
/** Bytes handed to the decoder at a time for a file held in memory. */
const CHUNK = 1 << 20;

/** One file to parse: where its bytes come from, however it was given. */
interface ExportFile {
  name: string;
  origin: ExportInput['origin'];
  /** The file's bytes, chunk by chunk; may be called twice (see {@link parseFile}). */
  open: () => Iterable<Uint8Array>;
}

function kindFromHeader(text: string): ExportFileKind | null {
  if (findHeader(text, isConnectionsHeader)) return 'connections';
  if (findHeader(text, isInvitationsHeader)) return 'invitations';
  if (findHeader(text, isMessagesHeader)) return 'messages';
  if (findHeader(text, isProfileHeader)) return 'profile';
  return null;
}

function* chunksOf(bytes: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < bytes.length; at += CHUNK) yield bytes.subarray(at, Math.min(bytes.length, at + CHUNK));
}

function zipError(archive: string, e: unknown): InputError {
  if (e instanceof ZipError)
    return new InputError(e.entry === undefined ? archive : `${archive}/${e.entry}`, undefined, e.message);
  return new InputError(
    archive,
    undefined,
    `cannot open the zip archive (${e instanceof Error ? e.message : String(e)})`,
  );
}

/** The archive's export files, each to be inflated when parsed. Two entries of one name both come back. */
function zipFiles(input: ExportInput): ExportFile[] {
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(input.bytes).filter((e) => kindFromFileName(e.name) !== null && !e.name.endsWith('/'));
  } catch (e) {
    throw zipError(input.name, e);
  }
  if (!entries.some((e) => kindFromFileName(e.name) !== 'profile')) {
    throw new InputError(
      input.name,
      undefined,
      'no Connections.csv, Invitations.csv or messages.csv inside; is this a LinkedIn data export?',
    );
  }
  const archive = baseName(input.name);
  const sameName = (e: ZipEntry) => entries.filter((x) => x.name === e.name);
  return [...entries]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.index - b.index))
    .map((e) => {
      const twins = sameName(e);
      // Two entries of one name: both are read, and every message says which one it means.
      const suffix = twins.length > 1 ? ` [entry ${twins.indexOf(e) + 1} of ${twins.length}]` : '';
      return {
        name: `${archive}/${e.name}${suffix}`,
        origin: 'listed' as const,
        open: () => guardedInflate(input, e),
      };
    });
}

function* guardedInflate(input: ExportInput, entry: ZipEntry): Generator<Uint8Array> {
  try {
    yield* inflateEntry(input.bytes, entry, undefined, input.inflater);
  } catch (e) {
    throw zipError(baseName(input.name), e);
  }
}

function readerFor(
  kind: Exclude<ExportFileKind, 'profile'>,
  name: string,
  options: ConnectionsOptions,
): TableReader<ConnectionsFile | InvitationsFile | MessagesFile> {
  if (kind === 'connections') return connectionsReader(name, options);
  if (kind === 'invitations') return invitationsReader(name);
  return messagesReader(name);
}

/**
 * Streams one file through the decoder and the CSV reader. A file with bad bytes and no
 * valid multi-byte UTF-8 at all is Windows-1252 after all: it is read a second time so.
 */
function parseFile<T>(file: ExportFile, makeReader: () => TableReader<T>): T {
  const once = (decoder: StreamingTextDecoder): T => {
    const reader = makeReader();
    const csv = new CsvReader(file.name, reader.isHeader, reader.expected, reader, {
      invalidBytes: () => decoder.facts.invalidSequences > 0,
    });
    for (const chunk of file.open()) csv.push(decoder.push(chunk));
    csv.push(decoder.end());
    csv.end({ cutShort: decoder.facts.cutShort });
    return reader.finish();
  };
  const decoder = new StreamingTextDecoder();
  const result = once(decoder);
  return decoder.wantsWindows1252 ? once(new StreamingTextDecoder('windows-1252')) : result;
}

/** A small file's whole text (Profile.csv: one row), by the same decoding rules. */
function wholeText(file: ExportFile): string {
  const once = (decoder: StreamingTextDecoder) => {
    let text = '';
    for (const chunk of file.open()) text += decoder.push(chunk);
    return text + decoder.end();
  };
  const decoder = new StreamingTextDecoder();
  const text = once(decoder);
  return decoder.wantsWindows1252 ? once(new StreamingTextDecoder('windows-1252')) : text;
}

/** The first lines of a file, decoded, to tell a picked CSV by its header. */
function head(file: ExportFile): string {
  const decoder = new StreamingTextDecoder();
  for (const chunk of file.open()) return decoder.push(chunk.subarray(0, 64 * 1024)) + decoder.end();
  return '';
}

/** `options.compactAbove`: a Connections.csv with more people is held compactly (see connections.ts). */
export function readExport(inputs: readonly ExportInput[], options: ConnectionsOptions = {}): LinkedInExport {
  const out: LinkedInExport = {
    sources: inputs.map((i) => i.name),
    connections: [],
    invitations: [],
    messages: [],
    profiles: [],
    merged: null,
  };
  const files: ExportFile[] = [];
  for (const input of inputs) {
    if (looksLikeZip(input.bytes)) files.push(...zipFiles(input));
    else if (isZipName(input.name))
      throw new InputError(input.name, undefined, 'is named .zip but is not a zip archive');
    else files.push({ name: input.name, origin: input.origin, open: () => chunksOf(input.bytes) });
  }
  for (const file of files) {
    let kind = kindFromFileName(file.name.replace(/ \[entry \d+ of \d+\]$/, ''));
    if (kind === null && file.origin === 'listed') continue;
    if (kind === null) {
      const text = head(file);
      kind = kindFromHeader(text);
      if (kind === null) throw notTheExpectedFile(file.name, text, ANY_EXPECTED);
    }
    if (kind === 'profile') {
      out.profiles.push(parseProfile(wholeText(file), file.name));
      continue;
    }
    const k = kind;
    const parsed = parseFile(file, () => readerFor(k, file.name, options));
    if (k === 'connections') out.connections.push(parsed as ConnectionsFile);
    else if (k === 'invitations') out.invitations.push(parsed as InvitationsFile);
    else out.messages.push(parsed as MessagesFile);
  }
  if (out.connections.length + out.invitations.length + out.messages.length === 0) {
    throw new InputError(
      out.sources.join(', ') || '(nothing)',
      undefined,
      `nothing to import: expected ${ANY_EXPECTED}`,
    );
  }
  // Files of one kind are merged row by row: a large one is made records again for that.
  if (out.connections.length > 1) out.connections = out.connections.map(withRecords);
  return mergeExportFiles(out);
}

/**
 * Everything the user handed us (an export zip, the files of an unzipped folder, or single
 * CSVs) → the parsed Connections, Invitations and messages files.
 *
 * Inside an archive or a folder, files are picked by name and the rest is ignored. A CSV
 * the user picked by hand is identified by its header instead, so a renamed
 * `Connections (1).csv` still works and a wrong file gets a message saying what we found.
 */
import { unzipSync } from 'fflate';
import { InputError } from '../csv/input-error';
import { findHeader, firstLinePreview } from '../csv/read-table';
import { decodeText } from '../text/decode';
import { isConnectionsHeader, parseConnections } from './connections';
import { baseName, isZipName, kindFromFileName, looksLikeZip, type ExportFileKind } from './export-files';
import { isInvitationsHeader, parseInvitations } from './invitations';
import { isMessagesHeader, parseMessages } from './messages';
import { isProfileHeader, parseProfile } from './profile';
import type { ConnectionsFile, InvitationsFile, MessagesFile, ProfileFile } from './records';

export interface ExportInput {
  /** A display path: the file name, or `archive.zip/inner/path.csv`. */
  name: string;
  bytes: Uint8Array;
  /** `picked`: chosen by the user one by one. `listed`: found in a folder, so unknown names are ignored. */
  origin: 'picked' | 'listed';
}

export interface LinkedInExport {
  /** The inputs as the user gave them, for the report. */
  sources: string[];
  connections: ConnectionsFile[];
  invitations: InvitationsFile[];
  messages: MessagesFile[];
  /** Profile.csv: whose export this is (helps, never required). */
  profiles: ProfileFile[];
}

const ANY_EXPECTED = 'a LinkedIn Connections.csv, Invitations.csv or messages.csv, or the export .zip';

function kindFromHeader(text: string): ExportFileKind | null {
  if (findHeader(text, isConnectionsHeader)) return 'connections';
  if (findHeader(text, isInvitationsHeader)) return 'invitations';
  if (findHeader(text, isMessagesHeader)) return 'messages';
  if (findHeader(text, isProfileHeader)) return 'profile';
  return null;
}

function unzipWanted(input: ExportInput): ExportInput[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(input.bytes, { filter: (f) => kindFromFileName(f.name) !== null });
  } catch (e) {
    throw new InputError(
      input.name,
      undefined,
      `cannot open the zip archive (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const found = Object.keys(entries)
    .sort()
    .map((inner) => ({
      name: `${baseName(input.name)}/${inner}`,
      bytes: entries[inner] as Uint8Array,
      origin: 'listed' as const,
    }));
  if (!found.some((f) => kindFromFileName(f.name) !== 'profile')) {
    throw new InputError(
      input.name,
      undefined,
      'no Connections.csv, Invitations.csv or messages.csv inside; is this a LinkedIn data export?',
    );
  }
  return found;
}

export function readExport(inputs: readonly ExportInput[]): LinkedInExport {
  const out: LinkedInExport = {
    sources: inputs.map((i) => i.name),
    connections: [],
    invitations: [],
    messages: [],
    profiles: [],
  };
  const files: ExportInput[] = [];
  for (const input of inputs) {
    if (looksLikeZip(input.bytes)) files.push(...unzipWanted(input));
    else if (isZipName(input.name))
      throw new InputError(input.name, undefined, 'is named .zip but is not a zip archive');
    else files.push(input);
  }
  for (const file of files) {
    let kind = kindFromFileName(file.name);
    if (kind === null && file.origin === 'listed') continue;
    const { text } = decodeText(file.bytes);
    if (kind === null) {
      kind = kindFromHeader(text);
      if (kind === null)
        throw new InputError(file.name, undefined, `found "${firstLinePreview(text)}", expected ${ANY_EXPECTED}`);
    }
    if (kind === 'connections') out.connections.push(parseConnections(text, file.name));
    else if (kind === 'invitations') out.invitations.push(parseInvitations(text, file.name));
    else if (kind === 'messages') out.messages.push(parseMessages(text, file.name));
    else out.profiles.push(parseProfile(text, file.name));
  }
  if (out.connections.length + out.invitations.length + out.messages.length === 0) {
    throw new InputError(
      out.sources.join(', ') || '(nothing)',
      undefined,
      `nothing to import: expected ${ANY_EXPECTED}`,
    );
  }
  return out;
}

import type { ConnectionsFile } from '../linkedin/records';
import { coerceDate, coerceText } from '../people/coerce';
import { FIELD } from '../notes/schema';
import { noteName, noteProfileUrl } from './note-matcher';
import type { ImportPlan } from './plan-types';
import type { ExistingNote } from './vault-snapshot';

/** What the export's Connections.csv says about who is in it, beyond its rows. */
export interface ConnectionsSeen {
  /** The newest `connected-on` in the file. */
  newest: string | null;
  /** Profile URLs of the rows skipped as unreadable (ConnectionsFile.unreadableUrls). */
  unreadableUrls: ReadonlySet<string>;
}

/** The profile URLs of every file's rows skipped as unreadable. */
export function unreadableUrlsOf(files: readonly ConnectionsFile[]): ReadonlySet<string> {
  return new Set(files.flatMap((f) => f.unreadableUrls ?? []));
}

/**
 * Connections with a note who are not in this export's Connections.csv: they removed you,
 * you removed them, or they hid their profile. Decided from Connections.csv alone (someone
 * you still exchange messages with can be gone), and only when the export has that file.
 * A note marked connected after the export's newest connection (accepted in the triage
 * after the export was made) is not missing: the export predates it. Nor is one whose row
 * was in the file but could not be read (its URL still could). `connections` is null when
 * the export has no Connections.csv.
 */
export function missingFromExport(
  connections: ConnectionsSeen | null,
  notes: readonly ExistingNote[],
  accounted: ReadonlySet<ExistingNote>,
): ImportPlan['missingFromExport'] {
  if (connections === null) return [];
  const { newest, unreadableUrls } = connections;
  const missing: ImportPlan['missingFromExport'] = [];
  for (const note of notes) {
    if (accounted.has(note) || !note.frontmatter || coerceText(note.frontmatter[FIELD.status]) !== 'connected')
      continue;
    const since = coerceDate(note.frontmatter[FIELD.connectedOn]).value;
    if (since !== null && newest !== null && since > newest) continue;
    if (unreadableUrls.size > 0) {
      const url = noteProfileUrl(note);
      if (url !== null && unreadableUrls.has(url)) continue;
    }
    missing.push({ path: note.path, name: noteName(note) });
  }
  return missing;
}

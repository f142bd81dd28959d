import { coerceDate, coerceText } from '../people/coerce';
import { FIELD } from '../notes/schema';
import { noteName } from './note-matcher';
import type { ImportPlan } from './plan-types';
import type { ExistingNote } from './vault-snapshot';

/**
 * Connections with a note who are not in this export's Connections.csv: they removed you,
 * you removed them, or they hid their profile. Decided from Connections.csv alone (someone
 * you still exchange messages with can be gone), and only when the export has that file.
 * A note marked connected after the export's newest connection (accepted in the triage
 * after the export was made) is not missing: the export predates it. `connections` is null
 * when the export has no Connections.csv, else its newest `connected-on`.
 */
export function missingFromExport(
  connections: { newest: string | null } | null,
  notes: readonly ExistingNote[],
  accounted: ReadonlySet<ExistingNote>,
): ImportPlan['missingFromExport'] {
  if (connections === null) return [];
  const { newest } = connections;
  const missing: ImportPlan['missingFromExport'] = [];
  for (const note of notes) {
    if (accounted.has(note) || !note.frontmatter || coerceText(note.frontmatter[FIELD.status]) !== 'connected')
      continue;
    const since = coerceDate(note.frontmatter[FIELD.connectedOn]).value;
    if (since !== null && newest !== null && since > newest) continue;
    missing.push({ path: note.path, name: noteName(note) });
  }
  return missing;
}

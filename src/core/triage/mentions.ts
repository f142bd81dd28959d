/**
 * "Mentioned in your notes": how many of your notes link a person. Notes Network CRM writes
 * itself (import reports, the prune list) list people too, but they are not you mentioning
 * them: they never count, for the backlog order, the `no-contact` filter or a card's
 * "What your vault knows".
 */
import { pruneListPath } from '../import/report-path';
import { reportFolderOf } from '../people/person-note';

/** Whether a note is one Network CRM writes (a report, the prune list), not one of yours. */
export function generatedNote(reportFolder: string): (path: string) => boolean {
  const folder = reportFolderOf(reportFolder);
  const pruneList = pruneListPath(folder);
  // Reports written at the vault root cannot be told from your notes by their folder.
  return (path) => (folder !== '' && path.startsWith(`${folder}/`)) || path === pruneList;
}

/**
 * Links per person, from `source → targets` pairs (Obsidian's resolved links, or the CLI's
 * reading of the notes): how many of your other notes link each target.
 */
export function countMentions(
  links: Iterable<readonly [string, Iterable<string>]>,
  reportFolder: string,
): Map<string, number> {
  const generated = generatedNote(reportFolder);
  const counts = new Map<string, number>();
  for (const [source, targets] of links) {
    if (generated(source)) continue;
    for (const target of targets) if (target !== source) counts.set(target, (counts.get(target) ?? 0) + 1);
  }
  return counts;
}

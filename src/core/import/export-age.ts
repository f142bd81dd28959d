/**
 * Whether a LinkedIn export is older than what the vault already holds, so that importing
 * it rolls nothing back (README, Triage: "re-running an import, or importing an older
 * export, changes nothing"). Re-importing the export of 12-16 over a vault that imported
 * the one of 12-23 put the old companies back and wrote job changes backwards.
 *
 * - What the vault holds: the newest `connected-on` of the exports it imported (the vault
 *   state's `lastImport.newestConnectedOn`, handed to the plan as
 *   `ImportSettings.vaultNewestConnectedOn`); when the state does not say, the newest
 *   `connected-on` of its connected notes whose person is not among the export's
 *   connections (a note accepted in the triage has the day of acceptance until an export
 *   gives LinkedIn's own: an export that has that person is not older for it).
 * - How old the export is: its newest Connected On, and the date LinkedIn puts in the
 *   archive name (`Complete_LinkedInDataExport_12-16-2024`) when every file of the run has
 *   one (merge-exports.ts).
 * - The archive date of the newest dated export the vault imported (the vault state's
 *   `lastImport.exportDate`, handed to the plan as `ImportSettings.vaultExportDate`): two
 *   exports between which no one connected have the same newest connection, and only their
 *   archive dates order them (the export of 12-16 re-imported over the one of 12-23 put
 *   the old job titles back).
 *
 * An export is older when it and the vault's export are both dated, it was made before the
 * vault's and it has no connection newer than the vault's newest. Otherwise it is older when
 * its newest connection is before the vault's newest and, when its archive date is known, it
 * was made before that day too: an export made on or
 * after that day without that connection is newer (the person left), not older. Without
 * Connections.csv the archive date alone decides. The same day is not older (a re-run, the
 * Complete archive after the Basic one). Without an archive date (files picked one by one),
 * it must also lack several of the vault's connections made after its newest one
 * (UNDATED_EVIDENCE), whatever the vault's export date.
 *
 * An older export's values only fill what a note leaves empty (the rule merge-exports.ts
 * applies to an older file of one run), so no value goes back and no job change is
 * recorded; the vault state keeps its pending sent invitations (record-import.ts).
 */
import type { IsoDate } from '../dates/iso-date';
import { exportDateOf } from '../linkedin/merge-exports';
import type { RowIssue, SourceRef } from '../linkedin/records';
import { isEmptyValue } from '../people/coerce';
import type { FieldRule } from './source';

export interface ExportAge {
  /** The newest Connected On of the export (null without Connections.csv). */
  newest: IsoDate | null;
  /** The export date in its archive name, when every file has one. */
  date: IsoDate | null;
}

/** The date of the export these files come from: the newest archive date, or null when a file has none. */
export function exportDateOfFiles(files: readonly string[]): IsoDate | null {
  let newest: IsoDate | null = null;
  for (const file of files) {
    const date = exportDateOf(file);
    if (date === '') return null;
    if (newest === null || date > newest) newest = date;
  }
  return newest;
}

/**
 * The days of the notes the export does not have (see the file comment), newest first.
 * `inExport` answers for all of them at once (a file planned in parts is read once for it).
 */
export function daysNotIn<T>(
  notes: ReadonlyArray<{ who: T; on: IsoDate }>,
  inExport: (who: readonly T[]) => readonly boolean[],
): IsoDate[] {
  if (notes.length === 0) return [];
  const found = inExport(notes.map((n) => n.who));
  return notes
    .filter((_, i) => found[i] !== true)
    .map((n) => n.on)
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
}

/**
 * How many of the vault's connections an undated export must lack, all made after its newest
 * one, to be taken for older: one or two are as likely people who left (or were removed) since.
 */
export const UNDATED_EVIDENCE = 3;

/**
 * See the file comment. `missingAfter`: how many connected notes, dated after the export's
 * newest connection, the export does not have. Only an undated export (files picked one by
 * one) needs it: its newest connection alone cannot tell an old export from a newer one whose
 * newest connections left, and taking a newer export for an older one would silently drop its
 * job changes. `vaultDate`: the archive date of the newest dated export the vault imported
 * (null when none was dated, or the state was written before it was kept).
 */
export function isOlderThanVault(
  age: ExportAge,
  vaultNewest: IsoDate | null,
  missingAfter = 0,
  vaultDate: IsoDate | null = null,
): boolean {
  // Two dated exports: made before the vault's, it is older, even with the same newest
  // connection. Only a tie-break: an export with a connection newer than any the vault holds
  // is newer whatever its name says (a renamed zip, another account's export), and taking it
  // for older would drop its job changes.
  const noNewerConnection = age.newest === null || vaultNewest === null || age.newest <= vaultNewest;
  if (age.date !== null && vaultDate !== null && age.date < vaultDate && noNewerConnection) return true;
  if (vaultNewest === null) return false;
  if (age.date !== null) return age.date < vaultNewest && (age.newest === null || age.newest < vaultNewest);
  if (age.newest === null) return false;
  return age.newest < vaultNewest && missingAfter >= UNDATED_EVIDENCE;
}

/** Rules for `fields` that write a value only where the note has none. */
export function fillOnlyRules(fields: readonly string[]): Record<string, FieldRule> {
  const rules: Record<string, FieldRule> = {};
  for (const field of fields) rules[field] = (current, value) => (isEmptyValue(current[field]) ? value : undefined);
  return rules;
}

/**
 * The warning the plan carries for an older export, at its newest connection's row when there
 * is one. It names the vault's export date when known: two exports with the same newest
 * connection differ only by it.
 */
export function olderExportWarning(
  age: ExportAge,
  vaultNewest: IsoDate | null,
  at: SourceRef,
  vaultDate: IsoDate | null = null,
): RowIssue {
  const told = [
    age.newest !== null ? `newest connection ${age.newest}` : null,
    age.date !== null ? `made ${age.date}` : null,
  ].filter((s) => s !== null);
  const held = [
    vaultNewest !== null ? `connections up to ${vaultNewest}` : null,
    vaultDate !== null ? `the export made ${vaultDate}` : null,
  ].filter((s) => s !== null);
  return {
    ...at,
    reason: `this export (${told.join(', ')}) is older than what the vault holds (${held.join(', ')}): it only fills what a note leaves empty and records no job change`,
  };
}

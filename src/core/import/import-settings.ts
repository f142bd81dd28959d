/** The import's settings from the plugin's settings: one mapping for the plugin and the CLI. */
import type { IsoDate } from '../dates/iso-date';
import { personNoteRule } from '../people/person-note';
import type { NetworkCrmSettings } from '../settings';
import type { VaultState } from '../vault-state';
import type { ImportSettings } from './plan-types';

/**
 * null when the people folder is not a folder inside the vault (empty, or leaving it).
 * `state`: the vault state, whose previous imports tell an older export (export-age.ts).
 */
export function importSettingsFrom(
  settings: NetworkCrmSettings,
  today: IsoDate,
  state?: Pick<VaultState, 'lastImport'> | null,
): ImportSettings | null {
  const rule = personNoteRule(settings);
  if (rule.peopleFolder === '') return null;
  return {
    folder: rule.peopleFolder,
    fileNameFormat: settings.fileNameFormat,
    tag: rule.tag,
    today,
    createNotesForPendingInvitees: settings.createNotesForPendingInvitees,
    logMessageDays: settings.logMessageDays,
    vaultNewestConnectedOn: state?.lastImport?.newestConnectedOn ?? null,
    vaultExportDate: state?.lastImport?.exportDate ?? null,
  };
}

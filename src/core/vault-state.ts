/**
 * What Network CRM remembers about a vault between runs, beside the settings: the previous
 * import (so "new connection" means new since then), whose export it is, and whether
 * People.base was written. It lives where the plugin keeps its data
 * (`<config folder>/plugins/network-crm/data.json`, key `state`), so the plugin and the CLI
 * read and write the same record, and it travels with the vault when the vault is synced.
 *
 * Like the settings, a hand-edited or older record must never break anything: every field
 * is sanitised on load and anything unusable falls back to "nothing known".
 */
import { isIsoDate, type IsoDate } from './dates/iso-date';
import { EMPTY_TRIAGE_STATE, sanitizeTriageState, type TriageState } from './triage/triage-state';

export interface LastImport {
  /** The day the import ran (the caller's `today`). */
  date: IsoDate;
  /** The newest `connected-on` in that export, when it had Connections.csv. */
  newestConnectedOn: IsoDate | null;
  /**
   * The archive date (`Complete_LinkedInDataExport_12-23-2024`) of the newest dated export
   * the vault imported: it orders two exports with the same newest connection
   * (import/export-age.ts). Absent when none was dated, and in a state written before it
   * was kept; a version that does not know it drops it on load and saves without it.
   */
  exportDate?: IsoDate;
}

export interface ExportOwner {
  name: string;
  profileUrl: string | null;
}

export interface VaultState {
  /** The previous import of this vault, or null before the first one. */
  lastImport: LastImport | null;
  /** The person whose LinkedIn export was imported last (for signing replies, message direction). */
  owner: ExportOwner | null;
  /**
   * Whether People.base was written once. When true and the file is gone, the user deleted
   * it, and it is not brought back; when false, the next import writes it.
   */
  baseFileCreated: boolean;
  /** Whether the plugin opened its first-run welcome in this vault (it does so once). */
  welcomeShown: boolean;
  /** The new-connection window and your pending sent invitations with your decisions (see triage-state.ts). */
  triage: TriageState;
}

export const EMPTY_VAULT_STATE: VaultState = {
  lastImport: null,
  owner: null,
  baseFileCreated: false,
  welcomeShown: false,
  triage: EMPTY_TRIAGE_STATE,
};

function asRecord(v: unknown): Record<string, unknown> | null {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function isoOrNull(v: unknown): IsoDate | null {
  return typeof v === 'string' && isIsoDate(v) ? v : null;
}

/** The state from a loaded data.json's `state` value (anything else gives the empty state). */
export function sanitizeVaultState(loaded: unknown): VaultState {
  const raw = asRecord(loaded);
  if (!raw) return { ...EMPTY_VAULT_STATE, triage: { ...EMPTY_TRIAGE_STATE } };
  const last = asRecord(raw.lastImport);
  const lastDate = isoOrNull(last?.date);
  const exportDate = isoOrNull(last?.exportDate);
  const owner = asRecord(raw.owner);
  const ownerName = typeof owner?.name === 'string' ? owner.name.trim() : '';
  return {
    lastImport:
      lastDate === null
        ? null
        : {
            date: lastDate,
            newestConnectedOn: isoOrNull(last?.newestConnectedOn),
            // Only when known, so that a state without it reads and writes as before.
            ...(exportDate === null ? {} : { exportDate }),
          },
    owner:
      ownerName === ''
        ? null
        : { name: ownerName, profileUrl: typeof owner?.profileUrl === 'string' ? owner.profileUrl : null },
    baseFileCreated: raw.baseFileCreated === true,
    welcomeShown: raw.welcomeShown === true,
    triage: sanitizeTriageState(raw.triage),
  };
}

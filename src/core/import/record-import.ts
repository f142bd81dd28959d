/**
 * What the vault remembers after an import that completed, for both adapters: the plugin
 * saves it with its settings, the CLI merges it into the same data.json. Lanes that need
 * more from an import (new-connection window, pending invitations, the export owner)
 * extend this function and `sanitizeVaultState` together.
 */
import type { IsoDate } from '../dates/iso-date';
import { recordExportSeen } from '../triage/triage-state';
import type { VaultState } from '../vault-state';
import type { ImportPlan } from './plan-types';

export function recordImport(state: VaultState, plan: ImportPlan, today: IsoDate): VaultState {
  const before = state.lastImport?.newestConnectedOn ?? null;
  const now = plan.stats.newestConnectedOn;
  // An export without Connections.csv (messages only) says nothing about connections: keep what was known.
  const newestConnectedOn = now === null ? before : before === null || now > before ? now : before;
  // The newest archive date ever imported: an undated export (files picked one by one) or an
  // older one keeps what was known, so that the export of 12-16 stays older than the one of
  // 12-23 even when no one connected between them (export-age.ts).
  const dateBefore = state.lastImport?.exportDate ?? null;
  const dateNow = plan.stats.exportDate ?? null;
  const exportDate = dateNow === null ? dateBefore : dateBefore === null || dateNow > dateBefore ? dateNow : dateBefore;
  // Whose export it is, when this one says (Profile.csv, invitations); otherwise what was known.
  const owner = plan.owner ?? state.owner;
  // The new-connection window and the pending sent invitations (triage-state.ts).
  const triage = recordExportSeen(
    state.triage,
    { newestConnectedOn: plan.stats.newestConnectedOn, ...plan.seen },
    plan.pendingInvitations,
  );
  const lastImport = { date: today, newestConnectedOn, ...(exportDate === null ? {} : { exportDate }) };
  return { ...state, lastImport, owner, triage };
}

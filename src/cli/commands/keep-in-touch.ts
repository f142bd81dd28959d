/**
 * The keep-in-touch state of a vault for the CLI's commands (`review`, `overview`, `bulk`):
 * the person records and their due, drifting and follow-up state, computed by the core as
 * the plugin computes it.
 */
import { keepInTouchAll, type KeepInTouch } from '../../core/stale/keep-in-touch';
import type { StaleOptions } from '../../core/stale/stale-list';
import type { NetworkCrmSettings } from '../../core/settings';
import type { VaultPeople } from '../vault-people';

export function staleOptions(settings: NetworkCrmSettings, today: string): StaleOptions {
  return {
    today,
    trustLevels: settings.trustLevels,
    includeUntriaged: settings.includeUntriagedInStale,
    useDailyNotes: settings.useDailyNotes,
    tagCadences: settings.tagCadences,
  };
}

export function keepInTouchOf(people: VaultPeople, today: string): KeepInTouch[] {
  return keepInTouchAll(people.records, staleOptions(people.settings, today));
}

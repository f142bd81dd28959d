/**
 * The keep-in-touch state of a vault for the CLI's commands (`stale`, `review`, `overview`, `bulk`):
 * the person records and their due, drifting and follow-up state, computed by the core as
 * the plugin computes it.
 */
import { keepInTouchAll, sectionOf, type KeepInTouch, type Section } from '../../core/stale/keep-in-touch';
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

/** One section of the vault's people, in its order, the state made only for those in it (see sectionOf). */
export function sectionOfVault(people: VaultPeople, today: string, section: Section): KeepInTouch[] {
  return sectionOf(people.records, staleOptions(people.settings, today), section);
}

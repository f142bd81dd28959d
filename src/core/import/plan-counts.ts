/** The counts the import preview and the report both show, labelled once. */
import type { CountRow, ImportPlan } from './plan-types';

export type { CountRow } from './plan-types';

/**
 * Everything after the created/updated/unchanged counts, which preview and report word
 * differently: the problems any import can have, then each source's own counts.
 */
export function problemAndInvitationCounts(plan: ImportPlan): CountRow[] {
  return [
    ['Skipped rows', plan.skipped.length],
    ['Ambiguous names', plan.ambiguous.length],
    ['Notes with unreadable frontmatter', plan.unreadable.length],
    ['Missing from this export', plan.missingFromExport.length],
    ...plan.bySource.flatMap((s) => s.counts),
  ];
}

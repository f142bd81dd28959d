/** The counts the import preview and the report both show, labelled once. */
import type { ImportPlan } from './plan-types';

export type CountRow = readonly [label: string, count: number];

/** Everything after the created/updated/unchanged counts, which preview and report word differently. */
export function problemAndInvitationCounts(plan: ImportPlan): CountRow[] {
  return [
    ['Skipped rows', plan.skipped.length],
    ['Ambiguous names', plan.ambiguous.length],
    ['Notes with unreadable frontmatter', plan.unreadable.length],
    ['Missing from this export', plan.missingFromExport.length],
    ['Invitations received, waiting for you', plan.stats.pendingIncoming],
    ['Invitations you sent, not accepted', plan.pendingInvitations.length],
    ['People with LinkedIn messages', plan.messages.matched],
  ];
}

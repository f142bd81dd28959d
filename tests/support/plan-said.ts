/**
 * What an import plan says, in an order that does not depend on how it was made: for tests
 * that pin two ways of planning one import to the same plan (in parts or at once; with rows
 * that change nothing settled early or planned the long way).
 */
import type { ImportPlan } from '../../src/core/import/plan-types';

export function planSays(plan: ImportPlan) {
  const byPath = <T extends { path: string }>(xs: T[]) => [...xs].sort((a, b) => a.path.localeCompare(b.path));
  return {
    created: plan.creates.map((c) => c.path).sort(),
    updates: byPath(plan.updates.map((u) => ({ ...u }))),
    unchanged: [...plan.unchanged].sort(),
    ambiguous: [...plan.ambiguous].sort((a, b) => a.source.line - b.source.line || a.name.localeCompare(b.name)),
    unreadable: plan.unreadable,
    missing: plan.missingFromExport,
    pending: plan.pendingInvitations,
    withoutNote: plan.withoutNote,
    stats: plan.stats,
    seen: plan.seen,
    owner: plan.owner,
    messages: plan.messages,
    skipped: plan.skipped,
    warnings: plan.warnings,
    bySource: plan.bySource,
    sources: plan.sources,
  };
}

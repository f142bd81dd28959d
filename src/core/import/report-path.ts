/**
 * Where Network CRM writes its own notes (import reports, the prune list), and when an
 * import is worth a report. Decided once for the plugin and the CLI.
 */
import { joinPath } from '../notes/file-name';
import type { ApplyResult } from './apply';
import type { ImportPlan } from './plan-types';

interface Titled {
  bySource: ReadonlyArray<{ label: string }>;
}

/**
 * "LinkedIn import", "LinkedIn and vCard import", "LinkedIn, vCard and Calendar import":
 * named after the plan's sources, so another source's report says its own name.
 */
export function importTitle(plan: Titled): string {
  const labels = plan.bySource.map((s) => s.label);
  if (labels.length === 0) return 'Import';
  const last = labels.pop() as string;
  return `${labels.length > 0 ? `${labels.join(', ')} and ` : ''}${last} import`;
}

/**
 * `<folder>/LinkedIn import 2026-11-26.md`, then `… 2.md`, `… 3.md` for later imports the
 * same day. `folder` is already resolved (see `reportFolderOf`).
 */
export function reportPath(
  folder: string,
  plan: Titled & Pick<ImportPlan, 'today'>,
  exists: (path: string) => boolean,
): string {
  const stem = `${importTitle(plan)} ${plan.today}`;
  let path = joinPath(folder, stem);
  for (let n = 2; exists(path); n++) path = joinPath(folder, `${stem} ${n}`);
  return path;
}

/**
 * A re-import that found every note as it should be: nothing created, updated or failed.
 * It is said in one line ("Already up to date") and gets no report of its own, so running
 * the import twice does not leave a second, empty report.
 */
export function isUpToDate(plan: ImportPlan, result: ApplyResult | null): boolean {
  return (
    plan.creates.length === 0 &&
    plan.updates.length === 0 &&
    plan.unchanged.length > 0 &&
    (result === null || (!result.cancelled && result.failed.length === 0))
  );
}

/** The prune list lives beside the reports folder: `Network CRM/Prune list.md` by default. */
export function pruneListPath(reportFolder: string): string {
  const parent = reportFolder.includes('/') ? reportFolder.slice(0, reportFolder.lastIndexOf('/')) : reportFolder;
  return joinPath(parent, 'Prune list');
}

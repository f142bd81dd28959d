/**
 * An import planned both ways: with rows that change nothing settled early (the default) and
 * with every row planned the long way (`settle: false`). The tests of settled-rows.ts check
 * the two say and write the same; any difference is a bug of the shortcut.
 */
import { expect } from 'vitest';
import { applyPlan } from '../../src/core/import/apply';
import { NoteMatcher } from '../../src/core/import/note-matcher';
import { emptyPlan, planImport } from '../../src/core/import/plan';
import type { ImportPlan, ImportSettings } from '../../src/core/import/plan-types';
import { linkedInSource } from '../../src/core/import/sources/linkedin';
import type { ExportInput } from '../../src/core/linkedin/read-export';
import { exportOf } from './export-builder';
import { MemoryVault } from './memory-vault';
import { planSays } from './plan-said';

/** The rows of the import that settle against this vault (the source collected on its own). */
export function settledRows(vaultFiles: Record<string, string>, inputs: ExportInput[], settings: ImportSettings) {
  const source = linkedInSource(exportOf(...inputs));
  const notes = new NoteMatcher(new MemoryVault(vaultFiles).snapshot().notes);
  const plan = emptyPlan([source], settings);
  return source.collect({ notes, settings, today: settings.today, plan, alone: true }).settled();
}

/**
 * Plans the import of `inputs` into `vaultFiles` both ways, expects the same plan and the same
 * vault written, and returns the plan (settled way) and the rows that settled.
 */
export async function plannedBothWays(
  vaultFiles: Record<string, string>,
  inputs: ExportInput[],
  settings: ImportSettings,
): Promise<{ plan: ImportPlan; settled: ReturnType<typeof settledRows> }> {
  const early = new MemoryVault(vaultFiles);
  const long = new MemoryVault(vaultFiles);
  const settledPlan = await planImport([linkedInSource(exportOf(...inputs))], early.snapshot(), settings);
  const longPlan = await planImport(
    [linkedInSource(exportOf(...inputs), { settle: false })],
    long.snapshot(),
    settings,
  );
  expect(planSays(settledPlan)).toEqual(planSays(longPlan));
  await applyPlan(settledPlan, early.writer());
  await applyPlan(longPlan, long.writer());
  expect(Object.fromEntries(early.files)).toEqual(Object.fromEntries(long.files));
  return { plan: settledPlan, settled: settledRows(vaultFiles, inputs, settings) };
}

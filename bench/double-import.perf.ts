// @vitest-environment happy-dom
/**
 * Part of `npm run bench` (not of npm test): a 30,000-connection import through the
 * plugin layer and the Obsidian API double, timed by phase. Writes .bench/double-import.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { applyPlan } from '../src/core/import/apply';
import { planImport } from '../src/core/import/plan';
import { readExport } from '../src/core/linkedin/read-export';
import NetworkCrmPlugin from '../src/plugin/network-crm-plugin';
import { obsidianNoteWriter } from '../src/plugin/vault/obsidian-note-writer';
import { buildVaultSnapshot } from '../src/plugin/vault/vault-snapshot';
import { generateExport, zipExport } from '../scripts/lib/synthetic-export';
import { createApp, loadPlugin, settle } from '../tests/obsidian-double/harness';

it('30,000-row import through the double', async () => {
  const exp = generateExport({ connections: 30_000, seed: 30_000 });
  const zip = zipExport(exp);
  const app = await createApp();
  const plugin = (await loadPlugin(NetworkCrmPlugin as never, app)) as unknown as NetworkCrmPlugin;
  const t0 = performance.now();
  const data = readExport([{ name: 'export.zip', bytes: zip, origin: 'picked' }]);
  const t1 = performance.now();
  const snapshot = await buildVaultSnapshot(app as never, plugin.settings);
  const plan = await planImport(data, snapshot, {
    folder: 'People',
    fileNameFormat: '{first} {last}',
    tag: 'person',
    today: '2026-11-26',
  });
  const t2 = performance.now();
  const result = await applyPlan(plan, obsidianNoteWriter(app as never), {
    onProgress: (done) => (done % 25 === 0 ? new Promise((r) => setTimeout(r, 0)) : undefined),
  });
  const t3 = performance.now();
  await settle(app, 200);
  const t4 = performance.now();
  const reSnapshot = await buildVaultSnapshot(app as never, plugin.settings);
  const rePlan = await planImport(data, reSnapshot, {
    folder: 'People',
    fileNameFormat: '{first} {last}',
    tag: 'person',
    today: '2026-11-26',
  });
  const t5 = performance.now();
  const out = {
    connections: 30_000,
    created: result.created.length,
    parseMs: Math.round(t1 - t0),
    planMs: Math.round(t2 - t1),
    writeMs: Math.round(t3 - t2),
    indexSettledMs: Math.round(t4 - t3),
    indexedPeople: plugin.index.size(),
    reimportPlanMs: Math.round(t5 - t4),
    reimportWouldWrite: rePlan.creates.length + rePlan.updates.length,
  };
  fs.mkdirSync(path.join(import.meta.dirname, '..', '.bench'), { recursive: true });
  fs.writeFileSync(
    path.join(import.meta.dirname, '..', '.bench', 'double-import.json'),
    `${JSON.stringify(out, null, 2)}\n`,
  );
}, 600_000);

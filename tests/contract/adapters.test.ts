// @vitest-environment happy-dom
/**
 * The contract between the two adapters (issue 14): the same vault and export go through
 * the plugin (in the Obsidian API double) and through the CLI (on a folder), and the import
 * plan, the notes written (reports and People.base included), the vault state, and the
 * stale view's lists (due, drifting, follow-ups) and the triage list must be identical. Each fixture in fixtures.ts is a way they once
 * disagreed (the template case: the CLI planned to write into a template the plugin
 * ignored) or a way they could: hostile names, broken YAML, notes outside the people
 * folder, changed settings, a network shaped like a real one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../src/cli/args';
import { IMPORT, prepareImport } from '../../src/cli/commands/import';
import { staleRow } from '../../src/cli/commands/stale';
import { importSettings, openVault } from '../../src/cli/options';
import { localIsoDate } from '../../src/core/dates/iso-date';
import type { ImportPlan } from '../../src/core/import/plan-types';
import { triageOptions, triageQueue } from '../../src/core/triage/queue';
import { StaleModel } from '../../src/plugin/views/stale-model';
import { settle, startPlugin } from '../plugin/helpers';
import { cli } from '../support/cli';
import { readTree, tempDir, writeTree } from '../support/temp-dir';
import { FIXTURES_FOR_CONTRACT, type VaultFixture } from './fixtures';

const TODAY = localIsoDate(new Date());

interface Lists {
  /** The stale view's sections: due and overdue, drifting, with follow-ups. */
  stale: unknown[];
  drifting: unknown[];
  followUps: unknown[];
  triage: unknown[];
}

interface Outcome extends Lists {
  plan: unknown;
  tree: Record<string, string>;
  state: unknown;
}

/**
 * The plan as data, each new note with the text it would be written with (composed on demand;
 * what it is composed from is the plan's own business, not part of the contract).
 */
function planData(plan: ImportPlan): unknown {
  const creates = plan.creates.map(({ path, name, profileUrl, source }, i) => ({
    path,
    name,
    profileUrl,
    source,
    text: plan.creates[i]?.text(),
  }));
  return JSON.parse(JSON.stringify({ ...plan, creates })) as unknown;
}

async function throughPlugin(fixture: VaultFixture): Promise<Outcome> {
  const { app, plugin } = await startPlugin(fixture.files, fixture.data);
  const files = fixture.inputs.map((i) => new File([i.bytes as BlobPart], i.name));
  const plan = await plugin.importer.prepare(files);
  await plugin.importer.run(plan);
  await settle(app);
  await plugin.index.whenReady();
  const tree: Record<string, string> = {};
  for (const f of app.vault.getFiles()) tree[f.path] = app.vault.readSync(f.path) ?? '';
  const s = plugin.settings;
  const model = new StaleModel(plugin.ctx);
  const [stale, drifting, followUps] = (['stale', 'drifting', 'follow-ups'] as const).map((s) =>
    model.section(s).map((k) => staleRow(k, TODAY)),
  ) as [unknown[], unknown[], unknown[]];
  const triage = triageQueue(plugin.index.people(), triageOptions(s, TODAY, plugin.state.triage)).cards.map((i) => ({
    kind: i.kind,
    path: i.person?.path || null,
    reason: i.reason,
  }));
  return { plan: planData(plan), tree, state: plugin.state, stale, drifting, followUps, triage };
}

async function throughCli(fixture: VaultFixture): Promise<Outcome> {
  const vault = tempDir();
  writeTree(vault, fixture.files);
  if (fixture.data) writeTree(vault, { '.obsidian/plugins/network-crm/data.json': JSON.stringify(fixture.data) });
  const exportDir = tempDir();
  const paths = fixture.inputs.map((i) => {
    const file = path.join(exportDir, i.name);
    fs.writeFileSync(file, i.bytes);
    return file;
  });
  // The plan the CLI makes (its settings, its snapshot of the files), then the real command.
  const session = openVault(parseArgs('import', ['--vault', vault, '--today', TODAY], IMPORT.flags));
  const inputs = paths.map((p) => ({ name: path.basename(p), bytes: fs.readFileSync(p), origin: 'picked' as const }));
  const plan = await prepareImport(session, importSettings(session), inputs);
  const run = await cli('import', ...paths, '--vault', vault, '--today', TODAY, '--report', '--json');
  expect(run.err).toBe('');
  const section = async (name: string) =>
    (await cli('stale', '--vault', vault, '--today', TODAY, '--section', name, '--json')).json<
      Record<string, unknown[]>
    >();
  const { stale } = (await section('stale')) as { stale: unknown[] };
  const { drifting } = (await section('drifting')) as { drifting: unknown[] };
  const { followUps } = (await section('follow-ups')) as { followUps: unknown[] };
  const triage = (await cli('triage', '--vault', vault, '--today', TODAY, '--json'))
    .json<{ queue: Array<{ kind: string; person: { path: string | null } | null; reason: string }> }>()
    .queue.map((i) => ({ kind: i.kind, path: i.person?.path ?? null, reason: i.reason }));
  const data = JSON.parse(fs.readFileSync(path.join(vault, '.obsidian/plugins/network-crm/data.json'), 'utf8')) as {
    state: unknown;
  };
  const tree = readTree(vault);
  return { plan: planData(plan), tree, state: data.state, stale, drifting, followUps, triage };
}

describe('contract: the plugin and the CLI agree on every fixture', () => {
  it.each(FIXTURES_FOR_CONTRACT.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const plugin = await throughPlugin(fixture);
    const cliSide = await throughCli(fixture);
    expect(cliSide.plan).toEqual(plugin.plan);
    expect(Object.keys(cliSide.tree).sort()).toEqual(Object.keys(plugin.tree).sort());
    for (const [p, text] of Object.entries(plugin.tree)) expect(cliSide.tree[p], p).toBe(text);
    // The first-run welcome is the plugin's own screen: the CLI has none to remember.
    expect(cliSide.state).toEqual({ ...(plugin.state as object), welcomeShown: false });
    expect(cliSide.stale).toEqual(plugin.stale);
    expect(cliSide.drifting).toEqual(plugin.drifting);
    expect(cliSide.followUps).toEqual(plugin.followUps);
    expect(cliSide.triage).toEqual(plugin.triage);
    // A contract over empty lists would prove little: the fixtures give the lists something to agree on.
    expect((plugin.plan as { creates: unknown[] }).creates.length + Object.keys(plugin.tree).length).toBeGreaterThan(0);
  });
});

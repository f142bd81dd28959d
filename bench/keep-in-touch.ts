/**
 * Keep-in-touch timings at the design point: 30,000 people with 200,000 dated interactions
 * and 500 follow-ups. Every person's state computed from the records (what the stale view
 * and the status bar need after a new day or a setting), and `network-crm review`,
 * `stale` and `overview` on the vault written to disk (target: review under 1 s). Wall
 * and CPU time both, as the machine may be shared.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatePeopleVault } from '../scripts/lib/synthetic-vault';
import { datedItemDates } from '../src/core/notes/body-sections';
import { splitNote } from '../src/core/notes/note-text';
import { personFromFrontmatter } from '../src/core/people/person-record';
import { DEFAULT_SETTINGS, levelNames } from '../src/core/settings';
import { keepInTouchAll } from '../src/core/stale/keep-in-touch';
import { readFlatYaml } from '../src/core/yaml/read-flat';
import { settle } from './process';
import { median } from './timing';

const TODAY = '2026-11-26';

/** A preload that prints the process's CPU time (user + system) as the last line of stderr. */
const CPU_PRELOAD = `const t = process.cpuUsage();
process.on('exit', () => {
  const u = process.cpuUsage(t);
  process.stderr.write('\\n' + JSON.stringify({ cpu: (u.user + u.system) / 1000 }));
});
`;

function cliRun(cli: string, preload: string, args: string[]): { wallMs: number; cpuMs: number } {
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`cli failed: ${r.stderr}`);
  const { cpu } = JSON.parse(r.stderr.trim().split('\n').pop() ?? '{}') as { cpu: number };
  return { wallMs, cpuMs: cpu };
}

export function benchKeepInTouch(cli: string): Record<string, unknown> {
  const files = generatePeopleVault({ people: 30_000, today: TODAY, seed: 8, interactions: 200_000, followUps: 500 });
  const names = levelNames(DEFAULT_SETTINGS);
  const records = Object.entries(files)
    .filter(([p]) => p.startsWith('People/'))
    .map(([p, text]) => {
      const parts = splitNote(text);
      const r = personFromFrontmatter(p, readFlatYaml(parts.yaml ?? '') ?? {}, { levelNames: names, createdOn: null });
      r.logDates = datedItemDates(parts.body, 'Interactions');
      r.logLatest = r.logDates[r.logDates.length - 1] ?? null;
      return r;
    });
  const interactions = records.reduce((n, r) => n + r.logDates.length, 0);
  const options = {
    today: TODAY,
    trustLevels: DEFAULT_SETTINGS.trustLevels,
    includeUntriaged: false,
    useDailyNotes: true,
  };
  const computes: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t = performance.now();
    keepInTouchAll(records, options);
    computes.push(performance.now() - t);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ncrm-kit-'));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    fs.writeFileSync(path.join(dir, p), text);
  }
  settle(Date.now()); // then the first run writes the note cache, and the others use it
  const preload = path.join(dir, '.cpu-preload.cjs');
  fs.writeFileSync(preload, CPU_PRELOAD);
  const runs = (args: string[]) =>
    Array.from({ length: 5 }, () => cliRun(cli, preload, [...args, '--vault', dir, '--today', TODAY]));
  const summary = (r: Array<{ wallMs: number; cpuMs: number }>) => ({
    wallMs: Math.round(median(r.map((x) => x.wallMs))),
    bestWallMs: Math.round(Math.min(...r.map((x) => x.wallMs))),
    cpuMs: Math.round(median(r.map((x) => x.cpuMs))),
  });
  const out = {
    people: records.length,
    interactions,
    computeAllMs: { median: Number(median(computes).toFixed(1)), best: Number(Math.min(...computes).toFixed(1)) },
    review: { ...summary(runs(['review', '--json'])), targetMs: 1000 },
    stale: summary(runs(['stale', '--json'])),
    overview: summary(runs(['overview', '--json'])),
    loadAverage: os.loadavg().map((l) => Number(l.toFixed(1))),
  };
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

if (process.argv[1]?.endsWith('keep-in-touch.ts')) {
  const cli = path.resolve(__dirname, '..', 'dist', 'cli.js');
  console.log(JSON.stringify(benchKeepInTouch(cli), null, 2));
}

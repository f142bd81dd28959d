/** The parts of the bench that run under vitest: the plugin through the double, calendars, the stale view in Chromium. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { load1 } from './process';
import { spread } from './timing';

const ROOT = path.resolve(__dirname, '..');

function vitest(args: string[]): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  if (r.status !== 0) throw new Error(`vitest ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/** Runs `bench/<name>.perf.ts` under vitest (the real ESM builds of the dependencies) and reads `.bench/<name>.json`. */
export function runPerfFile(name: string): unknown {
  vitest(['--config', 'vitest.bench.config.mts', `bench/${name}.perf.ts`]);
  return JSON.parse(fs.readFileSync(path.join(ROOT, '.bench', `${name}.json`), 'utf8')) as unknown;
}

/** The browser test that opens the stale view on 30,000 people, `runs` times: its first render. */
export function staleViewFirstRender(runs: number) {
  const timings = path.join(ROOT, 'tests/e2e/.out/timings.json');
  const first: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < runs; i++) {
    load.push(load1());
    vitest(['--config', 'vitest.e2e.config.mts', 'tests/e2e/plugin.e2e.ts', '-t', 'stale view on 30,000 people']);
    const all = JSON.parse(fs.readFileSync(timings, 'utf8')) as Record<string, { firstRenderMs: number }>;
    first.push((all['stale view, 30,000 people'] as { firstRenderMs: number }).firstRenderMs);
  }
  return { people: 30_000, firstRenderMs: spread(first), load };
}

/**
 * Whole processes, timed the same way for the CLI and for the floors it is compared with:
 * the disk flushed first (`sync`), wall time around the spawn, CPU time and peak RSS of the
 * whole process (every thread) from bench/rusage.cjs, preloaded into each.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PRELOAD = path.join(__dirname, 'rusage.cjs');

export interface ProcessRun {
  wallMs: number;
  userMs: number;
  sysMs: number;
  cpuMs: number;
  maxRssMb: number;
  /** The 1-minute load average just before the run. */
  load: number;
  stdout: string;
  stderr: string;
}

/**
 * Flushes dirty pages to disk, so a timed step does not pay for the previous one's
 * writeback: without it the floor and the import swung between 0.4 s and 6 s run to run.
 */
export function flushDisk(): void {
  if (process.platform !== 'win32') spawnSync('sync');
}

export function load1(): number {
  return Number((os.loadavg()[0] ?? 0).toFixed(2));
}

/** Runs `node <args>` as its own process after a `sync`; throws when it fails. */
export function runNode(args: readonly string[], env: Record<string, string> = {}): ProcessRun {
  const usageFile = path.join(os.tmpdir(), `ncrm-bench-rusage-${process.pid}.json`);
  fs.rmSync(usageFile, { force: true });
  flushDisk();
  const load = load1();
  const start = performance.now();
  const r = spawnSync(process.execPath, ['--require', PRELOAD, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, NCRM_BENCH_RUSAGE: usageFile },
    maxBuffer: 1 << 30,
  });
  const wallMs = performance.now() - start;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const u = JSON.parse(fs.readFileSync(usageFile, 'utf8')) as { userMs: number; sysMs: number; maxRssKb: number };
  return {
    wallMs,
    userMs: u.userMs,
    sysMs: u.sysMs,
    cpuMs: u.userMs + u.sysMs,
    maxRssMb: u.maxRssKb / 1024,
    load,
    stdout: r.stdout,
    stderr: r.stderr,
  };
}

/** The note cache keeps only notes left alone for 3 s (src/cli/note-cache.ts): wait for those just written. */
export function settle(since: number): void {
  const wait = since + 3_100 - Date.now();
  if (wait > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, wait);
}

/** Every file under `dir` (hidden folders included) with its modification time. */
export function mtimes(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(full, fs.statSync(full).mtimeMs);
    }
  };
  walk(dir);
  return out;
}

/** Files added, removed or modified between two {@link mtimes} listings. */
export function filesTouched(before: Map<string, number>, after: Map<string, number>): string[] {
  const touched = [...after].filter(([f, m]) => before.get(f) !== m).map(([f]) => f);
  return [...touched, ...[...before.keys()].filter((f) => !after.has(f))];
}

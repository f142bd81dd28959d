/**
 * The CLI as a child process for the hostile cases: exit code, output, the JSON summary,
 * and the fault hooks (an env and a `node --import` preload). Uses the build the rest of
 * the suite uses, or `NCRM_CLI` (see README.md).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import type { ImportSummary } from '../../src/cli/commands/import';
import { CLI } from '../support/cli';
import { tempDir } from '../support/temp-dir';

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  json(): ImportSummary & Record<string, unknown>;
}

export function runChild(
  args: string[],
  options: { env?: Record<string, string>; preload?: string; nodeFlags?: string[] } = {},
): ChildRun {
  const node = [...(options.nodeFlags ?? []), ...(options.preload ? ['--import', options.preload] : []), CLI, ...args];
  const r = spawnSync(process.execPath, node, {
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
    maxBuffer: 1 << 28,
  });
  return {
    code: r.status,
    signal: r.signal,
    out: r.stdout,
    err: r.stderr,
    json: () => JSON.parse(r.stdout) as ImportSummary & Record<string, unknown>,
  };
}

export const KILL_AFTER_RENAMES = path.join(import.meta.dirname, 'faults/kill-after-renames.mjs');

/** A temp folder with an empty vault in it. */
export function workspace(): { dir: string; vault: string } {
  const dir = tempDir('ncrm-hostile-');
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  return { dir, vault };
}

export function writeFile(dir: string, name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
  return p;
}

/** The export files as a zip named like LinkedIn's. */
export function writeZip(dir: string, files: Record<string, string | Uint8Array>, date = '11-20-2026'): string {
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) entries[k] = typeof v === 'string' ? strToU8(v) : v;
  return writeFile(dir, `Complete_LinkedInDataExport_${date}.zip`, zipSync(entries, { level: 6 }));
}

/** Every note in the people folder: name → text. */
export function peopleNotes(vault: string, folder = 'People'): Map<string, string> {
  const dir = path.join(vault, folder);
  const out = new Map<string, string>();
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.md')) out.set(f, fs.readFileSync(path.join(dir, f), 'utf8'));
  return out;
}

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import type { ImportSummary } from '../../src/cli/commands/import';
import { ROOT } from './paths';
import { tempDir } from './temp-dir';

/** The built CLI; `NCRM_CLI` points the child-process tests at another build (an older one, to compare). */
export const CLI = process.env.NCRM_CLI ? path.resolve(process.env.NCRM_CLI) : path.join(ROOT, 'dist/cli.js');
/** The bundled read-ahead worker (built by the global set-up), used in-process as the bin uses it. */
export const WORKER = path.join(ROOT, 'dist/read-ahead-worker.js');

/** Runs the CLI in-process and captures what it prints. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
  /** stdout parsed as JSON (for `--json`); the caller says what shape it expects. */
  json<T = ImportSummary>(): T;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  return cliWith({}, ...argv);
}

/** The same with parts of the terminal replaced: `confirm` answers its questions as a user on a terminal would. */
export async function cliWith(terminal: Pick<CliIo, 'confirm'>, ...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (l) => (out += `${l}\n`),
    err: (l) => (err += `${l}\n`),
    interrupted: () => false,
    breathe: () => Promise.resolve(),
    workerScript: WORKER,
    ...terminal,
  };
  const code = await runCli(argv, io);
  return { code, out, err, json: <T>() => JSON.parse(out) as T };
}

/** Runs the built bin as a separate process, as a user would. */
export function cliProcess(...argv: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

export { spawn };

/**
 * A temp folder holding a vault with one person note, Ann Lee's, imported by the CLI from a
 * Connections.csv with her profile and address (ann@example.com), as of 2024-12-01: the
 * start of the calendar tests, whose meetings find her by that address.
 */
export async function vaultWithAnnLee(): Promise<{ dir: string; vault: string }> {
  return importedVault('Ann,Lee,https://www.linkedin.com/in/ann-lee,ann@example.com,Globex,Engineer,10 Mar 2021\n');
}

/**
 * A temp folder holding a vault the CLI imported, as of 2024-12-01, from a Connections.csv
 * of these `rows` (First Name, Last Name, URL, Email Address, Company, Position, Connected On).
 */
export async function importedVault(rows: string): Promise<{ dir: string; vault: string }> {
  const dir = tempDir();
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  const csv = path.join(dir, 'Connections.csv');
  fs.writeFileSync(csv, `First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows}`);
  const r = await cli('import', csv, '--vault', vault, '--today', '2024-12-01');
  if (r.code !== 0) throw new Error(`the set-up import failed: ${r.err}`);
  return { dir, vault };
}

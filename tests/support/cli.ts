import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import type { ImportSummary } from '../../src/cli/commands/import';
import { ROOT } from './paths';

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

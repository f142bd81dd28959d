// Builds main.js and dist/cli.js once before the tests, so tests that load the real
// bundle (the plugin in the API double, the CLI as a child process) test current code.
// Afterwards, removes the CLI's note cache of this run (vitest.config.mts puts it there).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  execFileSync(process.execPath, [path.join(import.meta.dirname, '..', 'esbuild.config.mjs')], {
    stdio: 'pipe',
    cwd: path.join(import.meta.dirname, '..'),
  });
  return () =>
    fs.rmSync(path.join(os.tmpdir(), `network-crm-test-cache-${process.pid}`), { recursive: true, force: true });
}

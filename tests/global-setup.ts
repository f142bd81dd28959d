// Builds main.js and dist/cli.js once before the tests, so tests that load the real
// bundle (the plugin in the API double, the CLI as a child process) test current code.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [path.join(import.meta.dirname, '..', 'esbuild.config.mjs')], {
    stdio: 'pipe',
    cwd: path.join(import.meta.dirname, '..'),
  });
}

// Where the CLI's note cache goes during a test run, never the user's ~/.cache: one folder per
// vitest run, removed when the run ends. A global set-up of both configs: it sets
// NETWORK_CRM_CACHE before the test workers start, and they (and the CLI processes they
// spawn) inherit it. The configs do not import this file: Vite's coming native config loader
// refuses a config that imports a TypeScript file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const dir = path.join(os.tmpdir(), `network-crm-test-cache-${process.pid}`);
  process.env.NETWORK_CRM_CACHE = dir;
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

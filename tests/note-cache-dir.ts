// Where the CLI's note cache goes during a test run, never the user's ~/.cache: one folder per
// vitest process (the configs set NETWORK_CRM_CACHE to it), removed when the run ends.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TEST_CACHE_DIR = path.join(os.tmpdir(), `network-crm-test-cache-${process.pid}`);

/** A vitest global set-up whose teardown removes the folder. */
export default function setup(): () => void {
  return () => fs.rmSync(TEST_CACHE_DIR, { recursive: true, force: true });
}

// The browser tests (npm run test:e2e): real Chromium, one file at a time.
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The CLI's note cache goes to a folder of the test run, never the user's ~/.cache.
    env: { TZ: 'UTC', NETWORK_CRM_CACHE: path.join(os.tmpdir(), `network-crm-test-cache-${process.pid}`) },
  },
});

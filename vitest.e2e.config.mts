// The browser tests (npm run test:e2e): real Chromium, one file at a time.
import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // The CLI's note cache goes to a folder of the test run (tests/note-cache-dir.ts sets it).
    env: { TZ: 'UTC' },
    globalSetup: ['tests/note-cache-dir.ts'],
  },
});

import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Dates in tests are calendar dates; pin the zone so "today" never shifts by a day.
process.env.TZ = 'UTC';

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    // The `obsidian` package ships types only; at run time tests get our in-memory double.
    alias: { obsidian: path.join(root, 'tests/obsidian-double/obsidian.ts') },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    globalSetup: ['tests/global-setup.ts', 'tests/note-cache-dir.ts'],
    testTimeout: 30_000,
    // The CLI's note cache goes to a folder of the test run (tests/note-cache-dir.ts sets it).
    env: { TZ: 'UTC' },
  },
});

// Runs the benchmark files that need the Obsidian double (npm run bench calls this).
import path from 'node:path';
import { defineConfig } from 'vitest/config';

process.env.TZ = 'UTC';
const root = import.meta.dirname;

export default defineConfig({
  resolve: { alias: { obsidian: path.join(root, 'tests/obsidian-double/obsidian.ts') } },
  test: { include: ['bench/**/*.perf.ts'], setupFiles: ['tests/setup.ts'], testTimeout: 600_000, env: { TZ: 'UTC' } },
});

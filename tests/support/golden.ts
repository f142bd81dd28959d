/**
 * Golden note trees, compared whole (as obsidian-importer does). Run with UPDATE_GOLDEN=1
 * to rewrite the expected files after a deliberate change, then review the diff.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { readTree, writeTree } from './temp-dir';

export function expectTree(actual: Record<string, string>, expectedDir: string): void {
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.rmSync(expectedDir, { recursive: true, force: true });
    writeTree(expectedDir, actual);
  }
  const expected = readTree(expectedDir, () => true);
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [rel, text] of Object.entries(expected)) expect(actual[rel], rel).toBe(text);
}

export function treeOf(files: ReadonlyMap<string, string>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [p, t] of files) if (p.startsWith(prefix)) out[path.posix.relative(prefix || '.', p)] = t;
  return out;
}

/**
 * Issue 13, case 10: a first import that runs out of disk space. The CLI must print its
 * summary, with the failures, whatever fails after the plan (`--json` included), and the
 * next import must create or repair People.base, decided by the vault state: written once,
 * repaired when missing-and-never-written or empty, never brought back once the user
 * deleted it. It stops at the first note the disk has no room for (every note left would
 * fail the same way, one failure line each), says the disk is full, and leaves no empty
 * file behind: a full disk once left thousands of empty notes, some of them for good.
 * Run as a child process with a preload that fills the "disk".
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { composeBaseFile } from '../../src/core/notes/base-file';
import { CLI } from '../support/cli';
import { ROOT } from '../support/paths';
import { tempDir } from '../support/temp-dir';

const PRELOAD = path.join(ROOT, 'tests/support/disk-full.ts');

function run(args: string[], diskFullAfter?: number) {
  const r = spawnSync(
    process.execPath,
    [...(diskFullAfter === undefined ? [] : ['--import', 'tsx', '--import', PRELOAD]), CLI, ...args],
    {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, NCRM_DISK_FULL_AFTER: diskFullAfter === undefined ? '' : String(diskFullAfter) },
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('disk full during the first import', () => {
  it('prints the JSON summary with the failures, and the next import completes the notes and People.base', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const exp = generateExport({ connections: 30, seed: 5 });
    const zip = path.join(dir, 'export.zip');
    fs.writeFileSync(zip, zipExport(exp));
    const base = path.join(vault, 'People.base');

    const first = run(['import', zip, '--vault', vault, '--json', '--today', '2026-11-26'], 5);
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.out) as {
      created: number;
      diskFull: boolean;
      failed: Array<{ path: string; error: string }>;
    };
    expect(summary.created).toBe(5);
    expect(summary.diskFull).toBe(true);
    // The sixth note, where the disk filled up, and People.base: not the 24 notes left.
    expect(summary.failed.map((f) => f.path.split('/')[0])).toEqual(['People', 'People.base']);
    expect(summary.failed.every((f) => f.error.includes('ENOSPC'))).toBe(true);
    expect(fs.readdirSync(path.join(vault, 'People'))).toHaveLength(5);
    expect(fs.existsSync(base)).toBe(false);

    const second = run(['import', zip, '--vault', vault, '--json', '--today', '2026-11-26']);
    expect(second.code).toBe(0);
    expect(fs.readFileSync(base, 'utf8')).toBe(composeBaseFile('People'));
    expect(fs.readdirSync(path.join(vault, 'People'))).toHaveLength(exp.people.length);

    // Written once and then deleted by the user: not brought back.
    fs.rmSync(base);
    expect(run(['import', zip, '--vault', vault, '--today', '2026-11-26']).code).toBe(0);
    expect(fs.existsSync(base)).toBe(false);
  });

  it('prints the text summary too, and writes the People.base the disk had no room for', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const exp = generateExport({ connections: 8, seed: 6 });
    const zip = path.join(dir, 'export.zip');
    fs.writeFileSync(zip, zipExport(exp));
    // Every note fits; the disk fills up exactly when People.base is written.
    const first = run(['import', zip, '--vault', vault, '--today', '2026-11-26'], exp.people.length);
    expect(first.code).toBe(1);
    expect(first.out).toMatch(/Imported into .*People/);
    expect(first.err).toContain('People.base: ENOSPC');
    expect(first.err).toContain('The disk is full. Free some space, then run the same command again to finish');
    expect(fs.existsSync(path.join(vault, 'People.base'))).toBe(false); // not left empty

    expect(run(['import', zip, '--vault', vault, '--today', '2026-11-26']).code).toBe(0);
    expect(fs.readFileSync(path.join(vault, 'People.base'), 'utf8')).toBe(composeBaseFile('People'));
  });
});

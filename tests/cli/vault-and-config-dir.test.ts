/**
 * `--vault` and `--config-dir` name folders, and a wrong one is said to be wrong. A mistyped
 * `--config-dir` used to fall back to the defaults, so triage lost its window and decisions
 * (hundreds of connections new again) without a word; now it is a usage error naming it and
 * the config folder the vault has. A `--vault` that is a file is said to be a file, not
 * "missing".
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

function vault(configDir = '.obsidian'): string {
  const dir = tempDir();
  writeTree(dir, {
    [`${configDir}/app.json`]: '{}',
    [`${configDir}/plugins/network-crm/data.json`]: JSON.stringify({ peopleFolder: 'Folks' }),
  });
  return dir;
}

describe('--config-dir', () => {
  it('is a usage error when the vault has no such folder, naming the one it has', async () => {
    const dir = vault('.my-config');
    const r = await cli('triage', '--vault', dir, '--config-dir', '.nope');
    expect([r.code, r.out, r.err.trim()]).toEqual([
      2,
      '',
      'network-crm: --config-dir ".nope" is not a folder in the vault; its config folder is .my-config (see network-crm triage --help)',
    ]);
  });

  it('takes the name given on a vault Obsidian has not opened yet, and the import makes that folder', async () => {
    const dir = tempDir();
    const csv = path.join(tempDir(), 'Connections.csv');
    fs.writeFileSync(
      csv,
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,,,,,01 Nov 2026\n',
    );
    const r = await cli('import', csv, '--vault', dir, '--config-dir', '.obsidian', '--today', '2026-11-26');
    expect(r.code).toBe(0);
    expect(fs.existsSync(path.join(dir, '.obsidian', 'plugins', 'network-crm', 'data.json'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'People', 'Ann Lee.md'))).toBe(true);
  });

  it('refuses an empty name and a file, and takes a folder that is there', async () => {
    const dir = vault('.my-config');
    fs.writeFileSync(path.join(dir, '.afile'), '');
    for (const [given, why] of [
      ['', 'needs a folder name'],
      [' ', 'needs a folder name'],
      ['.afile', 'is not a folder in the vault; its config folder is .my-config'],
    ] as const) {
      const r = await cli('show-settings', '--vault', dir, '--config-dir', given);
      expect([r.code, r.err.trim()], given).toEqual([
        2,
        `network-crm: --config-dir ${JSON.stringify(given)} ${why} (see network-crm show-settings --help)`,
      ]);
    }
    const ok = await cli('show-settings', '--vault', dir, '--config-dir', '.my-config', '--json');
    expect(ok.json<{ configDir: string; settings: { peopleFolder: string } }>()).toMatchObject({
      configDir: '.my-config',
      settings: { peopleFolder: 'Folks' },
    });
  });
});

describe('--vault', () => {
  it('names a file given for the vault as not a folder, and a missing one as missing', async () => {
    const file = path.join(tempDir(), 'afile');
    fs.writeFileSync(file, 'x');
    const r = await cli('stale', '--vault', file);
    expect([r.code, r.err.trim()]).toEqual([1, `network-crm: ${file}: not a folder (--vault takes the vault folder)`]);
    const missing = await cli('stale', '--vault', path.join(tempDir(), 'nope'));
    expect(missing.err).toContain('the vault folder does not exist');
  });
});

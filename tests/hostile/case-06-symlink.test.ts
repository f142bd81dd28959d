/**
 * Issue 13, case 6: a people folder that is a symbolic link to a folder outside the vault
 * received every note (3,769 files written outside the vault, exit 0). The plugin only
 * writes through Obsidian's vault API; the CLI must match. Pinned here: the CLI resolves
 * real paths and refuses to write through a link that leaves the vault, with a message
 * saying so, before reading or writing anything; a link that stays inside the vault is
 * fine; and the check also guards each write (a folder swapped for a link mid-run).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/lib/synthetic-export';
import { FsVault } from '../../src/cli/fs-vault';
import { runChild, workspace, writeZip } from './run';

const exp = generateExport({ connections: 40, seed: 6 });

describe('case 6: never write through a link out of the vault', () => {
  it('a people folder linked to outside the vault: refused with a clear message, nothing written anywhere', () => {
    const { dir, vault } = workspace();
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.symlinkSync(outside, path.join(vault, 'People'));
    const zip = writeZip(dir, exp.files);
    for (const extra of [[], ['--dry-run']]) {
      const r = runChild(['import', zip, '--vault', vault, ...extra]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(
        /^network-crm: People leads out of the vault \(it is a link to .*outside\); nothing was written there/,
      );
    }
    expect(fs.readdirSync(outside)).toEqual([]);
    expect(fs.readdirSync(vault)).toEqual(['People']);
  });

  it('a link that stays inside the vault is a folder like any other', () => {
    const { dir, vault } = workspace();
    fs.mkdirSync(path.join(vault, 'Contacts'));
    fs.symlinkSync(path.join(vault, 'Contacts'), path.join(vault, 'People'));
    const r = runChild(['import', writeZip(dir, exp.files), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(vault, 'Contacts')).length).toBe(r.json().created);
  });

  it('every write checks the real path: a folder replaced by a link after the start is refused too', () => {
    const { dir, vault } = workspace();
    const outside = path.join(dir, 'outside');
    fs.mkdirSync(outside);
    fs.mkdirSync(path.join(vault, 'People'));
    const fsVault = new FsVault(vault);
    fsVault.checkWritable('People');
    fs.rmdirSync(path.join(vault, 'People'));
    fs.symlinkSync(outside, path.join(vault, 'People'));
    const writer = new FsVault(vault).writer();
    // FsVault's writer fails synchronously; applyPlan records either kind of failure per note.
    expect(() => writer.create('People/Jane Doe.md', 'x')).toThrow(/leads out of the vault/);
    expect(() => writer.ensureFolder('People/Sub')).toThrow(/leads out of the vault/);
    expect(fs.readdirSync(outside)).toEqual([]);
  });
});

/**
 * How the CLI puts bytes on disk (issue 13 cases 6, 8 and 11): modes kept through the
 * rename, read-only files refused, folders checked by real path, and temp files removed
 * only when the process that wrote them is gone.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RefusedWrite, removeStaleTempFiles, replaceFile, VaultBounds } from '../../src/cli/safe-write';
import { tempDir } from '../support/temp-dir';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('safe-write', () => {
  it('replaces a file keeping its exact mode, whatever the umask', () => {
    const dir = tempDir();
    const f = path.join(dir, 'n.md');
    fs.writeFileSync(f, 'old');
    fs.chmodSync(f, 0o604);
    const umask = process.umask(0o077);
    try {
      replaceFile(f, 'new', 'n.md');
    } finally {
      process.umask(umask);
    }
    expect(fs.readFileSync(f, 'utf8')).toBe('new');
    expect(fs.statSync(f).mode & 0o777).toBe(0o604);
    expect(fs.readdirSync(dir)).toEqual(['n.md']);
  });

  it('flushes the new text to disk before the rename, so a power cut leaves the old note or the new one', () => {
    const dir = tempDir();
    const f = path.join(dir, 'n.md');
    fs.writeFileSync(f, 'old');
    const calls: string[] = [];
    const fsync = vi.spyOn(fs, 'fsyncSync').mockImplementation(() => {
      calls.push(
        `fsync ${fs.readFileSync(
          fs
            .readdirSync(dir)
            .filter((n) => n !== 'n.md')
            .map((n) => path.join(dir, n))[0]!,
          'utf8',
        )}`,
      );
    });
    const rename = vi.spyOn(fs, 'renameSync');
    rename.mockImplementation((from, to) => {
      calls.push('rename');
      rename.mockRestore();
      fs.renameSync(from, to);
    });
    replaceFile(f, 'new', 'n.md');
    expect(calls).toEqual(['fsync new', 'rename']);
    expect(fs.readFileSync(f, 'utf8')).toBe('new');
    expect(fsync).toHaveBeenCalledTimes(1);
  });

  it('writes as before on a file system that cannot flush, and stops on a real I/O error', () => {
    const dir = tempDir();
    const f = path.join(dir, 'n.md');
    fs.writeFileSync(f, 'old');
    const error = (code: string) => Object.assign(new Error(code), { code });
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw error('EINVAL');
    });
    replaceFile(f, 'new', 'n.md');
    expect(fs.readFileSync(f, 'utf8')).toBe('new');
    vi.spyOn(fs, 'fsyncSync').mockImplementationOnce(() => {
      throw error('EIO');
    });
    expect(() => replaceFile(f, 'newer', 'n.md')).toThrow('EIO');
    expect(fs.readFileSync(f, 'utf8')).toBe('new');
    expect(fs.readdirSync(dir)).toEqual(['n.md']);
  });

  it('refuses a read-only file and leaves it as it was', () => {
    const dir = tempDir();
    const f = path.join(dir, 'n.md');
    fs.writeFileSync(f, 'old');
    fs.chmodSync(f, 0o444);
    expect(() => replaceFile(f, 'new', 'People/n.md')).toThrow(RefusedWrite);
    expect(() => replaceFile(f, 'new', 'People/n.md')).toThrow('People/n.md is read-only; left unchanged');
    expect(fs.readFileSync(f, 'utf8')).toBe('old');
    // The plugin's own files (its state, the undo record) are replaced all the same, keeping their mode.
    replaceFile(f, 'state', 'data.json', { ours: true });
    expect(fs.readFileSync(f, 'utf8')).toBe('state');
    expect(fs.statSync(f).mode & 0o777).toBe(0o444);
  });

  it('checks folders by real path: inside is fine, a link out is refused, a missing folder is judged by its parent', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(path.join(vault, 'In'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'out'));
    fs.symlinkSync(path.join(vault, 'In'), path.join(vault, 'Alias'));
    fs.symlinkSync(path.join(dir, 'out'), path.join(vault, 'Out'));
    const bounds = new VaultBounds(vault);
    expect(() => bounds.assertFolderInside(path.join(vault, 'Alias', 'New', 'Deeper'))).not.toThrow();
    expect(() => bounds.assertFolderInside(path.join(vault, 'Out', 'New'))).toThrow(/Out\/New leads out of the vault/);
  });

  it("removes a dead run's temp files, never a live one's, nor anything that is not a file", () => {
    const dir = tempDir();
    const dead = `.a.md.${2 ** 22 + 12345}-00ff00ff.ncrm-tmp`;
    const alive = `.a.md.${process.pid}-00ff00ff.ncrm-tmp`;
    for (const name of [dead, alive, '.b.md.ncrm-tmp', 'keep.md']) fs.writeFileSync(path.join(dir, name), 'x');
    fs.mkdirSync(path.join(dir, '.c.md.ncrm-tmp'));
    removeStaleTempFiles(fs.readdirSync(dir).map((name) => path.join(dir, name)));
    expect(fs.readdirSync(dir).sort()).toEqual(['.c.md.ncrm-tmp', alive, 'keep.md'].sort());
  });
});

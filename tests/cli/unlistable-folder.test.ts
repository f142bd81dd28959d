/**
 * A folder inside the vault the CLI cannot list (mode 000: EACCES on readdir) is met as a note
 * it cannot read is (unreadable-notes.test.ts): the read commands leave its notes out, name the
 * folder once on stderr and do their job on the rest; the commands that write stop before
 * writing anything and name it, since a person's note they cannot see could be created twice or
 * lose a tick. It used to stop every command with a bare "EACCES: permission denied, scandir".
 *
 * Tests run as root, where a chmod 000 folder can still be listed: the listing is made to fail
 * instead, with a mocked readdir for that folder (the one the vault's walk calls). The real
 * chmod runs where the tests are not root.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli } from '../support/cli';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

afterEach(() => vi.restoreAllMocks());

const TODAY = '2026-11-26';
const person = (name: string, fm: string) => `---\nname: ${name}\n${fm}\n---\n\n## Interactions\n\n`;
const OVERDUE = 'trust: 5\nlast-contact: 2026-01-01\nbirthday: 1980-11-28';
const VAULT = {
  'People/Ann Overdue.md': person('Ann Overdue', OVERDUE),
  'People/Cy Recent.md': person('Cy Recent', 'trust: 3\nlast-contact: 2026-11-20'),
  'People/Ivy New.md': person('Ivy New', 'connected-on: 2026-11-20'),
  // Behind the folder no one can list: a person every command would otherwise see.
  'People/Private/Zed Hidden.md': person('Zed Hidden', `${OVERDUE}\nprune: true`),
  'People/Private/Deeper/Yan Deep.md': person('Yan Deep', OVERDUE),
};

function vault(tree: Record<string, string> = VAULT): string {
  const dir = tempDir();
  writeTree(dir, tree);
  return dir;
}

/** Every file of the vault, hidden ones too (the vault state, the undo file). */
const everything = (dir: string) => readTree(dir, () => true);

const ERRNO: Record<string, [number, string]> = {
  EACCES: [-13, 'permission denied'],
  EPERM: [-1, 'operation not permitted'],
  ENOENT: [-2, 'no such file or directory'],
};

/** Listing these folders fails as the system would fail it (a chmod 000 folder, one deleted since its parent was listed). */
function failList(folders: readonly string[], code: keyof typeof ERRNO): void {
  const readdir = fs.readdirSync;
  const [errno, words] = ERRNO[code]!;
  vi.spyOn(fs, 'readdirSync').mockImplementation(((dir: fs.PathLike, options?: unknown) => {
    if (typeof dir === 'string' && folders.includes(path.resolve(dir)))
      throw Object.assign(new Error(`${code}: ${words}, scandir '${dir}'`), {
        code,
        errno,
        syscall: 'scandir',
        path: dir,
      });
    return (readdir as (d: fs.PathLike, o?: unknown) => unknown)(dir, options);
  }) as typeof fs.readdirSync);
}

const WARNING =
  'network-crm: warning: could not list 1 folder (the notes in it are left out): People/Private: permission denied\n';
const STOPPED =
  'network-crm: could not list the folder People/Private (permission denied), so the notes in it were not read; nothing was written (make it readable, or move it out of the vault)\n';

describe('a folder that cannot be listed', () => {
  it.each(['stale', 'triage', 'overview', 'review', 'birthdays'])(
    '%s leaves its notes out, names it once on stderr and does its job on the rest',
    async (command) => {
      const dir = vault();
      failList([path.join(dir, 'People', 'Private')], 'EACCES');
      const r = await cli(command, '--vault', dir, '--today', TODAY, '--json');
      expect(r.code).toBe(0);
      expect(r.err).toBe(WARNING);
      expect(() => r.json<unknown>()).not.toThrow();
      expect(r.out).not.toMatch(/Zed Hidden|Yan Deep/);
      if (command === 'overview') expect(r.json<{ people: number }>().people).toBe(3);
      else if (command !== 'triage') expect(r.out).toContain('Ann Overdue');
    },
  );

  it('does not stop show or the text of stale', async () => {
    const dir = vault();
    failList([path.join(dir, 'People', 'Private')], 'EACCES');
    const show = await cli('show', '--vault', dir, '--today', TODAY, '--person', 'Ann Overdue');
    expect([show.code, show.err]).toEqual([0, WARNING]);
    expect(show.out).toContain('Ann Overdue (People/Ann Overdue.md)');
    const stale = await cli('stale', '--vault', dir, '--today', TODAY);
    expect([stale.code, stale.err]).toEqual([0, WARNING]);
    expect(stale.out).toMatch(/^1 stale contact on 2026-11-26\n {2}Ann Overdue /);
  });

  it('is named with the notes that cannot be read, each in its own warning', async () => {
    const dir = vault({ ...VAULT, 'Archive/Old.md': person('Old Friend', OVERDUE) });
    failList([path.join(dir, 'People', 'Private'), path.join(dir, 'Archive')], 'EPERM');
    const r = await cli('stale', '--vault', dir, '--today', TODAY, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      [
        'network-crm: warning: could not list 2 folders (the notes in them are left out):',
        '  Archive: operation not permitted',
        '  People/Private: operation not permitted',
        '',
      ].join('\n'),
    );
    expect(r.json<{ count: number }>().count).toBe(1);
  });

  it('says nothing of a hidden folder, which is never listed, nor of a folder gone since its parent was listed', async () => {
    const dir = vault({ ...VAULT, '.private/Zed.md': person('Zed', OVERDUE) });
    failList([path.join(dir, '.private')], 'EACCES');
    const hidden = await cli('stale', '--vault', dir, '--today', TODAY, '--json');
    expect([hidden.code, hidden.err]).toEqual([0, '']);
    vi.restoreAllMocks();
    failList([path.join(dir, 'People', 'Private')], 'ENOENT');
    const gone = await cli('stale', '--vault', dir, '--today', TODAY, '--json');
    expect([gone.code, gone.err]).toEqual([0, '']);
    expect(gone.json<{ count: number }>().count).toBe(1);
  });

  it('stops every command, naming the vault, when the vault folder itself cannot be listed', async () => {
    const dir = vault();
    failList([dir], 'EACCES');
    const r = await cli('stale', '--vault', dir, '--today', TODAY);
    expect([r.code, r.out]).toEqual([1, '']);
    expect(r.err).toBe(`network-crm: ${dir}: could not list the vault folder (permission denied)\n`);
  });

  it.skipIf(process.getuid?.() === 0)('is met the same way when the folder really is mode 000', async () => {
    const dir = vault();
    const locked = path.join(dir, 'People', 'Private');
    fs.chmodSync(locked, 0o000);
    try {
      const r = await cli('stale', '--vault', dir, '--today', TODAY, '--json');
      expect([r.code, r.err]).toEqual([0, WARNING]);
      const w = await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'trust:5', '--log');
      expect([w.code, w.err]).toEqual([1, STOPPED]);
    } finally {
      fs.chmodSync(locked, 0o755); // so the temp folder can be removed
    }
  });
});

describe('a command that writes, when a folder cannot be listed', () => {
  const csv = () => {
    const file = path.join(tempDir(), 'Connections.csv');
    fs.writeFileSync(
      file,
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nNew,Person,https://www.linkedin.com/in/new-person,,Acme,CEO,20 Nov 2026\n',
    );
    return file;
  };
  // Each would write (checked after, with the folder listable again): stopping is what keeps the vault as it was.
  it.each<[string, ...string[]]>([
    ['prune-list'],
    ['bulk', '--filter', 'trust:5', '--log'],
    ['log', '--person', 'People/Ann Overdue.md'],
    ['decide', '--person', 'People/Ann Overdue.md', '--trust', '3'],
    ['review', '--write'],
    ['met-at-event', '--from', '2026-11-19', '--to', '2026-11-22', '--met-where', 'Web Summit'],
    ['merge', '--keep', 'People/Ann Overdue.md', '--into', 'People/Cy Recent.md'],
    ['import'],
  ])('%s stops before writing anything and names the folder', async (command, ...rest) => {
    const dir = vault();
    const args = command === 'import' ? [csv()] : rest;
    const before = everything(dir);
    failList([path.join(dir, 'People', 'Private')], 'EACCES');
    const r = await cli(command, '--vault', dir, '--today', TODAY, ...args);
    vi.restoreAllMocks();
    expect([r.code, r.err, r.out]).toEqual([1, STOPPED, '']);
    expect(everything(dir)).toEqual(before);
    const after = await cli(command, '--vault', dir, '--today', TODAY, ...args);
    expect([after.code, after.err]).toEqual([0, '']);
    expect(everything(dir)).not.toEqual(before);
  });

  it('names the folders and the notes it could not read in one message', async () => {
    const dir = vault();
    const before = everything(dir);
    failList([path.join(dir, 'People', 'Private')], 'EACCES');
    const open = fs.openSync;
    const locked = path.join(dir, 'People', 'Cy Recent.md');
    vi.spyOn(fs, 'openSync').mockImplementation(
      (file: fs.PathLike, flags: fs.OpenMode = 'r', mode?: fs.Mode | null) => {
        if (file === locked)
          throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES', errno: -13 });
        return open(file, flags, mode);
      },
    );
    const r = await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'trust:5', '--log');
    vi.restoreAllMocks();
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'network-crm: could not list the folder People/Private (permission denied), so the notes in it were not read; could not read People/Cy Recent.md (permission denied); nothing was written (make them readable, or move them out of the vault)\n',
    );
    expect(everything(dir)).toEqual(before);
  });

  it.each<[string, ...string[]]>([
    ['bulk', '--filter', 'trust:5', '--log'],
    ['merge', '--keep', 'People/Ann Overdue.md', '--into', 'People/Cy Recent.md'],
  ])('%s --dry-run still shows what it would do, with the warning', async (command, ...rest) => {
    const dir = vault();
    const before = everything(dir);
    failList([path.join(dir, 'People', 'Private')], 'EACCES');
    const r = await cli(command, '--vault', dir, '--today', TODAY, ...rest, '--dry-run');
    vi.restoreAllMocks();
    expect([r.code, r.err]).toEqual([0, WARNING]);
    expect(r.out).toContain('Ann Overdue');
    expect(everything(dir)).toEqual(before);
  });
});

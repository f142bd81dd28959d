/**
 * A note the CLI cannot read, or a person note whose frontmatter it cannot parse, neither
 * stops a command nor goes missing without a word: the command leaves it as it is, says so
 * once on stderr (stdout stays valid JSON with --json), and does its job on the rest.
 *
 * Tests run as root, where a chmod 000 note is still readable: the read is made to fail
 * instead, with a mocked open (the notes a small vault reads on the main thread) or with a
 * folder in the list of notes (which the read-ahead worker cannot read either).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FsVault, type VaultFile } from '../../src/cli/fs-vault';
import { cli } from '../support/cli';
import { connections, url, type ConnectionRow } from '../support/export-builder';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

afterEach(() => vi.restoreAllMocks());

const TODAY = '2026-11-26';
const READ_COMMANDS = ['stale', 'triage', 'overview', 'review', 'birthdays'] as const;
const person = (name: string, fm: string) => `---\nname: ${name}\n${fm}\n---\n\n## Interactions\n\n`;
const OVERDUE = 'trust: 5\nlast-contact: 2026-01-01\nbirthday: 1980-11-28';
const VAULT = {
  'People/Ann Overdue.md': person('Ann Overdue', OVERDUE),
  'People/Bob Locked.md': person('Bob Locked', OVERDUE),
  'People/Cy Recent.md': person('Cy Recent', 'trust: 3\nlast-contact: 2026-11-20'),
};

function vault(tree: Record<string, string> = VAULT): string {
  const dir = tempDir();
  writeTree(dir, tree);
  return dir;
}

const ERRNO: Record<string, [number, string]> = {
  EACCES: [-13, 'permission denied'],
  ENOENT: [-2, 'no such file or directory'],
};

/** Opening these files fails as the system would fail it (a chmod 000 note, one deleted since the walk). */
function failOpen(files: readonly string[], code: keyof typeof ERRNO): void {
  const open = fs.openSync;
  const [errno, words] = ERRNO[code]!;
  vi.spyOn(fs, 'openSync').mockImplementation((file: fs.PathLike, flags: fs.OpenMode = 'r', mode?: fs.Mode | null) => {
    if (typeof file === 'string' && files.includes(file))
      throw Object.assign(new Error(`${code}: ${words}, open '${file}'`), { code, errno, syscall: 'open', path: file });
    return open(file, flags, mode);
  });
}

/** The walk finds these too (the walk itself lists only files: a folder here stands for a note no one can read). */
function alsoListed(dir: string, extra: readonly string[]): void {
  const walk = (vault: FsVault) => vault.files().filter((f) => f.path.endsWith('.md'));
  vi.spyOn(FsVault.prototype, 'markdownFiles').mockImplementation(function (this: FsVault): VaultFile[] {
    return [...walk(this), ...extra.map((p) => ({ path: p, abs: path.join(dir, ...p.split('/')) }))];
  });
}

const LOCKED_WARNING =
  'network-crm: warning: could not read 1 note (left as it is): People/Bob Locked.md: permission denied\n';

describe('a note that cannot be read', () => {
  it.each(READ_COMMANDS)('%s leaves it out, names it once on stderr and does its job on the rest', async (command) => {
    const dir = vault();
    failOpen([path.join(dir, 'People', 'Bob Locked.md')], 'EACCES');
    const r = await cli(command, '--vault', dir, '--today', TODAY, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe(LOCKED_WARNING);
    expect(() => r.json<unknown>()).not.toThrow();
    expect(r.out).not.toContain('Bob Locked');
    // Triage has no card for a rated person; the overview counts.
    if (command === 'overview') expect(r.json<{ people: number }>().people).toBe(2);
    else if (command !== 'triage') expect(r.out).toContain('Ann Overdue');
  });

  it('does not stop show or the text of stale', async () => {
    const dir = vault();
    failOpen([path.join(dir, 'People', 'Bob Locked.md')], 'EACCES');
    const show = await cli('show', '--vault', dir, '--today', TODAY, '--person', 'People/Ann Overdue.md');
    expect([show.code, show.err]).toEqual([0, LOCKED_WARNING]);
    expect(show.out).toContain('Ann Overdue (People/Ann Overdue.md)');
    const stale = await cli('stale', '--vault', dir, '--today', TODAY);
    expect([stale.code, stale.err]).toEqual([0, LOCKED_WARNING]);
    expect(stale.out).toMatch(/^1 stale contact on 2026-11-26\n {2}Ann Overdue /);
  });

  it('names a few of many, then how many more', async () => {
    const tree: Record<string, string> = { ...VAULT };
    const locked: string[] = [];
    for (let i = 1; i <= 7; i++) {
      tree[`People/Locked ${i}.md`] = person(`Locked ${i}`, OVERDUE);
      locked.push(`People/Locked ${i}.md`);
    }
    const dir = vault(tree);
    failOpen(
      locked.map((p) => path.join(dir, ...p.split('/'))),
      'EACCES',
    );
    const r = await cli('stale', '--vault', dir, '--today', TODAY, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      [
        'network-crm: warning: could not read 7 notes (left as they are):',
        ...locked.slice(0, 5).map((p) => `  ${p}: permission denied`),
        '  …and 2 more',
        '',
      ].join('\n'),
    );
    expect(r.json<{ count: number }>().count).toBe(2);
  });

  it('leaves out quietly a note deleted since the vault was listed', async () => {
    const dir = vault();
    failOpen([path.join(dir, 'People', 'Bob Locked.md')], 'ENOENT');
    const r = await cli('stale', '--vault', dir, '--today', TODAY, '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.json<{ count: number }>().count).toBe(1);
  });

  it('is met the same way when the read-ahead worker reads the notes (a vault of 500 notes or more)', async () => {
    const tree: Record<string, string> = { ...VAULT };
    for (let i = 0; i < 600; i++) tree[`Notes/n${i}.md`] = `note ${i}\n`;
    const dir = vault(tree);
    fs.mkdirSync(path.join(dir, 'People', 'Folder.md'));
    // The worker cannot read a folder, nor can the main thread after it; a file gone is just gone.
    alsoListed(dir, ['People/Folder.md', 'People/Gone.md']);
    const r = await cli('stale', '--vault', dir, '--today', TODAY, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      'network-crm: warning: could not read 1 note (left as it is): People/Folder.md: illegal operation on a directory\n',
    );
    expect(r.json<{ count: number }>().count).toBe(2);
  });
});

describe('a person note whose frontmatter cannot be parsed', () => {
  const BROKEN = '---\nname: Bad Yaml\ntrust: 5\n  last-contact: [2026-01-01\n---\n\n## Interactions\n\n';
  const WARNING =
    'network-crm: warning: 1 person note has frontmatter that cannot be parsed, so its fields are not read (left as it is): People/Bad Yaml.md: YAML error: ';

  it.each(READ_COMMANDS)('is named once on stderr by %s, as text and as JSON', async (command) => {
    const dir = vault({ ...VAULT, 'People/Bad Yaml.md': BROKEN });
    for (const json of [[], ['--json']]) {
      const r = await cli(command, '--vault', dir, '--today', TODAY, ...json);
      expect(r.code).toBe(0);
      expect(r.err.startsWith(WARNING)).toBe(true);
      expect(r.err.split('\n')).toHaveLength(2); // one line, then the end
      if (json.length > 0) expect(() => r.json<unknown>()).not.toThrow();
    }
    expect(fs.readFileSync(path.join(dir, 'People', 'Bad Yaml.md'), 'utf8')).toBe(BROKEN);
  });

  it('names a few of many, then how many more; show says nothing of the others', async () => {
    const tree: Record<string, string> = { ...VAULT };
    for (let i = 1; i <= 8; i++) tree[`People/Bad ${i}.md`] = BROKEN.replace('Bad Yaml', `Bad ${i}`);
    tree['People/Unclosed.md'] = '---\nname: Unclosed\ntags: [person]\n';
    const dir = vault(tree);
    const r = await cli('overview', '--vault', dir, '--today', TODAY, '--json');
    const lines = r.err.split('\n');
    expect(lines[0]).toBe(
      'network-crm: warning: 9 person notes have frontmatter that cannot be parsed, so their fields are not read (left as they are):',
    );
    expect(lines.slice(1, 6).map((l) => l.replace(/: YAML error: .*/, ': YAML error'))).toEqual(
      [1, 2, 3, 4, 5].map((i) => `  People/Bad ${i}.md: YAML error`),
    );
    expect(lines.slice(6)).toEqual(['  …and 4 more', '']);
    expect(r.err).not.toContain('Unclosed'); // after the Bad ones
    const show = await cli('show', '--vault', dir, '--today', TODAY, '--person', 'Ann Overdue');
    expect([show.code, show.err]).toEqual([0, '']);
  });
});

describe('a command that writes, when a note cannot be read', () => {
  // Deciding from part of the vault could drop a tick from the prune list, or make someone look
  // out of touch to bulk or decide: these stop, name the note, and write nothing.
  it.each([
    ['prune-list'],
    ['bulk', '--filter', 'trust:5', '--log'],
    ['log', '--person', 'People/Ann Overdue.md'],
    ['decide', '--person', 'People/Ann Overdue.md', '--trust', '3'],
    ['review', '--write'],
  ])('%s stops before writing anything', async (command, ...rest) => {
    const dir = vault();
    const before = readTree(dir);
    failOpen([path.join(dir, 'People', 'Bob Locked.md')], 'EACCES');
    const r = await cli(command, '--vault', dir, '--today', TODAY, ...rest);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      'network-crm: could not read People/Bob Locked.md (permission denied); nothing was written (make it readable, or move it out of the vault)\n',
    );
    expect(readTree(dir)).toEqual(before);
  });

  it('a dry run still shows what it would do, with the warning', async () => {
    const dir = vault();
    failOpen([path.join(dir, 'People', 'Bob Locked.md')], 'EACCES');
    const r = await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'trust:5', '--log', '--dry-run');
    expect([r.code, r.err]).toEqual([0, LOCKED_WARNING]);
    expect(r.out).toContain('Ann Overdue');
  });
});

/** A Connections.csv of these people, outside the vault: the export to import. */
function connectionsFile(...rows: ConnectionRow[]): string {
  const csv = path.join(tempDir(), 'Connections.csv');
  fs.writeFileSync(csv, connections(rows).bytes);
  return csv;
}

describe('the import, when notes cannot be read', () => {
  // It plans from every person note: one it cannot see could be created again as a duplicate.
  // It stops before writing, naming each note it could not read, not only the first, in the
  // words of the other commands (it used to stop at the first with a raw "EACCES: …, open").
  it('stops before writing anything and names every such note', async () => {
    const dir = vault();
    const csv = connectionsFile({
      first: 'Bob',
      last: 'Locked',
      url: url('bob-locked'),
      company: 'Acme',
      on: '03 Mar 2026',
    });
    const before = readTree(dir);
    failOpen(
      ['Ann Overdue.md', 'Bob Locked.md'].map((n) => path.join(dir, 'People', n)),
      'EACCES',
    );
    const r = await cli('import', csv, '--vault', dir);
    expect([r.code, r.err]).toEqual([
      1,
      'network-crm: could not read People/Ann Overdue.md (permission denied), People/Bob Locked.md (permission denied); nothing was written (make them readable, or move them out of the vault)\n',
    ]);
    expect(readTree(dir)).toEqual(before);
  });

  it('goes on without a note deleted since the vault was listed', async () => {
    const dir = vault();
    const csv = connectionsFile({ first: 'Dee', last: 'New', url: url('dee-new'), company: 'Acme', on: '03 Mar 2026' });
    failOpen([path.join(dir, 'People', 'Bob Locked.md')], 'ENOENT');
    const r = await cli('import', csv, '--vault', dir);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(fs.existsSync(path.join(dir, 'People', 'Dee New.md'))).toBe(true);
  });
});

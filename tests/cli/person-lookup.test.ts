/**
 * `--person` (VaultPeople.find): a note's vault path, or its file name with `.md`, names that
 * note; a bare name is ambiguous when several notes have it, as file name or as `name` (a
 * namesake taken silently had a command write to the wrong person), and then their paths are
 * listed so one can be passed instead. A lookup that
 * fails points at the help of the command that asked (`network-crm show --help`), which lists
 * what `--person` takes: the lookup is shared, and it pointed at the top-level help, which
 * does not.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

const note = (name: string, company: string) =>
  `---\nname: ${name}\ncompany: ${company}\ntags: [person]\n---\n\n## Interactions\n\n`;

const AHMEDS = {
  'People/Ahmed Henry.md': note('Ahmed Henry', 'Initech'),
  'People/Ahmed Henry (Acme).md': note('Ahmed Henry', 'Acme'),
  'People/Ahmed Henry (Globex).md': note('Ahmed Henry', 'Globex'),
};

function vault(tree: Record<string, string>): string {
  const dir = tempDir();
  writeTree(dir, tree);
  return dir;
}

async function shown(dir: string, person: string): Promise<string> {
  const r = await cli('show', '--vault', dir, '--person', person, '--json');
  expect([r.code, r.err]).toEqual([0, '']);
  return r.json<{ path: string }>().path;
}

describe('--person', () => {
  it('takes the note a path or a file name with .md names; a bare name of namesakes lists them all', async () => {
    const dir = vault(AHMEDS);
    const r = await cli('show', '--vault', dir, '--person', 'Ahmed Henry');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '"Ahmed Henry" matches 3 notes (People/Ahmed Henry (Acme).md, People/Ahmed Henry (Globex).md, People/Ahmed Henry.md); give the path or the LinkedIn URL',
    );
    expect(await shown(dir, 'Ahmed Henry.md')).toBe('People/Ahmed Henry.md');
    expect(await shown(dir, 'Ahmed Henry (Acme)')).toBe('People/Ahmed Henry (Acme).md');
    expect(await shown(dir, 'People/Ahmed Henry (Globex).md')).toBe('People/Ahmed Henry (Globex).md');
    expect(await shown(dir, 'People/Ahmed Henry')).toBe('People/Ahmed Henry.md');
  });

  it('takes a file name in other case or Unicode form before the names', async () => {
    const dir = vault({ 'People/Ahmed Henry.md': note('Ahmed Henry', 'Initech') });
    expect(await shown(dir, 'ahmed henry')).toBe('People/Ahmed Henry.md');
    const decomposed = 'Jose\u0301 Garci\u0301a';
    const tree = {
      [`People/${decomposed}.md`]: note('José García', 'Acme'),
      'People/José García (Globex).md': note('José M. García', 'Globex'),
    };
    // The vault gives paths in NFC, whatever form the file name has on disk.
    expect((await shown(vault(tree), 'José García')).normalize('NFD')).toBe(`People/${decomposed}.md`.normalize('NFD'));
  });

  it('is ambiguous when several notes have that name and none that file name, listing their paths', async () => {
    const { 'People/Ahmed Henry.md': _, ...others } = AHMEDS;
    const dir = vault(others);
    const r = await cli('show', '--vault', dir, '--person', 'Ahmed Henry');
    expect(r.code).toBe(2);
    expect(r.err).toContain(
      '"Ahmed Henry" matches 2 notes (People/Ahmed Henry (Acme).md, People/Ahmed Henry (Globex).md); give the path or the LinkedIn URL',
    );
    expect(await shown(dir, 'People/Ahmed Henry (Acme).md')).toBe('People/Ahmed Henry (Acme).md');
  });

  it('is ambiguous when two folders hold that file name, and the path settles it', async () => {
    const dir = vault({ ...AHMEDS, 'Archive/Ahmed Henry.md': note('Ahmed Henry', 'Hooli') });
    const r = await cli('show', '--vault', dir, '--person', 'Ahmed Henry');
    expect(r.code).toBe(2);
    expect(r.err).toContain('"Ahmed Henry" matches 2 notes (Archive/Ahmed Henry.md, People/Ahmed Henry.md)');
    expect(await shown(dir, 'Archive/Ahmed Henry.md')).toBe('Archive/Ahmed Henry.md');
  });

  it('still finds one note by the name in its frontmatter', async () => {
    const dir = vault({ 'People/A. Henry.md': note('Ahmed Henry', 'Acme') });
    expect(await shown(dir, 'Ahmed Henry')).toBe('People/A. Henry.md');
  });
});

describe('a lookup that fails', () => {
  const NOBODY = 'no person note matches "Nobody" (give a LinkedIn URL, a note name or a path)';

  it.each([
    ['show', '--person', 'Nobody'],
    ['log', '--person', 'Nobody'],
    ['decide', '--person', 'Nobody', '--trust', '3'],
    ['merge', '--keep', 'Nobody', '--into', 'Ahmed Henry.md'],
    ['merge', '--keep', 'Ahmed Henry.md', '--into', 'Nobody'],
  ])('%s points at its own help', async (command, ...rest) => {
    const dir = vault(AHMEDS);
    const r = await cli(command, '--vault', dir, ...rest);
    expect([r.code, r.out]).toEqual([2, '']);
    expect(r.err).toBe(`network-crm: ${NOBODY} (see network-crm ${command} --help)\n`);
  });

  it('points at its own help when several notes match, or the path is outside the vault', async () => {
    const { 'People/Ahmed Henry.md': _, ...others } = AHMEDS;
    const dir = vault(others);
    const several = await cli('log', '--vault', dir, '--person', 'Ahmed Henry');
    expect(several.code).toBe(2);
    expect(several.err).toMatch(/; give the path or the LinkedIn URL \(see network-crm log --help\)\n$/);
    const outside = await cli('show', '--vault', dir, '--person', path.join(tempDir(), 'Ann.md'));
    expect(outside.code).toBe(2);
    expect(outside.err).toMatch(/ is not inside the vault .* \(see network-crm show --help\)\n$/);
  });

  it('decide points at its own help for a filter it cannot read', async () => {
    const dir = vault(AHMEDS);
    const r = await cli('decide', '--vault', dir, '--all-untriaged', '--trust', '3', '--filter', 'bogus:x');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^network-crm: unknown filter "bogus:x": .* \(see network-crm decide --help\)\n$/);
  });

  it('an unknown command still points at the top-level help', async () => {
    const r = await cli('person', '--person', 'Nobody');
    expect([r.code, r.err]).toEqual([2, 'network-crm: unknown command "person" (see network-crm --help)\n']);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { cli, cliProcess, CLI, spawn } from '../support/cli';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

function writeExport(dir: string, connections = 50, extra: Parameters<typeof generateExport>[0] = { connections }) {
  const exp = generateExport({ ...extra, connections });
  const zip = path.join(dir, 'Complete_LinkedInDataExport_11-20-2026.zip');
  fs.writeFileSync(zip, zipExport(exp));
  return { exp, zip };
}

describe('network-crm import', () => {
  it('imports a zip into a vault and prints the JSON summary', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const { exp, zip } = writeExport(dir, 120);
    const r = await cli('import', zip, '--vault', vault, '--json', '--today', '2026-11-26');
    expect(r.code).toBe(0);
    const s = r.json();
    expect(s.created).toBe(exp.people.length);
    expect(s.skipped).toHaveLength(exp.blankRows);
    expect(s.skipped[0]).toMatchObject({
      file: 'Complete_LinkedInDataExport_11-20-2026.zip/Connections.csv',
      reason: expect.stringContaining('blank member row') as string,
    });
    expect(Object.keys(s)).toEqual(
      expect.arrayContaining(['created', 'updated', 'unchanged', 'skipped', 'ambiguous', 'missingFromExport']),
    );
    expect(fs.readdirSync(path.join(vault, 'People'))).toHaveLength(exp.people.length);
  });

  it('a second run changes nothing and writes nothing', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const { zip } = writeExport(dir, 80);
    await cli('import', zip, '--vault', vault);
    const before = readTree(vault);
    const mtimes = fs
      .readdirSync(path.join(vault, 'People'))
      .map((f) => fs.statSync(path.join(vault, 'People', f)).mtimeMs);
    const r = await cli('import', zip, '--vault', vault, '--json');
    expect(r.json()).toMatchObject({ created: 0, updated: 0, unchanged: 80 - 0 - r.json().skipped.length });
    expect(readTree(vault)).toEqual(before);
    expect(
      fs.readdirSync(path.join(vault, 'People')).map((f) => fs.statSync(path.join(vault, 'People', f)).mtimeMs),
    ).toEqual(mtimes);
  });

  it('reads an unzipped folder and single CSV files, and --dry-run writes nothing', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const exp = generateExport({ connections: 30 });
    fs.mkdirSync(path.join(dir, 'export', 'nested'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'export', 'nested', 'CONNECTIONS.csv'), exp.files['Connections.csv']!);
    fs.writeFileSync(path.join(dir, 'export', 'Profile.csv'), 'ignored');
    const dry = await cli('import', path.join(dir, 'export'), '--vault', vault, '--dry-run', '--json');
    expect(dry.json()).toMatchObject({ dryRun: true, created: exp.people.length });
    expect(fs.existsSync(path.join(vault, 'People'))).toBe(false);
    fs.writeFileSync(path.join(dir, 'my connections.csv'), exp.files['Connections.csv']!);
    const r = await cli(
      'import',
      path.join(dir, 'my connections.csv'),
      '--vault',
      vault,
      '--folder',
      'Network/People',
      '--json',
    );
    expect(r.json().created).toBe(exp.people.length);
    expect(fs.readdirSync(path.join(vault, 'Network', 'People'))).toHaveLength(exp.people.length);
  });

  it('the first import into a folder adds People.base beside it, once; --no-base skips it', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const { zip } = writeExport(dir, 20);
    const first = await cli('import', zip, '--vault', vault, '--folder', 'Network/People');
    expect(first.out).toContain('Open Network/People.base in Obsidian');
    const base = path.join(vault, 'Network', 'People.base');
    expect(fs.readFileSync(base, 'utf8')).toContain('file.inFolder("Network/People")');
    fs.writeFileSync(base, 'my own table');
    await cli('import', zip, '--vault', vault, '--folder', 'Network/People');
    expect(fs.readFileSync(base, 'utf8')).toBe('my own table');
    fs.rmSync(base);
    expect(
      (await cli('import', zip, '--vault', vault, '--folder', 'Network/People', '--json')).json().baseFile,
    ).toBeNull();
    expect(fs.existsSync(base)).toBe(false);

    const other = path.join(dir, 'other');
    fs.mkdirSync(other);
    expect((await cli('import', zip, '--vault', other, '--no-base', '--json')).json().baseFile).toBeNull();
    // The vault state (last import) is kept where the plugin keeps it; no People.base.
    expect(fs.readdirSync(other).sort()).toEqual(['.obsidian', 'People']);
    expect(fs.readdirSync(path.join(other, '.obsidian', 'plugins', 'network-crm'))).toEqual(['data.json']);
  });

  it('writes the report note with --report', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const { zip } = writeExport(dir, 20);
    await cli('import', zip, '--vault', vault, '--report', '--today', '2026-11-26');
    const report = fs.readFileSync(path.join(vault, 'Network CRM', 'Imports', 'LinkedIn import 2026-11-26.md'), 'utf8');
    expect(report).toContain('| Created | ');
  });

  it.each([
    [['import', '/no/such/export.zip', '--vault', '.'], 1, 'network-crm: /no/such/export.zip: no such file or folder'],
    [['import', 'x.csv'], 2, 'network-crm: --vault is required (see network-crm import --help)'],
    [['import', '--vault', '.'], 2, 'network-crm: import needs files: a LinkedIn export'],
    [['frobnicate'], 2, 'network-crm: unknown command "frobnicate"'],
  ])('bad usage %j exits %i with one line', async (argv, code, message) => {
    const r = await cli(...argv);
    expect(r.code).toBe(code);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(message);
  });

  it('names each ambiguous row with the notes it could be, and a header that lacks a column', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    writeTree(vault, {
      'People/Cy Fox.md': '---\nname: Cy Fox\nlinkedin-status: connected\n---\n',
      'People/Cy Fox 2.md': '---\nname: Cy Fox\nlinkedin-status: connected\n---\n',
    });
    const csv = path.join(dir, 'Connections.csv');
    fs.writeFileSync(csv, 'First Name,Last Name,Company,Connected On\nCy,Fox,Acme,04 Mar 2021\n');
    const r = await cli('import', csv, '--vault', vault, '--today', '2026-11-26', '--dry-run');
    expect(r.out).toMatch(/ 1 ambiguous name \(not imported; two of the notes are one person\? merge them/);
    expect(r.out).toMatch(
      /\n {10}Cy Fox \(Connections\.csv, line 2\): .*Could be: People\/Cy Fox 2\.md, People\/Cy Fox\.md\n/,
    );
    fs.writeFileSync(csv, 'First Name,Last Name,Company\nCy,Fox,Acme\n');
    const bad = cliProcess('import', csv, '--vault', vault);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(
      /^network-crm: Connections\.csv, line 1: the header has no "Connected On" column; expected/,
    );
  });

  it('a bad file exits non-zero with file, line and what was expected, writing nothing', () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    fs.writeFileSync(
      path.join(dir, 'Connections.csv'),
      'First Name,Last Name,Connected On\nAnn,Lee,01 Jan 2020\n"Bob,Kim,02 Jan 2020\n',
    );
    const r = cliProcess('import', path.join(dir, 'Connections.csv'), '--vault', vault);
    expect(r.code).toBe(1);
    expect(r.err.trim()).toBe(
      'network-crm: Connections.csv, line 3: a quoted value is never closed (expected a matching ")',
    );
    expect(fs.readdirSync(vault)).toEqual([]);
  });

  // A `kill` (SIGTERM) stops it as Ctrl-C does, at the next note, with its own exit code (128 + 15).
  it.each([
    ['Ctrl-C', 'SIGINT', 130],
    ['a kill', 'SIGTERM', 143],
  ] as const)(
    '%s part-way stops cleanly; running again completes the import without duplicates',
    async (_, signal, exit) => {
      const dir = tempDir();
      const vault = path.join(dir, 'vault');
      fs.mkdirSync(vault);
      const { exp, zip } = writeExport(dir, 4000);
      const child = spawn(process.execPath, [CLI, 'import', zip, '--vault', vault], { stdio: 'pipe' });
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const people = path.join(vault, 'People');
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (fs.existsSync(people) && fs.readdirSync(people).length >= 300) {
            clearInterval(timer);
            child.kill(signal);
            resolve();
          }
        }, 5);
      });
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      const partial = fs.readdirSync(people).length;
      expect(code).toBe(exit);
      expect(partial).toBeLessThan(exp.people.length);
      expect(stdout).toContain('Run the same command again to finish');
      const second = cliProcess('import', zip, '--vault', vault, '--json');
      expect(second.code).toBe(0);
      expect(JSON.parse(second.out) as object).toMatchObject({
        created: exp.people.length - partial,
        unchanged: partial,
      });
      const urls = fs
        .readdirSync(people)
        .map((f) => /^linkedin: (.*)$/m.exec(fs.readFileSync(path.join(people, f), 'utf8'))?.[1]);
      expect(new Set(urls).size).toBe(exp.people.length);
    },
  );
});

/**
 * The CLI reads the vault's own Network CRM settings (issue 14): with data.json saying
 * `peopleFolder: Contacts` and `pruneAfterYears: 10`, `import` writes into Contacts and
 * `triage` uses 10 years, like the sidebar; flags override for one run; `show-settings`
 * says what is in force and where it came from; the vault state is merged back into
 * data.json keeping every other key; a vault with another config folder is found.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

const CSV =
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
  'Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,CTO,01 Jan 2020\n';

function vaultWith(data: unknown, configDir = '.obsidian'): string {
  const dir = tempDir();
  writeTree(dir, {
    [`${configDir}/app.json`]: '{}',
    [`${configDir}/plugins/network-crm/data.json`]: JSON.stringify(data, null, 2),
  });
  return dir;
}

function exportFile(): string {
  const file = path.join(tempDir(), 'Connections.csv');
  fs.writeFileSync(file, CSV);
  return file;
}

interface ShowSettings {
  configDir: string | null;
  dataFile: string | null;
  settings: Record<string, unknown>;
  sources: Record<string, string>;
  state: { lastImport: { date: string } | null; baseFileCreated: boolean };
}

describe("the CLI uses the vault's settings", () => {
  it('imports into the configured folder with the configured tag, and triage uses the configured prune period', async () => {
    const dir = vaultWith({ peopleFolder: 'Contacts', pruneAfterYears: 10, defaultTag: 'crm', myKey: [1, 2] });
    const r = await cli('import', exportFile(), '--vault', dir, '--json', '--today', '2026-11-26');
    expect(r.json().createdNotes).toEqual(['Contacts/Ann Lee.md']);
    expect(readTree(dir)['Contacts/Ann Lee.md']).toContain('tags:\n  - crm\n');
    expect(fs.existsSync(path.join(dir, 'Contacts.base'))).toBe(true);
    // Connected in 2020, no trust: a prune candidate after 3 years (the default), not after 10.
    const q = (await cli('triage', '--vault', dir, '--today', '2026-11-26', '--json')).json<{ queue: unknown[] }>();
    expect(q.queue).toEqual([expect.objectContaining({ kind: 'new-connection' }) as unknown]);
    const data = JSON.parse(fs.readFileSync(path.join(dir, '.obsidian/plugins/network-crm/data.json'), 'utf8')) as {
      myKey: unknown;
      peopleFolder: string;
      state: { lastImport: unknown; baseFileCreated: boolean };
    };
    expect(data.myKey).toEqual([1, 2]);
    expect(data.peopleFolder).toBe('Contacts');
    expect(data.state).toMatchObject({
      lastImport: { date: '2026-11-26', newestConnectedOn: '2020-01-01' },
      baseFileCreated: true,
    });
    expect(fs.readdirSync(path.join(dir, '.obsidian/plugins/network-crm'))).toEqual(['data.json']);
  });

  it('flags override the settings for one run, and show-settings says where each value comes from', async () => {
    const dir = vaultWith({ peopleFolder: 'Contacts', fileNameFormat: 'no placeholder' });
    const s = (
      await cli('show-settings', '--vault', dir, '--tag', '#crm', '--my-emails', 'me@example.com', '--json')
    ).json<ShowSettings>();
    expect(s.configDir).toBe('.obsidian');
    // Every setting flag the import takes, shown as the import would use it.
    expect(s.settings).toMatchObject({ myEmails: ['me@example.com'] });
    expect(s.sources).toMatchObject({ myEmails: '--my-emails' });
    expect(s.dataFile).toBe('.obsidian/plugins/network-crm/data.json');
    expect(s.settings).toMatchObject({ peopleFolder: 'Contacts', defaultTag: 'crm', fileNameFormat: '{first} {last}' });
    expect(s.sources).toMatchObject({
      peopleFolder: '.obsidian/plugins/network-crm/data.json',
      defaultTag: '--tag',
      fileNameFormat: 'default (the value in .obsidian/plugins/network-crm/data.json is not usable)',
      pruneAfterYears: 'default',
    });
    const text = (await cli('show-settings', '--vault', dir)).out;
    expect(text).toMatch(/peopleFolder +"Contacts" +\.obsidian\/plugins\/network-crm\/data\.json/);
    expect(text).toContain('Last import: none');
    const r = await cli('import', exportFile(), '--vault', dir, '--folder', 'Else', '--dry-run', '--json');
    expect(r.json().createdNotes).toEqual(['Else/Ann Lee.md']);
  });

  it('show-settings gives the last import with the date of the export it came from, when the state knows it', async () => {
    // The archive date orders two exports with the same newest connection (export-age.ts): the user can see it.
    const lastImport = { date: '2024-12-24', newestConnectedOn: '2024-12-10' };
    const dated = vaultWith({ state: { lastImport: { ...lastImport, exportDate: '2024-12-23' } } });
    expect((await cli('show-settings', '--vault', dated)).out).toContain(
      'Last import: 2024-12-24 (newest connection 2024-12-10, the export made 2024-12-23)\n',
    );
    const undated = vaultWith({ state: { lastImport } });
    expect((await cli('show-settings', '--vault', undated)).out).toContain(
      'Last import: 2024-12-24 (newest connection 2024-12-10)\n',
    );
  });

  it('finds a config folder with another name, and a vault without the plugin uses the defaults', async () => {
    const dir = vaultWith({ peopleFolder: 'Folks' }, '.my-config');
    const s = (await cli('show-settings', '--vault', dir, '--json')).json<ShowSettings>();
    expect([s.configDir, s.settings.peopleFolder]).toEqual(['.my-config', 'Folks']);
    const plain = tempDir();
    const d = (await cli('show-settings', '--vault', plain, '--json')).json<ShowSettings>();
    expect([d.configDir, d.dataFile, d.settings.peopleFolder]).toEqual([null, null, 'People']);
    expect(fs.readdirSync(plain)).toEqual([]);
  });

  it('refuses a bad --format, and writes nothing while data.json is not JSON (leaving it alone)', async () => {
    const dir = vaultWith({});
    const bad = await cli('import', exportFile(), '--vault', dir, '--format', '{firts}');
    expect([bad.code, bad.err.trim()]).toEqual([
      2,
      'network-crm: --format "{firts}": {firts} is not a placeholder; use {first}, {last}, {name}, {company} (see network-crm import --help)',
    ]);
    const file = path.join(dir, '.obsidian/plugins/network-crm/data.json');
    fs.writeFileSync(file, '{ not json');
    const before = readTree(dir);
    // The settings in force are unknown: with the defaults the notes could go to another folder.
    const r = await cli('import', exportFile(), '--vault', dir, '--json');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toMatch(
      /^network-crm: \.obsidian\/plugins\/network-crm\/data\.json is not valid JSON \(.*\); nothing was written \(fix it, or move it away to use the default settings\)\n$/,
    );
    expect(readTree(dir)).toEqual(before);
    expect(fs.readFileSync(file, 'utf8')).toBe('{ not json');
    // A command that only reads says so and uses the defaults.
    expect((await cli('show-settings', '--vault', dir)).out).toContain('is not valid JSON');
    expect((await cli('stale', '--vault', dir)).err).toMatch(
      /^network-crm: warning: \.obsidian\/plugins\/network-crm\/data\.json is not valid JSON \(.*\); using the default settings\n$/,
    );
  });
});

/**
 * Pins that two dated exports with the same newest connection are ordered by their archive
 * dates, through the vault state. In a quiet week no one connects: the exports of 12-16 and
 * 12-23 both end with the same connection, so their newest Connected On cannot tell them
 * apart, and the export of 12-16 re-imported after the one of 12-23 put the old job titles
 * back. The vault state now keeps the archive date of the newest dated export it imported
 * (`lastImport.exportDate`), written and read by the shared core for the plugin and the CLI,
 * and still loads a state written before it was kept. Files picked one by one have no
 * archive date and keep the rule of newest connections (export-age.ts, UNDATED_EVIDENCE).
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { isOlderThanVault } from '../../../src/core/import/export-age';
import { importSettingsFrom } from '../../../src/core/import/import-settings';
import { planInParts } from '../../../src/core/import/parts';
import { planImport } from '../../../src/core/import/plan';
import type { ImportPlan, ImportSettings } from '../../../src/core/import/plan-types';
import { recordImport } from '../../../src/core/import/record-import';
import { readExport, type LinkedInExport } from '../../../src/core/linkedin/read-export';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { EMPTY_VAULT_STATE, sanitizeVaultState, type VaultState } from '../../../src/core/vault-state';
import { connectionsText, url } from '../../support/export-builder';
import { MemoryVault } from '../../support/memory-vault';

interface Row {
  first: string;
  last: string;
  company: string;
  position: string;
  /** `DD Mon YYYY`, as LinkedIn writes it. */
  on: string;
}

const connectionsCsv = (rows: readonly Row[]) =>
  connectionsText(rows.map((r) => ({ ...r, url: url(`${r.first}-${r.last}`.toLowerCase()) })));

/** An export as LinkedIn names it, or with `archive` null, files picked one by one (undated). */
function exportOf(archive: string | null, rows: readonly Row[], compactAbove?: number): LinkedInExport {
  const csv = strToU8(connectionsCsv(rows));
  return readExport(
    [
      archive === null
        ? { name: 'Connections.csv', bytes: csv, origin: 'picked' as const }
        : { name: `${archive}/Connections.csv`, bytes: csv, origin: 'listed' as const },
    ],
    { compactAbove },
  );
}

const mateo: Row = { first: 'Mateo', last: 'Ali', company: 'Datalune', position: 'VP Engineering', on: '10 Dec 2024' };
const danaThen: Row = { first: 'Dana', last: 'Xu', company: 'Datalune', position: 'CTO', on: '10 Mar 2021' };
const danaNow: Row = { ...danaThen, company: 'Hooli', position: 'Head of Product' };
const danaLater: Row = { ...danaThen, company: 'Initech', position: 'CEO' };
// No one connected between the two exports: both end with Mateo (12-10).
const DEC16 = [mateo, danaThen];
const DEC23 = [mateo, danaNow];
const A = 'Complete_LinkedInDataExport_12-16-2024.zip';
const B = 'Complete_LinkedInDataExport_12-23-2024.zip';

/** The settings both adapters make from the vault state as data.json holds it (a JSON round trip). */
function settingsFrom(state: VaultState, today: string): ImportSettings {
  const loaded = sanitizeVaultState(JSON.parse(JSON.stringify(state)));
  return importSettingsFrom({ ...DEFAULT_SETTINGS, peopleFolder: 'People' }, today, loaded) as ImportSettings;
}

/** Plans with the vault state, applies, and records the import as both adapters do. */
async function importInto(vault: MemoryVault, state: VaultState, exp: LinkedInExport, today: string) {
  const plan = await planImport(exp, vault.snapshot(), settingsFrom(state, today));
  await applyPlan(plan, vault.writer());
  return { plan, state: recordImport(state, plan, today) };
}

const jobLines = (plan: ImportPlan) => plan.updates.filter((u) => u.jobChange).map((u) => u.history);

/** The vault after the export of 12-16, then the one of 12-23 (Dana's job change). */
async function afterBoth(): Promise<{ vault: MemoryVault; state: VaultState }> {
  const vault = new MemoryVault();
  const first = await importInto(vault, EMPTY_VAULT_STATE, exportOf(A, DEC16), '2024-12-17');
  const second = await importInto(vault, first.state, exportOf(B, DEC23), '2024-12-24');
  expect(jobLines(second.plan)).toEqual(['- 2024-12-24 · job change: CTO at Datalune → Head of Product at Hooli']);
  return { vault, state: second.state };
}

describe('two dated exports with the same newest connection', () => {
  it('the vault state keeps the archive date of the export imported, beside its newest connection', async () => {
    const { state } = await afterBoth();
    expect(state.lastImport).toEqual({ date: '2024-12-24', newestConnectedOn: '2024-12-10', exportDate: '2024-12-23' });
  });

  it('the older one re-imported after the newer changes nothing and says it is older', async () => {
    const { vault, state } = await afterBoth();
    const before = new Map(vault.files);
    const { plan, state: after } = await importInto(vault, state, exportOf(A, DEC16), '2024-12-25');
    expect(jobLines(plan)).toEqual([]);
    expect(plan.updates).toEqual([]);
    expect(new Map(vault.files)).toEqual(before);
    expect(vault.files.get('People/Dana Xu.md')).toContain('company: Hooli');
    expect(plan.warnings.map((w) => w.reason)).toEqual([
      'this export (newest connection 2024-12-10, made 2024-12-16) is older than what the vault holds (connections up to 2024-12-10, the export made 2024-12-23): it only fills what a note leaves empty and records no job change',
    ]);
    // Importing it does not make the vault forget the newer export.
    expect(after.lastImport?.exportDate).toBe('2024-12-23');
  });

  it('planned in parts (a huge Connections.csv): the same', async () => {
    const { vault, state } = await afterBoth();
    const before = new Map(vault.files);
    const plan = await planInParts(exportOf(A, DEC16, 0), vault.snapshot(), settingsFrom(state, '2024-12-25'), {
      partSize: 1,
      onPart: async (part) => {
        await applyPlan(part, vault.writer());
        return true;
      },
    });
    expect(plan.updates).toEqual([]);
    expect(plan.warnings.map((w) => w.reason)).toEqual([
      expect.stringMatching(/older than .*the export made 2024-12-23/),
    ]);
    expect(new Map(vault.files)).toEqual(before);
  });

  it("an export dated before the vault's but with a newer connection is newer: its job changes are recorded", async () => {
    // A renamed zip, or another archive of the account with another date: its connections
    // say it is newer, and taking it for older would drop Dana's job change without a word.
    const { vault, state } = await afterBoth();
    const nina: Row = { first: 'Nina', last: 'Berg', company: 'Acme', position: 'Designer', on: '05 Jan 2025' };
    const basic = 'Basic_LinkedInDataExport_12-20-2024.zip';
    const { plan } = await importInto(vault, state, exportOf(basic, [nina, mateo, danaLater]), '2025-01-06');
    expect(plan.warnings).toEqual([]);
    expect(jobLines(plan)).toEqual(['- 2025-01-06 · job change: Head of Product at Hooli → CEO at Initech']);
    expect(vault.files.get('People/Dana Xu.md')).toContain('company: Initech');
  });

  it('the same export again, or a later one, is not older: its job changes are recorded', async () => {
    const { vault, state } = await afterBoth();
    const again = await importInto(vault, state, exportOf(B, DEC23), '2024-12-25');
    expect(again.plan.updates).toEqual([]);
    expect(again.plan.warnings).toEqual([]);
    const later = await importInto(
      vault,
      again.state,
      exportOf('Complete_LinkedInDataExport_12-30-2024.zip', [mateo, danaLater]),
      '2024-12-31',
    );
    expect(jobLines(later.plan)).toEqual(['- 2024-12-31 · job change: Head of Product at Hooli → CEO at Initech']);
    expect(later.plan.warnings).toEqual([]);
    expect(later.state.lastImport?.exportDate).toBe('2024-12-30');
  });

  it('files picked one by one keep the rule of newest connections: a newer undated export is not taken for older', async () => {
    // Undated, it may be the export of 12-30 as well as that of 12-16: with no connection of
    // the vault missing from it, its job change stands (taking it for older would drop it).
    const { vault, state } = await afterBoth();
    const { plan, state: after } = await importInto(vault, state, exportOf(null, [mateo, danaLater]), '2024-12-31');
    expect(jobLines(plan)).toEqual(['- 2024-12-31 · job change: Head of Product at Hooli → CEO at Initech']);
    expect(plan.warnings).toEqual([]);
    // It says nothing about its date: the vault keeps the one it knew.
    expect(after.lastImport).toEqual({ date: '2024-12-31', newestConnectedOn: '2024-12-10', exportDate: '2024-12-23' });
  });

  it('a vault state written before the archive date was kept loads; the next dated import adds it', async () => {
    const { vault, state } = await afterBoth();
    const old = { ...state, lastImport: { date: '2024-12-24', newestConnectedOn: '2024-12-10' } };
    expect(sanitizeVaultState(JSON.parse(JSON.stringify(old)))).toEqual(old);
    expect(settingsFrom(old, '2024-12-25').vaultExportDate).toBeNull();
    // Without the date the two exports cannot be told apart, as before the field: the user's
    // next import of the export of 12-23 (unchanged) records it, and the one of 12-16 is then older.
    const again = await importInto(vault, old, exportOf(B, DEC23), '2024-12-25');
    expect(again.plan.updates).toEqual([]);
    expect(again.state.lastImport?.exportDate).toBe('2024-12-23');
    const { plan } = await importInto(vault, again.state, exportOf(A, DEC16), '2024-12-26');
    expect(plan.updates).toEqual([]);
    expect(plan.warnings.map((w) => w.reason)).toEqual([expect.stringMatching(/older than what the vault holds/)]);
  });
});

describe('the vault state field', () => {
  it('is kept when it is a date, dropped when it is not, and absent when unknown', () => {
    const last = (exportDate: unknown) =>
      sanitizeVaultState({ lastImport: { date: '2024-12-24', newestConnectedOn: '2024-12-10', exportDate } })
        .lastImport;
    expect(last('2024-12-23')).toEqual({
      date: '2024-12-24',
      newestConnectedOn: '2024-12-10',
      exportDate: '2024-12-23',
    });
    for (const bad of ['12-23-2024', '2024-02-30', 20241223, null, undefined])
      expect(Object.keys(last(bad) ?? {})).toEqual(['date', 'newestConnectedOn']);
  });
});

describe('isOlderThanVault with the vault export date', () => {
  it.each([
    // newest connection, archive date, vault's newest, vault's export date → older?
    ['2024-12-10', '2024-12-16', '2024-12-10', '2024-12-23', true], // the quiet week
    ['2024-12-10', '2024-12-23', '2024-12-10', '2024-12-23', false], // the same day: a re-run, Complete after Basic
    ['2024-12-10', '2024-12-30', '2024-12-10', '2024-12-23', false], // made later
    ['2024-12-10', null, '2024-12-10', '2024-12-23', false], // undated: the rule of newest connections
    [null, '2024-12-16', null, '2024-12-23', true], // messages only, and a vault that knows no connection
    ['2024-12-20', '2024-12-24', '2024-12-28', '2024-12-23', true], // dated later, but before the vault's newest connection
    ['2025-01-05', '2024-12-20', '2024-12-10', '2024-12-23', false], // a connection newer than the vault's: newer, whatever its name says
    ['2024-12-10', '2024-12-20', null, '2024-12-23', true], // a vault that knows no connection: the dates decide
  ] as const)('newest %s, made %s, vault %s made %s → %s', (newest, date, vault, vaultDate, older) => {
    expect(isOlderThanVault({ newest, date }, vault, 0, vaultDate)).toBe(older);
  });
});

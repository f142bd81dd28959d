/**
 * Re-importing an export older than what the vault holds rolls nothing back (README, Triage:
 * "re-running an import, or importing an older export, changes nothing"). A user imported
 * the export of 12-16, then the one of 12-23 (73 job changes), then the one of 12-16 again:
 * the plan put the old companies back and wrote false `## History` lines such as
 * `job change: Head of Product at Hooli → CTO at Datalune`. What the vault holds is the
 * newest connection of its imports (the vault state), else of its notes; an export is older
 * when its newest connection and its archive date are before that day (export-age.ts).
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
import { isUpToDate } from '../../../src/core/import/report-path';
import { readExport, type LinkedInExport } from '../../../src/core/linkedin/read-export';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { EMPTY_VAULT_STATE, type VaultState } from '../../../src/core/vault-state';
import { connectionsText, url } from '../../support/export-builder';
import { MemoryVault } from '../../support/memory-vault';

const base = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person' };
const on = (today: string, extra: Partial<ImportSettings> = {}): ImportSettings => ({ ...base, today, ...extra });

interface Row {
  first: string;
  last: string;
  company?: string;
  position?: string;
  email?: string;
  /** `DD Mon YYYY`, as LinkedIn writes it. */
  on: string;
}

const slug = (r: Row) => `${r.first}-${r.last}`.toLowerCase();
const connectionsCsv = (rows: readonly Row[]) => connectionsText(rows.map((r) => ({ ...r, url: url(slug(r)) })));

/**
 * An export as LinkedIn names it (`Complete_LinkedInDataExport_MM-DD-YYYY`), or, with
 * `archive` null, files picked one by one (no date in their names).
 */
function exportOf(archive: string | null, files: Record<string, string>, compactAbove?: number): LinkedInExport {
  return readExport(
    Object.entries(files).map(([name, text]) => ({
      name: archive === null ? name : `${archive}/${name}`,
      bytes: strToU8(text),
      origin: archive === null ? ('picked' as const) : ('listed' as const),
    })),
    { compactAbove },
  );
}

const dana = { first: 'Dana', last: 'Xu', on: '10 Mar 2021' };
const yusuf = { first: 'Yusuf', last: 'Janssen', on: '02 Feb 2022' };
const mateo = { first: 'Mateo', last: 'Ali', company: 'Datalune', position: 'VP Engineering', on: '16 Dec 2024' };
const farid = { first: 'Farid', last: 'Yilmaz', company: 'Massive Dynamic', position: 'CEO', on: '23 Dec 2024' };
// Connected between the two exports, as a week of a real network brings a few.
const week = [
  { first: 'Ines', last: 'Moreau', on: '18 Dec 2024' },
  { first: 'Kofi', last: 'Mensah', on: '20 Dec 2024' },
];

const OLDER: Row[] = [
  mateo,
  { ...yusuf, company: 'Globex', position: 'Data Scientist' },
  { ...dana, company: 'Datalune', position: 'CTO' },
];
const NEWER: Row[] = [
  farid,
  ...week,
  mateo,
  { ...yusuf, company: 'Hooli', position: 'Head of Product' },
  { ...dana, company: 'Hooli', position: 'Head of Product' },
];
const A = 'Complete_LinkedInDataExport_12-16-2024.zip';
const B = 'Complete_LinkedInDataExport_12-23-2024.zip';

/** The vault after importing the export of 12-16, then the one of 12-23; and the state the adapters keep. */
async function vaultAfterBoth(archives: boolean): Promise<{ vault: MemoryVault; state: VaultState }> {
  const vault = new MemoryVault();
  let state = EMPTY_VAULT_STATE;
  for (const [archive, rows, today] of [
    [A, OLDER, '2024-12-17'],
    [B, NEWER, '2024-12-24'],
  ] as const) {
    const plan = await planImport(
      exportOf(archives ? archive : null, { 'Connections.csv': connectionsCsv(rows) }),
      vault.snapshot(),
      on(today),
    );
    await applyPlan(plan, vault.writer());
    state = recordImport(state, plan, today);
  }
  expect(vault.files.get('People/Dana Xu.md')).toContain('job change: CTO at Datalune → Head of Product at Hooli');
  return { vault, state };
}

/** Plans and applies; returns the plan and whether any file changed. */
async function reimport(vault: MemoryVault, exp: LinkedInExport, settings: ImportSettings) {
  const before = new Map(vault.files);
  const plan = await planImport(exp, vault.snapshot(), settings);
  await applyPlan(plan, vault.writer());
  return {
    plan,
    unchanged: new Map(vault.files).size === before.size && [...before].every(([p, t]) => vault.files.get(p) === t),
  };
}

/** Dana (CTO at Datalune since 2021), and Lina, accepted in the triage on 12-20 (connected-on: that day). */
const danaAndLina = () =>
  new MemoryVault({
    'People/Dana Xu.md':
      '---\nlinkedin: https://www.linkedin.com/in/dana-xu\ncompany: Datalune\nposition: CTO\nconnected-on: 2021-03-10\nlinkedin-status: connected\nname: Dana Xu\n---\n',
    'People/Lina Park.md':
      '---\nlinkedin: https://www.linkedin.com/in/lina-park\nconnected-on: 2024-12-20\nlinkedin-status: connected\nname: Lina Park\n---\n',
  });

const jobLines = (plan: ImportPlan) => plan.updates.filter((u) => u.jobChange).map((u) => u.history);

describe('re-importing an export older than the vault', () => {
  it.each([
    ['named by LinkedIn (archive date)', true],
    ['picked as loose files (newest Connected On)', false],
  ])('%s: changes nothing, records no job change, and says why', async (_, archives) => {
    const { vault } = await vaultAfterBoth(archives);
    const { plan, unchanged } = await reimport(
      vault,
      exportOf(archives ? A : null, { 'Connections.csv': connectionsCsv(OLDER) }),
      on('2024-12-25'),
    );
    expect(jobLines(plan)).toEqual([]);
    expect(plan.updates.map((u) => [u.path, u.changes.map((c) => c.field)])).toEqual([]);
    expect(plan.creates).toEqual([]);
    expect(isUpToDate(plan, null)).toBe(true);
    expect(unchanged).toBe(true);
    expect(vault.files.get('People/Dana Xu.md')).toContain('company: Hooli');
    expect(plan.warnings).toHaveLength(1);
    expect(plan.warnings[0]?.reason).toMatch(/older than what the vault holds.*2024-12-23/);
  });

  it('the vault state decides when it knows: the notes lost the newest connection, the state has it', async () => {
    const { vault, state } = await vaultAfterBoth(true);
    for (const name of ['Farid Yilmaz', 'Ines Moreau', 'Kofi Mensah']) vault.files.delete(`People/${name}.md`);
    const settings = importSettingsFrom({ ...DEFAULT_SETTINGS, peopleFolder: 'People' }, '2024-12-25', state);
    expect(settings?.vaultNewestConnectedOn).toBe('2024-12-23');
    const { plan } = await reimport(
      vault,
      exportOf(A, { 'Connections.csv': connectionsCsv(OLDER) }),
      settings as ImportSettings,
    );
    expect(jobLines(plan)).toEqual([]);
    expect(plan.updates).toEqual([]);
  });

  it('a note accepted in the triage after the export was made does not make a newer export "older" when the state says', async () => {
    // The previous import's newest connection was 12-10; Lina was accepted in the triage on
    // 12-20 (connected-on: today); the export, requested on 12-19, brings Dana's job change.
    const vault = danaAndLina();
    const exp = exportOf(null, {
      'Connections.csv': connectionsCsv([
        { first: 'Omar', last: 'Haddad', on: '18 Dec 2024' },
        { ...dana, company: 'Hooli', position: 'Head of Product' },
      ]),
    });
    const { plan } = await reimport(vault, exp, on('2024-12-21', { vaultNewestConnectedOn: '2024-12-10' }));
    expect(jobLines(plan)).toEqual(['- 2024-12-21 · job change: CTO at Datalune → Head of Product at Hooli']);
    expect(plan.warnings).toEqual([]);
  });

  it('without the state: an undated export with or without a person accepted since is not taken for older', async () => {
    const vault = danaAndLina();
    const job = { ...dana, company: 'Hooli', position: 'Head of Product' };
    // The export has her (LinkedIn's day, 12-18): it is not older than her note.
    const withHer = await planImport(
      exportOf(null, { 'Connections.csv': connectionsCsv([{ first: 'Lina', last: 'Park', on: '18 Dec 2024' }, job]) }),
      vault.snapshot(),
      on('2024-12-21'),
    );
    expect(jobLines(withHer)).toEqual(['- 2024-12-21 · job change: CTO at Datalune → Head of Product at Hooli']);
    expect(withHer.updates.find((u) => u.path === 'People/Lina Park.md')?.changes).toEqual([
      { field: 'connected-on', from: '2024-12-20', to: '2024-12-18' },
    ]);
    // Without her and undated, it cannot tell an older export from one she has left since: one
    // missing connection is not enough to drop its job changes (UNDATED_EVIDENCE).
    const without = await planImport(
      exportOf(null, {
        'Connections.csv': connectionsCsv([{ first: 'Omar', last: 'Haddad', on: '18 Dec 2024' }, job]),
      }),
      vault.snapshot(),
      on('2024-12-21'),
    );
    expect(jobLines(without)).toEqual(['- 2024-12-21 · job change: CTO at Datalune → Head of Product at Hooli']);
    expect(without.warnings).toEqual([]);
  });

  it('an undated newer export whose newest connections left is not older: its job changes are recorded', async () => {
    const { vault, state } = await vaultAfterBoth(false);
    // Farid and Kofi removed the owner since; the export, picked as loose files, has Ines (12-18) as its newest.
    const later = connectionsCsv([
      week[0] as Row,
      mateo,
      { ...yusuf, company: 'Initech', position: 'CTO' },
      NEWER[NEWER.length - 1] as Row,
    ]);
    for (const settings of [
      on('2024-12-31'),
      importSettingsFrom({ ...DEFAULT_SETTINGS, peopleFolder: 'People' }, '2024-12-31', state) as ImportSettings,
    ]) {
      const plan = await planImport(exportOf(null, { 'Connections.csv': later }), vault.snapshot(), settings);
      expect(jobLines(plan)).toEqual(['- 2024-12-31 · job change: Head of Product at Hooli → CTO at Initech']);
      expect(plan.warnings).toEqual([]);
    }
  });

  it('an export made after the vault newest connection day is not older, even without that connection (they left)', async () => {
    const { vault } = await vaultAfterBoth(true);
    // Farid (connected 12-23) removed the owner; the export of 12-30 has no one newer than Mateo (12-16).
    const { plan } = await reimport(
      vault,
      exportOf('Complete_LinkedInDataExport_12-30-2024.zip', {
        'Connections.csv': connectionsCsv([
          mateo,
          { ...yusuf, company: 'Initech', position: 'CTO' },
          NEWER[NEWER.length - 1] as Row,
        ]),
      }),
      on('2024-12-31'),
    );
    expect(jobLines(plan)).toEqual(['- 2024-12-31 · job change: Head of Product at Hooli → CTO at Initech']);
    expect(plan.warnings).toEqual([]);
  });

  it('an older export only fills what a note leaves empty, and never overwrites', async () => {
    const vault = new MemoryVault({
      'People/Dana Xu.md':
        '---\nlinkedin: https://www.linkedin.com/in/dana-xu\ncompany: Hooli\nposition: Head of Product\nemail:\nconnected-on: 2021-03-10\nlinkedin-status: connected\nname: Dana Xu\n---\n',
      'People/Farid Yilmaz.md':
        '---\nlinkedin: https://www.linkedin.com/in/farid-yilmaz\nconnected-on: 2024-12-23\nlinkedin-status: connected\nname: Farid Yilmaz\n---\n',
    });
    const { plan } = await reimport(
      vault,
      exportOf(A, {
        'Connections.csv': connectionsCsv([
          { ...dana, company: 'Datalune', position: 'CTO', email: 'dana@example.com' },
        ]),
      }),
      on('2024-12-25'),
    );
    expect(plan.updates.map((u) => [u.path, u.changes.map((c) => `${c.field}=${String(c.to)}`), u.history])).toEqual([
      ['People/Dana Xu.md', ['email=dana@example.com'], null],
    ]);
  });

  it('the vault state keeps its pending sent invitations and decisions after an older export', async () => {
    const { vault, state } = await vaultAfterBoth(true);
    const zoe = { name: 'Zoe Quinn', profileUrl: 'https://www.linkedin.com/in/zoe-quinn', sentOn: '2024-12-20' };
    const before: VaultState = {
      ...state,
      triage: {
        ...state.triage,
        sentPending: [zoe],
        sentDecisions: { [zoe.profileUrl]: { decision: 'waiting', on: '2024-12-24' } },
      },
    };
    const invitationsCsv =
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n' +
      'Alex Martin,Old Invitee,"12/1/24, 9:00 AM",,OUTGOING,https://www.linkedin.com/in/alex,https://www.linkedin.com/in/old-invitee';
    const plan = await planImport(
      exportOf(A, { 'Connections.csv': connectionsCsv(OLDER), 'Invitations.csv': invitationsCsv }),
      vault.snapshot(),
      on('2024-12-25'),
    );
    const after = recordImport(before, plan, '2024-12-25');
    expect(after.triage.sentPending).toEqual([zoe]);
    expect(after.triage.sentDecisions).toEqual(before.triage.sentDecisions);
    // The older export lowers neither the newest connection nor the archive date the vault holds.
    expect(after.lastImport).toEqual({ date: '2024-12-25', newestConnectedOn: '2024-12-23', exportDate: '2024-12-23' });
  });

  it('makes no note for its pending invitees, even with "create notes for pending invitees"', async () => {
    // Its pending invitations are left out of the vault state and said to be; a note made for
    // one would carry an invitation the newer export no longer has.
    const { vault } = await vaultAfterBoth(true);
    const invitationsCsv =
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n' +
      'Alex Martin,Old Invitee,"12/1/24, 9:00 AM",,OUTGOING,https://www.linkedin.com/in/alex,https://www.linkedin.com/in/old-invitee';
    const exp = exportOf(A, { 'Connections.csv': connectionsCsv(OLDER), 'Invitations.csv': invitationsCsv });
    const plan = await planImport(exp, vault.snapshot(), on('2024-12-25', { createNotesForPendingInvitees: true }));
    expect(plan.creates).toEqual([]);
    expect(plan.pendingInvitations.map((p) => p.name)).toEqual(['Old Invitee']);
    expect(plan.seen.invitationsFile).toBe(false);
    // The same export as the newest one does make it.
    const fresh = await planImport(
      exp,
      new MemoryVault().snapshot(),
      on('2024-12-25', { createNotesForPendingInvitees: true }),
    );
    expect(fresh.creates.map((c) => c.name)).toContain('Old Invitee');
  });

  it('planned in parts (a huge Connections.csv): the same', async () => {
    const { vault } = await vaultAfterBoth(true);
    const before = new Map(vault.files);
    const plan = await planInParts(
      exportOf(A, { 'Connections.csv': connectionsCsv(OLDER) }, 0),
      vault.snapshot(),
      on('2024-12-25'),
      {
        partSize: 1,
        onPart: async (part) => {
          await applyPlan(part, vault.writer());
          return true;
        },
      },
    );
    expect(plan.updates).toEqual([]);
    expect(plan.warnings).toHaveLength(1);
    expect(new Map(vault.files)).toEqual(before);
  });
});

describe('isOlderThanVault', () => {
  it.each([
    // newest connection, archive date, vault's newest, connections it lacks after its newest → older?
    ['2024-12-16', '2024-12-16', '2024-12-23', 0, true],
    ['2024-12-16', null, '2024-12-23', 3, true], // undated, lacking the week's connections
    ['2024-12-16', null, '2024-12-23', 1, false], // undated, one person gone: could be newer
    ['2024-12-23', '2024-12-23', '2024-12-23', 0, false], // a re-run, or the Complete archive after the Basic one
    ['2024-12-16', '2024-12-30', '2024-12-23', 1, false], // made after that day: the newest connection left
    [null, '2024-12-16', '2024-12-23', 0, true], // messages only, from an older archive
    [null, null, '2024-12-23', 0, false], // nothing tells
    ['2024-12-16', '2024-12-16', null, 0, false], // the vault knows nothing yet
  ] as const)('newest %s, made %s, vault %s, lacking %s → %s', (newest, date, vault, lacking, older) => {
    expect(isOlderThanVault({ newest, date }, vault, lacking)).toBe(older);
  });
});

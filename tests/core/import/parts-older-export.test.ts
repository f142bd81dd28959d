/**
 * Pins that an import planned in parts (parts.ts: a Connections.csv of more than PART_ROWS
 * people; `compactAbove: 0` makes a tiny file one here) tells an older export as the plan at
 * once does when the vault state does not say (first import with this vault, or files
 * picked one by one): a note counts as in the export when a row has its URL, else one of
 * its e-mails, else its name with nothing contradicting it. The parts looked only by URL,
 * so three people noted by hand without a LinkedIn URL, connected after the export's
 * newest day in their notes, counted as missing from an export that has them: the newer
 * export was taken for older and Dana's job change was silently dropped.
 */
import { strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planInParts } from '../../../src/core/import/parts';
import { planImport } from '../../../src/core/import/plan';
import type { ImportPlan } from '../../../src/core/import/plan-types';
import { readExport } from '../../../src/core/linkedin/read-export';
import { MemoryVault } from '../../support/memory-vault';

const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2024-12-21' };

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const row = (
  first: string,
  last: string,
  on: string,
  extra: { email?: string; company?: string; position?: string } = {},
) =>
  [
    first,
    last,
    `https://www.linkedin.com/in/${first}-${last}`.toLowerCase(),
    extra.email ?? '',
    extra.company ?? '',
    extra.position ?? '',
    on,
  ].join(',');

/** Connections.csv picked as a loose file (no archive date), read compactly (`compactAbove`) or not. */
const exportOf = (rows: readonly string[], compactAbove?: number) =>
  readExport([{ name: 'Connections.csv', bytes: strToU8([HEADER, ...rows].join('\n')), origin: 'picked' }], {
    compactAbove,
  });

const note = (fields: Record<string, string>) =>
  `---\n${Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\nlinkedin-status: connected\n---\n`;

/** Dana (CTO at Datalune since 2021, with her URL). */
const DANA = {
  'People/Dana Xu.md': note({
    name: 'Dana Xu',
    linkedin: 'https://www.linkedin.com/in/dana-xu',
    company: 'Datalune',
    position: 'CTO',
    'connected-on': '2021-03-10',
  }),
};

/**
 * Three people met at a conference and noted by hand on 12-20, without a LinkedIn URL (one
 * under another name, with her e-mail); LinkedIn has them connected on 12-18.
 */
const MET = {
  'People/Ines Moreau.md': note({ name: 'Ines Moreau', 'connected-on': '2024-12-20' }),
  'People/Kofi Mensah.md': note({ name: 'Kofi Mensah', 'connected-on': '2024-12-20' }),
  'People/Lina.md': note({ name: 'Lina', email: 'lina@example.com', 'connected-on': '2024-12-20' }),
};

const danaNow = row('Dana', 'Xu', '10 Mar 2021', { company: 'Hooli', position: 'Head of Product' });
const met = [
  row('Ines', 'Moreau', '18 Dec 2024'),
  row('Kofi', 'Mensah', '18 Dec 2024'),
  row('Lina', 'Park', '18 Dec 2024', { email: 'Lina@Example.com' }),
];

/**
 * What the user sees of each plan: the job changes and the warnings (sorted: the parts plan
 * people part by part, so their own warnings may come in another order, parts.ts).
 */
const seen = (plan: ImportPlan) => ({
  jobs: plan.updates.filter((u) => u.jobChange).map((u) => u.history),
  warnings: plan.warnings.map((w) => w.reason).sort(),
});

async function bothWays(files: Record<string, string>, rows: readonly string[]) {
  const whole = await planImport(exportOf(rows), new MemoryVault(files).snapshot(), settings);
  const parts = await planInParts(exportOf(rows, 0), new MemoryVault(files).snapshot(), settings, { partSize: 1 });
  return { whole: seen(whole), parts: seen(parts) };
}

describe('an import planned in parts, without a vault state, tells an older export as the plan at once', () => {
  it('people noted without a LinkedIn URL whom the export has: a newer export, its job change recorded', async () => {
    const { whole, parts } = await bothWays({ ...DANA, ...MET }, [...met, danaNow]);
    expect(whole).toEqual({
      jobs: ['- 2024-12-21 · job change: CTO at Datalune → Head of Product at Hooli'],
      warnings: [],
    });
    expect(parts).toEqual(whole);
  });

  it('the same people missing from the export: older, as at once', async () => {
    // An export whose newest connection is 12-01: it lacks the three connected after it.
    const { whole, parts } = await bothWays({ ...DANA, ...MET }, [
      row('Omar', 'Haddad', '01 Dec 2024'),
      row('Dana', 'Xu', '10 Mar 2021', { company: 'Datalune', position: 'CTO' }),
    ]);
    expect(whole.jobs).toEqual([]);
    expect(whole.warnings).toEqual([
      expect.stringMatching(/older than what the vault holds \(connections up to 2024-12-20/),
    ]);
    expect(parts).toEqual(whole);
  });

  it('namesakes whose e-mails contradict are other people, missing from the export, as at once', async () => {
    // The notes' Ines, Kofi and Lina Park have other e-mail addresses than the export's: the
    // name alone does not make them the same people, so the export lacks three connections.
    const files = {
      ...DANA,
      'People/Ines Moreau.md': note({ name: 'Ines Moreau', email: 'ines@a.org', 'connected-on': '2024-12-20' }),
      'People/Kofi Mensah.md': note({ name: 'Kofi Mensah', email: 'kofi@a.org', 'connected-on': '2024-12-20' }),
      'People/Lina.md': note({ name: 'Lina Park', email: 'lina@a.org', 'connected-on': '2024-12-20' }),
    };
    const { whole, parts } = await bothWays(files, [
      row('Ines', 'Moreau', '18 Dec 2024', { email: 'ines@b.org' }),
      row('Kofi', 'Mensah', '18 Dec 2024', { email: 'kofi@b.org' }),
      row('Lina', 'Park', '18 Dec 2024', { email: 'lina@b.org' }),
      danaNow,
    ]);
    expect(whole.jobs).toEqual([]);
    expect(whole.warnings).toContainEqual(expect.stringMatching(/older than what the vault holds/));
    expect(parts).toEqual(whole);
  });
});

/**
 * A connection with a note whom a newer export's Connections.csv no longer has (they removed
 * you, you removed them, or their profile is hidden) is marked `linkedin-status: not-connected`,
 * so the notes say what LinkedIn says: found in a real-scale trial, where such notes stayed
 * `connected` and the prune list told the user to remove people already gone. Pins that only the
 * status changes, that they are still listed as missing (that once: a later import does not list
 * them again), that a later export with them makes them connected again, and where it is not
 * done: a note without a profile URL or a Connections.csv without URLs (matched by name, a note
 * may be missing only because its name differs), an export older than the vault, and an export
 * that lacks so many connections that it is more likely cut short (it warns instead).
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { planImport } from '../../../src/core/import/plan';
import { composeImportReport } from '../../../src/core/import/report';
import { connections, exportOf, url, type ConnectionRow } from '../../support/export-builder';
import { MemoryVault } from '../../support/memory-vault';

const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-27' };
const MARK = { field: 'linkedin-status', from: 'connected', to: 'not-connected' };

const noteOf = (name: string, linkedin: string | null, on = '2020-01-01') =>
  `---\nname: ${name}\n${linkedin ? `linkedin: ${linkedin}\n` : ''}company: Acme\nconnected-on: ${on}\nlinkedin-status: connected\ntrust: 4\nmet-where: Slush\ntags: [person]\n---\n\n## Interactions\n\n- 2025-01-01 · call · hello\n\nMy own words.\n`;
const SOPHIE = 'People/Sophie Ali.md';
const row = (first: string, slug: string | null, on = '01 Nov 2026'): ConnectionRow => ({
  first,
  last: 'Lee',
  url: slug === null ? '' : url(slug),
  company: 'Acme',
  on,
});

async function importInto(vault: MemoryVault, rows: readonly ConnectionRow[], extra: object = {}) {
  const plan = await planImport(exportOf(connections(rows)), vault.snapshot(), { ...settings, ...extra });
  expect((await applyPlan(plan, vault.writer())).failed).toEqual([]);
  return plan;
}

describe('a connection missing from a newer export', () => {
  it('is marked not-connected, nothing else of the note changes, and the report says so', async () => {
    const vault = new MemoryVault({ [SOPHIE]: noteOf('Sophie Ali', url('sophie')) });
    const before = vault.files.get(SOPHIE) ?? '';
    const plan = await planImport(exportOf(connections([row('Ann', 'ann')])), vault.snapshot(), settings);
    const result = await applyPlan(plan, vault.writer());

    expect(plan.missingFromExport).toEqual([{ path: SOPHIE, name: 'Sophie Ali' }]);
    expect(plan.updates.map((u) => [u.path, u.changes])).toEqual([[SOPHIE, [MARK]]]);
    expect(vault.files.get(SOPHIE)).toBe(
      before.replace('linkedin-status: connected', 'linkedin-status: not-connected'),
    );
    expect(composeImportReport(plan, { date: settings.today, result })).toContain(
      "[[People/Sophie Ali|Sophie Ali]] (Sophie Ali): not in this export's connections (removed, or hidden their profile). Marked `linkedin-status: not-connected`; your fields and text are as they were.",
    );

    // Listed once: the next import finds nothing missing; back in an export, connected again.
    const again = await importInto(vault, [row('Ann', 'ann')]);
    expect(again.missingFromExport).toEqual([]);
    expect(again.updates).toEqual([]);
    const back = await importInto(vault, [
      row('Ann', 'ann'),
      { ...row('Sophie', 'sophie', '01 Jan 2020'), last: 'Ali' },
    ]);
    expect(back.updates.find((u) => u.path === SOPHIE)?.changes).toContainEqual({
      field: 'linkedin-status',
      from: 'not-connected',
      to: 'connected',
    });
  });

  it('is only listed when the note has no profile URL, or the export none either', async () => {
    const noUrl = new MemoryVault({ [SOPHIE]: noteOf('Sophie Ali', null) });
    const plan = await importInto(noUrl, [row('Ann', 'ann')]);
    expect(plan.missingFromExport.map((m) => m.path)).toEqual([SOPHIE]);
    expect(plan.updates).toEqual([]);

    const oldExport = new MemoryVault({ [SOPHIE]: noteOf('Sophie Ali', url('sophie')) });
    const plan2 = await importInto(oldExport, [row('Ann', null)]);
    expect(plan2.missingFromExport.map((m) => m.path)).toEqual([SOPHIE]);
    expect(plan2.updates.filter((u) => u.path === SOPHIE)).toEqual([]);
    expect(plan2.warnings).toEqual([]);

    // One row without a URL among rows with one: its person could be the note's, found by name only.
    const mixed = new MemoryVault({ [SOPHIE]: noteOf('Sophie Ali', url('sophie')) });
    const plan3 = await importInto(mixed, [row('Ann', 'ann'), row('Bo', null)]);
    expect(plan3.updates.filter((u) => u.path === SOPHIE)).toEqual([]);
    expect(plan3.warnings.map((w) => w.reason)).toContain(
      '1 connection with a note is not in this Connections.csv and only listed as missing, not marked not-connected: not every row of it has a profile URL to find their note by',
    );
  });

  it('is only listed when a row of the file could not be read, and may be theirs', async () => {
    const vault = new MemoryVault({ [SOPHIE]: noteOf('Sophie Ali', url('sophie')) });
    // A byte that is not UTF-8 in Sophie's row of a UTF-8 file (a damaged download): the row is skipped.
    const bytes = new TextEncoder().encode(
      `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,${url('ann')},,Zoë Labs,CTO,01 Nov 2026\nSophie,AlXi,${url('sophie')},,Acme,CTO,01 Jan 2020\n`,
    );
    bytes[bytes.indexOf('X'.charCodeAt(0))] = 0xff;
    const plan = await planImport(
      exportOf({ name: 'Connections.csv', bytes, origin: 'picked' }),
      vault.snapshot(),
      settings,
    );
    expect(plan.skipped).toHaveLength(1);
    expect(plan.updates.filter((u) => u.path === SOPHIE)).toEqual([]);
    expect(plan.warnings.map((w) => w.reason)).toContain(
      '1 connection with a note is not in this Connections.csv and only listed as missing, not marked not-connected: 1 row of it could not be read, and may be theirs',
    );
  });

  it('is only listed from an export older than the vault', async () => {
    // Older: the vault holds three connections made after this export's newest (export-age.ts).
    const later = Object.fromEntries(
      ['10', '12', '15'].map((d) => [`People/Later ${d}.md`, noteOf(`Later ${d}`, url(`later-${d}`), `2026-11-${d}`)]),
    );
    const vault = new MemoryVault({ [SOPHIE]: noteOf('Sophie Ali', url('sophie')), ...later });
    const plan = await importInto(vault, [row('Ann', 'ann')], { vaultNewestConnectedOn: '2026-11-15' });
    expect(plan.warnings.map((w) => w.reason).join()).toContain('older');
    expect(plan.missingFromExport.map((m) => m.path)).toContain(SOPHIE);
    expect(plan.updates.filter((u) => u.changes.some((c) => c.to === 'not-connected'))).toEqual([]);
  });

  it('is only listed, with a warning, when the export lacks more connections than it plausibly lost', async () => {
    const many = Object.fromEntries(
      Array.from({ length: 51 }, (_, i) => [`People/P${i}.md`, noteOf(`P${i}`, url(`p-${i}`))]),
    );
    const vault = new MemoryVault(many);
    const plan = await importInto(vault, [row('Ann', 'ann')]);
    expect(plan.missingFromExport).toHaveLength(51);
    expect(plan.updates).toEqual([]);
    expect(plan.warnings).toContainEqual({
      file: 'Connections.csv',
      line: 0,
      reason:
        '51 connections with a note are not in this Connections.csv and only listed as missing, not marked not-connected: more than a whole export loses in a while; is this file complete?',
    });
    // Fifty are believed.
    const fifty = new MemoryVault(Object.fromEntries(Object.entries(many).slice(0, 50)));
    expect((await importInto(fifty, [row('Ann', 'ann')])).updates).toHaveLength(50);
  });
});

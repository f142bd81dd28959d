/**
 * Issue 13, case 1: one bad byte re-decoded the whole file as Windows-1252. On the real
 * 3,716-person export a stray 0xFF garbled 746 file names on a fresh import and, over an
 * existing vault, rewrote 1,069 notes with 390 false job changes, exit 0. Pinned here: a
 * file that is UTF-8 but for a few bad bytes stays UTF-8, the rows holding them are
 * reported by line and skipped; a cut-short last row is reported and skipped; Windows-1252
 * is still read when the file has no multi-byte UTF-8 at all; and the sanity brake stops a
 * re-import that would move more than 10% (and 50) of the network to another company.
 * The CLI runs as a child process (see run.ts).
 */
import { describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/lib/synthetic-export';
import { asWindows1252, cutInsideLastMultibyte, cutInsideLastRow, strayBytes } from './bytes';
import { withCompaniesChanged } from './exports';
import { peopleNotes, runChild, workspace, writeFile, writeZip } from './run';

const TODAY = '2026-11-26';
const exp = generateExport({ connections: 400, seed: 13 });
const CONNECTIONS = exp.files['Connections.csv'] as string;
/** What UTF-8 read as Windows-1252 looks like. */
const MOJIBAKE = /Ã|Â|Å|Ä|â€/;
const LAST_ROW = 'Zoë,Šarić,https://www.linkedin.com/in/zoe-saric,,Försvarsmakten,CTO,01 Jan 2020';

function lineOf(text: string, line: number): string {
  return text.split('\n')[line - 1] as string;
}

describe('case 1: bad bytes and cut-short files', () => {
  it('a stray 0xFF leaves the file UTF-8: no garbled name, the row reported with its line and skipped', () => {
    const { dir, vault } = workspace();
    expect(lineOf(CONNECTIONS, 10)).toMatch(/linkedin\.com/);
    const bad = strayBytes(CONNECTIONS, [10]);
    const r = runChild(['import', writeFile(dir, 'Connections.csv', bad.bytes), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    const names = [...peopleNotes(vault).keys()];
    expect(names.filter((n) => MOJIBAKE.test(n))).toEqual([]);
    expect(names.some((n) => /[öéáüšćñ]/i.test(n))).toBe(true);
    expect(r.json().skipped).toContainEqual({
      file: 'Connections.csv',
      line: 10,
      reason: expect.stringContaining('not valid UTF-8') as string,
    });
    expect(r.json().created).toBe(exp.people.length - 1);
  });

  it('over an existing vault, a stray byte rewrites no note and records no job change', () => {
    const { dir, vault } = workspace();
    expect(runChild(['import', writeZip(dir, exp.files, '11-01-2026'), '--vault', vault]).code).toBe(0);
    const before = peopleNotes(vault);
    const bad = strayBytes(CONNECTIONS, [10, 200]);
    const r = runChild(['import', writeZip(dir, { 'Connections.csv': bad.bytes }), '--vault', vault, '--json']);
    expect(r.json()).toMatchObject({ created: 0, updated: 0 });
    expect(r.json().updatedNotes.filter((u) => u.jobChange)).toEqual([]);
    expect(peopleNotes(vault)).toEqual(before);
  });

  it('a download cut inside its last character: the last row is reported as cut short, the rest imported', () => {
    const { dir, vault } = workspace();
    const text = `${CONNECTIONS}\n${LAST_ROW}`;
    const cut = cutInsideLastMultibyte(text.slice(0, text.lastIndexOf('Försvarsmakten') + 2));
    const r = runChild(['import', writeFile(dir, 'Connections.csv', cut.bytes), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    expect([...peopleNotes(vault).keys()].filter((n) => MOJIBAKE.test(n))).toEqual([]);
    expect(r.json().skipped).toContainEqual({
      file: 'Connections.csv',
      line: cut.lines[0],
      reason: expect.stringContaining('cut short') as string,
    });
    expect(r.json().created).toBe(exp.people.length);
  });

  it('a download cut in the middle of its last row never becomes a person with half a job title', () => {
    const { dir, vault } = workspace();
    const cut = cutInsideLastRow(`${CONNECTIONS}\n${LAST_ROW}`, 0.75);
    const r = runChild(['import', writeFile(dir, 'Connections.csv', cut.bytes), '--vault', vault, '--json']);
    expect(r.json().skipped).toContainEqual({
      file: 'Connections.csv',
      line: cut.lines[0],
      reason: expect.stringContaining('cut short') as string,
    });
    expect([...peopleNotes(vault).values()].filter((t) => t.includes('zoe-saric'))).toEqual([]);
  });

  it('a file with no multi-byte UTF-8 at all is still read as Windows-1252 (a legacy Excel re-save)', () => {
    const { dir, vault } = workspace();
    const legacy = asWindows1252(
      `${CONNECTIONS}\nBjörn,Jørgensen,https://www.linkedin.com/in/bjorn-j,,Café Crème,CTO,01 Jan 2020`,
    );
    const r = runChild(['import', writeFile(dir, 'Connections.csv', legacy), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    const bjorn = [...peopleNotes(vault).entries()].find(([name]) => name.startsWith('Björn Jørgensen'));
    expect(bjorn?.[1]).toContain('company: Café Crème');
  });
});

describe('case 1: the sanity brake', () => {
  function seeded() {
    const ws = workspace();
    expect(runChild(['import', writeZip(ws.dir, exp.files, '11-01-2026'), '--vault', ws.vault]).code).toBe(0);
    return ws;
  }

  it('a re-import that would move more than 10% (and 50) of the people to another company stops, writes nothing, and shows examples', () => {
    const { dir, vault } = seeded();
    const before = peopleNotes(vault);
    const garbled = withCompaniesChanged(exp, (i) => i % 4 === 0, 'Garbled Corp');
    const zip = writeZip(dir, { 'Connections.csv': garbled });
    const r = runChild(['import', zip, '--vault', vault, '--today', TODAY]);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/would change the company of \d+ of \d+ people \(\d+%\)/);
    expect(r.err).toMatch(/→ Garbled Corp/);
    expect(r.err).toContain('Run the same command with --yes');
    expect(peopleNotes(vault)).toEqual(before);

    const json = runChild(['import', zip, '--vault', vault, '--today', TODAY, '--json']);
    expect(json.code).toBe(3);
    expect(json.json()).toMatchObject({ stopped: true, brake: { examples: expect.any(Array) as unknown } });

    const yes = runChild(['import', zip, '--vault', vault, '--today', TODAY, '--yes', '--json']);
    expect(yes.code).toBe(0);
    expect(yes.json().updated).toBeGreaterThan(50);
    expect([...peopleNotes(vault).values()].filter((t) => t.includes('company: Garbled Corp')).length).toBe(
      yes.json().updated,
    );
  });

  it('a handful of real job changes does not trip it, and --dry-run only warns', () => {
    const { dir, vault } = seeded();
    const few = withCompaniesChanged(exp, (i) => i % 40 === 0, 'New Employer GmbH');
    const r = runChild(['import', writeZip(dir, { 'Connections.csv': few }), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    expect(r.json().brake).toBeNull();
    const many = withCompaniesChanged(exp, (i) => i % 4 === 0, 'Garbled Corp');
    const dry = runChild(['import', writeZip(dir, { 'Connections.csv': many }), '--vault', vault, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.err).toMatch(/would change the company of/);
  });
});

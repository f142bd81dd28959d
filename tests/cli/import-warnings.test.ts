/**
 * `network-crm import`'s text summary shows the warnings themselves, not only how many there
 * are. A warning is something the user must know about their data: an export older than
 * the one the vault holds (it only fills empty fields and records no job change), an event
 * or a card that could not be read. The summary said "1 warning" and nothing else, with no
 * pointer to `--json`, so a user re-importing an old export never learnt why nothing
 * changed. Pins: each warning as `file:line: reason` under the count, the first
 * WARNINGS_SHOWN of them, then "…and N more (--json lists them all)"; `--json` keeps its
 * shape (file, line, reason for every warning).
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { WARNINGS_SHOWN } from '../../src/cli/commands/import';
import { cli } from '../support/cli';
import { ics, meeting } from '../support/calendar-builders';
import { tempDir } from '../support/temp-dir';

interface Warning {
  file: string;
  line: number;
  reason: string;
}

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const person = (first: string, last: string, company: string, on: string) =>
  `${first},${last},https://www.linkedin.com/in/${`${first}-${last}`.toLowerCase()},,${company},Engineer,${on}`;

/** An export as LinkedIn names it, with its Connections.csv only. */
function writeExport(dir: string, date: string, rows: readonly string[]): string {
  const zip = path.join(dir, `Complete_LinkedInDataExport_${date}.zip`);
  fs.writeFileSync(zip, zipSync({ 'Connections.csv': strToU8([HEADER, ...rows].join('\n') + '\n') }));
  return zip;
}

function vaultIn(dir: string): string {
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  return vault;
}

/** The indented lines printed under "N warnings" (or another count line matching `head`). */
function listedUnder(out: string, head = /^ +[\d,]+ warnings?$/): string[] {
  const lines = out.split('\n');
  const at = lines.findIndex((l) => head.test(l));
  expect(at).toBeGreaterThanOrEqual(0);
  const listed: string[] = [];
  for (const l of lines.slice(at + 1)) {
    if (!l.startsWith('          ')) break;
    listed.push(l.trim());
  }
  return listed;
}

describe('network-crm import: the warnings in the text summary', () => {
  it('an export older than the vault says so, with its file and line, in text as in --json', async () => {
    const dir = tempDir();
    const vault = vaultIn(dir);
    const older = writeExport(dir, '12-16-2024', [
      person('Dana', 'Xu', 'Datalune', '10 Mar 2021'),
      person('Mateo', 'Ali', 'Datalune', '16 Dec 2024'),
    ]);
    const newer = writeExport(dir, '12-23-2024', [
      person('Dana', 'Xu', 'Hooli', '10 Mar 2021'),
      person('Mateo', 'Ali', 'Datalune', '16 Dec 2024'),
      person('Farid', 'Yilmaz', 'Massive Dynamic', '23 Dec 2024'),
    ]);
    expect((await cli('import', older, '--vault', vault, '--today', '2024-12-17')).code).toBe(0);
    expect((await cli('import', newer, '--vault', vault, '--today', '2024-12-24', '--yes')).code).toBe(0);

    const again = ['import', older, '--vault', vault, '--today', '2024-12-25'];
    const json = await cli(...again, '--json');
    const warnings = json.json<{ warnings: Warning[] }>().warnings;
    expect(warnings).toHaveLength(1);
    // --json is unchanged: each warning is its file, line and reason, nothing more.
    expect(Object.keys(warnings[0]!).sort()).toEqual(['file', 'line', 'reason']);
    expect(warnings[0]!.reason).toContain('older than what the vault holds');

    const text = await cli(...again);
    expect(text.out).toMatch(/^ {8}1 warning$/m);
    const w = warnings[0]!;
    expect(listedUnder(text.out)).toEqual([`${w.file}:${w.line}: ${w.reason}`]);
    expect(w.file).toBe('Complete_LinkedInDataExport_12-16-2024.zip/Connections.csv');
  });

  it(`shows the first ${WARNINGS_SHOWN} of many (calendar events and a card that cannot be read), then how many more`, async () => {
    const dir = tempDir();
    const vault = vaultIn(dir);
    const ical = path.join(dir, 'calendar.ics');
    // A DTSTART that is no date: each such event is left out with a warning at its line.
    const bad = Array.from({ length: 7 }, (_, i) =>
      meeting(`DTSTART:2024-12-1${i} 13:00`, `Meeting ${i}`, [['Ann Lee', 'ann@example.com']]),
    );
    fs.writeFileSync(ical, ics(bad));
    const vcf = path.join(dir, 'contacts.vcf');
    fs.writeFileSync(vcf, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ben Ode\r\nEMAIL:ben@example.com\r\n');

    const args = ['import', ical, vcf, '--vault', vault, '--today', '2025-01-01', '--dry-run'];
    const warnings = (await cli(...args, '--json')).json<{ warnings: Warning[] }>().warnings;
    expect(warnings).toHaveLength(8);
    expect(warnings.map((w) => w.file)).toContain('contacts.vcf');

    const text = await cli(...args);
    expect(text.out).toMatch(/^ {8}8 warnings$/m);
    expect(listedUnder(text.out)).toEqual([
      ...warnings.slice(0, WARNINGS_SHOWN).map((w) => `${w.file}:${w.line}: ${w.reason}`),
      `…and ${8 - WARNINGS_SHOWN} more (--json lists them all)`,
    ]);
  });

  it('skipped rows and notes whose YAML is broken are named too, with their file and line', async () => {
    const dir = tempDir();
    const vault = vaultIn(dir);
    fs.mkdirSync(path.join(vault, 'People'));
    const broken = '---\nname: Eve Ray\ncompany: Stark Industries: R&D\n---\n';
    fs.writeFileSync(path.join(vault, 'People', 'Eve Ray.md'), broken);
    const zip = writeExport(dir, '12-16-2024', [
      person('Dana', 'Xu', 'Datalune', '10 Mar 2021'),
      person('Eve', 'Ray', 'Stark', '11 Mar 2021'),
      ',,,,,,15 Mar 2021', // a hidden or deleted account: only a date
    ]);
    const text = await cli('import', zip, '--vault', vault, '--today', '2024-12-17');
    const json = (await cli('import', zip, '--vault', vault, '--today', '2024-12-17', '--dry-run', '--json')).json<{
      skipped: Warning[];
      unreadable: Array<{ path: string; error: string }>;
    }>();
    expect(json.skipped).toHaveLength(1);
    expect(listedUnder(text.out, /^ +1 row skipped$/)).toEqual([
      `${json.skipped[0]!.file}:${json.skipped[0]!.line}: ${json.skipped[0]!.reason}`,
    ]);
    expect(listedUnder(text.out, /^ +1 unreadable note \(/)).toEqual([
      `People/Eve Ray.md: ${json.unreadable[0]!.error}`,
    ]);
    expect(fs.readFileSync(path.join(vault, 'People', 'Eve Ray.md'), 'utf8')).toBe(broken);
  });

  it('no warnings, no warning lines', async () => {
    const dir = tempDir();
    const vault = vaultIn(dir);
    const zip = writeExport(dir, '12-16-2024', [person('Dana', 'Xu', 'Datalune', '10 Mar 2021')]);
    const text = await cli('import', zip, '--vault', vault, '--today', '2024-12-17');
    expect(text.out).not.toMatch(/warning/);
  });
});

/**
 * Issue 13, case 4: two exports in one run (the Basic and the Complete archive, or a
 * Downloads folder with both unzipped) made two notes for each person (7,317 notes for
 * 3,661 people), and every later import reported them all as ambiguous. Pinned here: the
 * inputs of one run are one export, people are merged by identity before planning, and
 * the newest value wins field by field, by the export date in the archive name.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExport } from '../../src/core/linkedin/read-export';
import { twoExports, writeTwoFolders, writeTwoZips } from './exports';
import { peopleNotes, runChild, workspace } from './run';

const two = twoExports({ connections: 300, seed: 4, invitations: 40, messages: 120 });

/** What importing the Complete archive alone makes: the notes two archives must make too. */
function baseline(): string[] {
  const { dir, vault } = workspace();
  const [, complete] = writeTwoZips(dir, two);
  expect(runChild(['import', complete, '--vault', vault]).code).toBe(0);
  return [...peopleNotes(vault).keys()].sort();
}

function companies(vault: string): string[] {
  return [...peopleNotes(vault).values()].map((t) => /^company: ?(.*)$/m.exec(t)?.[1] ?? '');
}

describe('case 4: two exports in one run are one export', () => {
  it('Basic + Complete archives: one note per person, the newer archive wins, and a second run finds nothing to do', () => {
    const { dir, vault } = workspace();
    const [basic, complete] = writeTwoZips(dir, two);
    // The older archive last: the date in the names decides, not the order given.
    const r = runChild(['import', complete, basic, '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    // Newest first: the Complete archive's three files, then the Basic one's.
    const merged = r.json().mergedExports as { files: string[] };
    expect(merged.files.map((f) => f.slice(0, f.indexOf('.zip/')))).toEqual([
      ...Array<string>(3).fill(two.completeName),
      ...Array<string>(3).fill(two.basicName),
    ]);
    expect([...peopleNotes(vault).keys()].sort()).toEqual(baseline());
    expect(companies(vault).filter((c) => c === 'Old Employer Ltd')).toEqual([]);
    expect(two.changed.length).toBeGreaterThan(5);

    const again = runChild(['import', basic, complete, '--vault', vault, '--json']);
    expect(again.json()).toMatchObject({ created: 0, updated: 0, ambiguous: [] });
    expect(runChild(['import', basic, complete, '--vault', vault, '--dry-run']).out).toMatch(
      /Read as one export, newest first: Complete_.*, Basic_.* \(\d+ rows were also in a newer file\)/,
    );
  });

  it('a folder holding both unzipped is one export too', () => {
    const { dir, vault } = workspace();
    const r = runChild(['import', writeTwoFolders(dir, two), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    expect([...peopleNotes(vault).keys()].sort()).toEqual(baseline());
    expect(companies(vault).filter((c) => c === 'Old Employer Ltd')).toEqual([]);
  });

  it('field by field: an older export fills only what the newer one leaves empty', () => {
    const header = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
    const enc = (s: string) => new TextEncoder().encode(s);
    const exp = readExport([
      {
        name: 'Complete_LinkedInDataExport_11-20-2026/Connections.csv',
        bytes: enc(`${header}Ann,Lee,https://www.linkedin.com/in/ann,,New Co,,01 Jan 2020`),
        origin: 'listed',
      },
      {
        name: 'Basic_LinkedInDataExport_10-01-2026/Connections.csv',
        bytes: enc(`${header}Ann,Lee,https://www.linkedin.com/in/ann,ann@example.com,Old Co,CTO,01 Jan 2020`),
        origin: 'listed',
      },
    ]);
    const records = exp.connections.flatMap((c) => c.records);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ company: 'New Co', position: 'CTO', email: 'ann@example.com' });
    expect(exp.merged).toEqual({
      files: [
        'Complete_LinkedInDataExport_11-20-2026/Connections.csv',
        'Basic_LinkedInDataExport_10-01-2026/Connections.csv',
      ],
      duplicateRows: 1,
    });
  });

  it('invitations and conversations present in both archives count once', () => {
    const [basic, complete] = writeTwoZips(workspace().dir, two);
    const input = (p: string) => ({ name: path.basename(p), bytes: fs.readFileSync(p), origin: 'picked' as const });
    const count = (e: ReturnType<typeof readExport>) => ({
      invitations: e.invitations.reduce((n, f) => n + f.records.length, 0),
      messages: e.messages.reduce((n, f) => n + f.records.length, 0),
    });
    const both = count(readExport([input(basic), input(complete)]));
    expect(both.invitations).toBeGreaterThan(0);
    expect(both.messages).toBeGreaterThan(0);
    expect(both).toEqual(count(readExport([input(complete)])));
  });
});

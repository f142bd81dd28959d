/**
 * Issue 13, case 3: silent drops. Two zip entries named `Connections.csv`: the first one's
 * rows were ignored (1,865 notes for 3,716 people). A header with `URL,URL`: the first,
 * empty, column won and no note got its URL. Pinned here: every entry is read and the two
 * are merged as one export (messages name each entry); a column written twice is merged
 * when the copies agree (the non-empty one wins) and stops the import with a message
 * naming both columns and the line when they do not.
 */
import { describe, expect, it } from 'vitest';
import { generateExport, PREAMBLE } from '../../scripts/lib/synthetic-export';
import { readExport } from '../../src/core/linkedin/read-export';
import { duplicateColumn } from './csv';
import { zipWithTwoEntries } from './exports';
import { peopleNotes, runChild, workspace, writeFile } from './run';

const exp = generateExport({ connections: 200, seed: 3 });
const CONNECTIONS = exp.files['Connections.csv'] as string;

function halves(): [string, string] {
  const header = CONNECTIONS.indexOf('First Name');
  const lines = CONNECTIONS.slice(header).split('\n');
  const half = Math.floor(lines.length / 2);
  return [PREAMBLE + lines.slice(0, half).join('\n'), PREAMBLE + [lines[0], ...lines.slice(half)].join('\n')];
}

describe('case 3: two entries of one name, a column written twice', () => {
  it('reads both Connections.csv entries of a zip and imports everyone once', () => {
    const { dir, vault } = workspace();
    const [first, second] = halves();
    const zip = writeFile(dir, 'Complete_LinkedInDataExport_11-20-2026.zip', zipWithTwoEntries(first, second));
    const r = runChild(['import', zip, '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    expect(r.json().created).toBe(exp.people.length);
    expect(peopleNotes(vault).size).toBe(exp.people.length);
  });

  it('names each entry in messages, and overlapping entries make one note per person', () => {
    const [first] = halves();
    const read = readExport([
      { name: 'x.zip', bytes: zipWithTwoEntries(first, `${first}\n,,,,,,01 Jan 2020`), origin: 'picked' },
    ]);
    expect(read.connections.map((c) => c.file)).toEqual([
      'x.zip/Connections.csv [entry 1 of 2]',
      'x.zip/Connections.csv [entry 2 of 2]',
    ]);
    const records = read.connections.flatMap((c) => c.records);
    expect(new Set(records.map((r) => r.profileUrl)).size).toBe(records.length);
    expect(read.connections[1]?.skipped.at(-1)?.file).toBe('x.zip/Connections.csv [entry 2 of 2]');
  });

  it('URL,URL with the first copy empty: the URL is kept, every note has it', () => {
    const { dir, vault } = workspace();
    const text = duplicateColumn(CONNECTIONS, 'URL', 'empty-first');
    const r = runChild(['import', writeFile(dir, 'Connections.csv', text), '--vault', vault, '--json']);
    expect(r.code).toBe(0);
    const notes = [...peopleNotes(vault).values()];
    expect(notes).toHaveLength(exp.people.length);
    expect(notes.filter((t) => !/^linkedin: https:\/\/www\.linkedin\.com\/in\//m.test(t))).toEqual([]);
  });

  it('URL,URL with copies that agree is fine; copies that disagree stop with both named, nothing written', () => {
    const { dir, vault } = workspace();
    const same = runChild([
      'import',
      writeFile(dir, 'same.csv', duplicateColumn(CONNECTIONS, 'URL', 'same')),
      '--vault',
      vault,
      '--dry-run',
      '--json',
    ]);
    expect(same.json().created).toBe(exp.people.length);

    const r = runChild([
      'import',
      writeFile(dir, 'Connections.csv', duplicateColumn(CONNECTIONS, 'URL', 'conflict', 20)),
      '--vault',
      vault,
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^network-crm: Connections\.csv, line 20: the column "URL" is there twice \(columns 3 and 4\) and the two disagree: ".*-other" and ".*"\. Keep one of them\n$/,
    );
    expect(peopleNotes(vault).size).toBe(0);
  });
});

/**
 * Issue 13, case 9: zip bombs. An 18 MB zip holding 5 GiB took the CLI down after three
 * minutes at 4.3 GB (a V8 fatal error); a 1 GiB one failed with "Invalid string length",
 * naming no file. Pinned here, with bombs built in memory (zip.ts, a few MB each): every
 * entry's declared and actual size is checked while inflating, and the CLI stops within
 * seconds, in bounded memory, naming the archive and the entry. And the parse streams: a
 * million rows pass through the CSV reader without the file ever existing as one string,
 * and what a parse keeps is its records, not the text they were cut from. A file ten times
 * LinkedIn's cap is planned a part at a time, in a heap that could not hold all its people.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/lib/synthetic-export';
import { CsvReader } from '../../src/core/csv/read-table';
import { runChild, workspace, writeFile } from './run';
import { zipBomb } from './zip';

const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
/** A bomb that looks like a Connections.csv: a real header, then endless blank lines. */
const LINES = { prefix: HEADER, byte: 0x0a };

function bomb(name: string, zip: Uint8Array) {
  const { dir, vault } = workspace();
  const started = performance.now();
  const r = runChild(['import', writeFile(dir, name, zip), '--vault', vault, '--json'], {
    env: { NETWORK_CRM_PERF: '1' },
  });
  const seconds = (performance.now() - started) / 1000;
  const rss = /"maxRssKb":(\d+)/.exec(r.err)?.[1];
  return { r, seconds, peakMb: rss === undefined ? Infinity : Number(rss) / 1024 };
}

describe('case 9: zip bombs stop fast, named, in bounded memory', () => {
  it('1 GiB of zeros, declared honestly: refused before inflating', () => {
    const { r, seconds, peakMb } = bomb('bomb-1g.zip', zipBomb({ inflatedBytes: 2 ** 30 }));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^network-crm: bomb-1g\.zip\/Connections\.csv: would inflate to 1,024 MB, more than the 512 MB/,
    );
    expect(seconds).toBeLessThan(10);
    expect(peakMb).toBeLessThan(400);
  });

  it('5 GiB of blank lines declared as 10 MB: stopped where the lie shows', () => {
    const zip = zipBomb({ inflatedBytes: 5 * 2 ** 30, declaredBytes: 10_000_000, ...LINES });
    const { r, seconds, peakMb } = bomb('bomb-5g.zip', zip);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^network-crm: bomb-5g\.zip\/Connections\.csv: inflates to more than the 10,000,000 bytes it declares/,
    );
    expect(seconds).toBeLessThan(10);
    expect(peakMb).toBeLessThan(400);
  });

  it('5 GiB of blank lines declared as 400 MB (under the limit): stopped by its compression ratio', () => {
    const zip = zipBomb({ inflatedBytes: 5 * 2 ** 30, declaredBytes: 400 * 2 ** 20, ...LINES });
    const { r, seconds, peakMb } = bomb('bomb-400m.zip', zip);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^network-crm: bomb-400m\.zip\/Connections\.csv: inflates \d+ times over/);
    expect(seconds).toBeLessThan(10);
    expect(peakMb).toBeLessThan(400);
  });

  it('a plain CSV larger than any export is refused before it is read', () => {
    const { dir, vault } = workspace();
    const file = writeFile(dir, 'Connections.csv', HEADER);
    // A sparse file: 600 MB on paper, nothing on disk.
    fs.truncateSync(file, 600 * 2 ** 20);
    const r = runChild(['import', file, '--vault', vault]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^network-crm: Connections\.csv: is 600 MB, more than any LinkedIn export file/);
  });
});

describe('case 9: the parse streams', () => {
  it('a million rows go through the CSV reader chunk by chunk, the file never held whole', () => {
    function* chunks(): Generator<string> {
      yield HEADER;
      let batch = '';
      for (let i = 0; i < 1_000_000; i++) {
        batch += `First${i},Last${i},https://www.linkedin.com/in/p-${i},,Company ${i % 977},"Role, ${i % 13}",01 Jan 2020\n`;
        if (batch.length > 1 << 20) {
          yield batch;
          batch = '';
        }
      }
      yield batch;
    }
    let rows = 0;
    let chars = 0;
    let maxBuffered = 0;
    const reader = new CsvReader('Connections.csv', (h) => h.includes('connected on'), 'x', {
      header: () => undefined,
      row: (r) => {
        rows++;
        if (r.cells.length !== 7) throw new Error(`line ${r.line}: ${r.cells.length} cells`);
      },
      bad: (line, message) => {
        throw new Error(`${line}: ${message}`);
      },
    });
    for (const chunk of chunks()) {
      chars += chunk.length;
      reader.push(chunk);
      maxBuffered = Math.max(maxBuffered, reader.buffered);
    }
    reader.end();
    expect(rows).toBe(1_000_000);
    expect(chars).toBeGreaterThan(90_000_000);
    // Between pushes the reader holds the end of one chunk (an unfinished row), never the file.
    expect(maxBuffered).toBeLessThan(1000);
  });
});

/** Heap a parse of `rows` rows still holds after a full GC, each row carrying `padding` characters no record keeps. */
function heldAfterParse(rows: number, padding: number): number {
  const probe = path.join(import.meta.dirname, 'probes', 'heap-after-parse.ts');
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe, String(rows), String(padding)], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as { records: number; heldMb: number };
  expect(out.records).toBe(rows);
  return out.heldMb;
}

describe('case 9: a parse keeps its records, not the file', () => {
  it('an unused 2,000-character column costs nothing once 40,000 rows are parsed', () => {
    // V8 cuts a substring of 13+ characters as a view into its parent, so a kept URL or
    // company kept its whole decoded chunk: 84 MB of text stayed alive here (a 1,000,000-row
    // file, all of it), against 5 MB now. The records themselves are ~15 MB either way.
    const plain = heldAfterParse(40_000, 0);
    const padded = heldAfterParse(40_000, 2000);
    expect(padded - plain).toBeLessThan(20);
  }, 60_000);
});

describe("case 9: a file far past LinkedIn's cap is planned in bounded memory", () => {
  it('300,000 people are planned within a 224 MB heap', () => {
    // Planned at once (or in two parts of 150,000) they needed 240 to 272 MB of heap; in
    // parts of 50,000 they pass with ~25 MB to spare. A 1,000,000-row import completes
    // within 384 MB (see the closing note of issue 13); it is too slow for the suite.
    const { dir, vault } = workspace();
    const exp = generateExport({ connections: 300_000, seed: 9 });
    const csv = writeFile(dir, 'Connections.csv', exp.files['Connections.csv'] as string);
    const r = runChild(['import', csv, '--vault', vault, '--dry-run', '--json', '--today', '2026-11-27'], {
      nodeFlags: ['--max-old-space-size=224'],
    });
    // Out of memory, V8 aborts (signal 6) with its last GCs on stderr.
    expect(r.code, `${r.signal ?? ''} ${r.err.slice(-300)}`).toBe(0);
    expect(r.json().created).toBeGreaterThan(290_000);
    expect(fs.readdirSync(vault)).toEqual([]);
  }, 120_000);
});

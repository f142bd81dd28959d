/**
 * The note cache's facts file read a line at a time (src/cli/facts-file.ts). A wrong line would
 * hand a note someone else's facts, so these pin:
 * - every line comes back exactly, in any order asked, across the reading windows and for a
 *   line longer than a window;
 * - a file of another length, another hash, another number of lines or with bytes after its
 *   last line is refused;
 * - the lines read are those of the file checked, even after another run replaced it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactsFile } from '../../src/cli/facts-file';
import { tempDir } from '../support/temp-dir';

/** Writes `lines` as a facts file; returns what FactsFile.open checks it against. */
function factsFile(lines: readonly string[], file = path.join(tempDir('ncrm-facts-'), 'facts.json')) {
  const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'latin1');
  fs.writeFileSync(file, bytes);
  return {
    file,
    bytes: bytes.length,
    hash: crypto.createHash('sha256').update(bytes).digest('hex'),
    count: lines.length,
  };
}

const open = (f: ReturnType<typeof factsFile>) => FactsFile.open(f.file, f.bytes, f.hash, f.count);

describe('FactsFile', () => {
  it('gives back every line exactly, in any order, whatever its length', () => {
    // ASCII lines as the cache writes them (asciiOnly), some past the 64 KB window.
    const line = fc.oneof(
      { weight: 8, arbitrary: fc.string({ unit: fc.constantFrom('a', '[', '"', ',', '7', ' '), maxLength: 300 }) },
      { weight: 1, arbitrary: fc.nat({ max: 150_000 }).map((n) => 'x'.repeat(n)) },
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), fc.infiniteStream(fc.nat()), (lines, picks) => {
        const facts = open(factsFile(lines)) as FactsFile;
        try {
          const order = lines.map((_, i) => i);
          for (let i = order.length - 1; i > 0; i--) {
            const j = (picks.next().value as number) % (i + 1);
            [order[i], order[j]] = [order[j] as number, order[i] as number];
          }
          for (const i of order) expect(facts.line(i)).toBe(lines[i]);
        } finally {
          facts.close();
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a file that is not the one the keys describe', () => {
    const good = factsFile(['"gen"', '[]', '[1]', '[2]']);
    expect(open(good)).not.toBeNull();
    expect(open({ ...good, bytes: good.bytes - 1 })).toBeNull();
    expect(open({ ...good, hash: '0'.repeat(64) })).toBeNull();
    expect(open({ ...good, count: 3 })).toBeNull();
    expect(open({ ...good, count: 5 })).toBeNull();
    // Bytes after the last line: the right length and hash for them, and still not a facts file.
    const text = '"gen"\n[]\n[1]\n[2]';
    const bytes = Buffer.from(text, 'latin1');
    fs.writeFileSync(good.file, bytes);
    const hash = crypto.createHash('sha256').update(bytes).digest('hex');
    expect(FactsFile.open(good.file, bytes.length, hash, 3)).toBeNull();
  });

  it('reads the file it checked after another run replaced it', () => {
    const first = factsFile(['"one"', '[]', '["Ann"]']);
    const facts = open(first) as FactsFile;
    try {
      const other = path.join(path.dirname(first.file), 'other.json');
      factsFile(['"two"', '[]', '["Bob"]'], other);
      fs.renameSync(other, first.file);
      expect([facts.line(0), facts.line(2)]).toEqual(['"one"', '["Ann"]']);
    } finally {
      facts.close();
    }
    expect(() => facts.line(0)).toThrow();
  });
});

// printJson writes `--json` output element by element so large lists never become one
// string; scripts parse that output, so it must be byte for byte JSON.stringify(v, null, 2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonList, printJson } from '../../src/cli/json-out';
import type { CliIo } from '../../src/cli/io';

function printed(value: Record<string, unknown>): string {
  const lines: string[] = [];
  const io = { out: (l: string) => lines.push(l) } as unknown as CliIo;
  printJson(io, value);
  return lines.join('\n');
}

describe('printJson', () => {
  it('prints what JSON.stringify(value, null, 2) prints, for any object of lists and values', () => {
    const json = fc.jsonValue();
    const top = fc.dictionary(fc.string(), fc.oneof(json, fc.array(json), fc.constant(undefined)));
    fc.assert(
      fc.property(top, (value) => {
        expect(printed(value)).toBe(JSON.stringify(value, null, 2));
      }),
    );
  });

  it('prints lists that cross the chunks elements are serialised in exactly as JSON.stringify does', () => {
    const element = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined), fc.date({ noInvalidDate: true }));
    const long = fc.array(element, { minLength: 120, maxLength: 400 });
    fc.assert(
      fc.property(long, long, (a, b) => {
        const value = { a, n: a.length, b };
        expect(printed(value)).toBe(JSON.stringify(value, null, 2));
      }),
      { numRuns: 30 },
    );
  });

  it('makes a JsonList element only when printing it, and prints what the made list would give', () => {
    const made: number[] = [];
    const writes: Array<{ made: number; text: string }> = [];
    const io = { out: (text: string) => writes.push({ made: made.length, text }) } as unknown as CliIo;
    const card = (n: number) => (made.push(n), { n, words: ['a', 'b'], note: 'x'.repeat(100) });
    const items = Array.from({ length: 5000 }, (_, i) => i);
    printJson(io, { count: 5000, queue: new JsonList(items, card), none: new JsonList([], card) });
    expect(writes.map((w) => w.text).join('\n')).toBe(
      JSON.stringify({ count: 5000, queue: items.map(card), none: [] }, null, 2),
    );
    // Written a few tens of kB at a time, each part before the next cards were made.
    expect(writes.length).toBeGreaterThan(5);
    expect(writes[0]?.made).toBeLessThan(1000);
  });

  it('keeps multi-line strings and nested lists intact', () => {
    const value = { today: '2026-11-26', queue: [{ message: 'a\nb', words: ['x', 'y'] }, [], null], empty: [] };
    expect(printed(value)).toBe(JSON.stringify(value, null, 2));
  });
});

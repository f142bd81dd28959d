/**
 * Pins what the read commands' person index (src/cli/vault-people.ts) keeps of each note:
 * its frontmatter values, log dates and links, not its text. Every value the flat YAML
 * reader returned was a view into the note, so one kept company kept the whole note: at
 * 30,000 notes, tens of MB of text stayed alive behind `stale`, `triage` and `review`.
 * Measured in a child process (probes/heap-of-index.ts) with a full GC on each side.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function heldByIndex(notes: number, bodyLength: number): { heldMb: number; textMb: number } {
  const probe = path.join(import.meta.dirname, 'probes', 'heap-of-index.ts');
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', probe, String(notes), String(bodyLength)], {
    cwd: path.resolve(import.meta.dirname, '..', '..'),
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC' },
  });
  if (r.status !== 0) throw new Error(r.stderr);
  const out = JSON.parse(r.stdout) as { records: number; heldMb: number; textMb: number };
  expect(out.records).toBe(notes);
  return out;
}

describe('the person index of the read commands', () => {
  it('holds a fraction of the notes it read, not their text', () => {
    // 3,000 notes of ~3 kB: 19 MB of text in memory. The index held 23 MB before, ~5 MB now.
    const { heldMb, textMb } = heldByIndex(3000, 3000);
    expect(heldMb).toBeLessThan(textMb / 3);
  }, 60_000);
});

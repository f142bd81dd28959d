/**
 * Pins `network-crm import` on a Connections.csv past PART_ROWS people (planned and written
 * a part at a time, see core/import/parts.ts), through the CLI as a user runs it: the notes
 * it writes are the notes the import planned at once writes, byte for byte; the dry run says
 * the same counts; and the run after it (which plans the parts twice, for the brake) finds
 * every note unchanged and writes nothing. Hostile names and a 2022-shaped export (no URLs,
 * shared names) are in the mix.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateExport } from '../../scripts/lib/synthetic-export';
import { applyPlan } from '../../src/core/import/apply';
import { PART_ROWS, planInParts } from '../../src/core/import/parts';
import { planImport } from '../../src/core/import/plan';
import { readExport } from '../../src/core/linkedin/read-export';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { cli } from '../support/cli';
import { MemoryVault } from '../support/memory-vault';
import { tempDir } from '../support/temp-dir';

const TODAY = '2026-11-27';

// Parts past 1,500 people, of 700 each (the CLI's: past 200,000, of 50,000), and a count of
// the plans made in parts, so the test knows the CLI took that path.
vi.mock('../../src/core/import/parts', async (load) => {
  const real = await load<typeof import('../../src/core/import/parts')>();
  return { ...real, PART_ROWS: 1500, PART_SIZE: 700, planInParts: vi.fn(real.planInParts) };
});

function notesIn(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of fs.readdirSync(dir)) out.set(`People/${name}`, fs.readFileSync(path.join(dir, name), 'utf8'));
  return out;
}

describe.each(['2024', '2022'] as const)('an import of more than PART_ROWS people (%s export)', (era) => {
  it('writes what the import at once writes, and a second run writes nothing', { timeout: 120_000 }, async () => {
    const exp = generateExport({ connections: 4 * PART_ROWS, seed: 8, era, hostile: true });
    const folder = tempDir();
    for (const [name, text] of Object.entries(exp.files)) fs.writeFileSync(path.join(folder, name), text);
    const vault = tempDir();

    vi.mocked(planInParts).mockClear();
    const dry = await cli('import', folder, '--vault', vault, '--today', TODAY, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    const first = await cli('import', folder, '--vault', vault, '--today', TODAY, '--json');
    expect(first.code).toBe(0);
    const made = first.json();
    expect(made.created).toBeGreaterThan(3 * PART_ROWS);
    expect(dry.json().created).toBe(made.created);
    expect(dry.json().stats).toEqual(made.stats);
    // The dry run plans once; the first import (an empty vault: the brake cannot trip) once, as it writes.
    expect(vi.mocked(planInParts)).toHaveBeenCalledTimes(2);

    // The same export planned at once, in memory.
    const inputs = Object.entries(exp.files).map(([name, text]) => ({
      name: path.join(folder, name),
      bytes: new TextEncoder().encode(text),
      origin: 'listed' as const,
    }));
    const atOnce = new MemoryVault();
    const plan = await planImport(readExport(inputs), atOnce.snapshot(), {
      folder: DEFAULT_SETTINGS.peopleFolder,
      fileNameFormat: DEFAULT_SETTINGS.fileNameFormat,
      tag: DEFAULT_SETTINGS.defaultTag,
      today: TODAY,
    });
    await applyPlan(plan, atOnce.writer());
    expect(made.stats).toEqual(plan.stats);
    // Ambiguous rows come in part order: the same rows, with the same candidates (these
    // exports have none; parts.test.ts pins 226 of them).
    const byLine = (list: typeof plan.ambiguous) =>
      [...list].sort((a, b) => a.source.line - b.source.line || a.name.localeCompare(b.name));
    expect(byLine(made.ambiguous)).toEqual(byLine(JSON.parse(JSON.stringify(plan.ambiguous)) as typeof plan.ambiguous));
    expect(notesIn(path.join(vault, 'People'))).toEqual(atOnce.files);

    const again = await cli('import', folder, '--vault', vault, '--today', TODAY, '--json');
    expect(again.code).toBe(0);
    expect(again.json()).toMatchObject({ upToDate: true, created: 0, updated: 0, unchanged: made.created });
    // Over a vault with notes it plans first (the brake), then again as it writes.
    expect(vi.mocked(planInParts)).toHaveBeenCalledTimes(4);
  });
});

it('stops at the first part when the people folder cannot be made, with one failure', { timeout: 60_000 }, async () => {
  const exp = generateExport({ connections: 4 * PART_ROWS, seed: 9 });
  const folder = tempDir();
  for (const [name, text] of Object.entries(exp.files)) fs.writeFileSync(path.join(folder, name), text);
  const vault = tempDir();
  fs.writeFileSync(path.join(vault, 'People'), 'a file where the folder should be');
  const run = await cli('import', folder, '--vault', vault, '--today', TODAY, '--json');
  expect(run.code).toBe(1);
  expect(run.json().failed).toHaveLength(1);
  expect(run.json().failed[0]?.path).toBe('People');
});

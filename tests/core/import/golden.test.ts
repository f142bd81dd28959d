/**
 * A synthetic export with the quirks real ones have (preamble, blank member row,
 * percent-encoded URL, quoted comma, stray spaces, duplicate row, URN in the email column,
 * impossible date), hostile names (paths, HTML, YAML specials, emoji, RTL, a reserved
 * device name, a nameless row) and names as people write them (credentials, pronouns, a
 * dangling comma, decorative Unicode, four Jane Does) becomes exactly the expected note
 * tree; a newer export then updates LinkedIn's fields, leaves the user's edits (aliases
 * included) alone, and a fifth Jane Doe joining renames no one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { planImport } from '../../../src/core/import/plan';
import { readExport } from '../../../src/core/linkedin/read-export';
import { expectTree, treeOf } from '../../support/golden';
import { MemoryVault } from '../../support/memory-vault';
import { FIXTURES } from '../../support/paths';

const GOLDEN = path.join(FIXTURES, 'golden');
const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-26' };

function exportOf(version: string) {
  return readExport([
    {
      name: 'Connections.csv',
      bytes: fs.readFileSync(path.join(GOLDEN, version, 'Connections.csv')),
      origin: 'picked',
    },
  ]);
}

async function importInto(vault: MemoryVault, version: string, today = settings.today) {
  const plan = await planImport(exportOf(version), vault.snapshot(), { ...settings, today });
  const result = await applyPlan(plan, vault.writer());
  return { plan, result };
}

describe('golden: first import and a newer re-import', () => {
  it('first import writes exactly the expected notes', async () => {
    const vault = new MemoryVault();
    const { plan, result } = await importInto(vault, 'v1');
    expect({
      created: result.created.length,
      skipped: plan.skipped.length,
      warnings: plan.warnings.length,
      failed: result.failed,
    }).toEqual({ created: 19, skipped: 2, warnings: 1, failed: [] });
    expectTree(treeOf(vault.files), path.join(GOLDEN, 'v1-expected'));
  });

  it('re-importing the same export writes nothing', async () => {
    const vault = new MemoryVault();
    await importInto(vault, 'v1');
    vault.writes.length = 0;
    const { plan } = await importInto(vault, 'v1');
    expect(plan.creates).toHaveLength(0);
    expect(plan.updates).toHaveLength(0);
    expect(plan.unchanged).toHaveLength(19);
    expect(vault.writes).toEqual([]);
  });

  it("a newer export updates LinkedIn's fields, logs the job change and keeps every user edit", async () => {
    const vault = new MemoryVault();
    await importInto(vault, 'v1');
    // The user fills in their fields, writes in the body, and renames and moves a note.
    const jane = vault.files.get('People/Jane Doe.md') as string;
    vault.files.set(
      'People/Jane Doe.md',
      jane
        .replace('met-where:\n', 'met-where: "[[Web Summit 2024]]"\n')
        .replace('trust:\n', 'trust: 4\n')
        .replace(
          '## Interactions\n\n',
          '## Interactions\n\n- 2025-06-01 · meeting · coffee in Lisbon\n\nMy private notes about Jane.\n',
        ),
    );
    const ann = vault.files.get('People/Ann Lee.md') as string;
    vault.files.delete('People/Ann Lee.md');
    vault.files.set(
      'Friends/Ann (college).md',
      ann.replace('tags:\n  - person\n', 'tags:\n  - person\n  - college\nmy-plugin-key: keep me\n'),
    );

    // They replace an alias the import wrote with their own: under an unchanged name it stays replaced.
    const emoji = vault.files.get('People/Emoji 🚀 Rocket.md') as string;
    vault.files.set(
      'People/Emoji 🚀 Rocket.md',
      emoji.replace('aliases:\n  - Emoji Rocket\n', 'aliases:\n  - Rocket man\n'),
    );

    const { plan, result } = await importInto(vault, 'v2', '2026-12-01');
    expect(result.failed).toEqual([]);
    expect(plan.missingFromExport.map((m) => m.path)).toEqual(['People/etc passwd.md']);
    expect(plan.updates.map((u) => [u.path, u.changes.map((c) => c.field)])).toEqual([
      ['People/Jane Doe.md', ['company', 'position', 'job-changed-on']],
      ['People/Matej Šarić.md', ['company', 'position']],
      ['People/Null true.md', ['connected-on']],
    ]);
    // The newcomer takes the next free name; the four Jane Does keep theirs.
    expect(plan.creates.map((c) => c.path)).toEqual(['People/New Person.md', 'People/Jane Doe (Initech).md']);
    expectTree(treeOf(vault.files), path.join(GOLDEN, 'v2-expected'));
  });
});

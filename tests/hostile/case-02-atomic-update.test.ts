/**
 * Issue 13, case 2: an update wrote the frontmatter, then the body. Killed in between (3 of
 * 6 kills on the real export), the next run found the new company already there, called
 * the note unchanged, and the old employer never reached `## History`. Pinned here, with a
 * real SIGKILL of the CLI after its Nth rename (faults/kill-after-renames.mjs) at every N:
 * after the kill and one more run, every job change has its history line, exactly once.
 * And a note an older version left damaged that way gets its line on the next import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/lib/synthetic-export';
import { applyPlan } from '../../src/core/import/apply';
import { planImport } from '../../src/core/import/plan';
import { readExport } from '../../src/core/linkedin/read-export';
import { MemoryVault } from '../support/memory-vault';
import { withCompaniesChanged } from './exports';
import { KILL_AFTER_RENAMES, peopleNotes, runChild, workspace, writeZip } from './run';

const TODAY = '2026-11-26';
const exp = generateExport({ connections: 120, seed: 2 });
/** Every 12th person moves: about 10 job changes. */
const moved = withCompaniesChanged(exp, (i) => i % 12 === 0, 'New Employer GmbH');

function historyProblems(vault: string): string[] {
  const problems: string[] = [];
  for (const [name, text] of peopleNotes(vault)) {
    if (!text.includes('company: New Employer GmbH')) continue;
    const lines = text.split('\n').filter((l) => /· job change: .* → .*New Employer GmbH/.test(l));
    if (lines.length !== 1) problems.push(`${name}: ${lines.length} history lines`);
  }
  return problems;
}

describe('case 2: one atomic write per note update', () => {
  it('killed after any number of note writes, the next run leaves every job change with exactly one history line', () => {
    const { dir, vault } = workspace();
    expect(runChild(['import', writeZip(dir, exp.files, '11-01-2026'), '--vault', vault]).code).toBe(0);
    const seed = fs.mkdtempSync(path.join(dir, 'seed-'));
    fs.cpSync(vault, seed, { recursive: true });
    const zip = writeZip(dir, { 'Connections.csv': moved });

    const full = runChild(['import', zip, '--vault', vault, '--json', '--today', TODAY]);
    const changes = full.json().updatedNotes.filter((u) => u.jobChange).length;
    expect(changes).toBeGreaterThan(5);

    for (let k = 1; k <= changes; k++) {
      fs.rmSync(vault, { recursive: true, force: true });
      fs.cpSync(seed, vault, { recursive: true });
      const killed = runChild(['import', zip, '--vault', vault, '--today', TODAY], {
        preload: KILL_AFTER_RENAMES,
        env: { NCRM_KILL_AFTER_RENAMES: String(k) },
      });
      expect(killed.signal, `kill after ${k} renames`).toBe('SIGKILL');
      expect(runChild(['import', zip, '--vault', vault, '--today', TODAY]).code).toBe(0);
      expect(historyProblems(vault), `killed after ${k} renames`).toEqual([]);
      expect(fs.readdirSync(path.join(vault, 'People')).filter((f) => f.includes('.ncrm-tmp'))).toEqual([]);
    }
  });

  it('an update is one write of the final text (the memory vault counts writes)', async () => {
    const vault = new MemoryVault({
      'People/Ann Lee.md':
        '---\nlinkedin: https://www.linkedin.com/in/ann\ncompany: Old Co\nposition: CTO\n---\nBody.\n',
    });
    const plan = await planImport(
      readExport([
        {
          name: 'Connections.csv',
          bytes: new TextEncoder().encode(
            'First Name,Last Name,URL,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann,New Co,CTO,01 Jan 2020',
          ),
          origin: 'picked',
        },
      ]),
      vault.snapshot(),
      { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: TODAY },
    );
    await applyPlan(plan, vault.writer());
    expect(vault.writes).toEqual(['People/Ann Lee.md']);
    expect(vault.files.get('People/Ann Lee.md')).toContain(`- ${TODAY} · job change: CTO at Old Co → CTO at New Co`);
  });

  it('a note an older version left half-updated (new company, no history line) gets its line on the next import', async () => {
    const damaged =
      '---\nlinkedin: https://www.linkedin.com/in/ann\ncompany: New Co\nposition: CTO\njob-changed-on: 2026-10-01\n---\n[LinkedIn profile](https://www.linkedin.com/in/ann)\n\n## Interactions\n\n';
    const vault = new MemoryVault({ 'People/Ann Lee.md': damaged });
    const exp2 = readExport([
      {
        name: 'Connections.csv',
        bytes: new TextEncoder().encode(
          'First Name,Last Name,URL,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann,New Co,CTO,01 Jan 2020',
        ),
        origin: 'picked',
      },
    ]);
    const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: TODAY };
    const plan = await planImport(exp2, vault.snapshot(), settings);
    expect(plan.updates.map((u) => u.history)).toEqual([
      '- 2026-10-01 · job change: (previous job not recorded) → CTO at New Co',
    ]);
    await applyPlan(plan, vault.writer());
    expect(vault.files.get('People/Ann Lee.md')).toContain(
      '## History\n\n- 2026-10-01 · job change: (previous job not recorded) → CTO at New Co\n',
    );
    // Once there, it is never added again.
    const again = await planImport(exp2, vault.snapshot(), settings);
    expect(again.updates).toEqual([]);
  });
});

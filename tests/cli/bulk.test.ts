/**
 * `network-crm bulk`: one action for everyone a filter selects, with `--today` fixed. Pinned
 * because it writes to many notes at once: the filter must select exactly who it says, the
 * edits must be the view's, people already so must be left alone, `--dry-run` must write
 * nothing, and `network-crm undo` must take the whole step back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

const TODAY = '2026-04-27';
const person = (name: string, fm: string) =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/\W+/g, '-')}\nlinkedin-status: connected\n${fm}\ntags:\n  - person\n---\n\n## Interactions\n\n`;
const VAULT = {
  'People/Ann Lee.md': person('Ann Lee', 'trust: 5\nlast-contact: 2026-01-01\ncompany: Acme Corp'),
  'People/Bo Kim.md': person('Bo Kim', 'trust: 5\nlast-contact: 2026-04-20\ncompany: Acme Corp'),
  'People/Cy Fox.md': person(
    'Cy Fox',
    'trust: 4\nlast-contact: 2025-06-01\ncompany: Globex\nmet-where: "[[Web Summit 2024]]"',
  ),
  'People/Di Ray.md': person('Di Ray', 'connected-on: 2026-04-01'),
};

interface BulkJson {
  dryRun: boolean;
  matched: number;
  changed: Array<{ name: string; change: string }>;
  unchanged: Array<{ name: string }>;
  failed: unknown[];
}

const read = (dir: string, p: string) => fs.readFileSync(path.join(dir, p), 'utf8');

describe('network-crm bulk', () => {
  it('logs contact today with everyone the filter selects, and undo takes it all back', async () => {
    const dir = tempDir();
    writeTree(dir, VAULT);
    const before = readTree(dir);
    const dry = await cli(
      'bulk',
      '--vault',
      dir,
      '--today',
      TODAY,
      '--filter',
      'stale company:acme',
      '--log',
      '--dry-run',
    );
    expect(dry.out).toBe(
      'Dry run: would log contact today with 1 person (1 person match "stale company:acme")\n' +
        '  Ann Lee: contact logged on 2026-04-27  (People/Ann Lee.md)\n',
    );
    expect(readTree(dir)).toEqual(before);
    const run = await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'stale', '--log', '--json');
    expect(run.json<BulkJson>()).toMatchObject({
      dryRun: false,
      matched: 2,
      changed: [{ name: 'Ann Lee' }, { name: 'Cy Fox' }],
      failed: [],
    });
    expect(read(dir, 'People/Ann Lee.md')).toContain('last-contact: 2026-04-27\n');
    expect(read(dir, 'People/Cy Fox.md')).toContain('## Interactions\n\n- 2026-04-27 · other\n');
    expect(read(dir, 'People/Bo Kim.md')).toBe(before['People/Bo Kim.md']);
    const undo = await cli('undo', '--vault', dir);
    expect(undo.code).toBe(0);
    for (const p of Object.keys(VAULT)) expect(read(dir, p)).toBe(before[p]);
  });

  it('ends with the undo command for this vault, quoted for the shell, ready to copy', async () => {
    // It printed `--vault …` literally: the user had to retype the path.
    const dir = path.join(tempDir(), "Alex's vault");
    writeTree(dir, VAULT);
    const run = await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'stale', '--log');
    const last = run.out.trimEnd().split('\n').at(-1);
    expect(last).toBe(`Undo with: network-crm undo --vault '${dir.replace("'", "'\\''")}'`);
  });

  it('sets trust, cadence and tags, leaving alone who is already so', async () => {
    const dir = tempDir();
    writeTree(dir, VAULT);
    const trust = (
      await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'company:acme', '--trust', '4', '--json')
    ).json<BulkJson>();
    expect(trust.changed.map((c) => c.change)).toEqual(['trust 5 → 4', 'trust 5 → 4']);
    const again = (
      await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'company:acme', '--trust', '4', '--json')
    ).json<BulkJson>();
    expect(again).toMatchObject({ matched: 2, changed: [], unchanged: [{ name: 'Ann Lee' }, { name: 'Bo Kim' }] });
    await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'met-where:"web summit 2024"', '--tag', '#mentor');
    expect(read(dir, 'People/Cy Fox.md')).toContain('tags:\n  - person\n  - mentor\n');
    // The person tag setting is untouched by --tag: Cy is still found as a person, by the new tag too.
    const tagged = (
      await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'tag:mentor', '--cadence', '21', '--json')
    ).json<BulkJson>();
    expect(tagged.changed).toEqual([{ name: 'Cy Fox', path: 'People/Cy Fox.md', change: 'cadence none → 21' }]);
    await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'tag:mentor', '--untag', 'mentor');
    expect(read(dir, 'People/Cy Fox.md')).not.toContain('mentor');
    await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'untriaged', '--snooze', '2026-06-01');
    expect(read(dir, 'People/Di Ray.md')).toContain('snooze-until: 2026-06-01\n');
    await cli('bulk', '--vault', dir, '--today', TODAY, '--filter', 'trust:4', '--stop');
    expect(read(dir, 'People/Ann Lee.md')).toContain('cadence: 0\n');
  });

  it('refuses what it cannot do right, with a clear message and nothing written', async () => {
    const dir = tempDir();
    writeTree(dir, VAULT);
    const before = readTree(dir);
    const err = async (...argv: string[]) => {
      const r = await cli('bulk', '--vault', dir, '--today', TODAY, ...argv);
      expect(r.code).toBe(2);
      return r.err;
    };
    expect(await err('--filter', 'stale')).toContain(
      'say what to do: one of --log, --snooze DATE, --trust N, --cadence DAYS, --tag T, --untag T, --stop',
    );
    expect(await err('--filter', 'stale', '--log', '--stop')).toContain('one action at a time (got --log, --stop)');
    expect(await err('--filter', 'stalee', '--log')).toContain('--filter: unknown filter "stalee"');
    expect(await err('--filter', 'stale', '--trust', '7')).toContain('trust 7: expected a level from 1 to 5');
    expect(await err('--filter', 'stale', '--snooze', '2026-04-01')).toContain('the date must be after today');
    expect(await err('--log')).toContain('--filter is required');
    expect(await err('--filter', 'stale', '--untag', 'person')).toContain('#person marks person notes');
    expect(readTree(dir)).toEqual(before);
  });
});

/**
 * A blank `--filter` is refused by every command that takes one. A filter with no term
 * selects everyone, so `--filter "$WHO"` with WHO unset would log, snooze or rate the whole
 * network; the user meant someone, and nothing is written on a guess.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

const note = (name: string) =>
  `---\nname: ${name}\nlinkedin-status: connected\nconnected-on: 2020-01-01\ntags:\n  - person\n---\n\n## Interactions\n\n`;

function vault(): string {
  const dir = tempDir();
  writeTree(dir, { 'People/Ann.md': note('Ann Lee'), 'People/Bo.md': note('Bo Kim') });
  return dir;
}

describe('a blank --filter', () => {
  it.each([
    ['bulk', ['--log']],
    ['bulk', ['--log', '--dry-run']],
    ['decide', ['--all-untriaged', '--keep']],
    ['decide', ['--all-prune-candidates', '--prune', '--dry-run']],
  ])('is a usage error for %s %j, and nothing is written', async (command, rest) => {
    for (const blank of ['', ' ', '\t ']) {
      const dir = vault();
      const before = readTree(dir);
      const r = await cli(command, '--vault', dir, '--today', '2026-11-26', '--filter', blank, ...rest);
      expect([r.code, r.out, r.err.trim()]).toEqual([
        2,
        '',
        `network-crm: --filter ${JSON.stringify(blank)} holds no term: a filter needs at least one term (such as company:Acme) (see network-crm ${command} --help)`,
      ]);
      expect(readTree(dir)).toEqual(before);
    }
  });
});

/**
 * A person note whose frontmatter cannot be parsed is named, wherever the CLI shows it, in
 * one line: the parser's reason, the line and column in the note (its `---` is line 1), and
 * that line; never cut off after a colon where the parser's excerpt was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

const TODAY = '2026-11-26';
const STARK =
  '---\nname: Tony Stark\nlinkedin: https://www.linkedin.com/in/tony-stark\ncompany: Stark Industries: R&D\ntrust: 5\n---\n\n## Interactions\n\n';
const ERROR =
  'YAML error: Nested mappings are not allowed in compact mappings at line 4, column 10 ("company: Stark Industries: R&D")';

function vault(): string {
  const dir = tempDir();
  writeTree(dir, {
    'People/Tony Stark.md': STARK,
    'People/Pepper Potts.md': '---\nname: Pepper Potts\ntrust: 4\nlast-contact: 2026-01-01\n---\n',
  });
  return dir;
}

describe('a frontmatter that cannot be parsed', () => {
  it('is shown by show with its line in the note', async () => {
    const dir = vault();
    const text = await cli('show', '--vault', dir, '--person', 'Tony Stark');
    expect(text.code).toBe(0);
    expect(text.out.split('\n')).toContain(`  problem: frontmatter: ${ERROR}`);
    const json = await cli('show', '--vault', dir, '--person', 'People/Tony Stark.md', '--json');
    expect(json.json<{ problems: string[] }>().problems).toEqual([`frontmatter: ${ERROR}`]);
  });

  it('is named so in the warning of the read commands', async () => {
    const r = await cli('stale', '--vault', vault(), '--today', TODAY, '--json');
    expect(r.code).toBe(0);
    expect(r.err).toBe(
      `network-crm: warning: 1 person note has frontmatter that cannot be parsed, so its fields are not read (left as it is): People/Tony Stark.md: ${ERROR}\n`,
    );
  });

  it("is named so in the import's unreadable notes", async () => {
    const dir = vault();
    const csv = path.join(tempDir(), 'Connections.csv');
    const rows = ['Tony,Stark,https://www.linkedin.com/in/tony-stark', 'Happy,Hogan,https://www.linkedin.com/in/happy'];
    fs.writeFileSync(csv, `First Name,Last Name,URL,Connected On\n${rows.map((r) => `${r},01 Jan 2020`).join('\n')}\n`);
    const r = await cli('import', csv, '--vault', dir, '--today', TODAY, '--json', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.json<{ unreadable: unknown[] }>().unreadable).toEqual([{ path: 'People/Tony Stark.md', error: ERROR }]);
  });
});

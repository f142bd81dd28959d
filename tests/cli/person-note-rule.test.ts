/**
 * Issue 13 case 7 and issue 14's template case: outside the people folder a note is a
 * person note only if it carries the person tag. A meeting note whose frontmatter cites a
 * LinkedIn URL, or a template with an empty `linkedin:` and a `name`, must never receive
 * LinkedIn's fields, and `show` must not find a note whose body merely says "person".
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

const MEETING =
  '---\ntitle: Kickoff\nlinkedin: https://www.linkedin.com/in/ann-lee\n---\nMet Ann Lee, a person from Acme.\n';
const TEMPLATE = '---\nname: Ann Lee\nlinkedin:\ncompany:\n---\n# {{title}}\n';
const MOVED =
  '---\nname: Bo Kim\nlinkedin: https://www.linkedin.com/in/bo-kim\ncompany: Old Co\ntags:\n  - person\n---\n';

function vault(): string {
  const dir = tempDir();
  writeTree(dir, {
    'Meetings/Kickoff.md': MEETING,
    'Notes/Template.md': TEMPLATE,
    'Notes/Meeting.md': '---\ntitle: x\n---\nperson person person\n',
    'Archive/Bo Kim.md': MOVED,
  });
  return dir;
}

function exportFile(dir: string, csv: string): string {
  const file = path.join(dir, 'Connections.csv');
  fs.writeFileSync(file, csv);
  return file;
}

describe('which notes are person notes (outside the people folder: the tag only)', () => {
  it('never writes into a meeting note that cites a profile URL; a tagged note that moved is still updated', async () => {
    const dir = vault();
    const csv = exportFile(
      tempDir(),
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
        'Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,CTO,01 Jan 2024\n' +
        'Bo,Kim,https://www.linkedin.com/in/bo-kim,,New Co,CEO,02 Jan 2024\n',
    );
    const r = await cli('import', csv, '--vault', dir, '--json', '--today', '2026-11-26');
    expect(r.code).toBe(0);
    const tree = readTree(dir);
    expect(tree['Meetings/Kickoff.md']).toBe(MEETING);
    expect(tree['Notes/Template.md']).toBe(TEMPLATE);
    expect(tree['People/Ann Lee.md']).toContain('company: Acme\n');
    expect(tree['Archive/Bo Kim.md']).toContain('company: New Co\n');
    expect(r.json().createdNotes).toEqual(['People/Ann Lee.md']);
  });

  it('a pre-2023 row (no URL) for the name in a template creates the person, not an update of the template', async () => {
    const dir = vault();
    const csv = exportFile(
      tempDir(),
      'First Name,Last Name,Email Address,Company,Position,Connected On\nAnn,Lee,,Acme,CTO,01 Jan 2020\n',
    );
    const r = await cli('import', csv, '--vault', dir, '--dry-run', '--json', '--today', '2026-11-26');
    const s = r.json();
    expect(s.updatedNotes).toEqual([]);
    expect(s.createdNotes).toEqual(['People/Ann Lee.md']);
  });

  it('show does not find a note whose body merely says "person"', async () => {
    const r = await cli('show', '--vault', vault(), '--person', 'Meeting');
    expect(r.code).toBe(2);
    expect(r.err).toContain('no person note matches "Meeting"');
  });
});

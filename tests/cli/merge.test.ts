/**
 * `network-crm merge` on a hostile vault: a CRLF note with a code block merged into an LF
 * note, links from other notes (display text, heading, embed, Markdown) pointed at the
 * kept note, links in code left alone, the removed note moved to `.trash/`, conflicts
 * kept or taken with --take, --dry-run writing nothing, and `undo` bringing back every
 * note byte for byte (the removed one out of .trash), and keeping what was typed since.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

const KEPT = [
  '---',
  'name: Jane Doe',
  'linkedin: https://www.linkedin.com/in/jane-doe',
  'trust: 4',
  'tags:',
  '  - person',
  '---',
  '[LinkedIn profile](https://www.linkedin.com/in/jane-doe)',
  '',
  '## Interactions',
  '',
  '- 2026-03-14 · meeting · Sync',
  '',
].join('\n');

const REMOVED = [
  '---',
  'name: Jane D.',
  'emails:',
  '  - jane@home.example',
  'trust: 3',
  'birthday: "--05-01"',
  '---',
  '## Interactions',
  '',
  '- 2026-03-14 · meeting · Sync',
  '- 2025-12-24 · email · greetings',
  '',
  '## Notes',
  '```',
  '## Interactions',
  'not a heading: [[Jane D]]',
  '```',
  '',
].join('\r\n');

function vault() {
  const dir = tempDir();
  writeTree(dir, {
    'People/Jane Doe.md': KEPT,
    'People/Jane D.md': REMOVED,
    'Daily/2026-03-14.md':
      'Met [[Jane D|Jane]] and ![[Jane D#Notes]], see [her note](../People/Jane%20D.md).\n`[[Jane D]]` in code\n',
    'Projects/X.md': 'Owner: [[People/Jane D]]\r\n',
  });
  return dir;
}

describe('network-crm merge', () => {
  it('merges, rewrites links, moves the other note to .trash', async () => {
    const dir = vault();
    const r = await cli('merge', '--vault', dir, '--keep', 'People/Jane Doe.md', '--into', 'Jane D.', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({
      kept: 'People/Jane Doe.md',
      removed: 'People/Jane D.md',
      trash: '.trash/Jane D.md',
      conflicts: [{ key: 'trust', kept: 4, removed: 3, chosen: 'kept' }],
      links: 4,
    });
    const tree = readTree(dir, (rel) => rel.startsWith('.trash') || !rel.startsWith('.'));
    expect(tree['People/Jane D.md']).toBeUndefined();
    expect(tree['.trash/Jane D.md']).toBe(REMOVED);
    const kept = tree['People/Jane Doe.md'] as string;
    expect(kept).toContain('trust: 4');
    expect(kept).toMatch(/emails:\n {2}- jane@home\.example/);
    expect(kept).toMatch(/aliases:\n {2}- Jane D\./);
    expect(kept).toContain('birthday: "--05-01"');
    expect(kept.split('---\n')[2]).toBe(
      [
        '[LinkedIn profile](https://www.linkedin.com/in/jane-doe)',
        '',
        '## Interactions',
        '',
        '- 2026-03-14 · meeting · Sync',
        '- 2025-12-24 · email · greetings',
        '',
        '## Notes',
        '```',
        '## Interactions',
        'not a heading: [[Jane D]]',
        '```',
        '',
      ].join('\n'),
    );
    expect(tree['Daily/2026-03-14.md']).toBe(
      'Met [[Jane Doe|Jane]] and ![[Jane Doe#Notes]], see [her note](Jane%20Doe.md).\n`[[Jane D]]` in code\n',
    );
    expect(tree['Projects/X.md']).toBe('Owner: [[Jane Doe]]\r\n');
  });

  it('--take takes the other note’s value; --dry-run writes nothing', async () => {
    const dir = vault();
    const before = readTree(dir);
    const dry = await cli('merge', '--vault', dir, '--keep', 'Jane Doe', '--remove', 'People/Jane D.md', '--dry-run');
    expect(dry.out).toContain('Would merge People/Jane D.md into People/Jane Doe.md.');
    expect(dry.out).toContain('conflict trust: kept 4, other 3 → kept note (--take trust to take the other)');
    expect(readTree(dir)).toEqual(before);
    await cli('merge', '--vault', dir, '--keep', 'Jane Doe', '--into', 'People/Jane D.md', '--take', 'trust');
    expect(fs.readFileSync(path.join(dir, 'People/Jane Doe.md'), 'utf8')).toContain('trust: 3');
  });

  it('undo takes the merge back: every note as it was, byte for byte, the removed one out of .trash', async () => {
    const dir = vault();
    const before = readTree(dir);
    await cli('merge', '--vault', dir, '--keep', 'Jane Doe', '--into', 'Jane D.');
    const undo = await cli('undo', '--vault', dir, '--json');
    expect(undo.code).toBe(0);
    expect(undo.json()).toMatchObject({ label: 'merge Jane D into Jane Doe', skipped: [] });
    const after = readTree(dir, (rel) => rel.startsWith('.trash') || !rel.startsWith('.'));
    expect(after).toEqual(before);
  });

  it('two LinkedIn profiles merged stay one note through the next import; undo takes the memory back too', async () => {
    const dir = tempDir();
    const csv = path.join(dir, 'Connections.csv');
    const vaultDir = path.join(dir, 'vault');
    fs.mkdirSync(vaultDir);
    fs.writeFileSync(
      csv,
      [
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        'Ahmed,Andersson,https://www.linkedin.com/in/ahmed-andersson,,Acme,CTO,01 Mar 2021',
        'Ahmed,Andersson,https://www.linkedin.com/in/ahmed-andersson-6sp,,Globex,,05 May 2022',
        '',
      ].join('\n'),
    );
    const importIt = async () =>
      (await cli('import', csv, '--vault', vaultDir, '--today', '2026-11-26', '--json')).json<{
        created: number;
        skipped: Array<{ line: number; reason: string }>;
      }>();
    expect((await importIt()).created).toBe(2);
    const notes = fs.readdirSync(path.join(vaultDir, 'People')).sort();
    expect(notes).toEqual(['Ahmed Andersson (Globex).md', 'Ahmed Andersson.md']);
    const merged = await cli(
      'merge',
      '--vault',
      vaultDir,
      '--keep',
      'Ahmed Andersson.md',
      '--into',
      'Ahmed Andersson (Globex)',
    );
    expect(merged.code).toBe(0);
    const kept = fs.readFileSync(path.join(vaultDir, 'People', 'Ahmed Andersson.md'), 'utf8');
    expect(kept).toContain('linkedin-merged:\n  - https://www.linkedin.com/in/ahmed-andersson-6sp\n');
    const again = await importIt();
    expect(again.created).toBe(0);
    expect(again.skipped).toMatchObject([
      { line: 3, reason: expect.stringContaining('merged into People/Ahmed Andersson.md') as string },
    ]);
    expect(fs.readdirSync(path.join(vaultDir, 'People'))).toEqual(['Ahmed Andersson.md']);
    expect((await cli('undo', '--vault', vaultDir)).code).toBe(0);
    expect(fs.readFileSync(path.join(vaultDir, 'People', 'Ahmed Andersson.md'), 'utf8')).not.toContain(
      'linkedin-merged',
    );
  });

  it('undo after a later edit takes back the merge and keeps the typing (the one undo rule)', async () => {
    const dir = vault();
    const before = readTree(dir);
    await cli('merge', '--vault', dir, '--keep', 'Jane Doe', '--into', 'Jane D.');
    fs.appendFileSync(path.join(dir, 'Projects/X.md'), 'typed after the merge\n');
    const undo = await cli('undo', '--vault', dir, '--json');
    expect(undo.code).toBe(0);
    expect(undo.json()).toMatchObject({ merged: ['Projects/X.md'], skipped: [] });
    expect(fs.readFileSync(path.join(dir, 'Projects/X.md'), 'utf8')).toBe(
      'Owner: [[People/Jane D]]\r\ntyped after the merge\n',
    );
    expect(readTree(dir)).toEqual({
      ...before,
      'Projects/X.md': 'Owner: [[People/Jane D]]\r\ntyped after the merge\n',
    });
  });

  it('undo never deletes the merged note: when its old place is taken, the .trash copy stays', async () => {
    const dir = vault();
    await cli('merge', '--vault', dir, '--keep', 'Jane Doe', '--into', 'Jane D.');
    fs.writeFileSync(path.join(dir, 'People/Jane D.md'), 'a new note the user made here\n');
    const undo = await cli('undo', '--vault', dir, '--json');
    expect(undo.code).toBe(1);
    expect(undo.json()).toMatchObject({
      skipped: [
        { path: 'People/Jane D.md', reason: 'another note has taken its place' },
        { path: '.trash/Jane D.md', reason: 'kept, because People/Jane D.md could not come back' },
      ],
    });
    expect(fs.readFileSync(path.join(dir, '.trash/Jane D.md'), 'utf8')).toBe(REMOVED);
    expect(fs.readFileSync(path.join(dir, 'People/Jane D.md'), 'utf8')).toBe('a new note the user made here\n');
  });

  it('a kept note that cannot be written stops the merge: the other note stays, exit 1', async () => {
    const dir = vault();
    fs.chmodSync(path.join(dir, 'People/Jane Doe.md'), 0o444);
    const r = await cli('merge', '--vault', dir, '--keep', 'Jane Doe', '--into', 'Jane D.');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Not merged: People/Jane D.md stays where it is.');
    expect(fs.readFileSync(path.join(dir, 'People/Jane D.md'), 'utf8')).toBe(REMOVED);
    expect(fs.existsSync(path.join(dir, '.trash'))).toBe(false);
  });

  it('refuses the same note twice and an unknown one', async () => {
    const dir = vault();
    expect((await cli('merge', '--vault', dir, '--keep', 'Jane Doe', '--into', 'Jane Doe')).err).toMatch(/same note/);
    expect((await cli('merge', '--vault', dir, '--keep', 'Jane Doe', '--into', 'Nobody')).code).toBe(2);
  });
});

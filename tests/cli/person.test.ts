import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

function vault(): string {
  const dir = tempDir();
  writeTree(dir, {
    'People/Jane Doe.md':
      '---\nname: Jane Doe\nlinkedin: https://www.linkedin.com/in/jane-doe\n# a comment the user wrote\nlast-contact: 2026-01-10\ntrust: 4\n---\n[LinkedIn profile](x)\n\n## Interactions\n\n- 2026-01-10 · email · hello\n',
    'People/Bo Kim.md': '---\nname: Bo Kim\nlast-contact: not sure\n---\n',
    'Archive/Bo Kim.md': '---\nname: Bo Kim\ntags: [person]\n---\n',
    'Journal/2026-07-14.md': 'Lunch with [[Jane Doe]]',
    '.obsidian/daily-notes.json': '{"format":"YYYY-MM-DD"}',
  });
  return dir;
}

describe('network-crm log / show', () => {
  it('logs an interaction by LinkedIn URL, keeping every other line', async () => {
    const dir = vault();
    const r = await cli(
      'log',
      '--vault',
      dir,
      '--person',
      'https://www.linkedin.com/in/JANE-DOE/',
      '--date',
      '2026-08-01',
      '--channel',
      'call',
      '--note',
      'caught up',
      '--today',
      '2026-11-26',
    );
    expect(r.code).toBe(0);
    expect(r.out).toBe('Logged in People/Jane Doe.md: - 2026-08-01 · call · caught up\n');
    expect(fs.readFileSync(path.join(dir, 'People/Jane Doe.md'), 'utf8')).toBe(
      '---\nname: Jane Doe\nlinkedin: https://www.linkedin.com/in/jane-doe\n# a comment the user wrote\nlast-contact: 2026-08-01\ntrust: 4\n---\n[LinkedIn profile](x)\n\n## Interactions\n\n- 2026-08-01 · call · caught up\n- 2026-01-10 · email · hello\n',
    );
  });

  it('logs a past date below the newer lines, so the log stays newest first', async () => {
    const dir = vault();
    await cli(
      'log',
      '--vault',
      dir,
      '--person',
      'Jane Doe',
      '--date',
      '2025-12-01',
      '--note',
      'older',
      '--today',
      '2026-11-26',
    );
    expect(fs.readFileSync(path.join(dir, 'People/Jane Doe.md'), 'utf8')).toContain(
      '## Interactions\n\n- 2026-01-10 · email · hello\n- 2025-12-01 · other · older\n',
    );
  });

  it('shows the effective last contact and its source (a daily note here)', async () => {
    const dir = vault();
    const r = await cli('show', '--vault', dir, '--person', 'Jane Doe', '--json');
    expect(r.json<{ lastContact: unknown; fields: Record<string, unknown> }>()).toMatchObject({
      lastContact: { date: '2026-07-14', source: 'daily note' },
      fields: { trust: 4 },
    });
  });

  it('counts the links of a daily note that is also a person note, as the plugin does', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'People/Alice.md': '---\nname: Alice\ntrust: 4\n---\n',
      // In the people folder and named as a daily note, with no task in it.
      'People/2026-11-20.md': '---\nname: Day note\n---\nLunch with [[Alice]].\n',
    });
    const r = await cli('show', '--vault', dir, '--person', 'Alice', '--json');
    expect(r.json<{ lastContact: unknown }>().lastContact).toMatchObject({ date: '2026-11-20', source: 'daily note' });
  });

  it('reads and writes a note whose file name is decomposed on disk (a vault synced from a Mac)', async () => {
    const dir = vault();
    const decomposed = 'Jose\u0301 Garci\u0301a.md'; // NFD on disk; the vault path is NFC
    fs.writeFileSync(
      path.join(dir, 'People', decomposed),
      '---\nname: José García\nlast-contact: 2026-01-02\n---\n\n## Interactions\n\n',
    );
    const shown = await cli('show', '--vault', dir, '--person', 'José García', '--json');
    expect(shown.code).toBe(0);
    expect(shown.json<{ fields: Record<string, unknown> }>().fields).toMatchObject({ name: 'José García' });
    const logged = await cli(
      'log',
      '--vault',
      dir,
      '--person',
      'José García',
      '--date',
      '2026-03-04',
      '--note',
      'coffee',
    );
    expect(logged.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'People', decomposed), 'utf8')).toContain('- 2026-03-04 · other · coffee\n');
    expect(fs.readdirSync(path.join(dir, 'People')).filter((f) => f.normalize('NFC') === 'José García.md')).toEqual([
      decomposed,
    ]);
  });

  it('reports malformed values instead of failing', async () => {
    const r = await cli('show', '--vault', vault(), '--person', 'People/Bo Kim.md', '--json');
    expect(r.json<{ lastContact: unknown; problems: string[] }>()).toMatchObject({
      lastContact: null,
      problems: ['last-contact: "not sure" is not a date (expected YYYY-MM-DD)'],
    });
  });

  it('refuses an ambiguous or unknown person, a bad channel and a future date', async () => {
    const dir = vault();
    expect((await cli('show', '--vault', dir, '--person', 'Bo Kim')).err).toContain(
      '"Bo Kim" matches 2 notes (Archive/Bo Kim.md, People/Bo Kim.md); give the path or the LinkedIn URL',
    );
    expect((await cli('show', '--vault', dir, '--person', 'Nobody')).code).toBe(2);
    expect((await cli('log', '--vault', dir, '--person', 'Jane Doe', '--channel', 'pigeon')).err).toContain(
      '--channel "pigeon" must be one of meeting, call, message, email, event, other',
    );
    expect(
      (await cli('log', '--vault', dir, '--person', 'Jane Doe', '--date', '2030-01-01', '--today', '2026-11-26')).err,
    ).toContain('is in the future');
  });
});

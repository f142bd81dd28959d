/**
 * Pins that a note (or data.json) another program saves while the CLI is writing it is not
 * overwritten. Obsidian, an editor or a sync client may save a person note at any moment; the
 * CLI's write takes a while (the new text is flushed to disk before the rename), and a rename
 * made from the text read before would silently lose their save. Each test makes "the other
 * program" save during that flush (fs.fsyncSync is the hook) and checks that both changes, or
 * at least theirs, are in the file afterwards.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FsVault } from '../../src/cli/fs-vault';
import { replaceFile, TMP_SUFFIX } from '../../src/cli/safe-write';
import { loadVaultConfig, updateVaultState } from '../../src/cli/vault-config';
import { parseArgs } from '../../src/cli/args';
import { CliEditor } from '../../src/cli/cli-edits';
import { VAULT_FLAGS } from '../../src/cli/command';
import { openVault } from '../../src/cli/options';
import { cli, importedVault, spawn } from '../support/cli';
import { tempDir } from '../support/temp-dir';

afterEach(() => {
  vi.restoreAllMocks();
});

/**
 * Makes `save` run during each flush of a temp file whose name starts with `.<name>.` (the
 * slow part of every write), `times` times at most, as another program saving that file then.
 */
function saveDuringFlush(dir: string, name: string, save: () => void, times = 1): void {
  const real = fs.fsyncSync.bind(fs);
  let left = times;
  vi.spyOn(fs, 'fsyncSync').mockImplementation((fd) => {
    real(fd);
    const writing = fs.readdirSync(dir).some((f) => f.startsWith(`.${name}.`) && f.endsWith(TMP_SUFFIX));
    if (writing && left > 0) {
      left--;
      save();
    }
  });
}

/** The files of `dir` that are temp files of a write (none may be left behind). */
const tempFiles = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith(TMP_SUFFIX));

describe('a file saved by another program while the CLI writes it', () => {
  it('is replaced only while it still holds the text the new one was made from', () => {
    const dir = tempDir();
    const f = path.join(dir, 'n.md');
    fs.writeFileSync(f, 'old');
    expect(replaceFile(f, 'new', 'n.md', { expect: 'old' })).toBe(true);
    expect(fs.readFileSync(f, 'utf8')).toBe('new');

    saveDuringFlush(dir, 'n.md', () => fs.writeFileSync(f, 'theirs'));
    expect(replaceFile(f, 'newer', 'n.md', { expect: 'new' })).toBe(false);
    expect(fs.readFileSync(f, 'utf8')).toBe('theirs');
    expect(tempFiles(dir)).toEqual([]);
  });

  it('gets the edit made again on the text the other program saved, so both changes are kept', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'Ann.md'), 'line 1\n');
    saveDuringFlush(dir, 'Ann.md', () => fs.appendFileSync(path.join(dir, 'Ann.md'), 'typed in Obsidian\n'));
    const seen: string[] = [];
    await new FsVault(dir).writer().process('Ann.md', (text) => {
      seen.push(text);
      return `${text}added by the CLI\n`;
    });
    expect(seen).toEqual(['line 1\n', 'line 1\ntyped in Obsidian\n']);
    expect(fs.readFileSync(path.join(dir, 'Ann.md'), 'utf8')).toBe('line 1\ntyped in Obsidian\nadded by the CLI\n');
    expect(tempFiles(dir)).toEqual([]);
  });

  it('is left as the other program saved it when it changes under every try, and the error says so', async () => {
    const dir = tempDir();
    const note = path.join(dir, 'Ann.md');
    fs.writeFileSync(note, 'v0\n');
    let saves = 0;
    saveDuringFlush(dir, 'Ann.md', () => fs.writeFileSync(note, `v${++saves}\n`), 10);
    const writer = new FsVault(dir).writer();
    await expect(
      (async () =>
        writer.updateFrontmatter('Ann.md', (fm) => {
          fm.trust = 4;
        }))(),
    ).rejects.toThrow(
      'Ann.md kept changing while network-crm wrote it (another program is saving it); left as that program saved it',
    );
    expect(fs.readFileSync(note, 'utf8')).toBe('v3\n');
    expect(tempFiles(dir)).toEqual([]);
  });

  it('an empty note left by an interrupted run is not filled over what someone wrote into it meanwhile', async () => {
    const dir = tempDir();
    const note = path.join(dir, 'Ann.md');
    fs.writeFileSync(note, '');
    saveDuringFlush(dir, 'Ann.md', () => fs.writeFileSync(note, 'written by hand\n'));
    const writer = new FsVault(dir).writer();
    await expect((async () => writer.create('Ann.md', 'from the import\n'))()).rejects.toThrow(
      'Ann.md already exists; nothing was overwritten',
    );
    expect(fs.readFileSync(note, 'utf8')).toBe('written by hand\n');
  });

  it('data.json: settings the plugin saved during the write are kept beside the new state', () => {
    const vault = tempDir();
    const data = path.join(vault, '.obsidian/plugins/network-crm/data.json');
    fs.mkdirSync(path.dirname(data), { recursive: true });
    fs.writeFileSync(data, JSON.stringify({ peopleFolder: 'People', state: {} }));
    const config = loadVaultConfig(vault);
    saveDuringFlush(path.dirname(data), 'data.json', () =>
      fs.writeFileSync(data, JSON.stringify({ peopleFolder: 'Contacts', state: {} })),
    );
    let calls = 0;
    const saved = updateVaultState(config, (s) => {
      calls++;
      return { ...s, baseFileCreated: true };
    });
    expect(saved.written).toBe(true);
    expect(calls).toBe(2);
    expect(JSON.parse(fs.readFileSync(data, 'utf8'))).toMatchObject({
      peopleFolder: 'Contacts',
      state: { baseFileCreated: true },
    });
  });
});

/**
 * Starts another process that writes `text` to `file` `ms` after it is running; resolves once
 * it runs. It writes while the CLI's code waits (a synchronous wait lets nothing in this process run).
 */
async function writeLater(file: string, text: string, ms: number): Promise<void> {
  const script = `setTimeout(() => require('fs').writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(text)}), ${ms}); process.stdout.write('ready')`;
  const saver = spawn(process.execPath, ['-e', script]);
  await new Promise((resolve) => saver.stdout.once('data', resolve));
}

describe('a file caught in the middle of an in-place save (emptied, not yet written)', () => {
  it('a note read empty is read again, and the edit made on what the other program saved', async () => {
    const dir = tempDir();
    const note = path.join(dir, 'Ann.md');
    fs.writeFileSync(note, '');
    await writeLater(note, '---\nname: Ann\n---\nHer whole note.\n', 30);
    await new FsVault(dir).writer().updateFrontmatter('Ann.md', (fm) => {
      fm.trust = 4;
    });
    expect(fs.readFileSync(note, 'utf8')).toBe('---\nname: Ann\ntrust: 4\n---\nHer whole note.\n');
  });

  it('a note that stays empty is not turned into a fragment of frontmatter, and the error says so', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'Ann.md'), '');
    const writer = new FsVault(dir).writer();
    await expect(
      (async () =>
        writer.updateFrontmatter('Ann.md', (fm) => {
          fm.trust = 4;
        }))(),
    ).rejects.toThrow('Ann.md is empty (another program may be saving it); left as it is');
    expect(fs.readFileSync(path.join(dir, 'Ann.md'), 'utf8')).toBe('');
  });

  it('an empty note being saved in place is not taken for one an interrupted run left, and not created over', async () => {
    const dir = tempDir();
    const note = path.join(dir, 'Ann.md');
    fs.writeFileSync(note, '');
    await writeLater(note, 'Her whole note, saved in Obsidian.\n', 30);
    const writer = new FsVault(dir).writer();
    await expect((async () => writer.create('Ann.md', 'from the import\n'))()).rejects.toThrow(
      'Ann.md already exists; nothing was overwritten',
    );
    expect(fs.readFileSync(note, 'utf8')).toBe('Her whole note, saved in Obsidian.\n');
  });

  it('data.json read empty is read again: the command uses the settings it holds, not the defaults', async () => {
    const vault = tempDir();
    const data = path.join(vault, '.obsidian/plugins/network-crm/data.json');
    fs.mkdirSync(path.dirname(data), { recursive: true });
    fs.writeFileSync(data, '');
    await writeLater(data, JSON.stringify({ peopleFolder: 'Contacts' }), 30);
    expect(loadVaultConfig(vault).settings.peopleFolder).toBe('Contacts');
  });
});

describe('a note saved after the command read it, before its write', () => {
  it('write over a basis refuses a note that no longer holds it (the prune list made from the list read)', async () => {
    const vault = tempDir();
    fs.writeFileSync(path.join(vault, 'List.md'), '- [x] ticked in Obsidian\n');
    const editor = new CliEditor(openVault(parseArgs('prune-list', ['--vault', vault], VAULT_FLAGS)), 'prune list');
    await expect(editor.write('List.md', '- [ ] made from the list read\n', '- [ ] as read\n')).rejects.toThrow(
      'List.md was saved by another program while network-crm wrote it; left as that program saved it',
    );
    expect(fs.readFileSync(path.join(vault, 'List.md'), 'utf8')).toBe('- [x] ticked in Obsidian\n');
  });
});

describe('the commands, with a note saved by Obsidian as they write it', () => {
  /** A vault with Ann Lee and Bo Kim, imported by the CLI. */
  async function twoPeople(): Promise<string> {
    const { vault } = await importedVault(
      'Ann,Lee,https://www.linkedin.com/in/ann-lee,,Globex,Engineer,10 Mar 2021\n' +
        'Bo,Kim,https://www.linkedin.com/in/bo-kim,,Initech,Designer,11 Mar 2021\n',
    );
    return vault;
  }

  it('log keeps the line the user typed in the note during its write, and adds its own', async () => {
    const vault = await twoPeople();
    const people = path.join(vault, 'People');
    const ann = path.join(people, 'Ann Lee.md');
    saveDuringFlush(people, 'Ann Lee.md', () => fs.appendFileSync(ann, '\nMet her again at the meetup.\n'));
    const r = await cli('log', '--vault', vault, '--person', 'Ann Lee', '--date', '2024-12-01', '--note', 'coffee');
    expect(r.code, r.err).toBe(0);
    const text = fs.readFileSync(ann, 'utf8');
    expect(text).toContain('Met her again at the meetup.');
    expect(text).toContain('coffee');
    expect(text).toMatch(/^last-contact: 2024-12-01$/m);
  });

  it('prune-list does not replace a checklist ticked in Obsidian while it wrote it, and says so', async () => {
    const vault = await twoPeople();
    const first = await cli('prune-list', '--vault', vault, '--today', '2024-12-01');
    expect(first.code, first.err).toBe(0);
    const folder = path.join(vault, 'Network CRM');
    const list = path.join(folder, 'Prune list.md');
    // Bo is marked to prune, so the list changes; while it is written, the user ticks a box.
    const bo = path.join(vault, 'People/Bo Kim.md');
    fs.writeFileSync(bo, fs.readFileSync(bo, 'utf8').replace(/^---\n/, '---\nprune: true\n'));
    const ticked = `${fs.readFileSync(list, 'utf8')}- [x] ticked by hand\n`;
    saveDuringFlush(folder, 'Prune list.md', () => fs.writeFileSync(list, ticked));
    const again = await cli('prune-list', '--vault', vault, '--today', '2024-12-01');
    expect(again.code).not.toBe(0);
    expect(again.err).toContain(
      'Network CRM/Prune list.md was saved by another program while network-crm wrote it; left as that program saved it',
    );
    expect(fs.readFileSync(list, 'utf8')).toBe(ticked);

    // Its journal says it wrote nothing: the next command finds no stopped step to undo first.
    const plugin = path.join(vault, '.obsidian/plugins/network-crm');
    const journals = fs.readdirSync(plugin).filter((f) => f.startsWith('cli-undo.pending-'));
    expect(journals).toHaveLength(1);
    const hoursAgo = new Date(Date.now() - 2 * 3_600_000);
    // A journal untouched for an hour counts as stopped even while its process (this one) runs.
    for (const f of journals) fs.utimesSync(path.join(plugin, f), hoursAgo, hoursAgo);
    const undone = await cli('undo', '--vault', vault, '--json');
    expect(undone.json<{ label: string }>().label).toBe('prune list');
    expect(fs.readdirSync(plugin).filter((f) => f.startsWith('cli-undo.pending-'))).toEqual([]);
  });

  it('merge stops, merging nothing away, when the kept note is saved while it works', async () => {
    const vault = await twoPeople();
    const people = path.join(vault, 'People');
    const ann = path.join(people, 'Ann Lee.md');
    saveDuringFlush(people, 'Ann Lee.md', () => fs.appendFileSync(ann, '\nTyped during the merge.\n'));
    const saved = `${fs.readFileSync(ann, 'utf8')}\nTyped during the merge.\n`;
    fs.writeFileSync(path.join(vault, 'Meeting.md'), 'With [[Bo Kim]].\n');
    const merged = await cli('merge', '--vault', vault, '--keep', 'Ann Lee', '--into', 'Bo Kim');
    expect(merged.code).toBe(1);
    expect(merged.err).toContain(
      'People/Ann Lee.md was saved by another program while network-crm wrote it; left as that program saved it',
    );
    expect(merged.err).toContain('Not merged: People/Bo Kim.md stays where it is. Nothing was changed.');
    expect(fs.readFileSync(ann, 'utf8')).toBe(saved);
    expect(fs.existsSync(path.join(people, 'Bo Kim.md'))).toBe(true);
    // Links still lead to the note that stays.
    expect(fs.readFileSync(path.join(vault, 'Meeting.md'), 'utf8')).toBe('With [[Bo Kim]].\n');
  });

  it('undo takes its change back from a note saved after it looked at it, and keeps that save', async () => {
    const vault = await twoPeople();
    const people = path.join(vault, 'People');
    const ann = path.join(people, 'Ann Lee.md');
    const bo = path.join(people, 'Bo Kim.md');
    const before = { ann: fs.readFileSync(ann, 'utf8'), bo: fs.readFileSync(bo, 'utf8') };
    const tagged = await cli('bulk', '--vault', vault, '--filter', 'trust:none', '--tag', 'met-2024');
    expect(tagged.code, tagged.err).toBe(0);
    expect(fs.readFileSync(bo, 'utf8')).toContain('met-2024');
    // While undo writes Ann's note, Bo's is saved in Obsidian.
    saveDuringFlush(people, 'Ann Lee.md', () => fs.appendFileSync(bo, '\nCall him in January.\n'));
    const undone = await cli('undo', '--vault', vault, '--json');
    expect(undone.code, undone.err).toBe(0);
    expect(fs.readFileSync(ann, 'utf8')).toBe(before.ann);
    expect(fs.readFileSync(bo, 'utf8')).toBe(`${before.bo}\nCall him in January.\n`);
    expect(undone.json<{ restored: string[]; merged: string[]; skipped: unknown[] }>()).toMatchObject({
      restored: ['People/Ann Lee.md'],
      merged: ['People/Bo Kim.md'],
      skipped: [],
    });
  });

  it('undo plans a note caught in the middle of a save from what the save wrote, not from an empty note', async () => {
    const vault = await twoPeople();
    const ann = path.join(vault, 'People/Ann Lee.md');
    const before = fs.readFileSync(ann, 'utf8');
    expect((await cli('log', '--vault', vault, '--person', 'Ann Lee', '--date', '2024-12-01')).code).toBe(0);
    const logged = fs.readFileSync(ann, 'utf8');
    // Obsidian saves her note in place as undo starts: emptied, then written 30 ms later.
    fs.writeFileSync(ann, '');
    await writeLater(ann, `${logged}\nSaved in Obsidian.\n`, 30);
    const undone = await cli('undo', '--vault', vault, '--json');
    expect(undone.code, undone.out).toBe(0);
    expect(fs.readFileSync(ann, 'utf8')).toBe(`${before}\nSaved in Obsidian.\n`);
  });

  it('undo goes on past a note another program keeps saving, leaves it with the reason, and finishes', async () => {
    const vault = await twoPeople();
    const people = path.join(vault, 'People');
    const before = fs.readFileSync(path.join(people, 'Ann Lee.md'), 'utf8');
    expect((await cli('bulk', '--vault', vault, '--filter', 'trust:none', '--tag', 'met-2024')).code).toBe(0);
    const bo = path.join(people, 'Bo Kim.md');
    let saves = 0;
    saveDuringFlush(people, 'Bo Kim.md', () => fs.appendFileSync(bo, `save ${++saves}\n`), 10);
    const undone = await cli('undo', '--vault', vault, '--json');
    expect(undone.code).toBe(1);
    expect(undone.json<{ restored: string[]; skipped: Array<{ path: string; reason: string }> }>()).toMatchObject({
      restored: ['People/Ann Lee.md'],
      skipped: [
        {
          path: 'People/Bo Kim.md',
          reason:
            'People/Bo Kim.md kept changing while network-crm wrote it (another program is saving it); left as that program saved it',
        },
      ],
    });
    expect(fs.readFileSync(path.join(people, 'Ann Lee.md'), 'utf8')).toBe(before);
    // The step is used: the next undo does not come back to it.
    expect((await cli('undo', '--vault', vault)).out).toContain('Nothing to undo');
  });

  it("undo never takes back a save made while the command wrote the note: it was not the command's", async () => {
    const vault = await twoPeople();
    const people = path.join(vault, 'People');
    const ann = path.join(people, 'Ann Lee.md');
    const before = fs.readFileSync(ann, 'utf8');
    saveDuringFlush(people, 'Ann Lee.md', () => fs.appendFileSync(ann, '\nTyped while log wrote.\n'));
    const logged = await cli(
      'log',
      '--vault',
      vault,
      '--person',
      'Ann Lee',
      '--date',
      '2024-12-01',
      '--note',
      'coffee',
    );
    expect(logged.code, logged.err).toBe(0);
    const undone = await cli('undo', '--vault', vault);
    expect(undone.code, undone.out).toBe(0);
    expect(fs.readFileSync(ann, 'utf8')).toBe(`${before}\nTyped while log wrote.\n`);
  });
});

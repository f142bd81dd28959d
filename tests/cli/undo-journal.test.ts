/**
 * A CLI command stopped part-way can still be undone. `import --create-attendees` killed
 * while it wrote notes for the people met left notes that `undo` did not know of (the undo
 * step was written once, after the loop), and `undo` then took back the command before.
 * Pins, with the built bin killed outright (SIGKILL) in the middle of the loop: `undo` takes
 * back exactly the notes it made, under the command's name, and leaves the notes from
 * before; the journal is gone after a normal run. Also: Ctrl-C is seen inside that loop
 * (exit 130, the notes made so far one undo step), and a Ctrl-C that came before the first
 * note is written stops the import with nothing written.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, CLI, importedVault, spawn, vaultWithAnnLee } from '../support/cli';
import { runCli } from '../../src/cli/main';
import { ics, meeting } from '../support/calendar-builders';
import { ROOT } from '../support/paths';
import { readTree, tempDir } from '../support/temp-dir';

const ME = 'me@example.com';

/** A vault with Ann Lee's note and a calendar of `strangers` meetings, each with one person who has no note. */
async function setUp(strangers: number) {
  const { dir, vault } = await vaultWithAnnLee();
  const meetings = Array.from({ length: strangers }, (_, i) => {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, '0');
    const n = String(i).padStart(5, '0');
    return meeting(
      `2024${month}${day}T100000Z`,
      `Chat ${n}`,
      [[`Guest ${n}`, `guest${n}@example.org`]],
      [`ORGANIZER;CN=Me:mailto:${ME}`],
    );
  });
  const ical = path.join(dir, 'calendar.ics');
  fs.writeFileSync(ical, ics(meetings));
  const args = ['import', ical, '--vault', vault, '--today', '2025-01-01', '--my-emails', ME, '--create-attendees'];
  return { vault, args, people: path.join(vault, 'People') };
}

const pluginFolder = (vault: string) => path.join(vault, '.obsidian', 'plugins', 'network-crm');
const journals = (vault: string) =>
  fs.existsSync(pluginFolder(vault)) ? fs.readdirSync(pluginFolder(vault)).filter((f) => f.includes('pending')) : [];

/** Starts the built bin and signals it once the people folder holds `atLeast` notes. */
async function stopAt(args: string[], people: string, atLeast: number, signal: NodeJS.Signals) {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: 'pipe' });
  let stdout = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  const timer = setInterval(() => {
    if (fs.existsSync(people) && fs.readdirSync(people).length >= atLeast) {
      clearInterval(timer);
      child.kill(signal);
    }
  }, 2);
  const code = await closed;
  clearInterval(timer);
  return { code, stdout };
}

describe('a command stopped part-way is one undo step', () => {
  it('import --create-attendees killed outright: undo takes back exactly the notes it made', async () => {
    const { vault, args, people } = await setUp(3000);
    const ann = fs.readFileSync(path.join(people, 'Ann Lee.md'), 'utf8');
    const { code } = await stopAt(args, people, 200, 'SIGKILL');
    expect(code).toBeNull(); // killed, not ended
    const made = fs.readdirSync(people).length - 1;
    expect(made).toBeGreaterThanOrEqual(199);
    expect(made).toBeLessThan(3000); // part-way
    expect(journals(vault)).toHaveLength(1);

    const undo = await cli('undo', '--vault', vault);
    expect(undo.code).toBe(0);
    expect(undo.out).toBe(`Undone: create notes for people you met (stopped part-way) (${made} notes taken back).\n`);
    expect(fs.readdirSync(people)).toEqual(['Ann Lee.md']);
    expect(fs.readFileSync(path.join(people, 'Ann Lee.md'), 'utf8')).toBe(ann);
    expect(journals(vault)).toEqual([]);
    // The change before it (none here: the first import is not a CLI edit) is next, not this one again.
    expect((await cli('undo', '--vault', vault)).out).toBe('Nothing to undo.\n');
  });

  it('Ctrl-C inside the loop stops it (exit 130); the notes made so far are one undo step', async () => {
    const { vault, args, people } = await setUp(3000);
    const { code, stdout } = await stopAt(args, people, 200, 'SIGINT');
    expect(code).toBe(130);
    expect(stdout).toContain('Run the same command again to finish');
    const made = fs.readdirSync(people).length - 1;
    expect(made).toBeLessThan(3000);
    expect(journals(vault)).toEqual([]);
    const undo = await cli('undo', '--vault', vault);
    expect(undo.out).toBe(`Undone: create notes for ${made} people you met (${made} notes taken back).\n`);
    expect(fs.readdirSync(people)).toEqual(['Ann Lee.md']);
  });

  it('a run that ends normally leaves no journal', async () => {
    const { vault, args, people } = await setUp(5);
    expect((await cli(...args)).code).toBe(0);
    expect(fs.readdirSync(people)).toHaveLength(6);
    expect(journals(vault)).toEqual([]);
  });
});

describe('Ctrl-C before the first note', () => {
  it('stops the import with nothing written', async () => {
    const { vault, args } = await setUp(5);
    const before = readTree(vault, () => true);
    let out = '';
    const code = await runCli(
      args.filter((a) => a !== '--create-attendees'),
      {
        out: (l) => (out += `${l}\n`),
        err: () => undefined,
        interrupted: () => true,
        breathe: () => Promise.resolve(),
      },
    );
    expect(code).toBe(130);
    expect(out).toBe('Interrupted before any note was written; nothing was changed.\n');
    // Not a note, not the vault state: the calendar's meetings are not logged with Ann either.
    expect(readTree(vault, () => true)).toEqual(before);
  });
});

const KILL_PRELOAD = path.join(ROOT, 'tests/support/kill-at-rename.ts');

/** Runs the built bin, killed outright just after (or `before`) its `n`th rename onto a path matching `match`. */
function killedAfterRename(n: number, match: string, ...args: string[]) {
  killedAt({ n, match, before: false }, ...args);
}

function killedAt(at: { n: number; match: string; before: boolean }, ...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--import', KILL_PRELOAD, CLI, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      NCRM_KILL_AFTER_RENAME: String(at.n),
      NCRM_KILL_RENAME_MATCH: at.match,
      NCRM_KILL_BEFORE: at.before ? '1' : '0',
    },
  });
  expect(r.signal).toBe('SIGKILL');
}

/** A vault of five people at Acme and one elsewhere, imported by the CLI. */
async function acmeVault() {
  const dir = tempDir();
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  const csv = path.join(dir, 'Connections.csv');
  const rows = ['Ann', 'Bo', 'Cy', 'Di', 'Ed'].map(
    (n) => `${n},Acme,https://www.linkedin.com/in/${n.toLowerCase()},,Acme,Engineer,10 Mar 2021`,
  );
  fs.writeFileSync(
    csv,
    [
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
      ...rows,
      'Fay,Else,,,Initech,CEO,10 Mar 2021',
    ].join('\n') + '\n',
  );
  expect((await cli('import', csv, '--vault', vault, '--today', '2026-11-27')).code).toBe(0);
  return { vault, people: path.join(vault, 'People') };
}

/** `bulk`: tag everyone at Acme (five people) #zz. */
const tagAcme = (vault: string) => [
  'bulk',
  '--vault',
  vault,
  '--today',
  '2026-11-27',
  '--filter',
  'company:Acme',
  '--tag',
  'zz',
];

describe('a command killed at the worst moments', () => {
  it('killed just after a note was written and before the journal said so: undo keeps a later hand edit of that note', async () => {
    const { vault, people } = await acmeVault();
    const before = readTree(people);
    killedAfterRename(2, '\\.md$', ...tagAcme(vault));
    const tagged = Object.keys(readTree(people)).filter((f) => readTree(people)[f]!.includes('- zz'));
    expect(tagged).toHaveLength(2);
    const second = path.join(people, tagged[1]!);
    fs.appendFileSync(second, '- my own line, written after the kill\n');
    const undo = await cli('undo', '--vault', vault);
    expect(undo.out).toContain('(stopped part-way) (2 notes taken back)');
    expect(undo.out).toContain('1 note had changed since; the later changes were kept');
    const after = readTree(people);
    expect(after[tagged[1]!]).toBe(`${before[tagged[1]!]}- my own line, written after the kill\n`);
    expect(after[tagged[0]!]).toBe(before[tagged[0]!]);
  });

  it('killed as a note was about to replace its old text: undo leaves no temp file behind', async () => {
    const { vault, people } = await acmeVault();
    const before = readTree(people, () => true);
    killedAt({ n: 2, match: '\\.md$', before: true }, ...tagAcme(vault));
    expect(Object.keys(readTree(people, () => true)).filter((f) => f.endsWith('.ncrm-tmp'))).toHaveLength(1);
    expect((await cli('undo', '--vault', vault)).out).toBe(
      'Undone: tag 5 people #zz (stopped part-way) (1 note taken back).\n',
    );
    expect(readTree(people, () => true)).toEqual(before);
  });

  it('killed just after its undo entry was stored: the journal left is not a second change', async () => {
    const { vault, people } = await acmeVault();
    const before = readTree(people);
    killedAfterRename(1, 'cli-undo\\.json$', ...tagAcme(vault));
    expect(journals(vault)).toHaveLength(1);
    expect((await cli('undo', '--vault', vault)).out).toBe('Undone: tag 5 people #zz (5 notes taken back).\n');
    expect(readTree(people)).toEqual(before);
    expect((await cli('undo', '--vault', vault)).out).toBe('Nothing to undo.\n');
    expect(journals(vault)).toEqual([]);
  });

  it('the command that folds a stopped one is killed as it stores it: the stopped one is still undoable', async () => {
    const { vault, people } = await acmeVault();
    const before = readTree(people);
    killedAfterRename(3, '\\.md$', ...tagAcme(vault));
    // `log` folds the stopped bulk into the history before its own write, and is killed storing it.
    const log = ['log', '--vault', vault, '--today', '2026-11-27', '--person', 'Fay Else'];
    killedAt({ n: 1, match: 'cli-undo\\.json$', before: true }, ...log);
    const undo = await cli('undo', '--vault', vault);
    expect(undo.out).toBe('Undone: tag 5 people #zz (stopped part-way) (3 notes taken back).\n');
    expect(readTree(people)).toEqual(before);
  });
});

describe('journals of other processes', () => {
  /** A journal of a command that tagged Ann's note, named for process `pid`, last written `ageMs` ago. */
  async function journalOf(pid: number, ageMs: number) {
    const { vault, people } = await acmeVault();
    const note = 'People/Ann Acme.md';
    const before = fs.readFileSync(path.join(vault, note), 'utf8');
    const after = before.replace('tags:\n', 'tags:\n  - zz\n');
    expect(after).not.toBe(before);
    fs.writeFileSync(path.join(vault, note), after);
    const file = path.join(pluginFolder(vault), `cli-undo.pending-${pid}-abc123.jsonl`);
    const lines = [
      { label: 'tag 1 person #zz', id: `${pid}-abc123` },
      { path: note, before, planned: after },
    ];
    fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const when = (Date.now() - ageMs) / 1000;
    fs.utimesSync(file, when, when);
    return { vault, people, note, before };
  }

  it('a running process keeps its journal; one untouched for hours is taken as stopped whatever its id', async () => {
    // This process runs: a journal named for it, written a moment ago, is a command at work.
    const fresh = await journalOf(process.pid, 1000);
    expect((await cli('undo', '--vault', fresh.vault)).out).toBe('Nothing to undo.\n');
    expect(journals(fresh.vault)).toHaveLength(1);
    // Two hours without a line: the id is not the journal's process any more (a reboot, a container, a sync).
    const old = await journalOf(process.pid, 2 * 3600_000);
    expect((await cli('undo', '--vault', old.vault)).out).toBe(
      'Undone: tag 1 person #zz (stopped part-way) (1 note taken back).\n',
    );
    expect(fs.readFileSync(path.join(old.vault, old.note), 'utf8')).toBe(old.before);
  });

  it('a folder named like a journal is left alone and stops nothing', async () => {
    const { vault } = await acmeVault();
    fs.mkdirSync(path.join(pluginFolder(vault), 'cli-undo.pending-99999999-abc.jsonl'), { recursive: true });
    const r = await cli('log', '--vault', vault, '--today', '2026-11-27', '--person', 'Fay Else');
    expect(r.code).toBe(0);
    expect((await cli('undo', '--vault', vault)).out).toBe('Undone: log other with Fay Else (1 note taken back).\n');
  });
});

describe('an undo stopped part-way', () => {
  it('run again, takes back the rest and counts the notes it had already put back, leaving none "alone"', async () => {
    const { vault } = await importedVault(
      'Ann,Lee,https://www.linkedin.com/in/ann-lee,,Globex,Engineer,10 Mar 2021\n' +
        'Bo,Kim,https://www.linkedin.com/in/bo-kim,,Initech,Designer,11 Mar 2021\n',
    );
    const before = readTree(vault);
    expect((await cli('bulk', '--vault', vault, '--filter', 'trust:none', '--tag', 'met-2024')).code).toBe(0);
    // The first undo was killed after it had put Ann's note back, before Bo's and before it
    // could drop the step from the history.
    fs.writeFileSync(path.join(vault, 'People/Ann Lee.md'), before['People/Ann Lee.md'] as string);
    const again = await cli('undo', '--vault', vault);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toContain('(2 notes taken back)');
    expect(again.out).not.toContain('left alone');
    expect(readTree(vault)).toEqual(before);
  });
});

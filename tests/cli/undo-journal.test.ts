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
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, CLI, spawn, vaultWithAnnLee } from '../support/cli';
import { runCli } from '../../src/cli/main';
import { ics, meeting } from '../support/calendar-builders';
import { readTree } from '../support/temp-dir';

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

/**
 * One writing command at a time per vault (cli/write-lock.ts). Two `network-crm import` runs
 * on one vault at once each found the other's new notes in their way: both exited 1 with
 * hundreds of "already exists; nothing was overwritten" lines. Two `bulk` runs at once lost
 * one's edit of a note the other rewrote; two `log` runs at once stored one undo entry of
 * two. Pins: a command that finds the lock held waits for it, and goes on once it is free;
 * held for longer, it stops with one line naming the command and process, and writes
 * nothing; a lock left by a process that is gone is taken over; a dry run takes no lock;
 * commands leave no lock, nor a config folder they made only for it.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli, CLI } from '../support/cli';
import { tempDir } from '../support/temp-dir';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';

const CSV =
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
  ['Ann,Lee', 'Bo,Kim', 'Cy,Park', 'Di,Moss']
    .map((n, i) => `${n},https://www.linkedin.com/in/p${i},,Globex,Engineer,10 Mar 2021`)
    .join('\n') +
  '\n';

function setUp() {
  const dir = tempDir();
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  const csv = path.join(dir, 'Connections.csv');
  fs.writeFileSync(csv, CSV);
  const lock = path.join(vault, '.obsidian', 'plugins', 'network-crm', 'write.lock');
  return { vault, csv, lock, people: path.join(vault, 'People') };
}

/** A process that stays alive for `ms`, holding the lock as `command` would. */
function holder(lock: string, ms: number, command = 'import') {
  const child = spawn(process.execPath, ['-e', `setTimeout(() => {}, ${ms})`]);
  running.push(child);
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  fs.writeFileSync(lock, JSON.stringify({ pid: child.pid, command }));
  return child;
}

const running: Array<ReturnType<typeof spawn>> = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

describe('one writing command at a time', () => {
  it('a command that finds the vault locked for long stops, names the holder, and writes nothing', async () => {
    const { vault, csv, lock, people } = setUp();
    const other = holder(lock, 60_000);
    const r = await cli('import', csv, '--vault', vault);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `network-crm: another command (import, process ${other.pid}) is writing to this vault. Let it finish, then run this one again; nothing was written. (If no such command is running, delete ${lock}.)\n`,
    );
    expect(fs.existsSync(people)).toBe(false);
    expect(JSON.parse(fs.readFileSync(lock, 'utf8'))).toEqual({ pid: other.pid, command: 'import' });
    // A dry run writes nothing: it runs beside the other.
    expect((await cli('import', csv, '--vault', vault, '--dry-run')).code).toBe(0);
  }, 15_000);

  it('waits for a command that finishes soon, then goes on', async () => {
    const { vault, csv, lock, people } = setUp();
    expect((await cli('import', csv, '--vault', vault)).code).toBe(0);
    const other = holder(lock, 800, 'bulk');
    const exited = new Promise((resolve) => other.on('exit', resolve));
    const r = await cli('log', '--vault', vault, '--person', 'Ann Lee', '--note', 'coffee');
    expect(r.code).toBe(0);
    await exited;
    expect(fs.readFileSync(path.join(people, 'Ann Lee.md'), 'utf8')).toContain('coffee');
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('a lock left by a process that is gone is taken over; no lock or config folder is left', async () => {
    const { vault, csv, lock, people } = setUp();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.mkdirSync(path.dirname(lock), { recursive: true });
    fs.writeFileSync(lock, JSON.stringify({ pid: Number(gone.stdout), command: 'bulk' }));
    expect((await cli('import', csv, '--vault', vault)).code).toBe(0);
    expect(fs.readdirSync(people)).toHaveLength(4);
    expect(fs.existsSync(lock)).toBe(false);
    // A command that fails before writing leaves no config folder it made for the lock.
    const fresh = setUp();
    fs.writeFileSync(fresh.csv, 'not,a,connections,file\n');
    expect((await cli('import', fresh.csv, '--vault', fresh.vault)).code).toBe(1);
    expect(fs.readdirSync(fresh.vault)).toEqual([]);
  });

  it('commands started together all land, with all their undo entries, also when they find a lock of a process that is gone', async () => {
    const { vault, csv, lock } = setUp();
    expect((await cli('import', csv, '--vault', vault)).code).toBe(0);
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    // Several rounds: two commands that both found the lock stale once both took it.
    for (let round = 0; round < 3; round++) {
      if (round > 0) fs.writeFileSync(lock, JSON.stringify({ pid: Number(gone.stdout), command: 'bulk' }));
      await logEveryone(vault, `r${round}`);
      const undone: string[] = [];
      for (let i = 0; i < 4; i++) undone.push((await cli('undo', '--vault', vault)).out.split(' (')[0]!);
      expect(undone.sort()).toEqual(
        ['Ann Lee', 'Bo Kim', 'Cy Park', 'Di Moss'].map((w) => `Undone: log other with ${w}`),
      );
    }
  });

  it('a command ended by a signal before it stops gracefully leaves no lock', async () => {
    const { vault, lock } = setUp();
    const dir = path.dirname(vault);
    const exp = generateExport({ connections: 4000, seed: 5 });
    const zip = path.join(dir, 'export.zip');
    fs.writeFileSync(zip, zipExport(exp));
    const child = spawn(process.execPath, [CLI, 'import', zip, '--vault', vault]);
    const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_, signal) => resolve(signal)));
    const timer = setInterval(() => {
      if (fs.existsSync(lock)) {
        clearInterval(timer);
        child.kill('SIGTERM');
      }
    }, 1);
    await closed;
    clearInterval(timer);
    expect(fs.existsSync(lock)).toBe(false);
  });
});

async function logEveryone(vault: string, note: string): Promise<void> {
  const log = (who: string) =>
    new Promise<number | null>((resolve) =>
      spawn(process.execPath, [CLI, 'log', '--vault', vault, '--person', who, '--note', `${note} ${who}`]).on(
        'close',
        resolve,
      ),
    );
  expect(await Promise.all(['Ann Lee', 'Bo Kim', 'Cy Park', 'Di Moss'].map(log))).toEqual([0, 0, 0, 0]);
}

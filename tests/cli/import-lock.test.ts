/**
 * One import at a time per vault. Two `network-crm import` runs on one vault at once each
 * found the other's new notes in their way: both exited 1 with hundreds of "already exists;
 * nothing was overwritten" lines. Pins: an import while another runs stops at once with one
 * line naming the other process, and writes nothing; a lock left by a process that is gone
 * (killed) is taken over; a dry run, which writes nothing, needs no lock; an import leaves
 * no lock behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir } from '../support/temp-dir';

const CSV =
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
  'Ann,Lee,https://www.linkedin.com/in/ann-lee,,Globex,Engineer,10 Mar 2021\n';

function setUp() {
  const dir = tempDir();
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  const csv = path.join(dir, 'Connections.csv');
  fs.writeFileSync(csv, CSV);
  const lock = path.join(vault, '.obsidian', 'plugins', 'network-crm', 'import.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  return { vault, csv, lock, people: path.join(vault, 'People') };
}

const running: Array<ReturnType<typeof spawn>> = [];
afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL');
});

describe('one import at a time', () => {
  it('an import while another runs stops at once, names it, and writes nothing', async () => {
    const { vault, csv, lock, people } = setUp();
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    running.push(other);
    fs.writeFileSync(lock, String(other.pid));
    const r = await cli('import', csv, '--vault', vault);
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `network-crm: another import is writing to this vault (process ${other.pid}). Let it finish, then run this one again; nothing was written.\n`,
    );
    expect(fs.existsSync(people)).toBe(false);
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(other.pid));
    // A dry run writes nothing: it runs beside the other.
    expect((await cli('import', csv, '--vault', vault, '--dry-run')).code).toBe(0);
  });

  it('a lock left by a process that is gone is taken over, and released at the end', async () => {
    const { vault, csv, lock, people } = setUp();
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(lock, gone.stdout);
    const r = await cli('import', csv, '--vault', vault);
    expect(r.code).toBe(0);
    expect(fs.readdirSync(people)).toEqual(['Ann Lee.md']);
    expect(fs.existsSync(lock)).toBe(false);
  });
});

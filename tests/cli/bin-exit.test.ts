/**
 * Pins how the bin ends (src/cli/bin.ts): once a command is done it exits at once instead of
 * tearing the heap down, and that must never cut its output short or change its exit code.
 * A reader that is slow to take a large `--json` output (a pipe into `jq`, a parent process)
 * still gets every byte; a failing command still exits with its code; output that cannot be
 * written (a full disk) still fails the command. Output still queued at the end (a Windows
 * console) cannot be made here, so the decision itself, `doneWriting`, is pinned directly.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { doneWriting } from '../../src/cli/io';
import { ics, meeting } from '../support/calendar-builders';
import { CLI, cliProcess, spawn } from '../support/cli';
import { tempDir } from '../support/temp-dir';

const PEOPLE = 3_000;

function vault(): string {
  const dir = tempDir('ncrm-exit-');
  fs.mkdirSync(path.join(dir, 'People'));
  for (let i = 0; i < PEOPLE; i++)
    fs.writeFileSync(
      path.join(dir, 'People', `Person ${i}.md`),
      `---\ntags:\n  - person\nname: Person ${i}\ntrust: 3\nconnected-on: 2024-01-01\n---\n`,
    );
  return dir;
}

/** Runs the bin and reads its stdout only after `delayMs`, as a slow reader would. */
function slowlyRead(args: string[], delayMs: number): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, NETWORK_CRM_CACHE: 'off' } });
    const chunks: Buffer[] = [];
    child.stdout.pause();
    setTimeout(() => child.stdout.on('data', (c: Buffer) => chunks.push(c)).resume(), delayMs);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: Buffer.concat(chunks).toString('utf8') }));
  });
}

describe('the bin ends when its command is done', () => {
  it('a reader slow to take a large --json output still gets all of it', async () => {
    const r = await slowlyRead(
      ['stale', '--vault', vault(), '--today', '2026-11-26', '--json', '--section', 'all'],
      300,
    );
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(1 << 20); // far more than a pipe holds
    const json = JSON.parse(r.out) as { count: number; people: unknown[] };
    expect(json.count).toBe(PEOPLE);
    expect(json.people).toHaveLength(PEOPLE);
  });

  it('a command that fails still exits with its code', () => {
    const r = cliProcess('stale', '--vault', path.join(tempDir('ncrm-exit-'), 'missing'));
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^network-crm: /);
  });

  it('output that cannot be written (a full disk) fails the command, with one line saying why', () => {
    if (!fs.existsSync('/dev/full')) return; // Linux's always-full device; CI runs on Linux
    const dir = tempDir('ncrm-exit-');
    const calendar = path.join(dir, 'calendar.ics');
    fs.writeFileSync(calendar, ics([meeting('DTSTART:20261001T100000Z', 'Planning', [['Me', 'me@example.com']])]));
    fs.mkdirSync(path.join(dir, 'vault'));
    const full = fs.openSync('/dev/full', 'w');
    try {
      const args = [
        'import',
        calendar,
        '--dry-run',
        '--json',
        '--vault',
        path.join(dir, 'vault'),
        '--today',
        '2026-11-26',
      ];
      const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(1);
      // One line that says why, not a stack trace.
      expect(r.stderr).toBe('network-crm: could not write the output (ENOSPC: no space left on device, write)\n');
    } finally {
      fs.closeSync(full);
    }
  });

  it('exits at once only when nothing is left to write and no write failed', () => {
    const clean = { writableLength: 0, errored: null };
    expect(doneWriting([clean, clean])).toBe(true);
    expect(doneWriting([clean, { writableLength: 10, errored: null }])).toBe(false);
    expect(doneWriting([{ writableLength: 0, errored: new Error('ENOSPC') }, clean])).toBe(false);
  });
});

/**
 * Pins how the bin ends (src/cli/bin.ts): once a command is done it exits at once instead of
 * tearing the heap down, and that must never cut its output short or change its exit code.
 * A reader that is slow to take a large `--json` output (a pipe into `jq`, a parent process)
 * still gets every byte, and a failing command still exits with its code.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
});

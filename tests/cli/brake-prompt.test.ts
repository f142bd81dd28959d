/**
 * Issue 13, case 1: "the preview and the CLI stop and ask". On a terminal `network-crm
 * import` asks whether to go on when the sanity brake trips (the plugin's preview does the
 * same); a script, a pipe or `--json` gets exit code 3 and nothing written, as before. The
 * terminal's answer comes from `confirm` (see tests/support/cli.ts).
 */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io';
import { brakeTripping } from '../support/brake';
import { cliWith } from '../support/cli';
import { readTree } from '../support/temp-dir';

const TODAY = '2026-11-26';
const seeded = () => brakeTripping(TODAY);

/** `network-crm import` of `garbled` into `vault` on a terminal whose user answers with `confirm`. */
const importOnTerminal = (
  confirm: CliIo['confirm'],
  { vault, garbled }: { vault: string; garbled: string },
  ...flags: string[]
) => cliWith({ confirm }, 'import', garbled, '--vault', vault, '--today', TODAY, ...flags);

describe('the sanity brake on a terminal', () => {
  it('asks, and "no" writes nothing and exits 3', async () => {
    const seed = await seeded();
    const { vault } = seed;
    const before = readTree(vault);
    const asked: string[] = [];
    const r = await importOnTerminal((q) => (asked.push(q), Promise.resolve(false)), seed);
    expect(asked).toEqual(['Import anyway?']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/would change the company of \d+ of \d+ people/);
    expect(r.err).toContain('→ Garbled Corp');
    expect(r.err).toContain('Nothing was written.');
    expect(readTree(vault)).toEqual(before);
  });

  it('"yes" imports, as --yes does', async () => {
    const seed = await seeded();
    const { vault } = seed;
    const r = await importOnTerminal(() => Promise.resolve(true), seed);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\d+ notes updated/);
    const moved = Object.values(readTree(vault)).filter((t) => t.includes('company: Garbled Corp\n'));
    expect(moved.length).toBeGreaterThan(50);
  });

  it('--json is never asked: it stops with exit 3, as a script expects', async () => {
    let asked = false;
    const r = await importOnTerminal(() => ((asked = true), Promise.resolve(true)), await seeded(), '--json');
    expect(asked).toBe(false);
    expect(r.code).toBe(3);
    expect(r.json()).toMatchObject({ stopped: true });
  });
});

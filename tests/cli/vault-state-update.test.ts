/**
 * Pins that a command saving the vault state (data.json's `state`) keeps what another saved
 * while it ran: the plugin, open on the vault, or another command (a `decide` made during a
 * long import was lost when the import wrote back the state it had read when it started).
 * Each command's change is applied to the state as data.json holds it just before the write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import type { CliIo } from '../../src/cli/io';
import { runCli } from '../../src/cli/main';
import { loadVaultConfig, updateVaultState } from '../../src/cli/vault-config';
import { WORKER } from '../support/cli';
import { tempDir } from '../support/temp-dir';

const DATA = '.obsidian/plugins/network-crm/data.json';

const stateIn = (vault: string) =>
  (JSON.parse(fs.readFileSync(path.join(vault, DATA), 'utf8')) as { state: Record<string, unknown> }).state;

/** A vault whose data.json holds these settings and this state. */
function vaultWith(data: Record<string, unknown>): string {
  const vault = tempDir();
  fs.mkdirSync(path.dirname(path.join(vault, DATA)), { recursive: true });
  fs.writeFileSync(path.join(vault, DATA), JSON.stringify(data));
  return vault;
}

describe('saving the vault state', () => {
  it('applies the change to the state as data.json holds it now, and keeps every other key', () => {
    const vault = vaultWith({ peopleFolder: 'Contacts', state: { welcomeShown: false } });
    const config = loadVaultConfig(vault);
    // Saved by the plugin after this command read data.json.
    fs.writeFileSync(
      path.join(vault, DATA),
      JSON.stringify({ peopleFolder: 'Contacts', state: { welcomeShown: true } }),
    );
    const saved = updateVaultState(config, (s) => ({ ...s, baseFileCreated: true }));
    expect(saved.written).toBe(true);
    expect(stateIn(vault)).toMatchObject({ welcomeShown: true, baseFileCreated: true });
    expect((JSON.parse(fs.readFileSync(path.join(vault, DATA), 'utf8')) as Record<string, unknown>).peopleFolder).toBe(
      'Contacts',
    );
    expect(config.state).toEqual(saved.after);

    // A change that changes nothing writes nothing.
    const before = fs.readFileSync(path.join(vault, DATA), 'utf8');
    expect(updateVaultState(config, (s) => ({ ...s })).written).toBe(false);
    expect(fs.readFileSync(path.join(vault, DATA), 'utf8')).toBe(before);
  });

  it('an import stopped part-way says so before its counts, which are of the notes written so far', async () => {
    const vault = vaultWith({ state: {} });
    const zip = path.join(tempDir(), 'Complete_LinkedInDataExport_11-20-2026.zip');
    fs.writeFileSync(zip, zipExport(generateExport({ connections: 600, seed: 21, newest: '2026-11-20' })));
    let out = '';
    let stop = false;
    const io: CliIo = {
      out: (l) => (out += `${l}\n`),
      err: () => undefined,
      interrupted: () => stop,
      // Ctrl-C after the first notes are written (the import lets events through every 250 notes).
      breathe: () => {
        stop ||= fs.existsSync(path.join(vault, 'People')) && fs.readdirSync(path.join(vault, 'People')).length > 0;
        return Promise.resolve();
      },
      workerScript: WORKER,
    };
    expect(await runCli(['import', zip, '--vault', vault, '--today', '2026-11-26'], io)).toBe(130);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`Interrupted part-way; written so far into ${vault}/People`);
    const created = Number(/^ +(\d+) notes created$/.exec(lines[1] ?? '')?.[1]);
    expect(created).toBeGreaterThan(0);
    expect(created).toBeLessThan(600);
    expect(fs.readdirSync(path.join(vault, 'People'))).toHaveLength(created);
    expect(out).toContain('Interrupted. Run the same command again to finish; nothing will be duplicated.\n');
  });

  it('an import keeps what was saved while it wrote its notes', async () => {
    const vault = vaultWith({ state: { welcomeShown: false } });
    const dir = tempDir();
    const zip = path.join(dir, 'Complete_LinkedInDataExport_11-20-2026.zip');
    fs.writeFileSync(zip, zipExport(generateExport({ connections: 600, seed: 21, newest: '2026-11-20' })));
    let saved = false;
    const io: CliIo = {
      out: () => undefined,
      err: () => undefined,
      interrupted: () => false,
      // The import lets events through every 250 notes: the plugin saves its state then.
      breathe: () => {
        if (!saved) {
          const data = JSON.parse(fs.readFileSync(path.join(vault, DATA), 'utf8')) as { state: object };
          fs.writeFileSync(path.join(vault, DATA), JSON.stringify({ state: { ...data.state, welcomeShown: true } }));
          saved = true;
        }
        return Promise.resolve();
      },
      workerScript: WORKER,
    };
    expect(await runCli(['import', zip, '--vault', vault, '--today', '2026-11-26'], io)).toBe(0);
    expect(saved).toBe(true);
    const state = stateIn(vault);
    expect(state.welcomeShown).toBe(true);
    expect(state.lastImport).toMatchObject({ date: '2026-11-26', exportDate: '2026-11-20' });
  });
});

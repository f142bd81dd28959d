/**
 * The plugin's data.json as the CLI sees it: `<vault>/.obsidian/plugins/network-crm/data.json`,
 * the settings at the top level and the vault state under `state`, so the CLI and the
 * plugin remember the same previous import, window and decisions. Writes keep every other
 * key, go through a temp file and a rename, and refuse to replace a file that is not JSON
 * (it may hold settings the user would lose).
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/csv/input-error';
import { sanitizeSettings, type NetworkCrmSettings } from '../core/settings';
import { sanitizeVaultState, type VaultState } from '../core/vault-state';
import type { FsVault } from './fs-vault';

const DATA_FILE = ['.obsidian', 'plugins', 'network-crm', 'data.json'];

export interface VaultData {
  settings: NetworkCrmSettings;
  state: VaultState;
  /** Why data.json could not be read, when it exists but is not usable. */
  problem: string | null;
}

function dataPath(vault: FsVault): string {
  return path.join(vault.root, ...DATA_FILE);
}

function readRaw(vault: FsVault): { raw: Record<string, unknown>; problem: string | null } {
  const file = dataPath(vault);
  if (!fs.existsSync(file)) return { raw: {}, problem: null };
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed))
      return { raw: parsed as Record<string, unknown>, problem: null };
    return { raw: {}, problem: `${file}: not a JSON object` };
  } catch (e) {
    return { raw: {}, problem: `${file}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export function readVaultData(vault: FsVault): VaultData {
  const { raw, problem } = readRaw(vault);
  return { settings: sanitizeSettings(raw), state: sanitizeVaultState(raw.state), problem };
}

export function writeVaultState(vault: FsVault, state: VaultState): void {
  const { raw, problem } = readRaw(vault);
  if (problem !== null)
    throw new InputError(dataPath(vault), undefined, `cannot be read, so it is left as it is (${problem})`);
  const file = dataPath(vault);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.ncrm-tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ ...raw, state }, null, 2)}\n`);
  fs.renameSync(tmp, file);
}

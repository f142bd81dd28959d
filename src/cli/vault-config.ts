/**
 * The vault's Network CRM settings and state, as the plugin keeps them: in
 * `<config folder>/plugins/network-crm/data.json` (settings at the top level, the vault
 * state under `state`). The CLI reads them so it does what the plugin does in the same
 * vault, and writes back only `state`, keeping every other key as it was.
 *
 * The config folder is `.obsidian` unless the vault uses another one (Obsidian lets a
 * vault override it with any dot-folder): we look for the folder that holds Obsidian's
 * own files. A vault without the plugin uses the defaults.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sanitizeSettings, type NetworkCrmSettings } from '../core/settings';
import { sanitizeVaultState, type VaultState } from '../core/vault-state';
import { replaceFile } from './safe-write';
import { readPastSave } from './read-past-save';

export const PLUGIN_ID = 'network-crm';
export const DEFAULT_CONFIG_DIR = '.obsidian';

/** Files Obsidian writes in its config folder; one of them marks a dot-folder as it. */
const CONFIG_MARKERS = ['app.json', 'appearance.json', 'core-plugins.json', 'community-plugins.json', 'workspace.json'];

export function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The vault's config folder (vault-relative): `.obsidian` when it exists, else the one
 * dot-folder that holds this plugin's data or Obsidian's own files; null for a plain
 * folder that Obsidian never opened.
 */
export function detectConfigDir(root: string): string | null {
  if (isDir(path.join(root, DEFAULT_CONFIG_DIR))) return DEFAULT_CONFIG_DIR;
  let dots: string[];
  try {
    dots = fs
      .readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name.startsWith('.') && e.name !== '.git' && e.name !== '.trash')
      .map((e) => e.name)
      .sort();
  } catch {
    return null;
  }
  const withData = dots.find((d) => fs.existsSync(path.join(root, d, 'plugins', PLUGIN_ID, 'data.json')));
  if (withData) return withData;
  return dots.find((d) => CONFIG_MARKERS.some((m) => fs.existsSync(path.join(root, d, m)))) ?? null;
}

export interface VaultConfig {
  root: string;
  /** The config folder in use, vault-relative; `.obsidian` when the vault has none yet. */
  configDir: string;
  /** Whether that folder exists (false: a plain folder, or a vault Obsidian never opened). */
  configDirFound: boolean;
  /** data.json, vault-relative. */
  dataPath: string;
  /** What data.json holds, or null when there is none. */
  data: Record<string, unknown> | null;
  /** Why data.json was not used (not JSON, not an object); the defaults apply then. */
  dataProblem: string | null;
  settings: NetworkCrmSettings;
  state: VaultState;
}

function dataPathOf(configDir: string): string {
  return `${configDir}/plugins/${PLUGIN_ID}/data.json`;
}

function absOf(root: string, vaultPath: string): string {
  return path.join(root, ...vaultPath.split('/'));
}

interface JsonObjectFile {
  data: Record<string, unknown> | null;
  problem: string | null;
  /** The file's text (null: no file). */
  text: string | null;
}

/**
 * A JSON object file: its object, what is wrong with it, and its text. Obsidian saves
 * data.json in place (emptied, then written): caught in between it is not JSON, so a file that
 * is not is read again a little later before it counts as broken. Taken as broken at once, a
 * command ran with the default settings (the people folder among them) or saved no state.
 */
function readJsonObject(file: string): JsonObjectFile {
  return readPastSave(
    () => readJsonObjectOnce(file),
    (found) => found.text !== null && found.problem !== null,
  );
}

function readJsonObjectOnce(file: string): JsonObjectFile {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { data: null, problem: null, text: null };
    return { data: null, problem: `cannot be read (${(e as Error).message})`, text: null };
  }
  try {
    const data: unknown = JSON.parse(text);
    if (data !== null && typeof data === 'object' && !Array.isArray(data))
      return { data: data as Record<string, unknown>, problem: null, text };
    return { data: null, problem: 'is not a JSON object', text };
  } catch (e) {
    return { data: null, problem: `is not valid JSON (${(e as Error).message})`, text };
  }
}

/** Loads the settings and state the plugin would use in this vault. */
export function loadVaultConfig(root: string, configDirOverride?: string): VaultConfig {
  const detected = configDirOverride ?? detectConfigDir(root);
  const configDir = detected ?? DEFAULT_CONFIG_DIR;
  const dataPath = dataPathOf(configDir);
  const { data, problem } = readJsonObject(absOf(root, dataPath));
  return {
    root,
    configDir,
    configDirFound: isDir(absOf(root, configDir)),
    dataPath,
    data,
    dataProblem: problem,
    settings: sanitizeSettings(data ?? {}),
    state: sanitizeVaultState(data?.state),
  };
}

/**
 * Changes the vault state in data.json: `change` is applied to the state as data.json holds it
 * just before writing, not as this run read it when it started, so what another command or the
 * plugin saved meanwhile is kept (a `decide` made while an import ran was lost when the import
 * wrote back the state it had read seconds before). `state` is replaced, every other key kept.
 * Nothing is written when the change changes nothing. The plugin folder is created only when
 * there is no data.json yet. A data.json that is not a JSON object is left alone: overwriting it
 * would lose whatever the user or the plugin had there. `config.state` becomes the state saved.
 */
export function updateVaultState(
  config: VaultConfig,
  change: (current: VaultState) => VaultState,
): { before: VaultState; after: VaultState; written: boolean } {
  const file = absOf(config.root, config.dataPath);
  // Written only over the text read, else read and changed again: the plugin saving its
  // settings between our read and our write would otherwise lose them.
  for (let attempt = 1; ; attempt++) {
    const { data, problem, text } = readJsonObject(file);
    if (problem !== null) throw new Error(`${config.dataPath} ${problem}; the vault state was not saved`);
    const before = sanitizeVaultState(data?.state);
    const after = change(before);
    config.state = after;
    if (JSON.stringify(after) === JSON.stringify(before)) return { before, after, written: false };
    if (data === null) fs.mkdirSync(path.dirname(file), { recursive: true });
    const json = `${JSON.stringify({ ...(data ?? {}), state: after }, null, 2)}\n`;
    if (replaceFile(file, json, config.dataPath, { ours: true, expect: text })) return { before, after, written: true };
    if (attempt === STATE_WRITE_ATTEMPTS)
      throw new Error(
        `${config.dataPath} kept changing while network-crm saved the vault state; the state was not saved`,
      );
  }
}

/** How many times data.json, saved by another program meanwhile, is read and changed again. */
const STATE_WRITE_ATTEMPTS = 3;

/** A file in the plugin's data folder, vault-relative (the CLI's undo record lives there). */
export function pluginDataFile(config: VaultConfig, name: string): string {
  return `${config.configDir}/plugins/${PLUGIN_ID}/${name}`;
}

export { absOf };

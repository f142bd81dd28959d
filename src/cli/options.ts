/**
 * A command's view of the vault: the folder, the plugin's settings from the vault's
 * data.json (or the defaults), the flags that override them for this run, and where each
 * value came from (for `show-settings`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/csv/input-error';
import { isIsoDate, localIsoDate } from '../core/dates/iso-date';
import { emailsIn } from '../core/identity/email';
import { importSettingsFrom } from '../core/import/import-settings';
import type { ImportSettings } from '../core/import/plan-types';
import { fileNameFormatProblem } from '../core/notes/file-name-format';
import { normaliseFolder } from '../core/notes/file-name';
import { personNoteRule, type PersonNoteRule } from '../core/people/person-note';
import type { NetworkCrmSettings } from '../core/settings';
import { requireFlag, stringFlag, UsageError, type FlagSpec, type ParsedArgs } from './args';
import { FsVault } from './fs-vault';
import { detectConfigDir, isDir, loadVaultConfig, type VaultConfig } from './vault-config';

type SettingKey = keyof NetworkCrmSettings;

/** A flag that overrides one setting for one run. */
interface SettingFlag {
  flag: string;
  key: SettingKey;
  /** The setting's value for the flag's (string or switch) value; throws a UsageError when unusable. */
  value(raw: string | true, command: string): NetworkCrmSettings[SettingKey];
}

function folderValue(flag: string) {
  return (raw: string | true, command: string): string => {
    const folder = normaliseFolder(String(raw));
    if (folder === null || folder === '')
      throw new UsageError(
        `--${flag} "${String(raw)}" must be a folder inside the vault (not the vault itself)`,
        command,
      );
    return folder;
  };
}

const SETTING_FLAGS: readonly SettingFlag[] = [
  { flag: 'folder', key: 'peopleFolder', value: folderValue('folder') },
  { flag: 'report-folder', key: 'reportFolder', value: folderValue('report-folder') },
  {
    flag: 'format',
    key: 'fileNameFormat',
    value: (raw, command) => {
      const problem = fileNameFormatProblem(String(raw));
      if (problem !== null) throw new UsageError(`--format "${String(raw)}": ${problem}`, command);
      return String(raw);
    },
  },
  { flag: 'tag', key: 'defaultTag', value: (raw) => String(raw).trim().replace(/^#/, '') },
  { flag: 'no-base', key: 'createBaseFile', value: () => false },
  { flag: 'create-pending-invitees', key: 'createNotesForPendingInvitees', value: () => true },
  { flag: 'log-message-days', key: 'logMessageDays', value: () => true },
  {
    flag: 'my-emails',
    key: 'myEmails',
    value: (raw, command) => {
      const emails = emailsIn(String(raw));
      if (emails.length === 0) throw new UsageError(`--my-emails "${String(raw)}" holds no e-mail address`, command);
      return emails;
    },
  },
];

export const SETTING_FLAG_HELP: Record<string, FlagSpec> = {
  'report-folder': {
    name: 'report-folder',
    value: 'PATH',
    help: 'where reports go, for this run (default: the setting)',
  },
  format: { name: 'format', value: 'FORMAT', help: 'file-name format, for this run: {first} {last} {name} {company}' },
  'no-base': { name: 'no-base', help: 'do not create People.base, for this run' },
  'create-pending-invitees': {
    name: 'create-pending-invitees',
    help: 'also create notes for people you invited who have not accepted yet, for this run',
  },
  'log-message-days': {
    name: 'log-message-days',
    help: 'add one Interactions line per day of LinkedIn messages, for this run',
  },
  'my-emails': {
    name: 'my-emails',
    value: 'EMAIL,EMAIL',
    help: 'your own addresses, for this run: whose calendar it is (default: the setting)',
  },
};

export interface VaultSession {
  vault: FsVault;
  config: VaultConfig;
  /** The settings in force: data.json (or the defaults) with this run's flags over them. */
  settings: NetworkCrmSettings;
  /** Where each setting came from: `default`, the data.json path, or the flag. */
  sources: Record<SettingKey, string>;
  rule: PersonNoteRule;
  today: string;
}

function sourcesOf(config: VaultConfig): Record<SettingKey, string> {
  const out = {} as Record<SettingKey, string>;
  for (const key of Object.keys(config.settings) as SettingKey[]) {
    const raw = config.data?.[key];
    if (raw === undefined) out[key] = 'default';
    else if (JSON.stringify(raw) === JSON.stringify(config.settings[key])) out[key] = config.dataPath;
    else out[key] = `default (the value in ${config.dataPath} is not usable)`;
  }
  return out;
}

export function todayOption(args: ParsedArgs): string {
  const raw = stringFlag(args, 'today');
  if (raw === undefined) return localIsoDate(new Date());
  if (!isIsoDate(raw)) throw new UsageError(`--today "${raw}" is not a date (expected YYYY-MM-DD)`, args.command);
  return raw;
}

/** `--vault`: FsVault says a missing folder is missing; a file given for it is named as not a folder. */
function vaultOption(args: ParsedArgs): string {
  const root = requireFlag(args, 'vault');
  if (fs.existsSync(root) && !isDir(root))
    throw new InputError(root, undefined, 'not a folder (--vault takes the vault folder)');
  return root;
}

/**
 * `--config-dir`: a folder the vault has. A mistyped one is refused rather than read as "no
 * settings yet": the defaults would run in its place and triage would lose its state.
 */
function configDirOption(args: ParsedArgs, root: string): string | undefined {
  const given = stringFlag(args, 'config-dir');
  if (given === undefined) return undefined;
  if (given.trim() === '')
    throw new UsageError(`--config-dir ${JSON.stringify(given)} needs a folder name`, args.command);
  if (!isDir(path.join(root, given))) {
    // A vault Obsidian has not opened yet has none: the CLI makes the one named, as it makes .obsidian.
    const found = detectConfigDir(root);
    if (found === null) return given;
    throw new UsageError(
      `--config-dir ${JSON.stringify(given)} is not a folder in the vault; its config folder is ${found}`,
      args.command,
    );
  }
  return given;
}

/** Opens `--vault` with its settings; flags override them for this run. */
export function openVault(args: ParsedArgs): VaultSession {
  const vault = new FsVault(vaultOption(args));
  const config = loadVaultConfig(vault.root, configDirOption(args, vault.root));
  const settings = { ...config.settings };
  const sources = sourcesOf(config);
  for (const f of SETTING_FLAGS) {
    const raw = args.flags.get(f.flag);
    if (raw === undefined) continue;
    (settings as Record<SettingKey, unknown>)[f.key] = f.value(raw, args.command);
    sources[f.key] = `--${f.flag}`;
  }
  return { vault, config, settings, sources, rule: personNoteRule(settings), today: todayOption(args) };
}

/** The import's settings; like the plugin, refuses a people folder that is not inside the vault. */
export function importSettings(session: VaultSession): ImportSettings {
  const settings = importSettingsFrom(session.settings, session.today, session.config.state);
  if (settings === null)
    throw new UsageError(
      `the people folder "${session.settings.peopleFolder}" (${session.sources.peopleFolder}) is not a folder inside the vault; give --folder`,
      'import',
    );
  return settings;
}

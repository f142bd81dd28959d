/**
 * What every command declares (its flags, its one-line summary, its help) and the flags
 * they share, so `network-crm <command> --help` and the top-level usage are generated
 * from the same table the parser checks flags against.
 */
import { parseArgs, type FlagSpec, type ParsedArgs } from './args';
import type { CliIo } from './io';

export interface CommandSpec {
  name: string;
  /** Positional arguments as shown in the usage line (`<zip|folder|csv…>`). */
  args?: string;
  summary: string;
  /** More lines for `--help`. */
  details?: string[];
  flags: readonly FlagSpec[];
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export const FLAG = {
  vault: { name: 'vault', value: 'DIR', help: 'the vault folder (required)' },
  configDir: {
    name: 'config-dir',
    value: 'NAME',
    help: "the vault's config folder, when it is not found by itself (default: .obsidian or the one in use)",
  },
  folder: { name: 'folder', value: 'PATH', help: 'the people folder, for this run (default: the setting, People)' },
  tag: { name: 'tag', value: 'TAG', help: 'the person tag, for this run (default: the setting, person)' },
  today: { name: 'today', value: 'YYYY-MM-DD', help: 'the date to treat as today (default: the local date)' },
  json: { name: 'json', help: 'print one JSON object instead of text' },
  person: { name: 'person', value: 'WHO', help: 'a LinkedIn URL, a note name, a vault path or an absolute path' },
  limit: { name: 'limit', value: 'N', help: 'show at most N rows (the count still says how many there are)' },
  dryRun: { name: 'dry-run', help: 'show what would change; write nothing' },
  help: { name: 'help', help: 'show this help' },
} satisfies Record<string, FlagSpec>;

/** The flags every command that reads a vault takes. */
export const VAULT_FLAGS: readonly FlagSpec[] = [FLAG.vault, FLAG.configDir, FLAG.folder, FLAG.tag, FLAG.today];

/**
 * A command's argv read against its spec: its flags, and positional arguments only when the
 * spec declares some (`args`), so no command has to refuse stray ones itself.
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  return parseArgs(spec.name, argv, spec.flags, { positionals: spec.args !== undefined });
}

/** A word for the user's shell: as it is when it needs no quoting, else quoted for the platform's shell. */
export function shellWord(word: string, platform: NodeJS.Platform = process.platform): string {
  if (/^[\w@%+=:,./-]+$/.test(word)) return word;
  if (platform === 'win32') return `"${word.replace(/"/g, '""')}"`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command that takes back what this one wrote, on the same vault as the user named it
 * (and its config folder when one was given), ready to copy.
 */
export function undoHint(args: ParsedArgs, platform: NodeJS.Platform = process.platform): string {
  const words = ['network-crm', 'undo'];
  for (const name of [FLAG.vault.name, FLAG.configDir.name]) {
    const value = args.flags.get(name);
    if (typeof value === 'string') words.push(`--${name}`, shellWord(value, platform));
  }
  return `Undo with: ${words.join(' ')}`;
}

export function commandUsage(spec: CommandSpec): string {
  const required = spec.flags.some((f) => f.name === 'vault') ? ' --vault DIR' : '';
  return `network-crm ${spec.name}${spec.args ? ` ${spec.args}` : ''}${required} [options]`;
}

export function commandHelp(spec: CommandSpec): string {
  const width = Math.max(...spec.flags.map((f) => `--${f.name}${f.value ? ` ${f.value}` : ''}`.length));
  const lines = [`Usage: ${commandUsage(spec)}`, '', spec.summary];
  if (spec.details) lines.push('', ...spec.details);
  lines.push('', 'Options:');
  for (const f of spec.flags) lines.push(`  ${`--${f.name}${f.value ? ` ${f.value}` : ''}`.padEnd(width)}  ${f.help}`);
  return lines.join('\n');
}

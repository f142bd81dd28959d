/**
 * `network-crm`: the command-line twin of the plugin. It runs the same core on a vault
 * folder, with the vault's own Network CRM settings, for scripting and for end-to-end tests.
 */
import { version } from '../../package.json';
import { InputError } from '../core/csv/input-error';
import { UsageError } from './args';
import { BIRTHDAYS } from './commands/birthdays';
import { BULK } from './commands/bulk';
import { DECIDE } from './commands/decide';
import { TRIAGE } from './commands/triage';
import { MERGE } from './commands/merge';
import { IMPORT } from './commands/import';
import { LOG, SHOW } from './commands/person';
import { MET_AT_EVENT, PRUNE_LIST } from './commands/batch';
import { SHOW_SETTINGS } from './commands/show-settings';
import { OVERVIEW } from './commands/overview';
import { REVIEW } from './commands/review';
import { STALE } from './commands/stale';
import { UNDO } from './commands/undo';
import { commandHelp, commandUsage, parseCommandArgs, type CommandSpec } from './command';
import type { CliIo } from './io';
import { releaseWriteLocks } from './write-lock';

export const COMMANDS: readonly CommandSpec[] = [
  IMPORT,
  LOG,
  SHOW,
  STALE,
  REVIEW,
  OVERVIEW,
  BULK,
  TRIAGE,
  DECIDE,
  MET_AT_EVENT,
  PRUNE_LIST,
  UNDO,
  BIRTHDAYS,
  MERGE,
  SHOW_SETTINGS,
];

export const USAGE = [
  'Usage: network-crm <command> [options]',
  '',
  'Commands:',
  ...COMMANDS.flatMap((c) => [`  ${commandUsage(c)}`, `      ${c.summary}`]),
  '',
  '`network-crm --version` prints the version.',
  '',
  "Every command reads the vault's Network CRM settings (<config folder>/plugins/network-crm/data.json);",
  'flags such as --folder change them for one run. `network-crm <command> --help` lists its options.',
].join('\n');

function commandNamed(name: string): CommandSpec {
  const spec = COMMANDS.find((c) => c.name === name);
  if (!spec) throw new UsageError(`unknown command "${name}"`);
  return spec;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  /** The command being run, once it is known. */
  let command: string | undefined;
  try {
    if (argv[0] === '--version') {
      io.out(version);
      return 0;
    }
    const [name, ...rest] = argv;
    if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
      const topic = name === 'help' ? rest[0] : undefined;
      io.out(topic === undefined ? USAGE : commandHelp(commandNamed(topic)));
      return name === undefined ? 2 : 0;
    }
    const spec = commandNamed(name);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(commandHelp(spec));
      return 0;
    }
    command = spec.name;
    return await spec.run(parseCommandArgs(spec, rest), io);
  } catch (e) {
    if (e instanceof UsageError) {
      // A usage error met while a command ran is about that command, whoever raised it: shared
      // code (the `--person` lookup) does not know which command asked, and the top-level help
      // does not list that command's options.
      const topic = e.command ?? command;
      io.err(`network-crm: ${e.message} (see network-crm ${topic !== undefined ? `${topic} ` : ''}--help)`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`network-crm: ${e.message}`);
      return 1;
    }
    io.err(`network-crm: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    // The vault's write lock, if the command took it (write-lock.ts).
    releaseWriteLocks();
  }
}

/**
 * `network-crm`: the command-line twin of the plugin. It runs the same core on a vault
 * folder, for scripting and for end-to-end tests.
 */
import { version } from '../../package.json';
import { InputError } from '../core/csv/input-error';
import { parseArgs, UsageError } from './args';
import { runBirthdays } from './commands/birthdays';
import { runImport } from './commands/import';
import { runMerge } from './commands/merge';
import { runLog, runShow } from './commands/person';
import { runStale } from './commands/stale';
import { runDecide, runTriage } from './commands/triage';
import type { CliIo } from './io';

const SWITCHES = new Set([
  'dry-run',
  'json',
  'report',
  'prune',
  'decline',
  'keep',
  'accept',
  'help',
  'create-pending-invitees',
  'log-message-days',
  'no-base',
]);

export const USAGE = `Usage: network-crm <command> [options]

Commands:
  import <zip|folder|csv...> --vault DIR [--folder People] [--dry-run] [--json] [--report] [--no-base]
      Import a LinkedIn data export into person notes (the first import into a folder also
      adds People.base, a table of them, unless --no-base).
  log --vault DIR --person <url|name|path> [--date YYYY-MM-DD] [--channel C] [--note TEXT]
      Log an interaction: a line at the top of ## Interactions, last-contact moved forward.
  show --vault DIR --person <url|name|path> [--json]
      A person's fields and effective last contact with its source.
  stale --vault DIR [--today YYYY-MM-DD] [--json]
      People to get back in touch with, most overdue first.
  triage --vault DIR [--today YYYY-MM-DD] [--json]
      The triage queue: invitations, new connections, job changes, prune candidates, stale invitations.
  decide --vault DIR --person <url|name|path> (--trust N | --met-where TEXT | --prune | --decline | --keep | --accept)
      Record one triage decision.
  birthdays --vault DIR [--days 7] [--today YYYY-MM-DD] [--json]
      Birthdays in the coming days (year-less ones too), from any source.
  merge --vault DIR --keep <note> --into <note> [--take KEY,KEY] [--dry-run] [--json]
      Merge two notes about one person: the --into note (also --remove) goes into the --keep
      note, links to it are rewritten, and it is moved to the vault's .trash folder.

Common options:
  --version          print the version and exit
  --vault DIR        the vault folder
  --today YYYY-MM-DD the date to treat as today (default: the local date)
  --json             print one JSON object instead of text`;

type Command = (args: ReturnType<typeof parseArgs>, io: CliIo) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  import: runImport,
  log: runLog,
  show: runShow,
  stale: runStale,
  triage: runTriage,
  decide: runDecide,
  birthdays: runBirthdays,
  merge: runMerge,
};

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    if (argv[0] === '--version') {
      io.out(version);
      return 0;
    }
    const args = parseArgs(argv, SWITCHES);
    if (args.command === undefined || args.command === 'help' || args.command === '--help' || args.flags.has('help')) {
      io.out(USAGE);
      return args.command === undefined ? 2 : 0;
    }
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`unknown command "${args.command}"`);
    return await command(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`network-crm: ${e.message} (see network-crm --help)`);
      return 2;
    }
    if (e instanceof InputError) {
      io.err(`network-crm: ${e.message}`);
      return 1;
    }
    io.err(`network-crm: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

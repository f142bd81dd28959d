/**
 * `network-crm bulk --vault DIR --filter FILTER (--log | --snooze DATE | --trust N |
 * --cadence DAYS | --tag T | --untag T | --stop) [--dry-run] [--json]`: one action for
 * everyone the filter selects, as the stale view's selection does it: the same edits, people
 * it would not change left alone, one step for `network-crm undo`. The filter is the stale
 * view's search language (`stale trust:5 tag:mentor company:Acme met-where:"Web Summit"`),
 * every term must hold, and an unknown term is an error: nothing is changed on a guess.
 */
import { isIsoDate } from '../../core/dates/iso-date';
import { bulkChange, bulkEdit, bulkLabel, bulkProblem, type BulkAction } from '../../core/bulk/bulk-actions';
import { FilterError } from '../../core/people/filter';
import { filterKeepInTouch, parsePeopleFilter } from '../../core/stale/filter-terms';
import { levelNames } from '../../core/settings';
import { plural } from '../../core/text/format';
import { generatedNote } from '../../core/triage/mentions';
import { filterFlag, requireFlag, UsageError, type FlagSpec, type ParsedArgs } from '../args';
import { CliEditor } from '../cli-edits';
import { FLAG, undoHint, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault } from '../options';
import { VaultPeople } from '../vault-people';
import { keepInTouchOf } from './keep-in-touch';
import { failureLine } from '../failures';
import { mayWrite } from '../write-lock';

const ACTION_FLAGS: readonly FlagSpec[] = [
  { name: 'log', help: 'log contact today (a line under ## Interactions, last-contact moved forward)' },
  { name: 'snooze', value: 'YYYY-MM-DD', help: 'snooze until that date' },
  { name: 'trust', value: 'N', help: 'set the trust level, 1 to 5' },
  { name: 'cadence', value: 'DAYS', help: 'set the keep-in-touch period in days (0 stops reminders)' },
  { name: 'tag', value: 'TAG', help: 'add a tag (here --tag is the tag to add, not the person tag)' },
  { name: 'untag', value: 'TAG', help: 'remove a tag' },
  { name: 'stop', help: 'stop tracking (cadence: 0)' },
];

function actionOf(args: ParsedArgs, today: string, personTag: string): BulkAction {
  const given = ACTION_FLAGS.filter((f) => args.flags.has(f.name)).map((f) => f.name);
  if (given.length !== 1)
    throw new UsageError(
      given.length === 0
        ? 'say what to do: one of --log, --snooze DATE, --trust N, --cadence DAYS, --tag T, --untag T, --stop'
        : `one action at a time (got --${given.join(', --')})`,
      args.command,
    );
  const value = (name: string) => requireFlag(args, name);
  const number = (name: string) => {
    const raw = value(name);
    if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} "${raw}" is not a whole number`, args.command);
    return Number(raw);
  };
  let action: BulkAction;
  switch (given[0]) {
    case 'log':
      action = { kind: 'log' };
      break;
    case 'stop':
      action = { kind: 'stop' };
      break;
    case 'snooze': {
      const until = value('snooze');
      if (!isIsoDate(until))
        throw new UsageError(`--snooze "${until}" is not a date (expected YYYY-MM-DD)`, args.command);
      action = { kind: 'snooze', until };
      break;
    }
    case 'trust':
      action = { kind: 'trust', level: number('trust') };
      break;
    case 'cadence':
      action = { kind: 'cadence', days: number('cadence') };
      break;
    default:
      action = { kind: given[0] as 'tag' | 'untag', tag: value(given[0] as string) };
  }
  const problem = bulkProblem(action, today, personTag);
  if (problem !== null) throw new UsageError(problem, args.command);
  return action;
}

async function runBulk(args: ParsedArgs, io: CliIo): Promise<number> {
  const filterText = filterFlag(args) ?? requireFlag(args, 'filter');
  // `--tag` is this command's action; the vault's person tag stays as its settings say.
  const session = openVault({ ...args, flags: new Map([...args.flags].filter(([name]) => name !== 'tag')) });
  if (!(await mayWrite(session, 'bulk', io, !args.flags.has('dry-run')))) return 1;
  const { today, settings } = session;
  const action = actionOf(args, today, settings.defaultTag);
  let parsed;
  try {
    parsed = parsePeopleFilter(filterText);
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(`--filter: ${e.message}`, args.command);
    throw e;
  }
  const people = VaultPeople.open(session, io, { writes: !args.flags.has('dry-run') });
  const generated = generatedNote(settings.reportFolder);
  const mentions = parsed.terms.some((t) => t.toLowerCase() === 'no-contact')
    ? new Map([...people.backlinks()].map(([p, from]) => [p, from.filter((f) => !generated(f)).length]))
    : undefined;
  const chosen = filterKeepInTouch(keepInTouchOf(people, today), parsed, { today, mentions })
    .map((k) => k.person)
    .sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
  const planned = chosen.map((p) => ({ person: p, change: bulkChange(action, p, today) }));
  const toChange = planned.filter((c) => c.change !== null);
  const unchanged = planned.filter((c) => c.change === null).map((c) => c.person);
  const dryRun = args.flags.has('dry-run');
  const names = levelNames(settings);
  const editor = new CliEditor(session, bulkLabel(action, toChange.length, names));
  if (!dryRun && toChange.length > 0) {
    const edit = bulkEdit(action, today);
    for (const c of toChange) await editor.edit(c.person.path, edit);
    editor.commit(bulkLabel(action, editor.changed.length, names));
  }
  const written = new Set(editor.changed.map((c) => c.path));
  const failed = editor.failed;
  const done = dryRun ? toChange : toChange.filter((c) => written.has(c.person.path));
  if (args.flags.has('json')) {
    io.out(
      JSON.stringify(
        {
          dryRun,
          today,
          filter: filterText,
          action,
          matched: chosen.length,
          changed: done.map((c) => ({ name: c.person.name, path: c.person.path, change: c.change })),
          unchanged: unchanged.map((p) => ({ name: p.name, path: p.path })),
          failed,
        },
        null,
        2,
      ),
    );
    return failed.length > 0 ? 1 : 0;
  }
  const label = bulkLabel(action, done.length, names);
  io.out(
    `${dryRun ? `Dry run: would ${label}` : `Done: ${label}`} (${plural(chosen.length, 'person', 'people')} match "${filterText}")`,
  );
  for (const c of done) io.out(`  ${c.person.name}: ${c.change}  (${c.person.path})`);
  if (unchanged.length > 0) io.out(`${plural(unchanged.length, 'person', 'people')} already so, left alone.`);
  for (const f of failed) io.err(`  ${failureLine(f)}`);
  if (!dryRun && done.length > 0) io.out(undoHint(args));
  return failed.length > 0 ? 1 : 0;
}

export const BULK: CommandSpec = {
  name: 'bulk',
  summary: 'One action for everyone a filter selects: log contact, snooze, trust, cadence, tag, untag, stop tracking.',
  details: [
    "FILTER is the stale view's search language: terms joined by spaces, all of which must hold, such as",
    '  stale trust:5    tag:mentor drifting    company:Acme met-where:"Web Summit 2024"    untriaged',
    'Terms: stale, due, overdue, drifting, follow-ups, snoozed, birthday, owe-reply, waiting, untriaged, no-contact,',
    'trust:N (or N-M, or none), tag:T, company:NAME, met-where:TEXT, connected-before:DATE, connected-after:DATE.',
    'People the action would not change are left alone; `network-crm undo` takes the whole step back.',
  ],
  flags: [
    ...VAULT_FLAGS.filter((f) => f.name !== 'tag'),
    { name: 'filter', value: 'FILTER', help: 'who: terms joined by spaces, all of which must hold (required)' },
    ...ACTION_FLAGS,
    FLAG.dryRun,
    FLAG.json,
    FLAG.help,
  ],
  run: runBulk,
};

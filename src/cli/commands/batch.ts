/**
 * The plugin's batch commands on a vault folder: `met-at-event` (set where you met on the
 * untriaged people who connected or invited you during an event) and `prune-list` (the
 * checklist note of everyone marked to prune). Both are undone by `network-crm undo`.
 */
import { isIsoDate } from '../../core/dates/iso-date';
import { pruneListPath } from '../../core/import/report-path';
import { FIELD } from '../../core/notes/schema';
import { reportFolderOf } from '../../core/people/person-note';
import { plural } from '../../core/text/format';
import { peopleInWindow } from '../../core/triage/event-window';
import { composePruneList } from '../../core/triage/prune-list';
import { requireFlag, UsageError, type ParsedArgs } from '../args';
import { CliEditor } from '../cli-edits';
import { FLAG, undoHint, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault } from '../options';
import { VaultPeople } from '../vault-people';
import { failureLine } from '../failures';
import { mayWrite } from '../write-lock';

function dateFlag(args: ParsedArgs, name: string): string {
  const value = requireFlag(args, name);
  if (!isIsoDate(value)) throw new UsageError(`--${name} "${value}" is not a date (expected YYYY-MM-DD)`, args.command);
  return value;
}

async function runMetAtEvent(args: ParsedArgs, io: CliIo): Promise<number> {
  const from = dateFlag(args, 'from');
  const to = dateFlag(args, 'to');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`, 'met-at-event');
  const value = requireFlag(args, 'met-where').replace(/\s+/g, ' ').trim();
  if (value === '') throw new UsageError('--met-where needs a place or an event', 'met-at-event');
  const session = openVault(args);
  if (!(await mayWrite(session, 'met-at-event', io, !args.flags.has('dry-run')))) return 1;
  const people = VaultPeople.open(session, io, { writes: !args.flags.has('dry-run') });
  const chosen = peopleInWindow(people.records, from, to);
  const dryRun = args.flags.has('dry-run');
  const editor = new CliEditor(session, `met at ${value} (${plural(chosen.length, 'person', 'people')})`);
  if (!dryRun) {
    for (const p of chosen) await editor.edit(p.path, { frontmatter: (fm) => (fm[FIELD.metWhere] = value) });
    editor.commit(`met at ${value} (${plural(editor.changed.length, 'person', 'people')})`);
  }
  const changed = new Set(editor.changed.map((c) => c.path));
  if (args.flags.has('json')) {
    io.out(
      JSON.stringify(
        {
          dryRun,
          from,
          to,
          metWhere: value,
          people: chosen.map((p) => ({ name: p.name, path: p.path, changed: changed.has(p.path) })),
          failed: editor.failed,
        },
        null,
        2,
      ),
    );
  } else {
    const n = dryRun ? chosen.length : changed.size;
    io.out(
      `${dryRun ? 'Dry run: would set' : 'Set'} met-where to ${value} on ${plural(n, 'person', 'people')} who connected or invited you from ${from} to ${to}`,
    );
    for (const p of chosen)
      io.out(`  ${p.name}${p.company ? ` · ${p.company}` : ''} · ${p.connectedOn ?? `invited ${p.invitedOn ?? ''}`}`);
    for (const f of editor.failed) io.err(`  ${failureLine(f)}`);
    if (!dryRun && n > 0) io.out(undoHint(args));
  }
  return editor.failed.length > 0 ? 1 : 0;
}

async function runPruneList(args: ParsedArgs, io: CliIo): Promise<number> {
  const session = openVault(args);
  if (!(await mayWrite(session, 'prune-list', io, !args.flags.has('dry-run')))) return 1;
  const people = VaultPeople.open(session, io, { writes: !args.flags.has('dry-run') });
  const path = pruneListPath(reportFolderOf(session.settings.reportFolder));
  let previous: string | null = null;
  try {
    previous = session.vault.readText(path);
  } catch {
    previous = null;
  }
  const editor = new CliEditor(session, 'prune list');
  // Over the list it was made from: a box ticked in Obsidian since is not unticked.
  await editor.write(path, composePruneList(people.records, previous, session.today), previous);
  editor.commit('prune list');
  const marked = people.records.filter((p) => p.prune).length;
  if (args.flags.has('json')) io.out(JSON.stringify({ path, marked, changed: editor.changed.length > 0 }));
  else
    io.out(`${previous === null ? 'Wrote' : 'Updated'} ${path}: ${plural(marked, 'person', 'people')} marked to prune`);
  return 0;
}

export const MET_AT_EVENT: CommandSpec = {
  name: 'met-at-event',
  summary:
    'Set met-where on the untriaged people who connected with you or invited you between two dates (the "Met at an event" command).',
  flags: [
    ...VAULT_FLAGS,
    { name: 'from', value: 'YYYY-MM-DD', help: 'first day of the event (required)' },
    { name: 'to', value: 'YYYY-MM-DD', help: 'last day of the event (required)' },
    { name: 'met-where', value: 'TEXT', help: 'where you met, e.g. "[[Web Summit 2024]]" (required)' },
    FLAG.dryRun,
    FLAG.json,
    FLAG.help,
  ],
  run: runMetAtEvent,
};

export const PRUNE_LIST: CommandSpec = {
  name: 'prune-list',
  summary:
    'Write the prune list: a checklist note of everyone marked to prune, with profile links (ticked boxes are kept).',
  details: ['The note goes beside the report folder: Network CRM/Prune list.md by default.'],
  flags: [...VAULT_FLAGS, FLAG.json, FLAG.help],
  run: runPruneList,
};

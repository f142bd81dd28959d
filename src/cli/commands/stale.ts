/** `network-crm stale --vault DIR`: the stale view's list, in its order, with the vault's settings. */
import { lastContactText, overdueText } from '../../core/stale/describe';
import { staleList, type StaleEntry } from '../../core/stale/stale-list';
import { displayWidth, padDisplay } from '../../core/text/display-width';
import { plural } from '../../core/text/format';
import { limitFlag, type ParsedArgs } from '../args';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault } from '../options';
import { VaultPeople } from '../vault-people';

/** Names wider than this are cut with `…` so a long one does not push every row. */
const MAX_NAME_COLUMNS = 32;

/** One row of `stale --json`. */
export function staleRow(e: StaleEntry) {
  return {
    name: e.person.name,
    path: e.person.path,
    trust: e.person.trust,
    lastContact: e.lastContact,
    dueDate: e.dueDate,
    daysOverdue: e.daysOverdue,
    whoseMove: e.whoseMove,
  };
}

function runStale(args: ParsedArgs, io: CliIo): Promise<number> {
  const session = openVault(args);
  const limit = limitFlag(args);
  const people = new VaultPeople(session);
  const { today, settings: s } = session;
  const list = staleList(people.records, {
    today,
    trustLevels: s.trustLevels,
    includeUntriaged: s.includeUntriagedInStale,
    useDailyNotes: s.useDailyNotes,
  });
  const shown = limit === undefined ? list : list.slice(0, limit);
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ today, count: list.length, stale: shown.map(staleRow) }, null, 2));
    return Promise.resolve(0);
  }
  io.out(
    `${plural(list.length, 'stale contact')} on ${today}${shown.length < list.length ? `, the first ${shown.length} shown` : ''}`,
  );
  const nameWidth = Math.min(MAX_NAME_COLUMNS, Math.max(0, ...shown.map((e) => displayWidth(e.person.name))));
  const overdueWidth = Math.max(0, ...shown.map((e) => overdueText(e).length));
  for (const e of shown)
    io.out(
      `  ${padDisplay(e.person.name, nameWidth)}  ${overdueText(e).padEnd(overdueWidth)}  ${lastContactText(e, today)}  (${e.person.path})`,
    );
  return Promise.resolve(0);
}

export const STALE: CommandSpec = {
  name: 'stale',
  summary: 'People to get back in touch with, most overdue first (the stale contacts view).',
  details: ["Uses the vault's trust levels and keep-in-touch periods, and its daily notes setting; see show-settings."],
  flags: [...VAULT_FLAGS, FLAG.limit, FLAG.json, FLAG.help],
  run: runStale,
};

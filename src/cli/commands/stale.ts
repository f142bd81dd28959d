/** `network-crm stale --vault DIR [--today YYYY-MM-DD] [--json]`: the view's list, in its order. */
import { lastContactText, overdueText } from '../../core/stale/describe';
import { staleList } from '../../core/stale/stale-list';
import { checkFlags, requireFlag, type ParsedArgs } from '../args';
import { FsVault } from '../fs-vault';
import type { CliIo } from '../io';
import { folderOption, todayOption } from '../options';
import { VaultPeople } from '../vault-people';

export function runStale(args: ParsedArgs, io: CliIo): Promise<number> {
  checkFlags(args, ['vault', 'today', 'json', 'folder']);
  const vault = new FsVault(requireFlag(args, 'vault'));
  const people = new VaultPeople(vault, { folder: folderOption(args) });
  const today = todayOption(args);
  const s = people.settings;
  const list = staleList(people.records, {
    today,
    trustLevels: s.trustLevels,
    includeUntriaged: s.includeUntriagedInStale,
    useDailyNotes: s.useDailyNotes,
  });
  if (args.flags.has('json')) {
    const rows = list.map((e) => ({
      name: e.person.name,
      path: e.person.path,
      trust: e.person.trust,
      lastContact: e.lastContact,
      dueDate: e.dueDate,
      daysOverdue: e.daysOverdue,
      whoseMove: e.whoseMove,
    }));
    io.out(JSON.stringify({ today, count: rows.length, stale: rows }, null, 2));
  } else {
    io.out(`${list.length} stale contacts on ${today}`);
    for (const e of list)
      io.out(
        `  ${e.person.name.padEnd(30)} ${overdueText(e).padEnd(18)} ${lastContactText(e, today)}  (${e.person.path})`,
      );
  }
  return Promise.resolve(0);
}

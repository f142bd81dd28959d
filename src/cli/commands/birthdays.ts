/** `network-crm birthdays --vault DIR [--days N] [--today D] [--json]`: birthdays coming up, any source. */
import { upcomingBirthdays } from '../../core/people/birthdays';
import { checkFlags, requireFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import { FsVault } from '../fs-vault';
import type { CliIo } from '../io';
import { folderOption, todayOption } from '../options';
import { VaultPeople } from '../vault-people';

export function runBirthdays(args: ParsedArgs, io: CliIo): Promise<number> {
  checkFlags(args, ['vault', 'days', 'today', 'json', 'folder']);
  const raw = stringFlag(args, 'days') ?? '7';
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 366)
    throw new UsageError(`--days "${raw}" must be a number of days from 1 to 366`);
  const days = Number(raw);
  const vault = new FsVault(requireFlag(args, 'vault'));
  const people = new VaultPeople(vault, { folder: folderOption(args) });
  const today = todayOption(args);
  const list = upcomingBirthdays(people.records, today, days);
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ today, days, count: list.length, birthdays: list }, null, 2));
    return Promise.resolve(0);
  }
  const span = days === 7 ? 'this week' : `in the next ${days} days`;
  io.out(
    list.length === 0 ? `No birthdays ${span}.` : `${list.length} birthday${list.length === 1 ? '' : 's'} ${span}:`,
  );
  for (const b of list) {
    const when = b.inDays === 0 ? 'today' : b.inDays === 1 ? 'tomorrow' : `${b.date} (in ${b.inDays} days)`;
    io.out(`  ${b.name}: ${when}${b.turns !== null ? `, turns ${b.turns}` : ''}  (${b.path})`);
  }
  return Promise.resolve(0);
}

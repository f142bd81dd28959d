/** `network-crm birthdays --vault DIR [--days N] [--today D] [--json]`: birthdays coming up, any source. */
import { upcomingBirthdays } from '../../core/people/birthdays';
import { plural } from '../../core/text/format';
import { stringFlag, UsageError, type ParsedArgs } from '../args';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault } from '../options';
import { VaultPeople } from '../vault-people';

function runBirthdays(args: ParsedArgs, io: CliIo): Promise<number> {
  const raw = stringFlag(args, 'days') ?? '7';
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 366)
    throw new UsageError(`--days "${raw}" must be a number of days from 1 to 366`, 'birthdays');
  const days = Number(raw);
  const session = openVault(args);
  const people = VaultPeople.open(session, io, { frontmatter: true });
  const { today } = session;
  const list = upcomingBirthdays(people.records, today, days);
  if (args.flags.has('json')) {
    io.out(JSON.stringify({ today, days, count: list.length, birthdays: list }, null, 2));
    return Promise.resolve(0);
  }
  const span = days === 7 ? 'this week' : `in the next ${days} days`;
  io.out(list.length === 0 ? `No birthdays ${span}.` : `${plural(list.length, 'birthday')} ${span}:`);
  for (const b of list) {
    const when = b.inDays === 0 ? 'today' : b.inDays === 1 ? 'tomorrow' : `${b.date} (in ${b.inDays} days)`;
    io.out(`  ${b.name}: ${when}${b.turns !== null ? `, turns ${b.turns}` : ''}  (${b.path})`);
  }
  return Promise.resolve(0);
}

export const BIRTHDAYS: CommandSpec = {
  name: 'birthdays',
  summary: 'Birthdays in the coming days (year-less ones too), from any source.',
  flags: [
    ...VAULT_FLAGS,
    { name: 'days', value: 'N', help: 'how many days ahead, 1 to 366 (default: 7)' },
    FLAG.json,
    FLAG.help,
  ],
  run: runBirthdays,
};

/**
 * `network-crm overview --vault DIR [--today D] [--json]`: the Network overview's numbers
 * (people by trust level with due, overdue and drifting; contacts and new connections per
 * month over two years; top companies; never answered), with text bar charts.
 */
import { networkOverview, type MonthCount } from '../../core/overview/overview';
import { formatCount } from '../../core/text/format';
import type { ParsedArgs } from '../args';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault } from '../options';
import { VaultPeople } from '../vault-people';
import { keepInTouchOf } from './keep-in-touch';

const BAR_WIDTH = 40;

function bars(io: CliIo, title: string, values: readonly MonthCount[]): void {
  const max = Math.max(1, ...values.map((v) => v.count));
  io.out(`${title}:`);
  for (const v of values)
    io.out(
      `  ${v.month} ${'█'.repeat(Math.round((v.count / max) * BAR_WIDTH)).padEnd(BAR_WIDTH)} ${formatCount(v.count)}`,
    );
}

function runOverview(args: ParsedArgs, io: CliIo): Promise<number> {
  const session = openVault(args);
  const people = VaultPeople.open(session, io, { frontmatter: true });
  const { today, settings: s } = session;
  const data = networkOverview(keepInTouchOf(people, today), {
    today,
    trustLevels: s.trustLevels,
    useDailyNotes: s.useDailyNotes,
  });
  if (args.flags.has('json')) {
    io.out(JSON.stringify(data, null, 2));
    return Promise.resolve(0);
  }
  const t = data.totals;
  io.out(`Network overview on ${today}: ${formatCount(data.people)} people`);
  io.out(
    `  ${formatCount(t.overdue)} overdue, ${formatCount(t.due)} due, ${formatCount(t.drifting)} drifting, ${formatCount(t.followUps)} with open follow-ups, ${formatCount(t.neverContacted)} never contacted`,
  );
  io.out(
    `  ${formatCount(data.awaitingReply)} have not answered your last message; ${formatCount(data.neverAnswered)} never answered`,
  );
  io.out('');
  io.out(
    `  ${'Trust level'.padEnd(18)} ${'People'.padStart(7)} ${'Due'.padStart(6)} ${'Overdue'.padStart(8)} ${'Drifting'.padStart(9)}`,
  );
  for (const r of data.byTrust)
    io.out(
      `  ${(r.level === null ? r.name : `${r.level} · ${r.name}`).padEnd(18)} ${formatCount(r.people).padStart(7)} ${formatCount(r.due).padStart(6)} ${formatCount(r.overdue).padStart(8)} ${formatCount(r.drifting).padStart(9)}`,
    );
  io.out('');
  bars(io, 'Contacts per month', data.contactsPerMonth);
  io.out('');
  bars(io, 'New connections per month', data.newConnectionsPerMonth);
  io.out('');
  io.out('Top companies:');
  data.topCompanies.forEach((c, i) =>
    io.out(`  ${String(i + 1).padStart(2)}. ${c.company} (${formatCount(c.people)})`),
  );
  return Promise.resolve(0);
}

export const OVERVIEW: CommandSpec = {
  name: 'overview',
  summary: 'Your network in numbers: trust levels, due and overdue, contacts and new connections per month, companies.',
  flags: [...VAULT_FLAGS, FLAG.json, FLAG.help],
  run: runOverview,
};

/**
 * `network-crm log` and `network-crm show`: the person-note commands for scripts.
 */
import { isIsoDate } from '../../core/dates/iso-date';
import { effectiveLastContact } from '../../core/people/last-contact';
import {
  advanceLastContact,
  CHANNELS,
  interactionLine,
  isChannel,
  logInteractionBody,
} from '../../core/people/person-edits';
import type { PersonRecord } from '../../core/people/person-record';
import type { NetworkCrmSettings } from '../../core/settings';
import { requireFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import { CliEditor } from '../cli-edits';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault } from '../options';
import { VaultPeople } from '../vault-people';
import { failureLine } from '../failures';
import { mayWrite } from '../write-lock';

async function runLog(args: ParsedArgs, io: CliIo): Promise<number> {
  const session = openVault(args);
  if (!(await mayWrite(session, 'log', io))) return 1;
  const people = VaultPeople.open(session, io, { writes: true });
  const person = people.find(requireFlag(args, 'person'));
  const { today } = session;
  const date = stringFlag(args, 'date') ?? today;
  if (!isIsoDate(date)) throw new UsageError(`--date "${date}" is not a date (expected YYYY-MM-DD)`, 'log');
  if (date > today)
    throw new UsageError(`--date ${date} is in the future; log interactions once they have happened`, 'log');
  const channel = stringFlag(args, 'channel') ?? 'other';
  if (!isChannel(channel)) throw new UsageError(`--channel "${channel}" must be one of ${CHANNELS.join(', ')}`, 'log');
  const interaction = { date, channel, note: (stringFlag(args, 'note') ?? '').replace(/\s+/g, ' ').trim() };
  const label = `log ${channel} with ${person.name}`;
  const editor = new CliEditor(session, label);
  await editor.edit(person.path, {
    frontmatter: (fm) => advanceLastContact(fm, date),
    body: (body) => logInteractionBody(body, interaction),
  });
  if (editor.failed[0]) throw new Error(failureLine(editor.failed[0]));
  editor.commit(label);
  const line = interactionLine(interaction);
  if (args.flags.has('json')) io.out(JSON.stringify({ path: person.path, line }));
  else io.out(`Logged in ${person.path}: ${line}`);
  return 0;
}

function trustText(trust: number | null, settings: NetworkCrmSettings): string {
  if (trust === null) return 'not set';
  return `${trust} · ${settings.trustLevels[trust - 1]?.name ?? '?'}`;
}

/** The fields `show` prints, in the order a person reads them; empty ones say so. */
export function personLines(p: PersonRecord, settings: NetworkCrmSettings): Array<[string, string]> {
  const lastContact = effectiveLastContact(p, { useDailyNotes: settings.useDailyNotes });
  const rows: Array<[string, string]> = [
    ['company', p.company || '—'],
    ['position', p.position || '—'],
    ['trust', trustText(p.trust, settings)],
    ['met where', p.metWhere || '—'],
    ['last contact', lastContact ? `${lastContact.date} (from ${lastContact.source})` : 'never'],
    ['LinkedIn', p.profileUrl ?? '—'],
    ['status', p.status || '—'],
  ];
  if (p.connectedOn) rows.push(['connected on', p.connectedOn]);
  if (p.invitedOn) rows.push(['invited on', p.invitedOn]);
  if (p.invitationMessage) rows.push(['invitation note', p.invitationMessage]);
  if (p.snoozeUntil) rows.push(['snoozed until', p.snoozeUntil]);
  if (p.cadence !== null) rows.push(['cadence', p.cadence === 0 ? 'not tracked' : `every ${p.cadence} days`]);
  if (p.prune) rows.push(['prune', 'marked to remove on LinkedIn']);
  return rows;
}

function runShow(args: ParsedArgs, io: CliIo): Promise<number> {
  const session = openVault(args);
  const people = VaultPeople.open(session, io);
  const person = people.find(requireFlag(args, 'person'));
  const lastContact = effectiveLastContact(person, { useDailyNotes: session.settings.useDailyNotes });
  if (args.flags.has('json')) {
    const note = people.note(person.path);
    io.out(
      JSON.stringify(
        {
          path: person.path,
          name: person.name,
          fields: note?.note.frontmatter ?? {},
          lastContact,
          problems: person.problems,
        },
        null,
        2,
      ),
    );
    return Promise.resolve(0);
  }
  io.out(`${person.name} (${person.path})`);
  const rows = personLines(person, session.settings);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) io.out(`  ${`${k}:`.padEnd(width + 1)} ${v.replace(/[\r\n]+/g, ' ')}`);
  for (const p of person.problems) io.out(`  problem: ${p}`);
  return Promise.resolve(0);
}

export const LOG: CommandSpec = {
  name: 'log',
  summary: 'Log an interaction: a line at the top of ## Interactions, last-contact moved forward (never back).',
  flags: [
    ...VAULT_FLAGS,
    { ...FLAG.person, help: `${FLAG.person.help} (required)` },
    { name: 'date', value: 'YYYY-MM-DD', help: 'when it happened (default: today)' },
    { name: 'channel', value: 'C', help: `one of ${CHANNELS.join(', ')} (default: other)` },
    { name: 'note', value: 'TEXT', help: 'a one-line note' },
    FLAG.json,
    FLAG.help,
  ],
  run: runLog,
};

export const SHOW: CommandSpec = {
  name: 'show',
  summary:
    "A person's fields: company, position, trust by name, where you met, last contact with its source, the invitation note.",
  details: ['--json prints every frontmatter field, the effective last contact and any value that could not be read.'],
  flags: [...VAULT_FLAGS, { ...FLAG.person, help: `${FLAG.person.help} (required)` }, FLAG.json, FLAG.help],
  run: runShow,
};

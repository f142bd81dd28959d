/**
 * `network-crm log` and `network-crm show`: the person-note commands for scripts.
 */
import { isIsoDate } from '../../core/dates/iso-date';
import { editBody } from '../../core/notes/note-text';
import { effectiveLastContact } from '../../core/people/last-contact';
import {
  advanceLastContact,
  CHANNELS,
  interactionLine,
  isChannel,
  logInteractionBody,
} from '../../core/people/person-edits';
import { checkFlags, requireFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import { FsVault } from '../fs-vault';
import type { CliIo } from '../io';
import { folderOption, todayOption } from '../options';
import { VaultPeople } from '../vault-people';

export async function runLog(args: ParsedArgs, io: CliIo): Promise<number> {
  checkFlags(args, ['vault', 'person', 'date', 'channel', 'note', 'folder', 'today', 'json']);
  const vault = new FsVault(requireFlag(args, 'vault'));
  const people = new VaultPeople(vault, { folder: folderOption(args) });
  const person = people.find(requireFlag(args, 'person'));
  const today = todayOption(args);
  const date = stringFlag(args, 'date') ?? today;
  if (!isIsoDate(date)) throw new UsageError(`--date "${date}" is not a date (expected YYYY-MM-DD)`);
  if (date > today) throw new UsageError(`--date ${date} is in the future; log interactions once they have happened`);
  const channel = stringFlag(args, 'channel') ?? 'other';
  if (!isChannel(channel)) throw new UsageError(`--channel "${channel}" must be one of ${CHANNELS.join(', ')}`);
  const interaction = { date, channel, note: (stringFlag(args, 'note') ?? '').replace(/\s+/g, ' ').trim() };
  const writer = vault.writer();
  await writer.updateFrontmatter(person.path, (fm) => advanceLastContact(fm, date));
  await writer.process(person.path, (text) => editBody(text, (body) => logInteractionBody(body, interaction)));
  const line = interactionLine(interaction);
  if (args.flags.has('json')) io.out(JSON.stringify({ path: person.path, line }));
  else io.out(`Logged in ${person.path}: ${line}`);
  return 0;
}

export function runShow(args: ParsedArgs, io: CliIo): Promise<number> {
  checkFlags(args, ['vault', 'person', 'folder', 'json']);
  const vault = new FsVault(requireFlag(args, 'vault'));
  const people = new VaultPeople(vault, { folder: folderOption(args) });
  const person = people.find(requireFlag(args, 'person'));
  const lastContact = effectiveLastContact(person, { useDailyNotes: people.settings.useDailyNotes });
  const note = people.note(person.path);
  const out = {
    path: person.path,
    name: person.name,
    fields: note?.frontmatter ?? {},
    lastContact,
    problems: person.problems,
  };
  if (args.flags.has('json')) io.out(JSON.stringify(out, null, 2));
  else {
    io.out(`${person.name} (${person.path})`);
    io.out(`  last contact: ${lastContact ? `${lastContact.date} via ${lastContact.source}` : 'never'}`);
    for (const p of person.problems) io.out(`  problem: ${p}`);
  }
  return Promise.resolve(0);
}

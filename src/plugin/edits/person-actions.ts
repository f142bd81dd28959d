/**
 * The edits behind the person commands and the views' buttons (log contact, snooze, set
 * trust, set where you met). They live here, below both, so views never reach up into
 * the commands. Writes go through the NoteEditor, so each can be undone.
 */
import { Notice, type TFile } from 'obsidian';
import { FIELD } from '../../core/notes/schema';
import {
  advanceLastContact,
  applyTrust,
  logInteractionBody,
  snoozeUntil,
  type Interaction,
  type SnoozeChoice,
} from '../../core/people/person-edits';
import type { PersonRecord } from '../../core/people/person-record';
import type { CrmContext } from '../context';

export function fileOf(ctx: CrmContext, person: PersonRecord): TFile {
  const file = ctx.app.vault.getFileByPath(person.path);
  if (!file) throw new Error(`${person.path} no longer exists`);
  return file;
}

export async function logInteraction(ctx: CrmContext, person: PersonRecord, i: Interaction): Promise<void> {
  await ctx.editor.edit(
    fileOf(ctx, person),
    { frontmatter: (fm) => advanceLastContact(fm, i.date), body: (body) => logInteractionBody(body, i) },
    `log ${i.channel} with ${person.name}`,
  );
}

export function logContactToday(ctx: CrmContext, person: PersonRecord): Promise<void> {
  return logInteraction(ctx, person, { date: ctx.today(), channel: 'other', note: '' }).then(() => {
    new Notice(`Logged contact with ${person.name} today.`);
  });
}

export async function setTrust(ctx: CrmContext, person: PersonRecord, level: number): Promise<void> {
  await ctx.editor.edit(
    fileOf(ctx, person),
    { frontmatter: (fm) => void applyTrust(fm, level) },
    `set trust of ${person.name}`,
  );
}

export async function setMetWhere(ctx: CrmContext, person: PersonRecord, value: string): Promise<void> {
  await ctx.editor.edit(
    fileOf(ctx, person),
    { frontmatter: (fm) => (fm[FIELD.metWhere] = value === '' ? null : value) },
    `set where you met ${person.name}`,
  );
}

export async function snooze(ctx: CrmContext, person: PersonRecord, until: string): Promise<void> {
  await ctx.editor.edit(
    fileOf(ctx, person),
    { frontmatter: (fm) => (fm[FIELD.snoozeUntil] = until) },
    `snooze ${person.name}`,
  );
  new Notice(`${person.name} snoozed until ${until}.`);
}

export function snoozeChoice(ctx: CrmContext, person: PersonRecord, choice: SnoozeChoice): Promise<void> {
  return snooze(ctx, person, snoozeUntil(ctx.today(), choice));
}

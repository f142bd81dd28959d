/**
 * The person-note commands. Each works on the active note when it is a person note, and
 * otherwise asks for a person first. Writes go through the NoteEditor, so each can be
 * undone with "Undo last change".
 */
import { Notice } from 'obsidian';
import { planAddPerson, type NewPerson } from '../../core/import/add-person';
import { normaliseFolder } from '../../core/notes/file-name';
import { FIELD } from '../../core/notes/schema';
import { SNOOZE_LABELS, snoozeUntil, type SnoozeChoice } from '../../core/people/person-edits';
import type { PersonRecord } from '../../core/people/person-record';
import { addDays } from '../../core/dates/iso-date';
import type { CrmContext } from '../context';
import { AddPersonModal } from '../modals/add-person-modal';
import { ChoicePicker } from '../modals/choice-picker';
import { DateModal } from '../modals/date-modal';
import { LogInteractionModal } from '../modals/log-interaction-modal';
import { MetWhereModal } from '../modals/met-where-modal';
import { PersonPicker } from '../modals/person-picker';
import { ensureFolder } from '../vault/obsidian-note-writer';
import { fileOf, logInteraction, setMetWhere, setTrust, snooze, snoozeChoice } from '../edits/person-actions';
import { afterIndexing } from '../ui/indexing';
import { reportFailure } from '../ui/notices';

/**
 * The open person note, or the one the user picks. While Obsidian is still indexing the
 * vault (a cold start) the index may not know the open note yet: the command waits for it
 * rather than asking for a person the user has open.
 */
export function withPerson(
  ctx: CrmContext,
  action: (person: PersonRecord) => void | Promise<void>,
  placeholder?: string,
): void {
  const run = (p: PersonRecord) => void Promise.resolve(action(p)).catch(reportFailure);
  const pick = () => {
    const active = ctx.app.workspace.getActiveFile();
    const person = active ? ctx.index.get(active.path) : undefined;
    if (person) run(person);
    else new PersonPicker(ctx.app, () => ctx.index.people(), run, placeholder).open();
  };
  afterIndexing(ctx.index, pick);
}

export function logInteractionCommand(ctx: CrmContext): void {
  withPerson(
    ctx,
    (person) =>
      new LogInteractionModal(ctx.app, person.name, ctx.today(), (i) => logInteraction(ctx, person, i)).open(),
    'Log an interaction with…',
  );
}

export function setTrustCommand(ctx: CrmContext): void {
  withPerson(ctx, (person) => {
    const choices = ctx.settings.trustLevels
      .map((level, i) => ({
        value: i + 1,
        label: `${i + 1} · ${level.name}`,
        note:
          level.keepInTouchDays === null
            ? 'No reminders'
            : `Keep in touch every ${level.keepInTouchDays} days${person.trust === i + 1 ? ' · current' : ''}`,
      }))
      .reverse();
    new ChoicePicker(
      ctx.app,
      choices,
      (level) => void setTrust(ctx, person, level),
      `Trust level for ${person.name}`,
    ).open();
  });
}

export function setMetWhereCommand(ctx: CrmContext): void {
  withPerson(ctx, (person) =>
    new MetWhereModal(
      ctx.app,
      person.name,
      person.metWhere,
      () => ctx.index.metWhereValues(),
      (v) => setMetWhere(ctx, person, v),
    ).open(),
  );
}

export function snoozeCommand(ctx: CrmContext): void {
  withPerson(ctx, (person) => {
    const choices: Array<{ value: SnoozeChoice | 'date'; label: string; note?: string }> = (
      Object.keys(SNOOZE_LABELS) as SnoozeChoice[]
    ).map((c) => ({
      value: c,
      label: SNOOZE_LABELS[c],
      note: `Until ${snoozeUntil(ctx.today(), c)}`,
    }));
    choices.push({ value: 'date', label: 'Until a date…' });
    new ChoicePicker(
      ctx.app,
      choices,
      (choice) => {
        if (choice !== 'date') void snoozeChoice(ctx, person, choice);
        else
          new DateModal(
            ctx.app,
            `Snooze ${person.name} until`,
            addDays(ctx.today(), 1),
            addDays(ctx.today(), 14),
            (d) => snooze(ctx, person, d),
          ).open();
      },
      `Snooze reminders for ${person.name}`,
    ).open();
  });
}

export function stopTrackingCommand(ctx: CrmContext): void {
  withPerson(ctx, async (person) => {
    await ctx.editor.edit(
      fileOf(ctx, person),
      { frontmatter: (fm) => (fm[FIELD.cadence] = 0) },
      `stop tracking ${person.name}`,
    );
    new Notice(`No more keep-in-touch reminders for ${person.name}.`);
  });
}

export async function addPerson(ctx: CrmContext, input: NewPerson) {
  const folder = normaliseFolder(ctx.settings.peopleFolder) ?? 'People';
  const result = planAddPerson(input, {
    folder,
    fileNameFormat: ctx.settings.fileNameFormat,
    tag: ctx.settings.defaultTag,
    paths: ctx.app.vault.getFiles().map((f) => f.path),
    notesWithUrl: (url) => ctx.index.withProfileUrl(url).map((r) => r.path),
  });
  if (!result.ok) return result;
  await ensureFolder(ctx.app, folder);
  const file = await ctx.editor.create(result.path, result.text, `add ${input.name || result.path}`);
  await ctx.app.workspace.getLeaf(false).openFile(file);
  return result;
}

export function addPersonCommand(ctx: CrmContext): void {
  new AddPersonModal(
    ctx.app,
    (input) => addPerson(ctx, input),
    (path) => {
      const file = ctx.app.vault.getFileByPath(path);
      if (file) void ctx.app.workspace.getLeaf(false).openFile(file);
    },
  ).open();
}

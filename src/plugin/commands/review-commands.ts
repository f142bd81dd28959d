/**
 * "Plan this week's reach-outs": picks people (see core/review/weekly-review.ts) and writes
 * them as tasks into today's daily note, or the week's review note when daily notes are
 * off; then opens it. Checking one of those tasks logs the contact in the person's note.
 */
import { Notice, normalizePath, type Plugin, type TFile } from 'obsidian';
import { stampDone, type MarkdownTask } from '../../core/followups/tasks';
import { splitNote } from '../../core/notes/note-text';
import { fillDailyTemplate, reviewTarget, templatePath } from '../../core/review/review-target';
import {
  addReviewToBody,
  addReviewToNote,
  lastInteractionLine,
  pickContext,
  planReview,
  reviewWeek,
  type ContextPick,
} from '../../core/review/weekly-review';
import { plural } from '../../core/text/format';
import type { CrmContext } from '../context';
import type { CheckedReviewTask } from '../follow-up-tracker';
import { ensureFolder } from '../vault/obsidian-note-writer';
import { processNote } from '../edits/open-note';
import { readDailyNotesConfig } from '../vault/daily-notes-config';
import type { StaleModel } from '../views/stale-model';
import { logInteraction } from '../edits/person-actions';
import { reportFailure } from '../ui/notices';

async function withContext(ctx: CrmContext, picks: ReturnType<typeof planReview>): Promise<ContextPick[]> {
  // Only the picked people's notes are read (N of them), for their last interaction line.
  return Promise.all(
    picks.map(async (pick) => {
      const file = ctx.app.vault.getFileByPath(pick.status.person.path);
      const text = file ? await ctx.app.vault.cachedRead(file).catch(() => '') : '';
      return { pick, context: pickContext(pick, lastInteractionLine(splitNote(text).body)) };
    }),
  );
}

function localTime(): string {
  const now = new Date();
  return `${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** Plans the week's reach-outs and opens the note they were written to; returns its path, or null. */
export async function planReachOuts(ctx: CrmContext, model: StaleModel): Promise<string | null> {
  await ctx.index.whenReady();
  const today = ctx.today();
  const picks = planReview(model.all(), { today, count: ctx.settings.reviewCount });
  if (picks.length === 0) {
    new Notice('Nobody to plan this week: no one is overdue, drifting, has a birthday or an open follow-up.');
    return null;
  }
  const planned = await withContext(ctx, picks);
  const config = await readDailyNotesConfig(ctx.app);
  const target = reviewTarget(config, today);
  const path = normalizePath(target.path);
  const label = `plan ${plural(picks.length, 'reach-out')} for ${reviewWeek(today).label}`;
  let file: TFile | null = ctx.app.vault.getFileByPath(path);
  if (file) await ctx.editor.edit(file, { body: (body) => addReviewToBody(body, planned, today) }, label);
  else {
    let template = '';
    const tpl = target.kind === 'daily note' ? templatePath(config) : null;
    const tplFile = tpl ? ctx.app.vault.getFileByPath(normalizePath(tpl)) : null;
    if (tplFile) template = fillDailyTemplate(await ctx.app.vault.read(tplFile), config, today, localTime());
    if (path.includes('/')) await ensureFolder(ctx.app, path.slice(0, path.lastIndexOf('/')));
    file = await ctx.editor.create(path, addReviewToNote(null, planned, today, template), label);
  }
  await ctx.app.workspace.getLeaf(false).openFile(file);
  new Notice(
    `Planned ${plural(picks.length, 'reach-out')} in ${target.kind === 'daily note' ? "today's daily note" : path}.`,
  );
  return path;
}

/** A weekly-review task was checked: log contact today with each person it links (once a day). */
export function logCheckedReviewTasks(ctx: CrmContext, checked: readonly CheckedReviewTask[]): void {
  const today = ctx.today();
  const done = new Set<string>();
  // Each task gets its done date, so a device this note syncs to sees it as logged already. The
  // note is likely open (the tick was just made there): through its editor, one edit per note.
  // Best effort: if it fails, the contact is still logged here, and only another device might log it again.
  const byFile = new Map<TFile, MarkdownTask[]>();
  for (const { file, task } of checked) byFile.set(file, [...(byFile.get(file) ?? []), task]);
  for (const [file, tasks] of byFile)
    processNote(ctx.app, file, (text) => tasks.reduce((t, task) => stampDone(t, task, today) ?? t, text)).catch(
      () => undefined,
    );
  for (const { file, task } of checked) {
    for (const target of task.targets) {
      const dest = ctx.app.metadataCache.getFirstLinkpathDest(target, file.path);
      const person = dest ? ctx.index.get(dest.path) : undefined;
      if (!person || done.has(person.path) || person.logDates.includes(today)) continue;
      done.add(person.path);
      logInteraction(ctx, person, { date: today, channel: 'other', note: 'reached out (weekly review)' })
        .then(() => new Notice(`Logged contact with ${person.name} today, from your weekly review.`))
        .catch(
          (e: unknown) =>
            new Notice(`Could not log contact with ${person.name}: ${e instanceof Error ? e.message : String(e)}`),
        );
    }
  }
}

export function registerReviewCommands(plugin: Plugin, ctx: CrmContext, model: StaleModel): void {
  plugin.addCommand({
    id: 'plan-reach-outs',
    name: "Plan this week's reach-outs",
    callback: () => void planReachOuts(ctx, model).catch(reportFailure),
  });
}

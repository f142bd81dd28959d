/** Commands around triage: open the view, the "Met at an event" batch, and the prune list. */
import { normalizePath, type Plugin } from 'obsidian';
import { FIELD } from '../../core/notes/schema';
import { pruneListPath } from '../../core/import/report-path';
import { reportFolderOf } from '../../core/people/person-note';
import { composePruneList } from '../../core/triage/prune-list';
import type { CrmContext } from '../context';
import { processNote } from '../edits/open-note';
import { MetAtEventModal } from '../modals/met-at-event-modal';
import { ensureFolder } from '../vault/obsidian-note-writer';
import { afterIndexing } from '../ui/indexing';
import { reportFailure } from '../ui/notices';
import { TRIAGE_VIEW_TYPE } from '../views/triage-view';

export async function openTriage(ctx: CrmContext): Promise<void> {
  const existing = ctx.app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)[0];
  const leaf = existing ?? ctx.app.workspace.getLeaf('tab');
  if (!existing) await leaf.setViewState({ type: TRIAGE_VIEW_TYPE, active: true });
  await ctx.app.workspace.revealLeaf(leaf);
}

/** Waits for the index first: on a cold start the people not yet indexed would be missing from the picker. */
export function metAtEvent(ctx: CrmContext): void {
  afterIndexing(ctx.index, () => openMetAtEvent(ctx));
}

function openMetAtEvent(ctx: CrmContext): void {
  new MetAtEventModal(ctx.app, {
    people: () => ctx.index.people(),
    metWhereValues: () => ctx.index.metWhereValues(),
    today: () => ctx.today(),
    apply: (people, value) => {
      const files = people.map((p) => ctx.app.vault.getFileByPath(p.path)).filter((f) => f !== null);
      return ctx.editor.editMany(
        files,
        () => ({ frontmatter: (fm) => (fm[FIELD.metWhere] = value) }),
        `met at ${value} (${files.length} people)`,
      );
    },
  }).open();
}

/**
 * Writes the prune list and opens it. It waits for the index: made from a partial one (a cold
 * start), the list would leave out the people not yet indexed, and the ticks kept for them.
 */
export async function openPruneList(ctx: CrmContext): Promise<string> {
  await ctx.index.whenReady();
  const path = normalizePath(pruneListPath(reportFolderOf(ctx.settings.reportFolder)));
  const existing = ctx.app.vault.getFileByPath(path);
  let file;
  if (existing) {
    // The list may be open with ticks not saved yet: through the editor then (see edits/open-note.ts).
    await processNote(ctx.app, existing, (previous) => composePruneList(ctx.index.people(), previous, ctx.today()));
    file = existing;
  } else {
    await ensureFolder(ctx.app, path.slice(0, path.lastIndexOf('/')));
    file = await ctx.app.vault.create(path, composePruneList(ctx.index.people(), null, ctx.today()));
  }
  await ctx.app.workspace.getLeaf(false).openFile(file);
  return path;
}

export function registerTriageCommands(plugin: Plugin, ctx: CrmContext): void {
  plugin.addCommand({ id: 'open-triage', name: 'Open triage', callback: () => void openTriage(ctx) });
  plugin.addCommand({ id: 'met-at-event', name: 'Met at an event', callback: () => metAtEvent(ctx) });
  plugin.addCommand({
    id: 'open-prune-list',
    name: 'Open prune list',
    callback: () => afterIndexing(ctx.index, () => void openPruneList(ctx).catch(reportFailure)),
  });
}

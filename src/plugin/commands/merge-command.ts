/**
 * "Merge with…": the open person note (or a picked one) is kept, another person note is
 * merged into it (core/merge), links to the removed note anywhere in the vault are pointed
 * at the kept one, and the removed note goes to the trash with `fileManager.trashFile`
 * (the user's trash setting decides which). All of it is one "Undo last change".
 *
 * Obsidian has no public API to point links at another file (it updates links only when a
 * file is renamed), so links are edited precisely at the positions the metadata cache gives,
 * each checked against the cached text first; a link whose text moved since is left alone.
 */
import { Notice, TFile } from 'obsidian';
import { mergeNotes, type Choice, type MergeResult } from '../../core/merge/merge-notes';
import { findLinks, retargetLink, rewriteLinks } from '../../core/merge/rewrite-links';
import { editBody, splitNote } from '../../core/notes/note-text';
import type { PersonRecord } from '../../core/people/person-record';
import type { CrmContext } from '../context';
import { openViews, processFrontMatterOf, processNote, saveOpenViews } from '../edits/open-note';
import type { NoteChange } from '../edits/undo-stack';
import { MergeModal } from '../modals/merge-modal';
import { PersonPicker } from '../modals/person-picker';
import { withPerson } from './person-commands';
import { reportFailure } from '../ui/notices';

interface LinkEdit {
  file: TFile;
  /** Offsets and texts, from the metadata cache. */
  spans: Array<{ start: number; end: number; original: string }>;
}

/**
 * Every cached link or embed that resolves to `target`, by the file it is in; a cached span
 * that is not a link in the text as we read it (inside inline code) is left out.
 */
async function linksTo(ctx: CrmContext, target: TFile): Promise<LinkEdit[]> {
  const { metadataCache, vault } = ctx.app;
  const out: LinkEdit[] = [];
  for (const [source, dests] of Object.entries(metadataCache.resolvedLinks)) {
    if (source === target.path || !(target.path in dests)) continue;
    const file = vault.getFileByPath(source);
    const cache = file ? metadataCache.getFileCache(file) : null;
    if (!file || !cache) continue;
    const spans = [...(cache.links ?? []), ...(cache.embeds ?? [])]
      .filter((l) => metadataCache.getFirstLinkpathDest(l.link, source)?.path === target.path)
      .map((l) => ({ start: l.position.start.offset, end: l.position.end.offset, original: l.original }));
    if (spans.length === 0) continue;
    const real = new Set(findLinks(await vault.cachedRead(file)).map((l) => l.start));
    const kept = spans.filter((sp) => real.has(sp.start));
    if (kept.length > 0) out.push({ file, spans: kept });
  }
  return out;
}

/** How a note links to `kept`: its name when that resolves to it from `source`, else its path. */
function linkText(ctx: CrmContext, kept: TFile, source: string): string {
  return ctx.app.metadataCache.getFirstLinkpathDest(kept.basename, source)?.path === kept.path
    ? kept.basename
    : kept.path.replace(/\.md$/i, '');
}

async function sides(ctx: CrmContext, kept: TFile, removed: TFile) {
  const read = async (file: TFile) => {
    const text = await ctx.app.vault.read(file);
    const fm = ctx.app.metadataCache.getFileCache(file)?.frontmatter ?? {};
    return { path: file.path, frontmatter: fm, body: splitNote(text).body, text };
  };
  return { kept: await read(kept), removed: await read(removed) };
}

export async function mergePeople(
  ctx: CrmContext,
  kept: TFile,
  removed: TFile,
  choose: (key: string) => Choice,
): Promise<{ result: MergeResult; links: number }> {
  const { app } = ctx;
  // What the user typed and has not saved yet belongs in the merge.
  for (const file of [kept, removed]) await saveOpenViews(openViews(app, file));
  const s = await sides(ctx, kept, removed);
  const result = mergeNotes(s.kept, s.removed, (c) => choose(c.key));
  const edits = await linksTo(ctx, removed);
  const changes: NoteChange[] = [];

  // Notes may be open with unsaved typing: saved first, changed through the editor (edits/open-note.ts).
  await processFrontMatterOf(app, kept, (fm: Record<string, unknown>) => Object.assign(fm, result.set));
  await processNote(app, kept, (text) => editBody(text, () => result.body));
  let links = 0;
  for (const edit of edits) {
    const before = await app.vault.read(edit.file);
    const target = linkText(ctx, kept, edit.file.path);
    await processNote(app, edit.file, (text) => {
      let out = text;
      // From the end, so earlier offsets stay valid.
      for (const span of [...edit.spans].sort((a, b) => b.start - a.start)) {
        if (out.slice(span.start, span.end) !== span.original) continue;
        out = out.slice(0, span.start) + retargetLink(span.original, target) + out.slice(span.end);
        links++;
      }
      return out;
    });
    const after = await app.vault.read(edit.file);
    if (after !== before) changes.push({ path: edit.file.path, before, after });
  }
  // Links inside the removed note's own text (now in the kept note) to itself.
  const selfTargets = [removed.basename, removed.path.replace(/\.md$/i, ''), removed.path];
  await processNote(
    app,
    kept,
    (text) => rewriteLinks(text, (t) => selfTargets.includes(t), linkText(ctx, kept, kept.path)).text,
  );
  changes.unshift({ path: kept.path, before: s.kept.text, after: await app.vault.read(kept) });
  await app.fileManager.trashFile(removed);
  changes.push({ path: removed.path, before: s.removed.text, after: null });
  ctx.undo.push({ label: `merge ${removed.basename} into ${kept.basename}`, notes: changes });
  return { result, links };
}

function fileOf(ctx: CrmContext, person: PersonRecord): TFile {
  const file = ctx.app.vault.getFileByPath(person.path);
  if (!(file instanceof TFile)) throw new Error(`${person.path} no longer exists`);
  return file;
}

export function mergeWithCommand(ctx: CrmContext): void {
  withPerson(
    ctx,
    (keptPerson) => {
      new PersonPicker(
        ctx.app,
        () => ctx.index.people().filter((p) => p.path !== keptPerson.path),
        (other) => void openMerge(ctx, keptPerson, other),
        `Merge into ${keptPerson.name}: choose the other note`,
      ).open();
    },
    'Merge: choose the note to keep',
  );
}

async function openMerge(ctx: CrmContext, keptPerson: PersonRecord, removedPerson: PersonRecord): Promise<void> {
  try {
    const kept = fileOf(ctx, keptPerson);
    const removed = fileOf(ctx, removedPerson);
    const s = await sides(ctx, kept, removed);
    const preview = mergeNotes(s.kept, s.removed);
    const links = (await linksTo(ctx, removed)).reduce((n, e) => n + e.spans.length, 0);
    new MergeModal(
      ctx.app,
      { kept: kept.path, removed: removed.path, links, conflicts: preview.conflicts },
      (choices) =>
        void mergePeople(ctx, kept, removed, (key) => choices.get(key) ?? 'kept')
          .then(
            ({ links: n }) =>
              new Notice(`Merged ${removed.basename} into ${kept.basename}; ${n} link${n === 1 ? '' : 's'} updated.`),
          )
          .catch(reportFailure),
    ).open();
  } catch (e) {
    reportFailure(e);
  }
}

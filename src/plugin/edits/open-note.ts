/**
 * A note the user has open in an editor. Its text there may be ahead of the disk: Obsidian
 * saves typing about two seconds after the last keystroke. Writing the file on disk under
 * it makes the editor "merge" and can lose that typing, and replacing the editor's text
 * moves the cursor. So: save the editor first, make body changes through the editor as one
 * change (the cursor stays where it was, and it is one step of the editor's own undo), and
 * save again before the frontmatter is changed on disk.
 */
import { MarkdownView, type App, type Editor, type TFile } from 'obsidian';
import { textChanges } from '../../core/edits/text-changes';

/** The loaded Markdown views showing `file` (a background tab that is still deferred holds no text). */
export function openViews(app: App, file: TFile): MarkdownView[] {
  return app.workspace
    .getLeavesOfType('markdown')
    .map((leaf) => leaf.view)
    .filter((view): view is MarkdownView => view instanceof MarkdownView && view.file?.path === file.path);
}

/** Writes any unsaved typing in those views to disk, so the disk holds what the user sees. */
export async function saveOpenViews(views: readonly MarkdownView[]): Promise<void> {
  for (const view of views) await view.save();
}

/**
 * Replaces the editor's text with `next`, changing only the lines that differ, in one
 * transaction: text between the changes stays put, and so does a cursor in it.
 */
export function replaceInEditor(editor: Editor, next: string): boolean {
  const changes = textChanges(editor.getValue(), next);
  if (changes.length === 0) return false;
  editor.transaction({
    changes: changes.map((c) => ({ from: editor.offsetToPos(c.from), to: editor.offsetToPos(c.to), text: c.insert })),
  });
  return true;
}

/**
 * Applies `edit` to the whole text of `file`: through its editor when the note is open
 * (saved before and after, so the disk and the editor agree), else with `vault.process`.
 */
export async function processNote(app: App, file: TFile, edit: (text: string) => string): Promise<void> {
  const views = openViews(app, file);
  await saveOpenViews(views);
  const view = views[0];
  if (!view) {
    await app.vault.process(file, edit);
    return;
  }
  if (replaceInEditor(view.editor, edit(view.editor.getValue()))) await view.save();
}

/** `processFrontMatter`, after any unsaved typing in the note has reached the disk. */
export async function processFrontMatterOf(
  app: App,
  file: TFile,
  fn: (frontmatter: Record<string, unknown>) => void,
): Promise<void> {
  await saveOpenViews(openViews(app, file));
  await app.fileManager.processFrontMatter(file, fn);
}

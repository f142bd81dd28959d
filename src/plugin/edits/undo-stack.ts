/**
 * Undo for the plugin's own edits. Each entry holds, for every note it touched, the whole
 * text before and after, and which keys and body text the command changed.
 *
 * - The note is exactly as the command left it: the old text comes back byte for byte.
 * - It changed since (the user typed, a linter or a "modified date" plugin touched it):
 *   only the command's own changes are taken back, if they are still there untouched, and
 *   the other changes are kept; the notice says so.
 * - The user or another plugin changed one of those very keys or lines, or the note is
 *   gone: that note is left alone and the notice says why.
 *
 * A note open in an editor is saved first and restored through the editor, as edits are.
 */
import { Notice, parseYaml, type App } from 'obsidian';
import { planRevert, type RecordedEdit } from '../../core/edits/revert';
import { editBody, splitNote } from '../../core/notes/note-text';
import { openViews, processFrontMatterOf, processNote, saveOpenViews } from './open-note';

export interface NoteChange {
  path: string;
  /** null when the command created the note. */
  before: string | null;
  /** null when the command moved the note to the trash (a merge). */
  after: string | null;
  /**
   * What the command changed, for undoing it on a note that changed since. Absent for a note
   * created or trashed, or when the command did not record it: then only an exact undo is possible.
   */
  edit?: RecordedEdit | null;
}

export interface UndoEntry {
  label: string;
  notes: NoteChange[];
  /** Puts back what the command changed outside notes (the vault state: sent-invitation decisions). */
  restoreState?: () => Promise<void>;
}

export interface UndoResult {
  label: string;
  /** Notes put back exactly as they were. */
  restored: string[];
  /** Notes where the command's changes were taken back and later changes kept. */
  merged: string[];
  /** Notes left alone, with the reason. */
  skipped: Array<{ path: string; reason: string }>;
  /** Whether the entry's change to the vault state was put back. */
  stateRestored: boolean;
}

const DEPTH = 50;

function readFrontmatter(text: string): Record<string, unknown> | null {
  const { yaml, unterminated } = splitNote(text);
  if (unterminated) return null;
  if (yaml === null) return {};
  try {
    const data: unknown = parseYaml(yaml);
    if (data === null || data === undefined) return {};
    return typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const noteName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');

export class UndoStack {
  private readonly entries: UndoEntry[] = [];

  constructor(private readonly app: App) {}

  push(entry: UndoEntry): void {
    if (entry.notes.length === 0 && !entry.restoreState) return;
    this.entries.push(entry);
    if (this.entries.length > DEPTH) this.entries.shift();
  }

  peek(): UndoEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  get size(): number {
    return this.entries.length;
  }

  private async undoNote(change: NoteChange, result: UndoResult): Promise<void> {
    const file = this.app.vault.getFileByPath(change.path);
    if (change.after === null) {
      // Trashed by the command: bring it back unless something else took its place.
      if (file || change.before === null)
        result.skipped.push({ path: change.path, reason: 'another note has taken its place' });
      else {
        await this.app.vault.create(change.path, change.before);
        result.restored.push(change.path);
      }
      return;
    }
    if (!file) {
      result.skipped.push({ path: change.path, reason: 'it was moved or deleted since' });
      return;
    }
    await saveOpenViews(openViews(this.app, file));
    const current = await this.app.vault.read(file);
    if (current === change.after) {
      if (change.before === null) await this.app.fileManager.trashFile(file);
      else {
        const before = change.before;
        await processNote(this.app, file, (now) => (now === change.after ? before : now));
      }
      result.restored.push(change.path);
      return;
    }
    if (change.before === null) {
      result.skipped.push({ path: change.path, reason: 'it was edited after it was created' });
      return;
    }
    if (!change.edit) {
      result.skipped.push({ path: change.path, reason: 'it was changed since' });
      return;
    }
    const plan = planRevert({ fm: readFrontmatter(current), body: splitNote(current).body }, change.edit);
    if (!plan.ok) {
      result.skipped.push({ path: change.path, reason: plan.reason });
      return;
    }
    const body = plan.body;
    if (body !== null) await processNote(this.app, file, (now) => editBody(now, () => body));
    if (plan.fields.length > 0)
      await processFrontMatterOf(this.app, file, (fm: Record<string, unknown>) => {
        for (const { key, value } of plan.fields) {
          if (value === undefined) delete fm[key];
          else fm[key] = value;
        }
      });
    result.merged.push(change.path);
  }

  /** Undoes the newest entry; says what it did and what it could not do. */
  async undo(): Promise<UndoResult | null> {
    const entry = this.entries.pop();
    if (!entry) {
      new Notice('Nothing to undo.');
      return null;
    }
    const result: UndoResult = { label: entry.label, restored: [], merged: [], skipped: [], stateRestored: false };
    for (const change of entry.notes) await this.undoNote(change, result);
    if (entry.restoreState) {
      await entry.restoreState();
      result.stateRestored = true;
    }
    const lines = [`Undone: ${entry.label}.`];
    if (result.merged.length > 0)
      lines.push(
        result.merged.length === 1
          ? `${noteName(result.merged[0] as string)} had changed since; those later changes were kept.`
          : `${result.merged.length} notes had changed since; those later changes were kept.`,
      );
    for (const s of result.skipped.slice(0, 3)) lines.push(`Not undone in ${noteName(s.path)}: ${s.reason}.`);
    if (result.skipped.length > 3) lines.push(`…and ${result.skipped.length - 3} more notes left as they are.`);
    new Notice(lines.join(' '), result.skipped.length > 0 ? 10_000 : undefined);
    return result;
  }
}

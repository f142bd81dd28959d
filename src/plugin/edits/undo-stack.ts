/**
 * Undo for the plugin's own edits. Each entry holds the whole text of every note it
 * touched, before and after. Undo restores a note only if it is still exactly as the
 * command left it: if the user (or sync) changed it since, that note is left alone and
 * the user is told, because restoring would throw their newer edit away.
 */
import { Notice, type App } from 'obsidian';

export interface NoteChange {
  path: string;
  /** null when the command created the note. */
  before: string | null;
  /** null when the command moved the note to the trash (a merge). */
  after: string | null;
}

export interface UndoEntry {
  label: string;
  notes: NoteChange[];
}

const DEPTH = 50;

export class UndoStack {
  private readonly entries: UndoEntry[] = [];

  constructor(private readonly app: App) {}

  push(entry: UndoEntry): void {
    if (entry.notes.length === 0) return;
    this.entries.push(entry);
    if (this.entries.length > DEPTH) this.entries.shift();
  }

  peek(): UndoEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  get size(): number {
    return this.entries.length;
  }

  /** Undoes the newest entry; returns the paths restored and those left alone. */
  async undo(): Promise<{ label: string; restored: string[]; skipped: string[] } | null> {
    const entry = this.entries.pop();
    if (!entry) {
      new Notice('Nothing to undo.');
      return null;
    }
    const restored: string[] = [];
    const skipped: string[] = [];
    for (const change of entry.notes) {
      const file = this.app.vault.getFileByPath(change.path);
      if (change.after === null) {
        // Trashed by the command: bring it back unless something else took its place.
        if (file || change.before === null) skipped.push(change.path);
        else {
          await this.app.vault.create(change.path, change.before);
          restored.push(change.path);
        }
        continue;
      }
      if (!file || (await this.app.vault.read(file)) !== change.after) {
        skipped.push(change.path);
        continue;
      }
      if (change.before === null) await this.app.fileManager.trashFile(file);
      else
        await this.app.vault.process(file, (current) =>
          current === change.after ? (change.before as string) : current,
        );
      restored.push(change.path);
    }
    const tail = skipped.length ? ` ${skipped.length} note(s) changed since and were left as they are.` : '';
    new Notice(`Undone: ${entry.label}.${tail}`);
    return { label: entry.label, restored, skipped };
  }
}

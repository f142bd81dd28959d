/**
 * Applies the commands' edits to notes: frontmatter through `processFrontMatter`, body
 * through `vault.process` (both atomic), recording the before/after text for undo. One
 * call may touch many notes (a batch action) and still be one undo step.
 */
import { type App, type TFile } from 'obsidian';
import { editBody } from '../../core/notes/note-text';
import type { NoteChange, UndoStack } from './undo-stack';

export interface NoteEdit {
  frontmatter?: (fm: Record<string, unknown>) => void;
  body?: (body: string) => string;
}

export class NoteEditor {
  constructor(
    private readonly app: App,
    private readonly undo: UndoStack,
  ) {}

  private async apply(file: TFile, edit: NoteEdit): Promise<NoteChange | null> {
    const before = await this.app.vault.read(file);
    if (edit.frontmatter) await this.app.fileManager.processFrontMatter(file, edit.frontmatter);
    const body = edit.body;
    if (body) await this.app.vault.process(file, (text) => editBody(text, body));
    const after = await this.app.vault.read(file);
    return after === before ? null : { path: file.path, before, after };
  }

  async edit(file: TFile, edit: NoteEdit, label: string): Promise<void> {
    const change = await this.apply(file, edit);
    if (change) this.undo.push({ label, notes: [change] });
  }

  /** Edits several notes as one undoable step; a note that fails is skipped and reported. */
  async editMany(
    files: readonly TFile[],
    edit: (file: TFile) => NoteEdit,
    label: string,
  ): Promise<{ changed: number; failed: string[] }> {
    const notes: NoteChange[] = [];
    const failed: string[] = [];
    for (const file of files) {
      try {
        const change = await this.apply(file, edit(file));
        if (change) notes.push(change);
      } catch {
        failed.push(file.path);
      }
    }
    this.undo.push({ label, notes });
    return { changed: notes.length, failed };
  }

  async create(path: string, text: string, label: string): Promise<TFile> {
    const file = await this.app.vault.create(path, text);
    this.undo.push({ label, notes: [{ path, before: null, after: text }] });
    return file;
  }
}

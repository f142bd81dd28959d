/**
 * Applies the commands' edits to notes and records them for "Undo last change". One call
 * may touch many notes (a batch action) and still be one undo step.
 *
 * A note open in an editor is saved first; its body is changed through the editor (one
 * transaction, the cursor kept) and saved, then its frontmatter through
 * `processFrontMatter`. A note that is not open is changed on disk: body with
 * `vault.process`, frontmatter with `processFrontMatter` (both atomic). See open-note.ts.
 */
import { normalizePath, type App, type TFile } from 'obsidian';
import { fieldEdits, type FieldEdit } from '../../core/edits/revert';
import { editBody, splitNote } from '../../core/notes/note-text';
import { openViews, processFrontMatterOf, processNote, saveOpenViews } from './open-note';
import type { NoteChange, UndoStack } from './undo-stack';

export interface NoteEdit {
  frontmatter?: (fm: Record<string, unknown>) => void;
  body?: (body: string) => string;
}

/** A deep copy of frontmatter values (plain YAML data). */
const copy = (fm: Record<string, unknown>): Record<string, unknown> =>
  JSON.parse(JSON.stringify(fm)) as Record<string, unknown>;

export class NoteEditor {
  constructor(
    private readonly app: App,
    private readonly undo: UndoStack,
  ) {}

  private async apply(file: TFile, edit: NoteEdit): Promise<NoteChange | null> {
    await saveOpenViews(openViews(this.app, file));
    const before = await this.app.vault.read(file);
    const body = edit.body;
    if (body) await processNote(this.app, file, (text) => editBody(text, body));
    let fields: FieldEdit[] = [];
    const frontmatter = edit.frontmatter;
    if (frontmatter)
      await processFrontMatterOf(this.app, file, (fm: Record<string, unknown>) => {
        const was = copy(fm);
        frontmatter(fm);
        fields = fieldEdits(was, fm);
      });
    const after = await this.app.vault.read(file);
    if (after === before) return null;
    const bodyBefore = splitNote(before).body;
    const bodyAfter = splitNote(after).body;
    return {
      path: file.path,
      before,
      after,
      edit: { fields, body: bodyBefore === bodyAfter ? null : { before: bodyBefore, after: bodyAfter } },
    };
  }

  async edit(file: TFile, edit: NoteEdit, label: string): Promise<void> {
    const change = await this.apply(file, edit);
    if (change) this.undo.push({ label, notes: [change] });
  }

  /**
   * Edits several notes as one undoable step; a note that fails is skipped and reported.
   * `restoreState` joins a change to the vault state to the same step. `shouldStop` is asked
   * before each note (a Cancel button): what was done stays, and undoes as one step.
   */
  async editMany(
    files: readonly TFile[],
    edit: (file: TFile) => NoteEdit,
    /** The undo step's name; a function of how many notes changed when a stop part-way can make it fewer. */
    label: string | ((changed: number) => string),
    options: {
      onProgress?: (done: number) => void | Promise<void>;
      restoreState?: () => Promise<void>;
      shouldStop?: () => boolean;
    } = {},
  ): Promise<{ changed: number; failed: string[]; reached: string[] }> {
    const notes: NoteChange[] = [];
    const failed: string[] = [];
    // The notes it got to: a cancel part-way leaves the rest untouched.
    const reached: string[] = [];
    let done = 0;
    for (const file of files) {
      if (options.shouldStop?.()) break;
      reached.push(file.path);
      try {
        const change = await this.apply(file, edit(file));
        if (change) notes.push(change);
      } catch {
        failed.push(file.path);
      }
      await options.onProgress?.(++done);
    }
    this.undo.push({
      label: typeof label === 'string' ? label : label(notes.length),
      notes,
      restoreState: options.restoreState,
    });
    return { changed: notes.length, failed, reached };
  }

  async create(path: string, text: string, label: string): Promise<TFile> {
    const file = await this.app.vault.create(normalizePath(path), text);
    this.undo.push({ label, notes: [{ path: file.path, before: null, after: text, edit: null }] });
    return file;
  }
}

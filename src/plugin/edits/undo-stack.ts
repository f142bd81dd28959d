/**
 * Undo for the plugin's own edits: a stack of the last 50 changes, each with, for every note
 * it touched, the whole text before and after and which keys and body text it changed. What
 * undoing does to each note is the core's rule (core/edits/undo.ts, shared with
 * `network-crm undo`); this file carries it out through Obsidian's APIs and says in a notice
 * what was restored, what kept later edits, and what was left alone and why.
 *
 * A note open in an editor is saved first and restored through the editor, as edits are.
 */
import { normalizePath, Notice, parseYaml, type App } from 'obsidian';
import { planNoteUndo, trimUndoHistory, type NoteChange } from '../../core/edits/undo';
import { editBody, splitNote } from '../../core/notes/note-text';
import { ensureFolder } from '../vault/obsidian-note-writer';
import { openViews, processFrontMatterOf, processNote, saveOpenViews } from './open-note';

export type { NoteChange };

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
/** Note text kept for undo in memory: about 40 MB (a bulk action on 8,000 people fits whole). */
const MAX_CHARS = 20_000_000;

const noteName = (path: string) => path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/, '');
const failureText = (e: unknown) => `it could not be changed (${e instanceof Error ? e.message : String(e)})`;

export class UndoStack {
  private entries: UndoEntry[] = [];

  constructor(private readonly app: App) {}

  push(entry: UndoEntry): void {
    if (entry.notes.length === 0 && !entry.restoreState) return;
    this.entries = trimUndoHistory([...this.entries, entry], DEPTH, MAX_CHARS);
  }

  peek(): UndoEntry | undefined {
    return this.entries[this.entries.length - 1];
  }

  get size(): number {
    return this.entries.length;
  }

  /** Carries out the core's undo rule (core/edits/undo.ts) for one note through Obsidian's APIs. */
  private async undoNote(change: NoteChange, result: UndoResult): Promise<void> {
    const file = this.app.vault.getFileByPath(change.path);
    if (file) await saveOpenViews(openViews(this.app, file));
    const current = file ? await this.app.vault.read(file) : null;
    const step = planNoteUndo(change, current, parseYaml);
    if (step.kind === 'skip') {
      result.skipped.push({ path: step.path, reason: step.reason });
      return;
    }
    if (step.kind === 'delete') {
      if (file) await this.app.fileManager.trashFile(file);
    } else if (step.kind === 'restore') {
      const text = step.text;
      // A note the change moved away comes back (its folder too); a changed note is put back only if still as the change left it.
      if (!file) {
        const path = normalizePath(step.path);
        if (path.includes('/')) await ensureFolder(this.app, path.slice(0, path.lastIndexOf('/')));
        await this.app.vault.create(path, text);
      } else await processNote(this.app, file, (now) => (now === change.after ? text : now));
    } else {
      if (!file || current === null) return;
      const body = step.body;
      if (body !== null) {
        // The body was worked out from the text read above: if it changed since (typing, sync), leave it.
        const bodyThen = splitNote(current).body;
        let reverted = false;
        await processNote(this.app, file, (now) => {
          if (splitNote(now).body !== bodyThen) return now;
          reverted = true;
          return editBody(now, () => body);
        });
        if (!reverted) {
          result.skipped.push({ path: step.path, reason: 'it changed again while undoing' });
          return;
        }
      }
      if (step.fields.length > 0)
        await processFrontMatterOf(this.app, file, (fm: Record<string, unknown>) => {
          for (const { key, value } of step.fields) {
            if (value === undefined) delete fm[key];
            else fm[key] = value;
          }
        });
      result.merged.push(step.path);
      return;
    }
    result.restored.push(step.path);
  }

  /** Undoes the newest entry; says what it did and what it could not do. */
  async undo(): Promise<UndoResult | null> {
    const entry = this.entries.pop();
    if (!entry) {
      new Notice('Nothing to undo.');
      return null;
    }
    const result: UndoResult = { label: entry.label, restored: [], merged: [], skipped: [], stateRestored: false };
    // Every note is tried: one that fails (deleted, made unreadable, its folder now a file)
    // is named in the notice, and the others of a bulk change are still put back.
    for (const change of entry.notes) {
      try {
        await this.undoNote(change, result);
      } catch (e) {
        result.skipped.push({ path: change.path, reason: failureText(e) });
      }
    }
    let stateFailure: string | null = null;
    if (entry.restoreState) {
      try {
        await entry.restoreState();
        result.stateRestored = true;
      } catch (e) {
        stateFailure = failureText(e);
      }
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
    if (stateFailure !== null) lines.push(`Triage decisions were not put back: ${stateFailure}.`);
    const trouble = result.skipped.length > 0 || stateFailure !== null;
    new Notice(lines.join(' '), trouble ? 10_000 : undefined);
    return result;
  }
}

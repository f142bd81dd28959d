/**
 * The CLI's edits to notes, recorded for `network-crm undo`: the before and after text of
 * every note one command changed, kept in the plugin's data folder
 * (`<config folder>/plugins/network-crm/cli-undo.json`), out of sight of the vault's notes
 * and synced with the vault like the plugin's own data. The last few changes are kept,
 * newest last; each `undo` takes back the newest. A command stopped part-way is still one
 * change: its writes are journaled as they happen (undo-journal-file.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { planEntryUndo, sanitizeUndoEntry, trimUndoHistory, type NoteChange, type UndoEntry } from '../core/edits/undo';
import { undoSentDecisions, type SentDecisionChange } from '../core/triage/triage-state';
import { editBody } from '../core/notes/note-text';
import type { VaultSession } from './options';
import { replaceFile } from './safe-write';
import { absOf, pluginDataFile, updateVaultState } from './vault-config';
import { editFrontmatterText } from './frontmatter-edit';
import { parseYaml } from './yaml-full';
import { removeJournals, stoppedCommands, UndoJournal } from './undo-journal-file';

const UNDO_FILE = 'cli-undo.json';
/** Changes kept for undo (the plugin keeps 50 in memory; these are on disk, whole note texts). */
const DEPTH = 10;
/** Note text kept in the undo file beyond the newest change: after a bulk action, older changes go first. */
const MAX_CHARS = 20_000_000;

export interface NoteEdit {
  frontmatter?: (fm: Record<string, unknown>) => void;
  body?: (body: string) => string;
  /** The whole text, after the frontmatter and body edits (links anywhere in the note). */
  text?: (text: string) => string;
}

function undoFile(session: VaultSession): string {
  return absOf(session.vault.root, pluginDataFile(session.config, UNDO_FILE));
}

/**
 * The stored changes, oldest first; anything unreadable counts as none. What commands that
 * stopped part-way did comes in first, as the newest changes, and is stored.
 */
function takeStack(session: VaultSession, file: string): UndoEntry[] {
  const stack = readStack(file);
  const stored = new Set(stack.flatMap((e) => (e.journal === undefined ? [] : [e.journal])));
  const stopped = stoppedCommands(path.dirname(file), (note) => readOrNull(session, note), stored);
  if (stopped.journals.length === 0) return stack;
  const all = trimUndoHistory([...stack, ...stopped.entries], DEPTH, MAX_CHARS);
  // Stored first, then the journals go: a kill in between folds them again, and finds them stored.
  if (stopped.entries.length > 0) writeStack(file, all);
  removeJournals(stopped.journals);
  // A command killed while it wrote a note may have left that write's temp file beside it.
  session.vault.cleanTempFiles();
  return all;
}

function readStack(file: string): UndoEntry[] {
  try {
    const data: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    const list = Array.isArray(data) ? data : [data];
    return list.map(sanitizeUndoEntry).filter((e): e is UndoEntry => e !== null);
  } catch {
    return [];
  }
}

function writeStack(file: string, stack: readonly UndoEntry[]): void {
  if (stack.length === 0) fs.rmSync(file, { force: true });
  else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    replaceFile(file, JSON.stringify(stack), path.basename(file), { ours: true });
  }
}

/** A note's text with `edit` made: frontmatter (only the changed keys' lines), then body, then the whole text. */
function applyEdit(text: string, edit: NoteEdit): string {
  let out = edit.frontmatter ? editFrontmatterText(text, edit.frontmatter) : text;
  const body = edit.body;
  if (body) out = editBody(out, body);
  return edit.text ? edit.text(out) : out;
}

/** A note saved by someone else between undo's look at it and its write: that note is left alone. */
class ChangedMeanwhile extends Error {}

function readOrNull(session: VaultSession, note: string): string | null {
  try {
    return session.vault.readText(note);
  } catch {
    return null;
  }
}

export class CliEditor {
  private readonly changes: NoteChange[] = [];
  /** What this command did to sent-invitation decisions in the vault state (see UndoEntry). */
  private sentDecisions: Record<string, SentDecisionChange> | null = null;
  readonly failed: Array<{ path: string; error: string }> = [];
  private readonly journal: UndoJournal;

  /**
   * `label`: what the command does, the undo history's name for its changes if it is stopped
   * before {@link commit}. What an earlier command stopped part-way did is stored before this
   * one writes its first note (a dry run writes nothing, and stores nothing).
   */
  constructor(
    private readonly session: VaultSession,
    label = 'a command',
  ) {
    this.journal = new UndoJournal(path.dirname(undoFile(session)), label, () => takeStack(session, undoFile(session)));
  }

  /**
   * Edits one note (frontmatter, then body, then the whole text) in one atomic write; a
   * failure is kept, not thrown. The text it will write is worked out first, for the journal:
   * a note found changed after a kill is then known to be someone else's change, not this one's.
   */
  async edit(note: string, edit: NoteEdit): Promise<boolean> {
    const writer = this.session.vault.writer();
    try {
      const before = this.session.vault.readText(note);
      const planned = applyEdit(before, edit);
      if (planned === before) return false;
      this.journal.begin(note, before, planned);
      // Read again by the writer: a note changed in between gets the edit on its new text.
      await this.journaled(note, before, () =>
        writer.process(note, (text) => (text === before ? planned : applyEdit(text, edit))),
      );
      const after = this.session.vault.readText(note);
      this.journal.end(note, after);
      if (after === before) return false;
      this.record({ path: note, before, after });
      return true;
    } catch (e) {
      this.failed.push({ path: note, error: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  /** Creates a note, or replaces the text of one this command owns (the prune list). */
  async write(note: string, text: string): Promise<void> {
    const before = readOrNull(this.session, note);
    if (before === text) return;
    const writer = this.session.vault.writer();
    const folder = note.includes('/') ? note.slice(0, note.lastIndexOf('/')) : '';
    this.journal.begin(note, before, text);
    await this.journaled(note, before, async () => {
      if (before === null) {
        if (folder !== '') await writer.ensureFolder(folder);
        await writer.create(note, text);
      } else
        await writer.process(note, (current) => {
          // Made from `before`: a note saved since by someone else is theirs, not ours to replace.
          if (current !== before)
            throw new Error(
              `${note} was saved by another program while network-crm wrote it; left as that program saved it`,
            );
          return text;
        });
    });
    this.journal.end(note, text);
    this.record({ path: note, before, after: text });
  }

  /**
   * Runs a note's write, begun in the journal. A write that fails wrote nothing (the rename
   * is its last step), and the journal says so: left open, the next command would fold it into
   * an undo step that took the note's text, someone else's by then, for this command's.
   */
  private async journaled(note: string, before: string | null, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (e) {
      this.journal.end(note, before);
      throw e;
    }
  }

  /**
   * Records a change; a second change to the same note extends the first (undo restores the
   * text before both, when the note is still as the second left it).
   */
  private record(change: NoteChange): void {
    const earlier = this.changes.find((c) => c.path === change.path && c.after === change.before);
    if (earlier) earlier.after = change.after;
    else this.changes.push(change);
  }

  /** Moves a note (`to` must not exist), recorded so undo moves it back. */
  move(from: string, to: string): void {
    const text = this.session.vault.readText(from);
    const toAbs = this.session.vault.abs(to);
    fs.mkdirSync(path.dirname(toAbs), { recursive: true });
    this.journal.begin(from, text);
    this.journal.begin(to, null, text);
    fs.renameSync(this.session.vault.abs(from), toAbs);
    this.journal.end(from, null);
    this.journal.end(to, text);
    this.changes.push({ path: from, before: text, after: null }, { path: to, before: null, after: text });
  }

  get changed(): readonly NoteChange[] {
    return this.changes;
  }

  /** Records what this command did to decisions on sent invitations (`sentDecisionChanges`), for undo. */
  recordSentDecisions(changes: Readonly<Record<string, SentDecisionChange>>): void {
    const merged = { ...this.sentDecisions };
    // A key changed twice by one command: from the first `before` to the last `after`.
    for (const [key, c] of Object.entries(changes))
      merged[key] = { before: merged[key]?.before ?? c.before, after: c.after };
    this.sentDecisions = merged;
  }

  /** Stores this command's changes as the newest change, for `undo`. Nothing changed: nothing stored. */
  commit(label: string): void {
    if (this.changes.length > 0 || this.sentDecisions !== null) {
      const file = undoFile(this.session);
      const entry: UndoEntry = {
        label,
        notes: this.changes,
        ...(this.sentDecisions ? { sentDecisions: this.sentDecisions } : {}),
        journal: this.journal.id,
      };
      writeStack(file, trimUndoHistory([...takeStack(this.session, file), entry], DEPTH, MAX_CHARS));
    }
    this.journal.close();
  }
}

export interface UndoOutcome {
  label: string;
  /** Notes put back exactly as they were. */
  restored: string[];
  /** Notes where the command's changes were taken back and later changes kept. */
  merged: string[];
  /** Notes left alone, with the reason. */
  skipped: Array<{ path: string; reason: string }>;
  /** Decisions on sent invitations put back as they were (kept in the vault state). */
  sentDecisions: number;
}

/** Undoes the newest recorded CLI change (the rule is core/edits/undo.ts); null when there is none. */
export async function undoLastChange(session: VaultSession): Promise<UndoOutcome | null> {
  const file = undoFile(session);
  const stack = takeStack(session, file);
  const entry = stack.pop();
  if (entry === undefined) return null;
  const outcome: UndoOutcome = { label: entry.label, restored: [], merged: [], skipped: [], sentDecisions: 0 };
  const writer = session.vault.writer();
  // What each note held when the undo was planned: a note saved since (Obsidian, a sync client)
  // is left as it is, not given a text worked out from what it held before.
  const seen = new Map<string, string | null>();
  const look = (p: string) => {
    const text = readOrNull(session, p);
    seen.set(p, text);
    return text;
  };
  const asSeen = (p: string, edit: (text: string) => string) => (text: string) => {
    if (text !== seen.get(p)) throw new ChangedMeanwhile();
    return edit(text);
  };
  for (const step of planEntryUndo(entry, look, parseYaml)) {
    if (step.kind === 'skip') {
      outcome.skipped.push({ path: step.path, reason: step.reason });
      continue;
    }
    try {
      if (step.kind === 'delete') {
        if (readOrNull(session, step.path) !== seen.get(step.path)) throw new ChangedMeanwhile();
        session.vault.remove(step.path);
        outcome.restored.push(step.path);
      } else if (step.kind === 'restore') {
        // Through the writer, whose checks keep every write inside the vault (the undo file is synced data).
        const text = step.text;
        if (seen.get(step.path) === null) {
          const folder = path.posix.dirname(step.path);
          if (folder !== '.') await writer.ensureFolder(folder); // a note moved away: its folder may be gone
          if (readOrNull(session, step.path) !== null) throw new ChangedMeanwhile();
          await writer.create(step.path, text);
        } else
          await writer.process(
            step.path,
            asSeen(step.path, () => text),
          );
        outcome.restored.push(step.path);
      } else {
        const { body, fields } = step;
        // Body and properties in one write: a kill between two writes left half an undo.
        await writer.process(
          step.path,
          asSeen(step.path, (text) => {
            const withBody = body === null ? text : editBody(text, () => body);
            if (fields.length === 0) return withBody;
            return editFrontmatterText(withBody, (fm) => {
              for (const { key, value } of fields) {
                if (value === undefined) delete fm[key];
                else fm[key] = value;
              }
            });
          }),
        );
        outcome.merged.push(step.path);
      }
    } catch (e) {
      if (!(e instanceof ChangedMeanwhile)) throw e;
      outcome.skipped.push({ path: step.path, reason: 'changed while undo ran; left as it is' });
    }
  }
  if (entry.sentDecisions) {
    const decisions = entry.sentDecisions;
    let kept: string[] = [];
    // Undone in the state as it is now: what another command decided meanwhile is kept.
    updateVaultState(session.config, (current) => {
      const undone = undoSentDecisions(current.triage, decisions);
      kept = undone.kept;
      return { ...current, triage: undone.state };
    });
    outcome.sentDecisions = Object.keys(decisions).length - kept.length;
    for (const key of kept)
      outcome.skipped.push({ path: `sent invitation ${key}`, reason: 'decided again since; that decision is kept' });
  }
  writeStack(file, stack);
  return outcome;
}

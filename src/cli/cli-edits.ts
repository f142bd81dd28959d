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
import {
  planEntryUndo,
  planNoteUndo,
  sanitizeUndoEntry,
  trimUndoHistory,
  type NoteChange,
  type NoteUndo,
  type UndoEntry,
} from '../core/edits/undo';
import { undoSentDecisions, type SentDecisionChange } from '../core/triage/triage-state';
import { editBody } from '../core/notes/note-text';
import type { NoteWriter } from '../core/import/apply';
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

/** A note saved by another program after the command read it: left as they saved it. */
function savedMeanwhile(note: string): Error {
  return new Error(`${note} was saved by another program while network-crm wrote it; left as that program saved it`);
}

/**
 * The tries of one note's write (the writer makes the edit again on a note saved meanwhile):
 * each is journaled before it is written, from the text it was made from, and the last one
 * is what was written.
 */
class Attempts {
  /** The text the last try was made from, and what it wrote (null: no try yet, or no note). */
  from: string | null = null;
  wrote: string | null = null;
  /** Is a try open in the journal (begun, not ended)? */
  begun = false;

  /** Records a try from `from` to `to` (journaled when it writes anything); returns `to`. */
  next<T extends string | null>(journal: UndoJournal, note: string, from: string | null, to: T): T {
    this.from = from;
    this.wrote = to;
    if (to !== from && to !== null) {
      journal.begin(note, from, to);
      this.begun = true;
    }
    return to;
  }
}

/**
 * Takes one note's undo step, planned (`stepFor`) from the note as it is when written; returns
 * the step taken. The text written is worked out from the text the write is made over.
 */
async function undoNote(
  session: VaultSession,
  writer: NoteWriter,
  note: string,
  stepFor: (now: string | null) => NoteUndo,
): Promise<NoteUndo> {
  const now = readOrNull(session, note, true);
  const step = stepFor(now);
  if (step.kind === 'skip') return step;
  if (step.kind === 'delete') {
    session.vault.remove(note);
    return step;
  }
  if (now === null || (step.kind === 'restore' && now === step.text)) {
    // Through the writer, whose checks keep every write inside the vault (the undo file is synced data).
    if (now === null && step.kind === 'restore') {
      const folder = path.posix.dirname(note);
      if (folder !== '.') await writer.ensureFolder(folder); // a note moved away: its folder may be gone
      await writer.create(note, step.text);
    }
    return step;
  }
  let done: NoteUndo = step;
  await writer.process(note, (text) => {
    done = stepFor(text);
    return undoneText(done, text);
  });
  const last = done as NoteUndo;
  return last.kind === 'delete' ? { kind: 'skip', path: note, reason: 'it was changed since' } : last;
}

/** A note's text once an undo step is taken: the old text, or the change's own keys and lines taken back. */
function undoneText(step: NoteUndo, text: string): string {
  if (step.kind === 'restore') return step.text;
  if (step.kind !== 'revert') return text;
  const { body, fields } = step;
  // Body and properties in one write: a kill between two writes left half an undo.
  const withBody = body === null ? text : editBody(text, () => body);
  if (fields.length === 0) return withBody;
  return editFrontmatterText(withBody, (fm) => {
    for (const { key, value } of fields) {
      if (value === undefined) delete fm[key];
      else fm[key] = value;
    }
  });
}

/**
 * A note's text, or null when there is none. `settled`: one read empty is read again a little
 * later (one caught in the middle of a save, see read-past-save.ts), for what undo decides from.
 */
function readOrNull(session: VaultSession, note: string, settled = false): string | null {
  try {
    return settled ? session.vault.readSettled(note) : session.vault.readText(note);
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
   * failure is kept, not thrown. `basis`: the text the edit was worked out from, when the
   * caller read the note itself (a merge); the note is then written only while it still holds
   * it, and a note saved since fails with a message.
   *
   * The change recorded for undo is the text the write was made from and the text it wrote,
   * both from the write itself: a save by Obsidian or a sync client between a read here and
   * the write is someone else's, and undo must never take it for this command's.
   */
  async edit(note: string, edit: NoteEdit, basis?: string): Promise<boolean> {
    const writer = this.session.vault.writer();
    const made = new Attempts();
    try {
      const before = basis ?? this.session.vault.readText(note);
      const planned = applyEdit(before, edit);
      if (planned === before) return false;
      await this.journaled(note, made, () =>
        writer.process(note, (text) => {
          if (basis !== undefined && text !== basis) throw savedMeanwhile(note);
          return made.next(this.journal, note, text, text === before ? planned : applyEdit(text, edit));
        }),
      );
      if (made.from === null || made.wrote === made.from) return false;
      this.journal.end(note, made.wrote);
      this.record({ path: note, before: made.from, after: made.wrote });
      return true;
    } catch (e) {
      this.failed.push({ path: note, error: e instanceof Error ? e.message : String(e) });
      return false;
    }
  }

  /**
   * Creates a note, or replaces the text of one this command owns (the prune list). `basis`:
   * the text the new one was made from (null: there was none), when the caller read the note
   * itself; by default the note as read here. A note saved since by someone else is theirs:
   * the write then fails, and the note is left as they saved it.
   */
  async write(note: string, text: string, basis?: string | null): Promise<void> {
    const before = basis === undefined ? readOrNull(this.session, note) : basis;
    if (before === text) return;
    const writer = this.session.vault.writer();
    const folder = note.includes('/') ? note.slice(0, note.lastIndexOf('/')) : '';
    const made = new Attempts();
    await this.journaled(note, made, async () => {
      // An empty note is filled as a create fills one an interrupted run left (only while still empty).
      if (before === null || before === '') {
        if (before === null && readOrNull(this.session, note) !== null) throw savedMeanwhile(note);
        if (folder !== '') await writer.ensureFolder(folder);
        made.next(this.journal, note, before, text);
        await writer.create(note, text);
      } else
        await writer.process(note, (current) => {
          if (current !== before) throw savedMeanwhile(note);
          return made.next(this.journal, note, current, text);
        });
    });
    this.journal.end(note, text);
    this.record({ path: note, before, after: text });
  }

  /**
   * Runs a note's write, each try begun in the journal (see {@link Attempts}). A write that
   * fails wrote nothing (the rename is its last step), and the journal says so: left open,
   * the next command would fold it into an undo step that took the note's text, someone
   * else's by then, for this command's. So does a last try that had nothing to write.
   */
  private async journaled(note: string, made: Attempts, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (e) {
      if (made.begun) this.journal.end(note, made.from);
      throw e;
    }
    if (made.begun && made.wrote === made.from) this.journal.end(note, made.from);
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

  /**
   * Moves a note (`to` must not exist), recorded so undo moves it back. `basis`: the text the
   * caller worked from (a merge); a note saved since is not moved, and the move fails.
   */
  move(from: string, to: string, basis?: string): void {
    const text = this.session.vault.readText(from);
    if (basis !== undefined && text !== basis) throw savedMeanwhile(from);
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
  // What each note held when the undo was planned.
  const seen = new Map<string, string | null>();
  const look = (p: string) => {
    const text = readOrNull(session, p, true);
    seen.set(p, text);
    return text;
  };
  const steps = planEntryUndo(entry, look, parseYaml);
  for (const [i, planned] of steps.entries()) {
    const { path: note } = planned;
    if (planned.kind === 'skip') {
      outcome.skipped.push({ path: note, reason: planned.reason });
      continue;
    }
    // A note saved since undo looked at it (Obsidian, a sync client) is planned again from
    // what it holds now, by the same rule: their save is kept, and the change's own keys and
    // lines taken back where they still can be.
    const change = entry.notes[i] as NoteChange;
    const stepFor = (now: string | null): NoteUndo =>
      now === seen.get(note) ? planned : planNoteUndo(change, now, parseYaml);
    // A note that cannot be written (another program keeps saving it, a folder gone read-only)
    // is left with the reason, and the undo goes on: stopped part-way, it kept its step, and
    // run again it took the notes it had already put back for notes changed since.
    try {
      const taken = await undoNote(session, writer, note, stepFor);
      if (taken.kind === 'skip') outcome.skipped.push({ path: note, reason: taken.reason });
      else (taken.kind === 'revert' ? outcome.merged : outcome.restored).push(note);
    } catch (e) {
      outcome.skipped.push({ path: note, reason: e instanceof Error ? e.message : String(e) });
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

/**
 * The CLI's undo journal on disk (the rule is core/edits/undo-journal.ts): one file per
 * running command, `cli-undo.pending-<pid>-<id>.jsonl` beside `cli-undo.json`, a line
 * appended before and after each note write. The command's normal end stores its undo entry
 * (marked with the journal's id), then removes the journal. A journal left by a process that
 * is gone is what a stopped command did, folded into the undo history by the next command
 * that edits notes or undoes; one whose entry is already stored (killed between the two) is
 * only removed.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { foldJournal, sanitizeJournalLine, type JournalLine } from '../core/edits/undo-journal';
import type { UndoEntry } from '../core/edits/undo';
import { isRunning } from './process-alive';

const PENDING = /^cli-undo\.pending-(\d+)(?:-[0-9a-f]+)?\.jsonl$/;
/**
 * A journal untouched for this long is taken as stopped whatever its process id says: the id
 * may be another process's by now (a reboot, a container, a journal synced from another
 * machine). A running command appends a line for every note it writes.
 */
const ABANDONED_MS = 60 * 60 * 1000;

export class UndoJournal {
  private fd: number | null = null;
  private readonly file: string;
  /** Marks this command's undo entry, so its journal is never folded into a second one. */
  readonly id = `${process.pid}-${crypto.randomBytes(6).toString('hex')}`;

  /**
   * `folder`: the folder of the undo file; `label`: what the command does, for an entry it
   * leaves stopped; `beforeFirst`: run before the first line (the history of stopped
   * commands is stored first, while their notes are as they left them).
   */
  constructor(
    folder: string,
    private readonly label: string,
    private readonly beforeFirst: () => void = () => undefined,
  ) {
    this.file = path.join(folder, `cli-undo.pending-${this.id}.jsonl`);
  }

  /** Before a note is written: its text now, and the text the write will give it when known. */
  begin(note: string, before: string | null, planned?: string): void {
    this.append(planned === undefined ? { path: note, before } : { path: note, before, planned });
  }

  /** After a note is written: its text now (null: moved away). */
  end(note: string, after: string | null): void {
    this.append({ path: note, after });
  }

  /** The command ended and its changes are in the undo history: the journal goes. */
  close(): void {
    if (this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
    fs.rmSync(this.file, { force: true });
  }

  private append(line: JournalLine): void {
    if (this.fd === null) {
      this.beforeFirst();
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      this.fd = fs.openSync(this.file, 'wx', 0o600);
      fs.writeFileSync(this.fd, `${JSON.stringify({ label: this.label, id: this.id })}\n`);
    }
    // Written whole at the descriptor's place (writeFileSync loops over short writes).
    fs.writeFileSync(this.fd, `${JSON.stringify(line)}\n`);
  }
}

/** What commands that stopped part-way left: their undo entries, oldest first, and their journals. */
export interface StoppedCommands {
  entries: UndoEntry[];
  /** Remove once the entries are stored (before, a failure to store them would lose them). */
  journals: string[];
}

/**
 * The stopped commands' journals in `folder`, each folded against the notes now (`current`:
 * a note's text, null when there is none); `stored`: the journal ids the undo history holds.
 */
export function stoppedCommands(
  folder: string,
  current: (note: string) => string | null,
  stored: ReadonlySet<string>,
  now = Date.now(),
): StoppedCommands {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return { entries: [], journals: [] };
  }
  const found: Array<{ file: string; mtimeMs: number }> = [];
  for (const name of names) {
    const pid = PENDING.exec(name)?.[1];
    if (pid === undefined) continue;
    const file = path.join(folder, name);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    // Only files: a folder by that name is not ours to read or remove.
    if (stat === undefined || !stat.isFile()) continue;
    if (now - stat.mtimeMs < ABANDONED_MS && isRunning(Number(pid))) continue;
    found.push({ file, mtimeMs: stat.mtimeMs });
  }
  const out: StoppedCommands = { entries: [], journals: [] };
  for (const { file } of found.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    const entry = readJournal(file, current);
    if (entry !== null && !(entry.journal !== undefined && stored.has(entry.journal))) out.entries.push(entry);
    out.journals.push(file);
  }
  return out;
}

/** Removes journals whose entries are stored; one that cannot be removed is folded again, never lost. */
export function removeJournals(files: readonly string[]): void {
  for (const file of files) {
    try {
      fs.rmSync(file, { force: true });
    } catch {
      // left for the next command, which finds its entry stored and only removes it
    }
  }
}

function readJournal(file: string, current: (note: string) => string | null): UndoEntry | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  const [head = '', ...rest] = text.split('\n');
  const lines: JournalLine[] = [];
  // The last line may be torn (the kill came while it was written): it and anything unreadable are left out.
  for (const raw of rest) {
    const line = raw === '' ? null : sanitizeJournalLine(parseJson(raw));
    if (line !== null) lines.push(line);
  }
  const notes = foldJournal(lines, current);
  if (notes.length === 0) return null;
  const { label, id } = (parseJson(head) ?? {}) as { label?: unknown; id?: unknown };
  const entry: UndoEntry = { label: `${typeof label === 'string' ? label : 'a command'} (stopped part-way)`, notes };
  if (typeof id === 'string') entry.journal = id;
  return entry;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

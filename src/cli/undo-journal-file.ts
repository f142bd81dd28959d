/**
 * The CLI's undo journal on disk (the rule is core/edits/undo-journal.ts): one file per
 * running command, `cli-undo.pending-<pid>.jsonl` beside `cli-undo.json`, a line appended
 * before and after each note write. The command's normal end removes it; a file left by a
 * process that is no longer running is what a stopped command did, folded into the undo
 * history by the next command that edits notes or undoes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { foldJournal, sanitizeJournalLine, type JournalLine } from '../core/edits/undo-journal';
import type { UndoEntry } from '../core/edits/undo';
import { isRunning } from './process-alive';

const PENDING = /^cli-undo\.pending-(\d+)\.jsonl$/;

function journalName(pid: number): string {
  return `cli-undo.pending-${pid}.jsonl`;
}

export class UndoJournal {
  private fd: number | null = null;
  private readonly file: string;

  /** `folder`: the folder of the undo file; `label`: what the command does, for an entry it leaves stopped. */
  constructor(
    folder: string,
    private readonly label: string,
  ) {
    this.file = path.join(folder, journalName(process.pid));
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
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      // 'w', not 'a': a file of an earlier process with our id (ids are reused) is not ours.
      this.fd = fs.openSync(this.file, 'w', 0o600);
      writeAll(this.fd, `${JSON.stringify({ label: this.label })}\n`);
    }
    writeAll(this.fd, `${JSON.stringify(line)}\n`);
  }
}

function writeAll(fd: number, text: string): void {
  const data = Buffer.from(text, 'utf8');
  for (let at = 0; at < data.length;) at += fs.writeSync(fd, data, at);
}

/**
 * The undo entries of commands that stopped part-way (their process is gone), oldest first,
 * each folded from its journal against the notes now; their journals are removed once read.
 * `current`: a note's text, null when there is none.
 */
export function takeStoppedCommands(folder: string, current: (note: string) => string | null): UndoEntry[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const found: Array<{ file: string; mtimeMs: number }> = [];
  for (const name of names) {
    const pid = PENDING.exec(name)?.[1];
    if (pid === undefined || isRunning(Number(pid))) continue;
    const file = path.join(folder, name);
    try {
      found.push({ file, mtimeMs: fs.statSync(file).mtimeMs });
    } catch {
      // gone meanwhile: another command took it
    }
  }
  const entries: UndoEntry[] = [];
  for (const { file } of found.sort((a, b) => a.mtimeMs - b.mtimeMs)) {
    const entry = readJournal(file, current);
    if (entry !== null) entries.push(entry);
    fs.rmSync(file, { force: true });
  }
  return entries;
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
    const line = parseLine(raw);
    if (line !== null) lines.push(line);
  }
  const notes = foldJournal(lines, current);
  if (notes.length === 0) return null;
  const label = (parseJson(head) as { label?: unknown } | null)?.label;
  return { label: `${typeof label === 'string' ? label : 'a command'} (stopped part-way)`, notes };
}

function parseLine(raw: string): JournalLine | null {
  return raw === '' ? null : sanitizeJournalLine(parseJson(raw));
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return null;
  }
}

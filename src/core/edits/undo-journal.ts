/**
 * The write-ahead journal of a command's note changes, so that a command stopped part-way
 * (killed, a crash, a power cut of the terminal) can still be undone. The CLI keeps its undo
 * history in a file written once, when the command ends; a command killed in the middle of
 * writing 500 notes for the people you met left 300 notes that `undo` did not know of.
 *
 * Before a note is written, a line says which note and its text before; after the write, a
 * line says its text after. A try made again on a note another program saved meanwhile is
 * begun again, from that text. When the command ends normally the journal is dropped. When it
 * did not, the next command folds the journal into one undo entry (`foldJournal`): for each
 * note, the first text before and the text after as the journal or, where the kill came
 * between the two lines, the note itself shows it. A note the journal names but that was
 * never written (its text is still the one before) is left out.
 */
import type { NoteChange } from './undo';

/**
 * One line of the journal: `before` when a write starts (with the text it will write, when
 * known), `after` when it is done (null: the note was moved away).
 */
export type JournalLine =
  | { path: string; before: string | null; planned?: string; after?: undefined }
  | { path: string; before?: undefined; after: string | null };

/** The journal's line for a value read back from its file, or null when it is not one (a torn last line). */
export function sanitizeJournalLine(value: unknown): JournalLine | null {
  if (value === null || typeof value !== 'object') return null;
  const raw = value as { path?: unknown; before?: unknown; planned?: unknown; after?: unknown };
  if (typeof raw.path !== 'string') return null;
  const text = (v: unknown): v is string | null => v === null || typeof v === 'string';
  if ('before' in raw && !('after' in raw) && text(raw.before)) {
    if (raw.planned === undefined) return { path: raw.path, before: raw.before };
    return typeof raw.planned === 'string' ? { path: raw.path, before: raw.before, planned: raw.planned } : null;
  }
  if ('after' in raw && !('before' in raw) && text(raw.after)) return { path: raw.path, after: raw.after };
  return null;
}

/**
 * The changes a stopped command made, from its journal and the notes as they are now
 * (`current`: a note's text, null when there is none). Order: each note where it first
 * appears in the journal.
 */
export function foldJournal(lines: readonly JournalLine[], current: (path: string) => string | null): NoteChange[] {
  type Folded = { before: string | null; after: string | null; done: boolean; planned?: string };
  const byPath = new Map<string, Folded>();
  for (const line of lines) {
    const seen = byPath.get(line.path);
    if (line.after === undefined) {
      // A second write of the same note keeps the text before the first. A write begun again
      // before the first try ended is that try made again (another program saved the note
      // meanwhile): it starts from the text it was made from, which holds their save.
      const begun: Folded = seen?.done
        ? { before: seen.before, after: seen.after, done: false }
        : { before: line.before, after: line.before, done: false };
      if (line.planned !== undefined) begun.planned = line.planned;
      byPath.set(line.path, begun);
    } else if (seen !== undefined) {
      seen.after = line.after;
      seen.done = true;
    }
  }
  const out: NoteChange[] = [];
  for (const [path, c] of byPath) {
    const after = c.done ? c.after : unfinished(c, current(path));
    if (after === c.before) continue;
    out.push({ path, before: c.before, after });
  }
  return out;
}

/**
 * The text after a write begun and not seen to end. The note tells whether it happened: as
 * the command left it, or as it was before (then there is nothing to undo). A note that shows
 * neither was changed since by someone else: with the text the write meant, the undo rule
 * then keeps that later change rather than take it for the command's.
 */
function unfinished(c: { after: string | null; planned?: string }, now: string | null): string | null {
  if (c.planned === undefined || now === c.planned || now === c.after) return now;
  // A note made empty where there was none: the kill came between the file's creation and
  // the write of its text. It is the command's own half-made note, for undo to remove.
  if (now === '' && c.after === null) return now;
  return c.planned;
}

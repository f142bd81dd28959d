/**
 * Carries out a plan through a {@link NoteWriter}: the only place where the import writes.
 *
 * New notes are written whole, one `create` each, one after the other (no flood of
 * parallel writes, and a cancel takes effect between two notes). An existing note is
 * updated with one atomic `process` of its final text: the frontmatter keys and the body
 * lines are computed together (core/import/update-note.ts), so a kill or a crash leaves
 * the note as it was or as it should be, never half. A failure on one note is recorded
 * and the import goes on with the next, but for a full disk: then it stops (see
 * {@link isOutOfSpace}).
 */
import type { ImportPlan, UpdateOp } from './plan-types';
import { updatedNoteText, type YamlTools } from './update-note';

export interface NoteWriter {
  ensureFolder(folder: string): Promise<void>;
  /**
   * Creates a note. A zero-byte file at the path (what an interrupted write can leave,
   * and which holds nothing of the user's) is filled; any other existing file makes this
   * throw, so nothing is ever overwritten.
   */
  create(path: string, text: string): Promise<void>;
  /** Atomically mutates the frontmatter object; other keys and the body stay as they are. */
  updateFrontmatter(path: string, mutate: (frontmatter: Record<string, unknown>) => void): Promise<void>;
  /** Atomically replaces the note's text with `edit(text)`, in one write. */
  process(path: string, edit: (text: string) => string): Promise<void>;
  /** The adapter's YAML parser and full editor, for frontmatter the core's line tools decline. */
  readonly yaml: YamlTools;
}

export interface ApplyOptions {
  /** Called after each note; may be async to let a UI breathe. */
  onProgress?: (done: number, total: number) => void | Promise<void>;
  /** Checked before each note; returning true stops cleanly. */
  shouldStop?: () => boolean;
}

export interface ApplyResult {
  created: string[];
  updated: string[];
  failed: { path: string; error: string }[];
  cancelled: boolean;
  /** The disk filled up: the note that failed is the last one tried (a run with room finishes the rest). */
  outOfSpace?: true;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Is this a write that failed for want of room (a full disk, a used-up quota)? Every note left
 * would fail the same way: 24,548 failures, one per note, was all a 30,000-note import on a
 * full disk said. The error's `code` is Node's, which Obsidian's desktop adapter passes on.
 */
export function isOutOfSpace(e: unknown): boolean {
  const code = typeof e === 'object' && e !== null ? (e as { code?: unknown }).code : undefined;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/** One update, one write: see core/import/update-note.ts. */
export async function applyUpdate(op: UpdateOp, writer: NoteWriter): Promise<void> {
  await writer.process(op.path, (text) => updatedNoteText(text, op, writer.yaml));
}

export async function applyPlan(
  plan: ImportPlan,
  writer: NoteWriter,
  options: ApplyOptions = {},
): Promise<ApplyResult> {
  const result: ApplyResult = { created: [], updated: [], failed: [], cancelled: false };
  const total = plan.creates.length + plan.updates.length;
  let done = 0;
  const folders = new Set(plan.creates.map((c) => c.path.slice(0, Math.max(0, c.path.lastIndexOf('/')))));
  for (const folder of folders) if (folder !== '') await writer.ensureFolder(folder);

  const step = async (path: string, work: () => Promise<void>, into: string[]): Promise<boolean> => {
    if (options.shouldStop?.()) {
      result.cancelled = true;
      return false;
    }
    try {
      await work();
      into.push(path);
    } catch (e) {
      result.failed.push({ path, error: errorText(e) });
      if (isOutOfSpace(e)) {
        result.outOfSpace = true;
        return false;
      }
    }
    done++;
    await options.onProgress?.(done, total);
    return true;
  };

  for (const op of plan.creates) {
    if (!(await step(op.path, () => writer.create(op.path, op.text()), result.created))) return result;
  }
  for (const op of plan.updates) {
    if (!(await step(op.path, () => applyUpdate(op, writer), result.updated))) return result;
  }
  return result;
}

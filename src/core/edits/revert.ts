/**
 * Undoing one command's edit of a note that has changed since.
 *
 * A command changes a few frontmatter keys and at most one place in the body. When the
 * note is still exactly as the command left it, undo puts the old text back byte for byte
 * (the adapters do that without asking here). When something else touched the note since
 * (the user typing, a linter, a "modified date" plugin), undo takes back only the command's
 * own changes, if they are still there untouched, and keeps everything else. If the user
 * or another plugin changed one of those very keys or lines, nothing is undone in that
 * note and the reason says which.
 */

/** A frontmatter key a command changed: `undefined` means absent. */
export interface FieldEdit {
  key: string;
  before: unknown;
  after: unknown;
}

export interface RecordedEdit {
  fields: readonly FieldEdit[];
  /** The body before and after the command, when the command changed it. */
  body: { before: string; after: string } | null;
}

export type RevertPlan =
  | {
      ok: true;
      /** The keys to set back (`undefined`: remove the key). */
      fields: ReadonlyArray<{ key: string; value: unknown }>;
      /** The body with the command's change taken back, or null when the body needs no change. */
      body: string | null;
    }
  | { ok: false; reason: string };

/** Equal as YAML values: what a round trip through the frontmatter would not tell apart. */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === null || v === '' ? undefined : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

function show(v: unknown): string {
  if (v === undefined || v === null || v === '') return 'empty';
  return typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
}

/** The one region where `after` differs from `before`. */
function changedRegion(before: string, after: string): { start: number; removed: string; inserted: string } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  return { start, removed: before.slice(start, before.length - end), inserted: after.slice(start, after.length - end) };
}

function occurrences(text: string, part: string): number[] {
  const out: number[] = [];
  for (let i = text.indexOf(part); i !== -1; i = text.indexOf(part, i + 1)) out.push(i);
  return out;
}

/**
 * The body with the command's change taken back, keeping changes made elsewhere since.
 * Null when the changed text is no longer there exactly once (edited, removed, or repeated).
 */
export function revertBody(current: string, before: string, after: string): string | null {
  if (current === after) return before;
  const { start, removed, inserted } = changedRegion(before, after);
  // Anchor on the changed text with a little of what surrounded it, so a line the command
  // added is found even if the user has since added the same words elsewhere.
  for (const context of [0, 1, 40]) {
    const lead = after.slice(Math.max(0, start - context), start);
    const tail = after.slice(start + inserted.length, start + inserted.length + context);
    const needle = lead + inserted + tail;
    if (needle === '') return null;
    const found = occurrences(current, needle);
    if (found.length === 1) {
      const at = (found[0] as number) + lead.length;
      return current.slice(0, at) + removed + current.slice(at + inserted.length);
    }
    if (found.length === 0) return null;
  }
  return null;
}

/**
 * What to do to undo `edit` on a note that now has frontmatter `fm` (null when it cannot
 * be read) and body `body`.
 */
export function planRevert(
  current: { fm: Record<string, unknown> | null; body: string },
  edit: RecordedEdit,
): RevertPlan {
  if (edit.fields.length > 0 && current.fm === null)
    return { ok: false, reason: 'its frontmatter can no longer be read' };
  for (const f of edit.fields) {
    const now = current.fm?.[f.key];
    if (!sameValue(now, f.after)) return { ok: false, reason: `${f.key} was changed since (now ${show(now)})` };
  }
  let body: string | null = null;
  if (edit.body && edit.body.before !== edit.body.after) {
    body = revertBody(current.body, edit.body.before, edit.body.after);
    if (body === null) return { ok: false, reason: 'the text it added was edited or removed since' };
    if (body === current.body) body = null;
  }
  return { ok: true, fields: edit.fields.map((f) => ({ key: f.key, value: f.before })), body };
}

/** The keys a frontmatter edit changed, from a copy taken before it and the object after it. */
export function fieldEdits(before: Record<string, unknown>, after: Record<string, unknown>): FieldEdit[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: FieldEdit[] = [];
  for (const key of keys)
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      out.push({ key, before: before[key], after: after[key] });
  return out;
}

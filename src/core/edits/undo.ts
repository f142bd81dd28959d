/**
 * The one undo rule, shared by the plugin's "Undo last change" and `network-crm undo`.
 * For every note a change touched, given the note's text now:
 *
 * - still exactly as the change left it: the old text comes back byte for byte (a note the
 *   change created is deleted; a note it moved away comes back if nothing took its place);
 * - changed since (the user typed, sync, a linter, a "modified date" plugin): only the
 *   change's own frontmatter keys and body text are taken back, if they are still there
 *   untouched, and the later changes are kept (see revert.ts);
 * - one of those very keys or lines was changed since, or the note is gone: the note is
 *   left alone and the reason says why, because undoing would throw a newer edit away.
 *
 * The adapters only carry the plan out (Obsidian's APIs in the plugin, files in the CLI).
 */
import { fieldEdits, planRevert, type RecordedEdit } from './revert';
import { splitNote } from '../notes/note-text';
import { sanitizeSentDecision, type SentDecision, type SentDecisionChange } from '../triage/triage-state';

export interface NoteChange {
  path: string;
  /** null when the change created the note. */
  before: string | null;
  /** null when the change moved the note away (a merge moves the other note to the trash). */
  after: string | null;
  /**
   * What the change did to the keys and the body, when the adapter recorded it. Without it
   * the rule works it out from `before` and `after`.
   */
  edit?: RecordedEdit | null;
}

export interface UndoEntry {
  label: string;
  notes: NoteChange[];
  /**
   * What the change did to decisions on sent invitations (kept in the vault state, not in a
   * note), by invitation key. Undo puts back those still as the change left them.
   */
  sentDecisions?: Record<string, SentDecisionChange>;
  /**
   * The CLI's journal of the command (see undo-journal.ts), so a journal found after the
   * entry was stored (the command killed between the two) is not taken for a second change.
   */
  journal?: string;
}

/** What undoing one note's change does. */
export type NoteUndo =
  | { kind: 'restore'; path: string; text: string }
  | { kind: 'delete'; path: string }
  | {
      kind: 'revert';
      path: string;
      /** Keys to set back (`undefined`: remove the key). */
      fields: ReadonlyArray<{ key: string; value: unknown }>;
      /** The body to put in place, or null when the body needs no change. */
      body: string | null;
    }
  | { kind: 'skip'; path: string; reason: string };

/** Reads a note's frontmatter as an object: `{}` without one, null when it cannot be read. */
export type FrontmatterReader = (yaml: string) => unknown;

export function readFrontmatter(text: string, parse: FrontmatterReader): Record<string, unknown> | null {
  const { yaml, unterminated } = splitNote(text);
  if (unterminated) return null;
  if (yaml === null) return {};
  try {
    const data = parse(yaml);
    if (data === null || data === undefined) return {};
    return typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** What a change did to the keys and the body, from the texts before and after it. */
function recordedEdit(before: string, after: string, parse: FrontmatterReader): RecordedEdit | null {
  const fmBefore = readFrontmatter(before, parse);
  const fmAfter = readFrontmatter(after, parse);
  if (fmBefore === null || fmAfter === null) return null;
  const body = { before: splitNote(before).body, after: splitNote(after).body };
  return { fields: fieldEdits(fmBefore, fmAfter), body: body.before === body.after ? null : body };
}

/** What undoing `change` does to a note whose text is now `current` (null when there is no such note). */
export function planNoteUndo(change: NoteChange, current: string | null, parse: FrontmatterReader): NoteUndo {
  const { path } = change;
  // Already as it was before the change (an undo stopped part-way and run again, or the user
  // put it back): taken back, with nothing to write. Said to be changed since, it read as lost.
  if (change.before !== null && current === change.before) return { kind: 'restore', path, text: change.before };
  if (change.after === null) {
    if (current !== null || change.before === null)
      return { kind: 'skip', path, reason: 'another note has taken its place' };
    return { kind: 'restore', path, text: change.before };
  }
  if (current === null) return { kind: 'skip', path, reason: 'it was moved or deleted since' };
  if (current === change.after)
    return change.before === null ? { kind: 'delete', path } : { kind: 'restore', path, text: change.before };
  if (change.before === null) return { kind: 'skip', path, reason: 'it was edited after it was created' };
  const edit = change.edit ?? recordedEdit(change.before, change.after, parse);
  if (edit === null) return { kind: 'skip', path, reason: 'it was changed since' };
  const plan = planRevert({ fm: readFrontmatter(current, parse), body: splitNote(current).body }, edit);
  if (!plan.ok) return { kind: 'skip', path, reason: plan.reason };
  return { kind: 'revert', path, fields: plan.fields, body: plan.body };
}

/**
 * What undoing a whole entry does, note by note. A note the change moved away (a merge moves
 * the other note to the trash) is two changes: the old place emptied and the copy created.
 * The copy is removed only when the note comes back to its old place; if that place has been
 * taken since, the copy stays where it is, so the note is never lost.
 */
export function planEntryUndo(
  entry: UndoEntry,
  current: (path: string) => string | null,
  parse: FrontmatterReader,
): NoteUndo[] {
  const steps = entry.notes.map((change) => planNoteUndo(change, current(change.path), parse));
  entry.notes.forEach((moved, i) => {
    if (moved.after !== null || moved.before === null || steps[i]?.kind !== 'skip') return;
    entry.notes.forEach((copy, j) => {
      if (copy.before === null && copy.after === moved.before && steps[j]?.kind === 'delete')
        steps[j] = { kind: 'skip', path: copy.path, reason: `kept, because ${moved.path} could not come back` };
    });
  });
  return steps;
}

/**
 * The undo history to keep: at most `depth` entries, newest last, and older ones only while
 * the note texts they hold stay under `maxChars` (a bulk action on thousands of people holds
 * every note twice; on a phone, or in the CLI's undo file, that must not pile up). The newest
 * entry is always kept, so the last change can always be undone.
 */
export function trimUndoHistory<T extends { notes: readonly NoteChange[] }>(
  entries: readonly T[],
  depth: number,
  maxChars: number,
): T[] {
  const kept: T[] = [];
  let chars = 0;
  for (let i = entries.length - 1; i >= 0 && kept.length < depth; i--) {
    const entry = entries[i] as T;
    chars += entry.notes.reduce((n, c) => n + (c.before?.length ?? 0) + (c.after?.length ?? 0), 0);
    if (kept.length > 0 && chars > maxChars) break;
    kept.unshift(entry);
  }
  return kept;
}

/** The entry from a stored value, or null when it is not one (a hand-edited or older file). */
export function sanitizeUndoEntry(value: unknown): UndoEntry | null {
  if (value === null || typeof value !== 'object') return null;
  const raw = value as { label?: unknown; notes?: unknown };
  if (typeof raw.label !== 'string' || !Array.isArray(raw.notes)) return null;
  const notes: NoteChange[] = [];
  for (const n of raw.notes as unknown[]) {
    const c = n as { path?: unknown; before?: unknown; after?: unknown } | null;
    if (!c || typeof c.path !== 'string') return null;
    if (c.before !== null && typeof c.before !== 'string') return null;
    if (c.after !== null && typeof c.after !== 'string') return null;
    if (c.before === null && c.after === null) return null;
    notes.push({ path: c.path, before: c.before, after: c.after });
  }
  const journal = (value as { journal?: unknown }).journal;
  const base: UndoEntry =
    typeof journal === 'string' ? { label: raw.label, notes, journal } : { label: raw.label, notes };
  const decisions = (value as { sentDecisions?: unknown }).sentDecisions;
  if (decisions === undefined) return base;
  if (decisions === null || typeof decisions !== 'object' || Array.isArray(decisions)) return null;
  const sentDecisions: Record<string, SentDecisionChange> = {};
  const side = (d: unknown): SentDecision | null | undefined =>
    d === null ? null : (sanitizeSentDecision(d) ?? undefined);
  for (const [key, c] of Object.entries(decisions as Record<string, unknown>)) {
    const change = c as { before?: unknown; after?: unknown } | null;
    const before = side(change?.before);
    const after = side(change?.after);
    if (before === undefined || after === undefined) return null;
    sentDecisions[key] = { before, after };
  }
  return { ...base, sentDecisions };
}

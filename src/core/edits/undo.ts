/**
 * The undo rule shared by the plugin's "Undo last change" and `network-crm undo`: a note is
 * restored only if it is still exactly as the change left it. If the user (or sync, or an
 * import) changed it since, it is left alone and reported, because restoring would throw
 * their newer edit away. A note the change created is deleted by undo on the same terms.
 */
export interface NoteChange {
  path: string;
  /** null when the change created the note. */
  before: string | null;
  after: string;
}

export interface UndoEntry {
  label: string;
  notes: NoteChange[];
}

export type UndoStep = { path: string; restore: string } | { path: string; delete: true };

export interface UndoPlan {
  steps: UndoStep[];
  /** Notes changed (or deleted) since: left as they are. */
  skipped: string[];
}

/** What undoing `entry` does, given each note's current text (null when it is gone). */
export function planUndo(entry: UndoEntry, current: (path: string) => string | null): UndoPlan {
  const steps: UndoStep[] = [];
  const skipped: string[] = [];
  for (const change of entry.notes) {
    if (current(change.path) !== change.after) skipped.push(change.path);
    else if (change.before === null) steps.push({ path: change.path, delete: true });
    else steps.push({ path: change.path, restore: change.before });
  }
  return { steps, skipped };
}

/** The entry from a stored value, or null when it is not one (a hand-edited or older file). */
export function sanitizeUndoEntry(value: unknown): UndoEntry | null {
  if (value === null || typeof value !== 'object') return null;
  const raw = value as { label?: unknown; notes?: unknown };
  if (typeof raw.label !== 'string' || !Array.isArray(raw.notes)) return null;
  const notes: NoteChange[] = [];
  for (const n of raw.notes as unknown[]) {
    const c = n as { path?: unknown; before?: unknown; after?: unknown } | null;
    if (!c || typeof c.path !== 'string' || typeof c.after !== 'string') return null;
    if (c.before !== null && typeof c.before !== 'string') return null;
    notes.push({ path: c.path, before: c.before, after: c.after });
  }
  return { label: raw.label, notes };
}

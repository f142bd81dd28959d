/**
 * How a command names what it could not write, read or list. The error of a refused write
 * already names the note ("People/Ann.md is read-only; …"): the line then gives it once, not
 * twice.
 */
import { formatCount } from '../core/text/format';

export function failureLine(failure: { path: string; error: string }): string {
  const { path, error } = failure;
  return error.startsWith(`${path} `) ? error : `${path}: ${error}`;
}

/** A note that could not be read or a folder that could not be listed, and why ("permission denied"). */
export interface Unreachable {
  path: string;
  reason: string;
}

/** How many notes or folders a message names before "…and N more". */
export const NAMED = 5;

/** The ones a message names: the first few by path (the walk's order is the file system's). */
export function firstByPath<T extends Unreachable>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).slice(0, NAMED);
}

/** `A (why), B (why) and 3 more`. */
function listed(items: readonly Unreachable[]): string {
  const named = firstByPath(items).map((n) => `${n.path} (${n.reason})`);
  return named.join(', ') + (items.length > NAMED ? ` and ${formatCount(items.length - NAMED)} more` : '');
}

/**
 * Notes a command that writes could not read, or folders it could not list (whose notes it
 * could not see): it stops before writing anything, since a note it cannot see could be
 * duplicated or lose data.
 */
export class UnreadableNotes extends Error {
  constructor(notes: readonly Unreachable[], folders: readonly Unreachable[] = []) {
    const parts: string[] = [];
    if (folders.length > 0) {
      const one = folders.length === 1;
      parts.push(
        `could not list the ${one ? 'folder' : 'folders'} ${listed(folders)}, so the notes in ${one ? 'it' : 'them'} were not read`,
      );
    }
    if (notes.length > 0) parts.push(`could not read ${listed(notes)}`);
    const it = notes.length + folders.length === 1 ? 'it' : 'them';
    super(`${parts.join('; ')}; nothing was written (make ${it} readable, or move ${it} out of the vault)`);
    this.name = 'UnreadableNotes';
  }
}

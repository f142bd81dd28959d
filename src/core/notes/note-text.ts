/**
 * Splitting a note into its frontmatter block and its body, the way Obsidian does: the
 * note must start with a `---` line and the block ends at the next `---` line. Editing
 * code works on the body only and glues the original frontmatter bytes back unchanged.
 */
export interface NoteParts {
  /** The YAML between the fences, or null when the note has no (closed) frontmatter. */
  yaml: string | null;
  /** The opening fence through the closing fence's line end: kept byte for byte. */
  head: string;
  body: string;
  /** An opening fence with no closing one: the note's YAML cannot be read. */
  unterminated: boolean;
}

// A note saved by some Windows editors starts with a UTF-8 BOM: it stays in `head`, untouched.
const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

export function splitNote(text: string): NoteParts {
  const open = OPEN.exec(text);
  if (!open) return { yaml: null, head: '', body: text, unterminated: false };
  const rest = text.slice(open[0].length);
  // An empty frontmatter block closes on the very next line.
  const close = CLOSE.exec(rest);
  if (!close) return { yaml: null, head: '', body: text, unterminated: true };
  const headEnd = open[0].length + close.index + close[0].length;
  return {
    yaml: rest.slice(0, close.index),
    head: text.slice(0, headEnd),
    body: text.slice(headEnd),
    unterminated: false,
  };
}

/** Applies `edit` to the body and keeps the frontmatter block exactly as it was. */
export function editBody(text: string, edit: (body: string) => string): string {
  const parts = splitNote(text);
  return parts.head + edit(parts.body);
}

/** The line ending a note already uses, so our edits do not mix `\n` into a CRLF file. */
export function lineEnding(text: string): '\n' | '\r\n' {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

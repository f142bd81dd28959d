/**
 * Data from an export goes into note bodies and the import report as text, never as
 * markup: a name like `<img src=x onerror=…>`, `[[Secret]]` or `#tag` must show as typed
 * and must not become HTML, a link or a tag. Backslash escapes work for every ASCII
 * punctuation character in CommonMark and in Obsidian's renderer. Newlines become
 * spaces, because every value we write is one line of a list or a table.
 */
const SPECIAL = /[\\`*_[\]<>#|~=^$%&]/g;

export function escapeMarkdown(value: string): string {
  return value.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(SPECIAL, (ch) => `\\${ch}`);
}

/** For the display part of a wikilink (`[[path|display]]`), where `|`, `]` and `[` break the link. */
export function escapeLinkDisplay(value: string): string {
  return value.replace(/[\r\n]+/g, ' ').replace(/[[\]|#^\\<>]/g, (ch) => `\\${ch}`);
}

/**
 * A line of a note as plain text, for a terminal: the backslash escapes taken off (CommonMark
 * escapes ASCII punctuation only), so `Design review \[draft\]` reads as it was typed.
 */
export function unescapeMarkdown(value: string): string {
  return value.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

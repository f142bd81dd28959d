/**
 * Control characters from the input, made visible. A file or an archive entry can hold an
 * escape sequence that changes a terminal's title or colours, a newline that forges a
 * second line of output, or a bidi override that reorders what the reader sees; every
 * message that quotes the input shows them as `\x1B`, `\n`, `\u202E` instead.
 */
// Tab is left alone: it moves the cursor, nothing more, and shows a TSV file for what it is.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- the same, minus line feed and tab
const CONTROL_BUT_LAYOUT = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(ch: string): string {
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code < 0x100
    ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`
    : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every control character but tab escaped: for one-line messages that quote the input. */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL, escape);
}

/**
 * The same, keeping line feeds and tabs, for whole lines of output we lay out ourselves.
 * Written `\u009B`, so a JSON line stays valid JSON (JSON.stringify leaves C1 and bidi
 * controls raw) and reads back as the same string.
 */
export function escapeControlCharsInOutput(text: string): string {
  return text.replace(CONTROL_BUT_LAYOUT, (ch) => `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** A value from the input, ready to quote in a one-line message: controls escaped, long values clipped. */
export function quoted(value: string, max = 80): string {
  const safe = escapeControlChars(value);
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

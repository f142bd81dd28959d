/**
 * Hostile bytes in a text file: what an interrupted download, a stray byte from a broken
 * tool, or a legacy Excel re-save do to a CSV. Every generator takes the good text and
 * returns the damaged bytes, plus where the damage is, so a test can check that the
 * message names that line.
 */

const utf8 = (s: string) => new TextEncoder().encode(s);

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** 1-based line of a string offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export interface Damaged {
  bytes: Uint8Array;
  /** The physical lines that hold the damage. */
  lines: number[];
}

/**
 * Puts `byte` (0xFF by default: never valid in UTF-8) right after the first occurrence of
 * `after` on each of the given lines, or at the end of the line when `after` is absent.
 */
export function strayBytes(text: string, lines: readonly number[], byte = 0xff, after = ','): Damaged {
  const rows = text.split('\n');
  const parts: Uint8Array[] = [];
  rows.forEach((row, i) => {
    if (i > 0) parts.push(utf8('\n'));
    if (!lines.includes(i + 1)) {
      parts.push(utf8(row));
      return;
    }
    const at = row.indexOf(after);
    const cut = at === -1 ? row.length : at + after.length;
    parts.push(utf8(row.slice(0, cut)), new Uint8Array([byte]), utf8(row.slice(cut)));
  });
  return { bytes: concat(...parts), lines: [...lines] };
}

/** The file cut off inside its last multi-byte character, as an interrupted download leaves it. */
export function cutInsideLastMultibyte(text: string): Damaged {
  const bytes = utf8(text);
  for (let i = bytes.length - 1; i >= 0; i--) {
    const b = bytes[i] as number;
    if (b >= 0xc0) return { bytes: bytes.slice(0, i + 1), lines: [lineAt(text, text.length - 1)] };
  }
  throw new Error('the text has no multi-byte character to cut inside');
}

/** The file cut off `fraction` of the way into its last row (a plain ASCII cut). */
export function cutInsideLastRow(text: string, fraction = 0.5): Damaged {
  const start = text.lastIndexOf('\n') + 1;
  const end = start + Math.max(1, Math.floor((text.length - start) * fraction));
  return { bytes: utf8(text.slice(0, end)), lines: [lineAt(text, start)] };
}

/**
 * The same text saved as Windows-1252 (Latin-1 range and the 0x80–0x9F punctuation), as
 * a Danish or German Excel does; characters it cannot hold become `?`, as Excel does.
 */
export function asWindows1252(text: string): Uint8Array {
  const high: Record<string, number> = { '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, Š: 0x8a, š: 0x9a, Ž: 0x8e };
  const out = new Uint8Array(text.length);
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    out[n++] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (high[ch] ?? 0x3f);
  }
  return out.slice(0, n);
}

export { utf8 };

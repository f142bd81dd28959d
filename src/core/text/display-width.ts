/**
 * How many terminal columns a text takes, for tables that line up whatever the names are
 * made of: CJK and fullwidth characters and emoji take two columns, combining marks and
 * zero-width characters none, and an emoji sequence (family, flag, skin tone) counts once.
 * The CLI's `stale` and `triage` tables pad with this rather than `String.length`.
 */

const WIDE =
  /[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6]|[\u{16fe0}-\u{1b2ff}\u{1f004}\u{1f0cf}\u{1f18e}\u{1f191}-\u{1f19a}\u{1f200}-\u{1f251}\u{1f300}-\u{1f64f}\u{1f680}-\u{1f6ff}\u{1f7e0}-\u{1f7eb}\u{1f90c}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{3fffd}]/u;
const ZERO = /^[\p{Mn}\p{Me}\p{Cf}\u200b-\u200f\u2028-\u202e\u2060-\u206f]$/u;

/** Combining marks, format and control characters, variation selectors: no column. */
function isZeroWidth(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0xfe00 && c <= 0xfe0f) || ZERO.test(ch);
}
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

type Segmenter = { segment(text: string): Iterable<{ segment: string }> };
let made: Segmenter | null | undefined;

/**
 * The grapheme segmenter, made on first use: making it loads ICU's break rules, ~8 ms that
 * every CLI command paid at start, though only a table with non-ASCII names needs it.
 */
function segmenter(): Segmenter | null {
  if (made === undefined)
    made =
      typeof Intl !== 'undefined' && 'Segmenter' in Intl
        ? new Intl.Segmenter(undefined, { granularity: 'grapheme' })
        : null;
  return made;
}

function clusterWidth(cluster: string): number {
  const first = String.fromCodePoint(cluster.codePointAt(0) ?? 0);
  if (isZeroWidth(first)) return cluster.length === first.length ? 0 : clusterWidth(cluster.slice(first.length));
  if (WIDE.test(first)) return 2;
  // A text-style pictograph made emoji by U+FE0F, a flag, a keycap: two columns.
  if (
    cluster.length > first.length &&
    PICTOGRAPHIC.test(cluster) &&
    /\ufe0f|\u200d|\p{Regional_Indicator}|\u20e3/u.test(cluster)
  )
    return 2;
  return 1;
}

/** Columns `text` takes in a terminal. */
export function displayWidth(text: string): number {
  // ASCII, the common case, is one column per character.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  const graphemes = segmenter();
  if (graphemes) for (const { segment } of graphemes.segment(text)) width += clusterWidth(segment);
  else for (const ch of text) width += clusterWidth(ch);
  return width;
}

/** `text` padded with spaces to `width` columns (longer text is cut at a character, with `…`). */
export function padDisplay(text: string, width: number): string {
  const w = displayWidth(text);
  if (w <= width) return text + ' '.repeat(width - w);
  let out = '';
  let used = 0;
  const graphemes = segmenter();
  const clusters = graphemes ? [...graphemes.segment(text)].map((s) => s.segment) : [...text];
  for (const c of clusters) {
    const cw = clusterWidth(c);
    if (used + cw > width - 1) break;
    out += c;
    used += cw;
  }
  return `${out}…${' '.repeat(Math.max(0, width - used - 1))}`;
}

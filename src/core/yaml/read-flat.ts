/**
 * A fast reader for the flat frontmatter person notes almost always have:
 * `key: scalar` lines and block lists of scalars.
 *
 * The CLI reads every person note on each run, and a full YAML parser costs ~70 µs per
 * note: 2 s for 30,000 notes, most of a re-import. This reader handles the common shapes
 * in a few µs and answers `undefined` for anything else (anchors, block scalars, nested
 * maps, numbers other than plain integers, comments after values…) so the caller falls
 * back to the full parser. Where it answers, it agrees with the `yaml` package's core
 * schema, which is what Obsidian's parser gives for these shapes; a property test holds
 * it to that.
 */
import { ownCopy } from '../text/own-copy';
export type FlatValue = string | number | boolean | null | FlatValue[];

const ITEM_LINE = /^([ ]*)-(?:[ ]+(.*))?$/;
const INT = /^[-+]?[0-9]+$/;
const OTHER_NUMBER = /^[-+]?(?:\.[0-9]|[0-9]+\.|[0-9]+[eE]|0[xXoO]|\.(?:inf|Inf|INF|nan|NaN|NAN)$)/;

const ESCAPES: Record<string, string> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  ' ': ' ',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  v: '\v',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
  '\t': '\t',
};

function readDoubleQuoted(text: string): string | undefined {
  if (text.length < 2 || !text.endsWith('"')) return undefined;
  const inner = text.slice(1, -1);
  let out = '';
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i] as string;
    if (ch === '"') return undefined; // a quote that ends the scalar early: not our shape
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = inner[++i];
    if (next === undefined) return undefined;
    const width = next === 'x' ? 2 : next === 'u' ? 4 : next === 'U' ? 8 : 0;
    if (width > 0) {
      const hex = inner.slice(i + 1, i + 1 + width);
      if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== width) return undefined;
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) return undefined;
      out += String.fromCodePoint(code);
      i += width;
      continue;
    }
    const mapped = ESCAPES[next];
    if (mapped === undefined) return undefined;
    out += mapped;
  }
  return out;
}

function readSingleQuoted(text: string): string | undefined {
  if (text.length < 2 || !text.endsWith("'")) return undefined;
  const inner = text.slice(1, -1);
  if (/'(?!')/.test(inner.replace(/''/g, ''))) return undefined;
  return inner.replace(/''/g, "'");
}

/** Anything here needs the full parser: indicators, comments, nested mappings. */
const PLAIN_BAD = /^[[\]{}#&*!|>'"%@`,?:]|^-(?: |$)| #|: |:$/;

function readPlain(text: string): FlatValue | undefined {
  if (PLAIN_BAD.test(text)) return undefined;
  const c = text.charCodeAt(0);
  // Only words starting with ~, n/N, t/T or f/F can be null or a boolean.
  if (c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70) {
    switch (text) {
      case '~':
      case 'null':
      case 'Null':
      case 'NULL':
        return null;
      case 'true':
      case 'True':
      case 'TRUE':
        return true;
      case 'false':
      case 'False':
      case 'FALSE':
        return false;
    }
  }
  // Only text starting with a digit, a sign or a dot can be a number.
  if ((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46) {
    if (INT.test(text)) {
      const n = Number(text);
      return Number.isSafeInteger(n) ? n : undefined;
    }
    if (OTHER_NUMBER.test(text)) return undefined;
  }
  return text;
}

function trimEndSpaces(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 32) end--;
  return end === value.length ? value : value.slice(0, end);
}

function readFlowList(text: string): FlatValue[] | undefined {
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  const items: FlatValue[] = [];
  for (const part of inner.split(',')) {
    const item = part.trim();
    if (item === '' || /[[\]{}"']/.test(item)) return undefined;
    const value = readPlain(item);
    if (typeof value !== 'string') return undefined;
    items.push(ownCopy(value));
  }
  return items;
}

function readScalar(raw: string): FlatValue | undefined {
  const text = trimEndSpaces(raw);
  if (text === '') return null;
  if (text.includes('\t')) return undefined;
  if (text.startsWith('"')) return readDoubleQuoted(text);
  if (text.startsWith("'")) return readSingleQuoted(text);
  if (text.startsWith('[') && text.endsWith(']')) return readFlowList(text);
  const value = readPlain(text);
  // A value is kept long after its note is parsed (the index, the import's snapshot): as a
  // view into the note it would keep the note's whole text alive.
  return typeof value === 'string' ? ownCopy(value) : value;
}

const KEY_CHARS = /^[A-Za-z0-9_][A-Za-z0-9_ .-]*$/;
/** Keys seen before (the same dozen in every person note) skip the key check. */
const knownKeys = new Set<string>();

/** The key before a line's `:`, or null when it is not a plain key we can read. */
function plainKey(rawKey: string): string | null {
  if (!knownKeys.has(rawKey)) {
    if (!KEY_CHARS.test(rawKey)) return null;
    if (knownKeys.size < 500) knownKeys.add(rawKey);
  }
  return trimEndSpaces(rawKey);
}

/** Parses flat frontmatter, or returns undefined when the text needs a full YAML parser. */
export function readFlatYaml(yamlText: string): Record<string, FlatValue> | undefined {
  const out: Record<string, FlatValue> = {};
  let listKey: string | null = null;
  let listIndent = -1;
  // A hand-rolled line loop rather than split('\n'): this runs on every note of a 30,000-note
  // vault, and the array plus the trimmed copies were most of its time and garbage.
  let start = 0;
  const end = yamlText.length;
  while (start < end) {
    let next = yamlText.indexOf('\n', start);
    if (next === -1) next = end;
    const lineEnd = next > start && yamlText.charCodeAt(next - 1) === 13 ? next - 1 : next;
    const lineStart = start;
    start = next + 1;
    if (lineEnd === lineStart) continue;
    const first = yamlText.charCodeAt(lineStart);
    // Lines starting with a space or `-` can only be list items, comments or blank.
    if (first === 32 || first === 45 || first === 35) {
      const line = yamlText.slice(lineStart, lineEnd);
      if (line.trim() === '' || /^[ ]*#/.test(line)) continue;
      const item = ITEM_LINE.exec(line);
      if (!item || listKey === null) return undefined;
      const indent = (item[1] as string).length;
      if (listIndent === -1) listIndent = indent;
      else if (indent !== listIndent) return undefined; // nested or continued: not flat
      const value = readScalar(item[2] ?? '');
      if (value === undefined || Array.isArray(value)) return undefined;
      let list = out[listKey];
      if (!Array.isArray(list)) {
        list = [];
        out[listKey] = list;
      }
      list.push(value);
      continue;
    }
    if (first === 9) return undefined;
    // `key:` then a space or the end of the line; the key itself has no `:`.
    const colon = yamlText.indexOf(':', lineStart);
    if (colon <= lineStart || colon >= lineEnd) return undefined;
    if (colon + 1 < lineEnd && yamlText.charCodeAt(colon + 1) !== 32) return undefined;
    const key = plainKey(yamlText.slice(lineStart, colon));
    if (key === null) return undefined;
    let restStart = colon + 1;
    while (restStart < lineEnd && yamlText.charCodeAt(restStart) === 32) restStart++;
    const rest = yamlText.slice(restStart, lineEnd);
    if (Object.prototype.hasOwnProperty.call(out, key) || key === '__proto__') return undefined;
    const value = readScalar(rest);
    if (value === undefined) return undefined;
    out[key] = value;
    // Only an empty value can open a block list; `a: ~` followed by `  - x` is one plain scalar.
    listKey = rest === '' ? key : null;
    listIndent = -1;
  }
  return out;
}

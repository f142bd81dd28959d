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
export type FlatValue = string | number | boolean | null | FlatValue[];

const KEY_LINE = /^([A-Za-z0-9_][A-Za-z0-9_ .-]*?):(?:[ ]+(.*))?$/;
const ITEM_LINE = /^([ ]*)-(?:[ ]+(.*))?$/;
const INT = /^[-+]?[0-9]+$/;
const OTHER_NUMBER = /^[-+]?(?:\.[0-9]|[0-9]+\.|[0-9]+[eE]|0[xXoO]|\.(?:inf|Inf|INF|nan|NaN|NAN)$)/;
const INDICATOR_START = /^[[\]{}#&*!|>'"%@`,?:]|^- |^-$/;

const ESCAPES: Record<string, string> = {
  '\\': '\\', '"': '"', '/': '/', n: '\n', t: '\t', r: '\r', '0': '\0', ' ': ' ',
  a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029', '\t': '\t',
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

function readPlain(text: string): FlatValue | undefined {
  if (INDICATOR_START.test(text) || text.includes(' #') || text.includes(': ') || text.endsWith(':')) return undefined;
  switch (text) {
    case '~': case 'null': case 'Null': case 'NULL': return null;
    case 'true': case 'True': case 'TRUE': return true;
    case 'false': case 'False': case 'FALSE': return false;
  }
  if (INT.test(text)) {
    const n = Number(text);
    return Number.isSafeInteger(n) ? n : undefined;
  }
  if (OTHER_NUMBER.test(text)) return undefined;
  return text;
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
    items.push(value);
  }
  return items;
}

function readScalar(raw: string): FlatValue | undefined {
  const text = raw.replace(/[ ]+$/, '');
  if (text === '') return null;
  if (text.includes('\t')) return undefined;
  if (text.startsWith('"')) return readDoubleQuoted(text);
  if (text.startsWith("'")) return readSingleQuoted(text);
  if (text.startsWith('[') && text.endsWith(']')) return readFlowList(text);
  return readPlain(text);
}

/** Parses flat frontmatter, or returns undefined when the text needs a full YAML parser. */
export function readFlatYaml(yamlText: string): Record<string, FlatValue> | undefined {
  const out: Record<string, FlatValue> = {};
  let listKey: string | null = null;
  let listIndent = -1;
  for (const rawLine of yamlText.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') continue;
    if (/^[ ]*#/.test(line)) continue;
    const item = ITEM_LINE.exec(line);
    if (item && listKey !== null) {
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
    const entry = KEY_LINE.exec(line);
    if (!entry) return undefined;
    const key = (entry[1] as string).replace(/[ ]+$/, '');
    if (Object.prototype.hasOwnProperty.call(out, key) || key === '__proto__') return undefined;
    const value = readScalar(entry[2] ?? '');
    if (value === undefined) return undefined;
    out[key] = value;
    // Only an empty value can open a block list; `a: ~` followed by `  - x` is one plain scalar.
    listKey = (entry[2] ?? '').trim() === '' ? key : null;
    listIndent = -1;
  }
  return out;
}

/**
 * Frontmatter emitter for the value types person notes hold.
 *
 * We write new notes' YAML ourselves instead of calling a library so the output is the
 * same byte for byte in the plugin, the CLI and the golden files. The rule is simple:
 * a string is written plain only when it is obviously a string to every YAML parser
 * (1.1 and 1.2, Obsidian's and js-yaml's); everything else is double-quoted with escapes,
 * which round-trips any well-formed string exactly (property-tested against two parsers).
 * That includes everything YAML 1.1 reads as something else: a company called
 * `2024-01-01` (a date), `1e3`, `0x1F` or `12:30` (numbers), `on`, `y` (booleans), `~`,
 * `=`. ISO dates are quoted in text fields (core/notes/schema.ts TEXT_FIELDS) and stay plain
 * elsewhere, so Obsidian's Properties panel treats date fields as dates.
 */
import { TEXT_FIELDS } from '../notes/schema';

export type FrontmatterValue = string | number | boolean | null | readonly string[];

export type FrontmatterEntries = ReadonlyArray<readonly [string, FrontmatterValue]>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Words some YAML parser reads as null, a boolean, or (YAML 1.1's `=` and `<<`) something else. */
const RESERVED = /^(?:~|null|true|false|yes|no|on|off|y|n|=|<<)$/i;
/** Characters that mean something at the start of a plain scalar, or that we never leave plain. */
const BAD_START = /^[-?:,[\]{}#&*!|>'"%@`.+0-9\s]/;
// eslint-disable-next-line no-control-regex -- control characters must be escaped, so they are looked for
const BAD_ANYWHERE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\\[\]{}]|: |:$| #|\s$/;
/** An exponent with no mantissa (`E0`, `e+5`): the yaml package's YAML 1.1 schema reads it as a float (NaN). */
const BARE_EXPONENT = /^[eE][-+]?\d+$/;
/** The common case (names, companies, URLs), settled with one test. */
const COMMON = /^[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f ,.()&/+'’-]*$/;

/** True when `value` can be written unquoted; ISO dates only where `date` says the field holds one. */
export function isPlainSafe(value: string, date = false): boolean {
  if (BARE_EXPONENT.test(value)) return false;
  if (COMMON.test(value) && !value.endsWith(' ') && (value.length > 5 || !RESERVED.test(value))) return true;
  if (value === '') return false;
  if (ISO_DATE.test(value)) return date;
  if (RESERVED.test(value)) return false;
  if (BAD_START.test(value)) return false;
  return !BAD_ANYWHERE.test(value) && !hasLoneSurrogate(value);
}

function hex(code: number, width: number): string {
  return code.toString(16).toUpperCase().padStart(width, '0');
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?:^|[^\ud800-\udbff])[\udc00-\udfff]/;

function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/** Replaces lone surrogates, which no UTF-8 file can hold, with U+FFFD. */
export function toWellFormed(value: string): string {
  if (!hasLoneSurrogate(value)) return value;
  let out = '';
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    out += ch.length === 1 && code >= 0xd800 && code <= 0xdfff ? '\ufffd' : ch;
  }
  return out;
}

export function quoteYamlString(value: string): string {
  let out = '"';
  for (const ch of toWellFormed(value)) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) out += `\\x${hex(code, 2)}`;
    else if (code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff)
      out += `\\u${hex(code, 4)}`;
    else out += ch;
  }
  return `${out}"`;
}

export function yamlScalar(value: Exclude<FrontmatterValue, readonly string[]>, date = false): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : quoteYamlString(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return isPlainSafe(value, date) ? value : quoteYamlString(value);
}

const keyCache = new Map<string, string>();

function yamlKey(key: string): string {
  let k = keyCache.get(key);
  if (k === undefined) {
    k = isPlainSafe(key) && !key.includes(':') ? key : quoteYamlString(key);
    if (keyCache.size < 1000) keyCache.set(key, k);
  }
  return k;
}

/** One `key: value` entry (lists in block style, as Obsidian writes them). */
export function yamlEntry(key: string, value: FrontmatterValue): string {
  const k = yamlKey(key);
  if (Array.isArray(value)) {
    if (value.length === 0) return `${k}: []`;
    return `${k}:\n${value.map((v: string) => `  - ${yamlScalar(v)}`).join('\n')}`;
  }
  const scalar = yamlScalar(value as Exclude<FrontmatterValue, readonly string[]>, !TEXT_FIELDS.has(key));
  return scalar === '' ? `${k}:` : `${k}: ${scalar}`;
}

/** The YAML between the `---` fences, ending with a newline. */
export function stringifyFrontmatter(entries: FrontmatterEntries): string {
  return entries.map(([k, v]) => `${yamlEntry(k, v)}\n`).join('');
}

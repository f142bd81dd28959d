/**
 * Sets or removes top-level frontmatter keys by editing only their own lines.
 *
 * Used by the CLI, where there is no `processFrontMatter`: every other line of the user's
 * YAML (comments, quoting style, key order, other plugins' keys) stays byte for byte.
 * Returns null when the YAML is not a plain block mapping we can edit line-wise (a flow
 * mapping, a key written twice…); the caller then falls back to a full YAML library.
 */
import { yamlEntry, type FrontmatterValue } from './emit';

const TOP_KEY =
  /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:,[\]{}][^:#]*?|-[^\s:][^:#]*?))[ \t]*:(?:[ \t]|$)/;

interface KeySpan {
  key: string;
  start: number;
  /** Exclusive line index. */
  end: number;
}

function keyOf(line: string): string | null {
  const m = TOP_KEY.exec(line);
  if (!m) return null;
  if (m[1] !== undefined) return m[1].replace(/\\(.)/g, '$1');
  if (m[2] !== undefined) return m[2].replace(/''/g, "'");
  return (m[3] as string).trim();
}

function spans(lines: readonly string[]): KeySpan[] | null {
  const out: KeySpan[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || /^[ \t]/.test(line) || line.startsWith('#')) continue;
    if (line.startsWith('- ') || line === '-') {
      if (out.length === 0) return null; // a top-level sequence, not a mapping
      continue; // a compact list item belonging to the previous key
    }
    const key = keyOf(line);
    if (key === null) return null;
    const prev = out[out.length - 1];
    if (prev) prev.end = i;
    out.push({ key, start: i, end: lines.length });
  }
  // Blank or comment lines after a key's value belong to no key (a comment often introduces
  // the next key): replacing the key must keep them.
  for (const span of out) {
    while (span.end > span.start + 1 && /^\s*(#.*)?$/.test(lines[span.end - 1] as string)) span.end--;
  }
  return out;
}

export type FrontmatterPatch = ReadonlyMap<string, FrontmatterValue | undefined>;

function isEmittable(value: unknown): value is FrontmatterValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Applies `patch` (undefined = delete the key) to YAML text; null when it cannot do so safely. */
export function patchFrontmatterYaml(yaml: string, patch: FrontmatterPatch): string | null {
  const eol = yaml.includes('\r\n') ? '\r\n' : '\n';
  const trailing = yaml.endsWith('\n');
  const lines = yaml === '' ? [] : yaml.split(/\r?\n/);
  if (trailing) lines.pop();
  const found = spans(lines);
  if (found === null) return null;
  const seen = new Set<string>();
  for (const s of found) {
    if (seen.has(s.key)) return null;
    seen.add(s.key);
  }
  for (const value of patch.values()) if (value !== undefined && !isEmittable(value)) return null;

  const replacement = new Map<number, string[]>();
  const removed = new Set<number>();
  for (const [key, value] of patch) {
    const span = found.find((s) => s.key === key);
    if (!span) continue;
    for (let i = span.start; i < span.end; i++) removed.add(i);
    if (value !== undefined) replacement.set(span.start, yamlEntry(key, value).split('\n'));
  }
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const rep = replacement.get(i);
    if (rep) out.push(...rep);
    if (!removed.has(i)) out.push(lines[i] as string);
  }
  for (const [key, value] of patch) {
    if (value !== undefined && !seen.has(key)) out.push(...yamlEntry(key, value).split('\n'));
  }
  if (out.length === 0) return '';
  return out.join(eol) + eol;
}

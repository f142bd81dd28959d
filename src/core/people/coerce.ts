/**
 * Frontmatter values typed by hand, made usable.
 *
 * People write `2024-1-5`, paste full timestamps, let another tool write a YAML date
 * object, type a number, or leave garbage. Views must never crash on any of it: each
 * coercion returns a value or null, plus a problem text that the person index keeps so
 * the user can be told which note to fix.
 */
import { digits, isValidYmd, sharedIso, toIso, type IsoDate } from '../dates/iso-date';
import { parseLinkedInDateTime } from '../dates/linkedin-dates';

export interface Coerced<T> {
  readonly value: T | null;
  readonly problem?: string;
}

/**
 * No value and no problem: what most fields of most notes come to (a missing date, no
 * cadence). One frozen answer for all of them, not an object per field per note.
 */
export const NO_VALUE: Coerced<never> = Object.freeze({ value: null });

const LOOSE_ISO =
  /^(?:\[\[)?(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\]\])?$/;

function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 37)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'an invalid date';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * `YYYY-MM-DD` exactly, as the import and the plugin write every date, read without the
 * general pattern: every date field of every note passes here (nine per record). Null for
 * anything else, which the general rule reads.
 */
function exactIsoDate(text: string): Coerced<IsoDate> | null {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const y = digits(text, 0, 4);
  const mo = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || !isValidYmd(y, mo, d)) return null;
  return { value: sharedIso(y, mo, d) };
}

export function coerceDate(value: unknown): Coerced<IsoDate> {
  if (value === null || value === undefined) return NO_VALUE;
  if (value instanceof Date) {
    // YAML 1.1 parsers turn `2024-01-05` into midnight UTC.
    if (Number.isNaN(value.getTime())) return { value: null, problem: 'an invalid date' };
    return { value: toIso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) };
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '') return NO_VALUE;
    const exact = exactIsoDate(text);
    if (exact !== null) return exact;
    const m = LOOSE_ISO.exec(text);
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[2]);
      const d = Number(m[3]);
      if (isValidYmd(y, mo, d)) return { value: sharedIso(y, mo, d) };
      return { value: null, problem: `${describe(value)} is not a real date` };
    }
    const other = parseLinkedInDateTime(text);
    if (other) return { value: other.date };
  }
  return { value: null, problem: `${describe(value)} is not a date (expected YYYY-MM-DD)` };
}

/** Trust is a level 1–5, written as the number or as the level's name. */
export function coerceTrust(value: unknown, levelNames: readonly string[]): Coerced<number> {
  if (value === null || value === undefined || value === '') return NO_VALUE;
  const asNumber =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(asNumber) && asNumber >= 1 && asNumber <= 5) return { value: asNumber };
  if (typeof value === 'string') {
    const wanted = value.trim().toLowerCase();
    const index = levelNames.findIndex((n) => n.trim().toLowerCase() === wanted);
    if (index >= 0) return { value: index + 1 };
  }
  return { value: null, problem: `trust ${describe(value)} is not a level (expected 1–5 or a level name)` };
}

/** Cadence in days; 0 means "never remind me". */
export function coerceDays(value: unknown): Coerced<number> {
  if (value === null || value === undefined || value === '') return NO_VALUE;
  const n =
    typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (Number.isInteger(n) && n >= 0) return { value: n };
  return { value: null, problem: `${describe(value)} is not a number of days` };
}

export function coerceBoolean(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return /^(?:true|yes|y|1)$/i.test(value.trim());
  return value === 1;
}

/** A single-line string, or '' for anything else (lists are joined, objects dropped). */
/**
 * No value at all: missing, null, blank text or an empty list. The import's rule "an empty
 * value never clears a field" and its merging of several sources both test this.
 */
export function isEmptyValue(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

export function coerceText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.filter((v) => typeof v === 'string' || typeof v === 'number').join(', ');
  return '';
}

export function coerceTags(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
  return raw
    .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
    .map((t) => t.trim().replace(/^#/, ''));
}

/**
 * Birthdays as address books write them → `YYYY-MM-DD`, or `--MM-DD` when the year is not
 * known (the RFC 6350 form, which Obsidian shows as text and we read back everywhere).
 *
 * Forms seen in real exports: `1980-05-01` (Apple, Google), `19800501` (Google Takeout,
 * Outlook), `--0501` and `--05-01` (vCard 4.0), ` --12-25` with a leading space (Google
 * CSV), `1604-08-20` with `X-APPLE-OMIT-YEAR=1604` (Apple's year-less form; 1604 alone
 * means the same), `0000-05-01` (Android), a date-time (`1996-04-15T201243+04:00`: the
 * date part counts), and Outlook CSV's US `5/1/1980`, where `0/0/00` means "none".
 */
import { isValidYmd, toIso } from '../dates/iso-date';

/** `YYYY-MM-DD` or `--MM-DD`. */
export type Birthday = string;

export interface BirthdayParse {
  value: Birthday | null;
  /** Set when there was a value we could not read. */
  problem?: string;
}

/** Years that mean "no year": Apple's placeholder and Android's zero year. */
const NO_YEAR = new Set([0, 1604]);

function yearless(month: number, day: number): Birthday | null {
  // 29 February is a real birthday; check against a leap year.
  return isValidYmd(2000, month, day) ? `--${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` : null;
}

function withYear(year: number, month: number, day: number, omitYear: number | null): Birthday | null {
  if (NO_YEAR.has(year) || year === omitYear) return yearless(month, day);
  return isValidYmd(year, month, day) ? toIso(year, month, day) : null;
}

export interface BirthdayOptions {
  /** Apple's `X-APPLE-OMIT-YEAR` parameter: this year stands for "no year". */
  omitYear?: number | null;
  /** Accept `M/D/YYYY` (Outlook CSV as Google writes it, US order). */
  usSlashes?: boolean;
}

export function parseBirthday(raw: string, options: BirthdayOptions = {}): BirthdayParse {
  const text = raw.trim();
  if (text === '') return { value: null };
  const omit = options.omitYear ?? null;
  let m = /^--(\d{2})-?(\d{2})$/.exec(text);
  if (m) return checked(yearless(Number(m[1]), Number(m[2])), raw);
  m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T[\d:.]*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (m) return checked(withYear(Number(m[1]), Number(m[2]), Number(m[3]), omit), raw);
  if (options.usSlashes) {
    if (/^0{1,2}\/0{1,2}\/0{2,4}$/.test(text)) return { value: null };
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
    if (m) return checked(withYear(Number(m[3]), Number(m[1]), Number(m[2]), omit), raw);
  }
  return { value: null, problem: `birthday "${raw.trim()}" is not a date (expected YYYY-MM-DD or --MM-DD)` };
}

function checked(value: Birthday | null, raw: string): BirthdayParse {
  return value === null ? { value: null, problem: `birthday "${raw.trim()}" is not a real date` } : { value };
}

/** Month and day of a birthday (`YYYY-MM-DD` or `--MM-DD`), or null for anything else. */
export function birthdayMonthDay(value: string): { year: number | null; month: number; day: number } | null {
  const m = /^(?:(\d{4})|-)-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!m) return null;
  const year = m[1] === undefined ? null : Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isValidYmd(year ?? 2000, month, day)) return null;
  return { year, month, day };
}

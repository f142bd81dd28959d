/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, the form they take in frontmatter.
 *
 * Everything date-dependent in the core takes `today` as one of these strings, so no
 * result depends on the machine's clock or time zone. Day arithmetic works on day numbers
 * (days since 1970-01-01 in UTC), which has no daylight-saving edge to trip on; month
 * arithmetic keeps the day of the month, or takes the month's last day, so "one month after
 * 31 January" behaves as people expect.
 */

export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  return d <= daysInMonth(y, m);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The months' names in English, January first: the language of every text the plugin writes. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export function daysInMonth(y: number, m: number): number {
  // Arithmetic, not a Date: every dated line of every note is checked with it.
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return MONTH_DAYS[m - 1] ?? NaN;
}

export function toIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * {@link toIso}, one string per day, shared by every dated line and field that names it. A vault's 200,000 dated
 * lines fall on a few thousand days; a string each was 313,000 strings (10 MB) held by
 * the CLI's person index at 30,000 people, and copying them was much of its garbage
 * collection. Bounded, so a long-running plugin cannot grow it without end.
 */
const DAYS = new Map<number, IsoDate>();
const MAX_DAYS = 20_000;

export function sharedIso(y: number, mo: number, d: number): IsoDate {
  const key = y * 10_000 + mo * 100 + d;
  let iso = DAYS.get(key);
  if (iso === undefined) {
    if (DAYS.size >= MAX_DAYS) DAYS.clear();
    iso = toIso(y, mo, d);
    DAYS.set(key, iso);
  }
  return iso;
}

/**
 * Orders two dates, a missing one (null) first: `YYYY-MM-DD` orders as its characters do, so
 * the lists sorted by date need no collation (`localeCompare` is the locale's order of text,
 * for names).
 */
export function compareDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True for a real calendar date written exactly as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * The number the `count` ASCII digits of `s` at `from` write, or -1 when one is not a digit:
 * the dates of notes and of messages.csv are read so, without a regular expression, on paths
 * that run for every note or message.
 */
export function digits(s: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/**
 * Days since 1970-01-01. Computed by arithmetic rather than through `Date` and a regex:
 * the keep-in-touch rules call it for every dated contact of every person (200,000 at the
 * design point). Howard Hinnant's days-from-civil; like `Date.UTC`, a day past the end of
 * its month carries into the next.
 */
export function dayNumber(iso: IsoDate): number {
  const y0 = digits(iso, 0, 4);
  const m = digits(iso, 5, 2);
  const d = digits(iso, 8, 2);
  if (iso.length !== 10 || iso[4] !== '-' || iso[7] !== '-' || y0 < 0 || m < 0 || d < 0)
    throw new Error(`not an ISO date: ${iso}`);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** The date of a day number; Howard Hinnant's civil-from-days, the inverse of {@link dayNumber}. */
export function fromDayNumber(day: number): IsoDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  // Shared: the stale list makes a due date for each of thousands of people, on a few hundred days.
  return sharedIso(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

/** `b - a` in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** `months` later (or earlier), on the same day of the month or the month's last (Jan 31 + 1 = Feb 28/29). */
export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  const m = ISO_RE.exec(iso);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  if (!isValidYmd(y, mo, d)) throw new Error(`not an ISO date: ${iso}`);
  // Arithmetic, not date-fns: its `format` alone brought ~100 KB of locale code into both bundles.
  const index = y * 12 + mo - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return toIso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The local calendar date of `now` (what the user calls "today"; also every note's creation date). */
export function localIsoDate(now: Date): IsoDate {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/**
 * Sorts dates oldest first and drops repeats, in place (no Set, no copy: it runs for every
 * person's dates), and returns the same array.
 */
export function sortUniqueDates(dates: IsoDate[]): IsoDate[] {
  if (dates.length < 2) return dates;
  dates.sort();
  let n = 1;
  for (let i = 1; i < dates.length; i++) if (dates[i] !== dates[n - 1]) dates[n++] = dates[i] as IsoDate;
  dates.length = n;
  return dates;
}

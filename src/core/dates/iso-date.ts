/**
 * Calendar dates as ISO `YYYY-MM-DD` strings, the form they take in frontmatter.
 *
 * Everything date-dependent in the core takes `today` as one of these strings, so no
 * result depends on the machine's clock or time zone. Day arithmetic works on day numbers
 * (days since 1970-01-01 in UTC), which has no daylight-saving edge to trip on; month
 * arithmetic uses date-fns so "one month after 31 January" behaves as people expect.
 */
import { addMonths, format } from 'date-fns';

export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isValidYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  return d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function toIso(y: number, m: number, d: number): IsoDate {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** True for a real calendar date written exactly as `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  return m !== null && isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function dayNumber(iso: IsoDate): number {
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / MS_PER_DAY;
}

export function fromDayNumber(day: number): IsoDate {
  const d = new Date(day * MS_PER_DAY);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(iso) + days);
}

/** `b - a` in days. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

export function addMonthsIso(iso: IsoDate, months: number): IsoDate {
  const m = ISO_RE.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  const local = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return format(addMonths(local, months), 'yyyy-MM-dd');
}

/** The local calendar date of `now` (what the user calls "today"). */
export function localIsoDate(now: Date): IsoDate {
  return format(now, 'yyyy-MM-dd');
}

/**
 * Birthdays from any source (an address book, a calendar, typed by hand): read from the
 * `birthday` field, listed when they fall within the next days ("Birthdays this week"),
 * year-less ones (`--05-01`) included. A 29 February birthday is marked on 28 February in
 * other years, as most people celebrate it.
 */
import { addDays, daysBetween, isValidYmd, MONTH_NAMES, toIso, type IsoDate } from '../dates/iso-date';
import { birthdayMonthDay, parseBirthday } from '../sources/birthday';
import { NO_VALUE, type Coerced } from './coerce';

/** A `birthday` value as typed or imported: `YYYY-MM-DD`, `--MM-DD`, `19800501`, a YAML date. */
export function coerceBirthday(value: unknown): Coerced<string> {
  if (value === null || value === undefined || value === '') return NO_VALUE;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { value: null, problem: 'an invalid date' };
    return { value: toIso(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) };
  }
  if (typeof value !== 'string' && typeof value !== 'number') return { value: null, problem: 'not a date' };
  const parsed = parseBirthday(String(value));
  return parsed.value !== null ? { value: parsed.value } : { value: null, problem: parsed.problem ?? 'not a date' };
}

export interface BirthdayPerson {
  path: string;
  name: string;
  birthday: string | null;
}

export interface UpcomingBirthday {
  path: string;
  name: string;
  birthday: string;
  /** The day of the birthday in the window (this year's or next year's). */
  date: IsoDate;
  /** 0 = today. */
  inDays: number;
  /** The age they turn, when the year is known and plausible. */
  turns: number | null;
}

/** The next date (on or after `from`) of a month/day, 29 February moved to 28 in other years. */
function nextDate(month: number, day: number, from: IsoDate): IsoDate {
  const year = Number(from.slice(0, 4));
  for (const y of [year, year + 1]) {
    const d = month === 2 && day === 29 && !isValidYmd(y, 2, 29) ? 28 : day;
    const iso = toIso(y, month, d);
    if (iso >= from) return iso;
  }
  return toIso(year + 1, month, day);
}

/** People whose birthday falls within `days` days from today (today included), soonest first. */
export function upcomingBirthdays(people: readonly BirthdayPerson[], today: IsoDate, days = 7): UpcomingBirthday[] {
  const last = addDays(today, Math.max(0, days - 1));
  const out: UpcomingBirthday[] = [];
  for (const p of people) {
    if (!p.birthday) continue;
    const md = birthdayMonthDay(p.birthday);
    if (!md) continue;
    const date = nextDate(md.month, md.day, today);
    if (date > last) continue;
    const age = md.year === null ? null : Number(date.slice(0, 4)) - md.year;
    out.push({
      path: p.path,
      name: p.name,
      birthday: p.birthday,
      date,
      inDays: daysBetween(today, date),
      // Placeholder years (1900, 1904…) make ages nobody has; show none rather than 120.
      turns: age !== null && age > 0 && age <= 110 ? age : null,
    });
  }
  return out.sort((a, b) => a.inDays - b.inDays || a.name.localeCompare(b.name));
}

/** The line "wished happy birthday" logs under `## Interactions`. */
export const BIRTHDAY_WISH_NOTE = 'wished happy birthday';

/** A `birthday` value as a person reads it: "1 May 1980", "1 May" without a year; '' when it is none. */
export function birthdayLabel(birthday: string | null): string {
  const md = birthday ? birthdayMonthDay(birthday) : null;
  if (!md) return '';
  const day = `${md.day} ${MONTH_NAMES[md.month - 1] ?? ''}`;
  return md.year === null ? day : `${day} ${md.year}`;
}

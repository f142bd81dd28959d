/** ISO 8601 weeks: Monday first; week 1 holds the year's first Thursday. */
import { dayNumber, fromDayNumber, type IsoDate } from './iso-date';

export interface IsoWeek {
  /** The week's year, which differs from the calendar year around New Year. */
  year: number;
  week: number;
}

/** 0 = Monday … 6 = Sunday. */
export function isoWeekday(iso: IsoDate): number {
  // 1970-01-01 (day 0) was a Thursday.
  return (((dayNumber(iso) + 3) % 7) + 7) % 7;
}

export function isoWeekOf(iso: IsoDate): IsoWeek {
  const day = dayNumber(iso);
  const thursday = day - isoWeekday(iso) + 3;
  const year = Number(fromDayNumber(thursday).slice(0, 4));
  const firstThursday = dayNumber(`${year}-01-04`) - isoWeekday(`${year}-01-04`) + 3;
  return { year, week: Math.floor((thursday - firstThursday) / 7) + 1 };
}

/** `2026-W18` */
export function isoWeekLabel(iso: IsoDate): string {
  const w = isoWeekOf(iso);
  return `${w.year}-W${String(w.week).padStart(2, '0')}`;
}

/** The Monday of the week `iso` is in. */
export function weekStart(iso: IsoDate): IsoDate {
  return fromDayNumber(dayNumber(iso) - isoWeekday(iso));
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Monday" … "Sunday". */
export function weekdayName(iso: IsoDate): string {
  return WEEKDAYS[isoWeekday(iso)] as string;
}

/**
 * The calendar properties we read, checked in our own words before ical.js sees them.
 *
 * ical.js reads values by position and says what went wrong in its own terms (a DTSTART of
 * `2024-13-45` is "invalid date-time value: "2024--1-3-T5::"", an RDATE of `xx` "Could not
 * extract integer from "xx--""), and rolls impossible dates over without a word
 * (`20241345T100000Z` is 14 February 2025, `20230230` 2 March). Each value is checked
 * here instead, so a report can name the property, the value as written and the form
 * expected, and the reader can leave out just that property (a DTEND, one EXDATE) rather
 * than the whole event. What passes here is what ical.js reads as meant.
 */
import { daysInMonth, MONTH_NAMES } from '../../dates/iso-date';
import { quoted } from '../../text/control-chars';

export const DATE_FORMS = 'YYYYMMDD or YYYYMMDDTHHMMSS[Z]';
const PERIOD_FORMS = `${DATE_FORMS}, or a start and an end or a duration joined by "/"`;
const DURATION_FORMS = 'a duration such as PT1H30M, P1D or P2W';
const OFFSET_FORMS = '+HHMM or -HHMM (such as +0100)';

/** One content line (unfolded) cut at the first colon outside quotes; null when it has none. */
export interface ContentLine {
  /** Upper case, without a group prefix. */
  name: string;
  /** The parameters as written (`;TZID=Europe/Berlin;VALUE=DATE`), '' when none. */
  params: string;
  value: string;
}

export function splitContentLine(line: string): ContentLine | null {
  let inQuote = false;
  let colon = -1;
  let semicolon = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 34) inQuote = !inQuote;
    else if (c === 59 && semicolon === -1 && !inQuote) semicolon = i;
    else if (c === 58 && !inQuote) {
      colon = i;
      break;
    }
  }
  if (colon === -1) return null;
  const nameEnd = semicolon === -1 ? colon : semicolon;
  const rawName = line.slice(0, nameEnd).toUpperCase();
  return {
    name: rawName.slice(rawName.lastIndexOf('.') + 1),
    params: line.slice(nameEnd, colon),
    value: line.slice(colon + 1),
  };
}

/** A parameter's value (quotes removed), upper case, or '' when the line has none. */
function param(line: ContentLine, name: string): string {
  if (line.params === '') return '';
  const m = new RegExp(`;${name}=("[^"]*"|[^;]*)`, 'i').exec(line.params);
  return m ? (m[1] ?? '').replace(/^"(.*)"$/s, '$1').toUpperCase() : '';
}

/**
 * Why a DATE or DATE-TIME value is not one: '' when it has neither form, else the part that
 * is wrong; null when it is fine.
 */
export function dateValueProblem(value: string): string | null {
  // Trailing blanks are harmless to ical.js; leading ones shift every field it slices.
  // Google sometimes puts a Z after a date, which ical.js ignores.
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2}))?Z?\s*$/.exec(value);
  if (m === null) return '';
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12) return `there is no month ${month}`;
  if (day < 1 || day > daysInMonth(year, month)) return `${MONTH_NAMES[month - 1] ?? ''} ${year} has no day ${day}`;
  if (m[4] === undefined) return null;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  // 24:00:00 is the end of the day (ISO 8601), which ical.js reads as the next midnight.
  if (hour > 24 || (hour === 24 && minute + second > 0)) return `there is no hour ${hour}`;
  if (minute > 59) return `there is no minute ${minute}`;
  if (second > 60) return `there is no second ${second}`;
  return null;
}

/** True when the value is not an RFC 5545 duration (`PT1H30M`, `P1D`, `-PT15M`, `P2W`). */
function notADuration(value: string): boolean {
  return !/^[+-]?P(?:\d+W|(?=\d|T\d)(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+S)?)?)\s*$/.test(value);
}

function describe(name: string, value: string, what: string, expected: string, detail: string | null): string {
  return `${name} "${quoted(value)}" is not ${what}: expected ${expected}${detail ? ` (${detail})` : ''}`;
}

const isDateOnly = (value: string) => /^\d{8}Z?\s*$/.test(value);

/**
 * One date or date-time. A date alone (all day) needs VALUE=DATE, except in an RDATE:
 * ical.js reads `DTSTART:20240601` as a broken date-time, as RFC 5545 says it is.
 */
function dateProblem(name: string, value: string, line: ContentLine): string | null {
  const detail = dateValueProblem(value);
  if (detail !== null) return describe(name, value, 'a date', DATE_FORMS, detail);
  if (name === 'RDATE' || !isDateOnly(value) || param(line, 'VALUE') === 'DATE') return null;
  return `${name} "${quoted(value)}" is a date without a time: expected YYYYMMDDTHHMMSS[Z], or ${name};VALUE=DATE:YYYYMMDD for a whole day`;
}

/** EXDATE, RDATE: a list of dates, date-times or (RDATE) periods. */
function dateListProblem(name: string, value: string, line: ContentLine): string | null {
  const periods = name === 'RDATE' && param(line, 'VALUE') === 'PERIOD';
  for (const item of value.split(',')) {
    // ical.js takes an RDATE holding "/" as a period whatever its VALUE says.
    if (periods || (name === 'RDATE' && item.includes('/'))) {
      const [start = '', end = ''] = item.split('/');
      const bad =
        !item.includes('/') ||
        dateValueProblem(start) !== null ||
        (dateValueProblem(end) !== null && notADuration(end));
      if (bad) return describe(name, item, 'a period', PERIOD_FORMS, null);
      continue;
    }
    const problem = dateProblem(name, item, line);
    if (problem !== null) return problem;
  }
  return null;
}

const FREQUENCIES = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const DAY = /^(?:SU|MO|TU|WE|TH|FR|SA)$/;
const BYDAY = /^[+-]?(?:5[0-3]|[1-4]\d|[1-9])?(?:SU|MO|TU|WE|TH|FR|SA)$/;
/** The numeric BY… parts and their ranges, as ical.js accepts them. */
const NUMBERS: Record<string, [number, number]> = {
  BYSECOND: [0, 60],
  BYMINUTE: [0, 59],
  BYHOUR: [0, 23],
  BYMONTHDAY: [-31, 31],
  BYYEARDAY: [-366, 366],
  BYWEEKNO: [-53, 53],
  BYMONTH: [1, 12],
  BYSETPOS: [-366, 366],
};

/** What is wrong with one part of a rule, in words, or null. */
function rulePartProblem(key: string, value: string | undefined): string | null {
  if (value === undefined) return `${key} has no value (expected ${key}=…)`;
  if (key === 'FREQ')
    return FREQUENCIES.includes(value)
      ? null
      : `FREQ "${quoted(value)}" is not a frequency: expected DAILY, WEEKLY, MONTHLY or YEARLY (or SECONDLY, MINUTELY, HOURLY)`;
  if (key === 'UNTIL') {
    const detail = dateValueProblem(value);
    return detail === null ? null : describe('UNTIL', value, 'a date', DATE_FORMS, detail);
  }
  if (key === 'COUNT' || key === 'INTERVAL')
    return /^\d+$/.test(value) ? null : `${key} "${quoted(value)}" is not a whole number`;
  if (key === 'WKST') return DAY.test(value) ? null : `WKST "${quoted(value)}" is not a day: expected MO, TU … SU`;
  if (key === 'BYDAY') {
    const bad = value.split(',').find((d) => !BYDAY.test(d));
    return bad === undefined ? null : `BYDAY "${quoted(bad)}" is not a day: expected MO, TU … SU, such as 1MO or -1FR`;
  }
  const range = NUMBERS[key];
  if (range === undefined) return null; // a part ical.js keeps as it is (RSCALE, SKIP, X-…)
  const bad = value.split(',').find((n) => {
    if (!/^[+-]?\d+$/.test(n)) return true;
    const v = Number(n);
    return v < range[0] || v > range[1];
  });
  return bad === undefined ? null : `${key} "${quoted(bad)}" is not a number from ${range[0]} to ${range[1]}`;
}

function ruleProblem(value: string): string | null {
  const parts = value.split(';').filter((p) => p !== '');
  let freq = false;
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = (eq === -1 ? part : part.slice(0, eq)).toUpperCase();
    if (key === 'FREQ') freq = true;
    const problem = rulePartProblem(key, eq === -1 ? undefined : part.slice(eq + 1));
    if (problem !== null) return `RRULE "${quoted(value)}": ${problem}`;
  }
  return freq ? null : `RRULE "${quoted(value)}" has no FREQ (expected FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)`;
}

/**
 * What is wrong with the value of a property we read, in words (property, value, the form
 * expected), or null when it is fine or not one we check.
 */
export function valueProblem(line: ContentLine): string | null {
  const { name, value } = line;
  switch (name) {
    case 'DTSTART':
    case 'DTEND':
    case 'DUE':
    case 'RECURRENCE-ID':
      return dateProblem(name, value, line);
    case 'EXDATE':
    case 'RDATE':
      return dateListProblem(name, value, line);
    case 'DURATION':
      return notADuration(value) ? describe(name, value, 'a duration', DURATION_FORMS, null) : null;
    case 'RRULE':
      return ruleProblem(value);
    case 'TZOFFSETFROM':
    case 'TZOFFSETTO':
      return /^[+-]\d{4}(?:\d{2})?$/.test(value.trim()) ? null : describe(name, value, 'an offset', OFFSET_FORMS, null);
    default:
      return null;
  }
}

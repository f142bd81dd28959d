/**
 * The calendar properties we read, checked in our own words before ical.js sees them.
 *
 * ical.js reads values by position and says what went wrong in its own terms (a DTSTART of
 * `2024-13-45` is "invalid date-time value: "2024--1-3-T5::"", an RDATE of `xx` "Could not
 * extract integer from "xx--""), and rolls impossible dates over without a word
 * (`20241345T100000Z` is 14 February 2025, `20230230` 2 March). Each value is checked
 * here instead, so a report can name the property, the value as written and the form
 * expected, and the reader can leave out just that property (a DTEND, one EXDATE) rather
 * than the whole event. What passes here is what ical.js reads as meant, handed to it as
 * canonicalValue writes it. The check is never the stricter of the two: a value ical.js
 * reads as meant passes, and only what it refuses or misreads without a word is refused.
 */
import { daysInMonth, MONTH_NAMES } from '../../dates/iso-date';
import { quoted } from '../../text/control-chars';

export const DATE_FORMS = 'YYYYMMDD or YYYYMMDDTHHMMSS[Z]';
const PERIOD_FORMS = 'a start YYYYMMDDTHHMMSS[Z], "/", then an end YYYYMMDDTHHMMSS[Z] or a duration such as PT1H';
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
 * A DATE or DATE-TIME as ical.js reads it: by position, the date from the first eight
 * characters and the time from the tenth on. Also passed, as ical.js finds the same fields
 * in them: a lower-case t or z, a fraction of a second (`100000.000Z`, which some exporters
 * write), blanks after the value, and a Z after a bare date (Google writes it, ical.js
 * ignores it). ical.js takes only an upper-case Z right after the seconds as UTC, so the
 * value is handed to it as canonicalValue writes it.
 * Refused, as ical.js fails on them or misreads them silently: blanks before the value
 * (every field shifts), separators (`2024-06-01`), an offset (`+0100` is dropped: floating
 * time), a fraction after a comma (a comma separates the dates of a list).
 */
const DATE_VALUE = /^(\d{4})(\d{2})(\d{2})(?:[Tt](\d{2})(\d{2})(\d{2})(?:\.\d+)?)?([Zz]?)\s*$/;

/**
 * Why a DATE or DATE-TIME value is not one: '' when it has neither form, else the part that
 * is wrong; null when it is fine.
 */
export function dateValueProblem(value: string): string | null {
  const m = DATE_VALUE.exec(value);
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

/** A date value (one dateValueProblem passed) that has a time. */
const hasTime = (value: string) => value.length > 8 && (value[8] === 'T' || value[8] === 't');

/** A date value as ical.js reads it as meant: upper case, no fraction of a second, no trailing blanks. */
function canonicalDate(text: string): string {
  const m = DATE_VALUE.exec(text);
  if (m === null) return text;
  const time = m[4] === undefined ? '' : `T${m[4]}${m[5] ?? ''}${m[6] ?? ''}`;
  return `${m[1] ?? ''}${m[2] ?? ''}${m[3] ?? ''}${time}${m[7] ? 'Z' : ''}`;
}

/**
 * Whether ical.js reads the value as the duration it says. ical.js reads each number and
 * its letter on their own, in any order, so besides RFC 5545's forms it reads as meant weeks
 * with days (`P1W2D` is nine days), a T with nothing after it (`P1DT`), hours or seconds
 * without the T (`P1D2H`) and units out of order (`PT30M1H`): these pass. Refused, as
 * ical.js misreads them without a word: an M before the T (months in ISO 8601, minutes to
 * ical.js), a unit twice (the last one wins), a fraction (`PT1.5H` is one hour), a sign after
 * blanks (` -PT15M` is positive), anything between the units; lower case it refuses itself.
 * Blanks before the P are otherwise harmless, but in a period ical.js takes the end for a
 * duration only when its first or second character is the P.
 */
function isDuration(value: string, inPeriod: boolean): boolean {
  const m = /^(\s*|[+-])P((?:\d+[WDHMS]|T)+)\s*$/.exec(value);
  if (m === null || (inPeriod && (m[1] ?? '').length > 1)) return false;
  const seen = new Set<string>();
  for (const [, unit = ''] of (m[2] ?? '').matchAll(/\d*([WDHMST])/g)) {
    if (seen.has(unit) || (unit === 'M' && !seen.has('T'))) return false;
    seen.add(unit);
  }
  return seen.size > (seen.has('T') ? 1 : 0);
}

function describe(name: string, value: string, what: string, expected: string, detail: string | null): string {
  return `${name} "${quoted(value)}" is not ${what}: expected ${expected}${detail ? ` (${detail})` : ''}`;
}

/**
 * DTSTART, DTEND, RECURRENCE-ID (one date) and EXDATE (a list). The VALUE parameter says how
 * ical.js reads them: as dates with a time unless it is DATE, and as something that is no
 * date at all for any other type (`VALUE=TEXT`: the event would be lost without a word). A
 * date alone (all day) needs VALUE=DATE: ical.js reads `DTSTART:20240601` as a broken
 * date-time, as RFC 5545 says it is.
 */
function dateProblem(name: string, value: string, line: ContentLine): string | null {
  const type = param(line, 'VALUE');
  if (type !== '' && type !== 'DATE' && type !== 'DATE-TIME')
    return `${name};VALUE=${quoted(type)} is not a date type: expected ${name}:YYYYMMDDTHHMMSS[Z], or ${name};VALUE=DATE:YYYYMMDD for a whole day`;
  for (const item of name === 'EXDATE' ? value.split(',') : [value]) {
    const detail = dateValueProblem(item);
    if (detail !== null) return describe(name, item, 'a date', DATE_FORMS, detail);
    if (type !== 'DATE' && !hasTime(item))
      return `${name} "${quoted(item)}" is a date without a time: expected YYYYMMDDTHHMMSS[Z], or ${name};VALUE=DATE:YYYYMMDD for a whole day`;
  }
  return null;
}

/** One period of an RDATE: ical.js wants a start with a time, then an end with a time or a duration. */
function periodProblem(item: string): string | null {
  const [start = '', end = '', ...more] = item.split('/');
  if (!item.includes('/'))
    return describe('RDATE', item, 'a period', PERIOD_FORMS, 'an RDATE that holds a period must hold only periods');
  const timed = (text: string) => dateValueProblem(text) === null && hasTime(text);
  if (more.length > 0 || !timed(start) || !(timed(end) || isDuration(end, true)))
    return describe('RDATE', item, 'a period', PERIOD_FORMS, null);
  return null;
}

/**
 * RDATE: ical.js types the whole value by its text, whatever its VALUE says (periods when it
 * holds a "/", else dates with a time when it holds a T, else dates) and reads every item as
 * that type, so one item of another kind would stop the whole series.
 */
function rdateProblem(value: string): string | null {
  const items = value.split(',');
  if (value.includes('/')) {
    for (const item of items) {
      const problem = periodProblem(item);
      if (problem !== null) return problem;
    }
    return null;
  }
  for (const item of items) {
    const detail = dateValueProblem(item);
    if (detail !== null) return describe('RDATE', item, 'a date', DATE_FORMS, detail);
  }
  // canonicalValue upper-cases the value before ical.js looks for its T.
  const timed = items.map(hasTime);
  if (timed.includes(true) && timed.includes(false))
    return `RDATE "${quoted(value)}" mixes dates with and without a time: expected one RDATE line for the dates (YYYYMMDD) and another for the dates with a time (YYYYMMDDTHHMMSS[Z])`;
  return null;
}

/**
 * A rule's values as ical.js takes them: in upper case only (`FREQ=weekly`, `BYDAY=mo` and
 * `WKST=su` make it refuse the whole rule, so they are refused here too). The names of the
 * parts may be in any case.
 */
const FREQUENCIES = ['SECONDLY', 'MINUTELY', 'HOURLY', 'DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const DAY = /^(?:SU|MO|TU|WE|TH|FR|SA)$/;
const BYDAY = /^[+-]?(?:5[0-3]|[1-4]\d|[1-9])?(?:SU|MO|TU|WE|TH|FR|SA)$/;
/**
 * Numbers as ical.js reads them (parseInt): blanks around them and a plus sign are harmless.
 * It also stops at the first other character (`3x` is 3, `1.5` is 1): refused, like a
 * negative COUNT or INTERVAL (ical.js reads INTERVAL=-2 as 1).
 */
const WHOLE = /^\s*\+?\d+\s*$/;
const SIGNED = /^\s*[+-]?\d+\s*$/;
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
/** The parts ical.js reads; it keeps any other (RSCALE, SKIP, X-…) as it is, with or without a value. */
const RULE_PARTS = new Set(['FREQ', 'UNTIL', 'COUNT', 'INTERVAL', 'WKST', 'BYDAY', ...Object.keys(NUMBERS)]);

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
    return WHOLE.test(value) ? null : `${key} "${quoted(value)}" is not a whole number`;
  if (key === 'WKST') return DAY.test(value) ? null : `WKST "${quoted(value)}" is not a day: expected MO, TU … SU`;
  if (key === 'BYDAY') {
    const bad = value.split(',').find((d) => !BYDAY.test(d));
    return bad === undefined ? null : `BYDAY "${quoted(bad)}" is not a day: expected MO, TU … SU, such as 1MO or -1FR`;
  }
  const range = NUMBERS[key];
  if (range === undefined) return null;
  const bad = value.split(',').find((n) => {
    if (!SIGNED.test(n)) return true;
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
    const name = eq === -1 ? part : part.slice(0, eq);
    const key = name.toUpperCase();
    // ical.js does not know ` COUNT` and skips it: a series of three would run on to today.
    if (key !== key.trim() && RULE_PARTS.has(key.trim()))
      return `RRULE "${quoted(value)}": "${quoted(name)}" has blanks around its name (expected ${key.trim()}=…)`;
    if (!RULE_PARTS.has(key)) continue;
    if (key === 'FREQ') freq = true;
    const problem = rulePartProblem(key, eq === -1 ? undefined : part.slice(eq + 1));
    if (problem !== null) return `RRULE "${quoted(value)}": ${problem}`;
  }
  return freq ? null : `RRULE "${quoted(value)}" has no FREQ (expected FREQ=DAILY, WEEKLY, MONTHLY or YEARLY)`;
}

/**
 * The properties whose value is a date or a list of them (RDATE, which may also hold periods,
 * is checked on its own): checked by dateProblem and rewritten by canonicalValue alike, so a
 * property added here is both.
 */
const DATE_LISTS = new Set(['DTSTART', 'DTEND', 'DUE', 'RECURRENCE-ID', 'EXDATE']);

/**
 * What is wrong with the value of a property we read, in words (property, value, the form
 * expected), or null when it is fine or not one we check.
 */
export function valueProblem(line: ContentLine): string | null {
  const { name, value } = line;
  if (DATE_LISTS.has(name)) return dateProblem(name, value, line);
  switch (name) {
    case 'RDATE':
      return rdateProblem(value);
    case 'DURATION':
      return isDuration(value, false) ? null : describe(name, value, 'a duration', DURATION_FORMS, null);
    case 'RRULE':
      return ruleProblem(value);
    case 'TZOFFSETFROM':
    case 'TZOFFSETTO':
      // Blanks after the offset are harmless; ical.js reads ` +0100` as -00:10.
      return /^[+-]\d{4}(?:\d{2})?\s*$/.test(value) ? null : describe(name, value, 'an offset', OFFSET_FORMS, null);
    default:
      return null;
  }
}

/**
 * The value of a property valueProblem passed, as ical.js is to be given it: each date in
 * upper case, without a fraction of a second or blanks after it (RRULE: its UNTIL); the value
 * itself when nothing changes. ical.js takes only an upper-case Z right after the seconds as
 * UTC, so `20240601t100000z` and `20240601T100000.000Z` would reach it as floating times:
 * hours off for an owner away from UTC (another day in the evening), and an override no
 * longer matching its occurrence (a RECURRENCE-ID is matched by its text).
 */
export function canonicalValue(line: ContentLine): string {
  const { name, value } = line;
  if (DATE_LISTS.has(name) || name === 'RDATE')
    return value
      .split(',')
      .map((item) => item.split('/').map(canonicalDate).join('/'))
      .join(',');
  if (name === 'RRULE')
    return value
      .split(';')
      .map((part) => (/^until=/i.test(part) ? part.slice(0, 6) + canonicalDate(part.slice(6)) : part))
      .join(';');
  return value;
}

/**
 * Recognising daily notes by file name: the format from Obsidian's Daily notes settings
 * (a moment.js format such as `YYYY-MM-DD` or `dddd, MMMM Do YYYY`), and always plain
 * `YYYY-MM-DD`. Only the last path segment of the format is matched against the file's
 * base name, since formats like `YYYY/MM/YYYY-MM-DD` put part of the date in folders.
 */
import { isValidYmd, MONTH_NAMES, toIso, type IsoDate } from '../dates/iso-date';
import { isoWeekOf } from '../dates/iso-week';

const MONTHS = MONTH_NAMES.map((m) => m.toLowerCase());
const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

type Part = 'Y' | 'M' | 'D' | 'MonthName' | null;

interface Token {
  re: string;
  part: Part;
}

const TOKENS: Array<[string, Token]> = [
  ['YYYY', { re: '(\\d{4})', part: 'Y' }],
  ['MMMM', { re: `(${MONTHS.join('|')})`, part: 'MonthName' }],
  ['MMM', { re: `(${MONTHS.map((m) => m.slice(0, 3)).join('|')})`, part: 'MonthName' }],
  ['MM', { re: '(\\d{2})', part: 'M' }],
  ['M', { re: '(\\d{1,2})', part: 'M' }],
  ['DD', { re: '(\\d{2})', part: 'D' }],
  ['Do', { re: '(\\d{1,2})(?:st|nd|rd|th)', part: 'D' }],
  ['D', { re: '(\\d{1,2})', part: 'D' }],
  ['dddd', { re: `(?:${DAYS.join('|')})`, part: null }],
  ['ddd', { re: `(?:${DAYS.map((d) => d.slice(0, 3)).join('|')})`, part: null }],
  ['gggg', { re: '\\d{4}', part: null }],
  ['ww', { re: '\\d{2}', part: null }],
  ['w', { re: '\\d{1,2}', part: null }],
];

export type DailyNoteMatcher = (basename: string) => IsoDate | null;

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles a moment.js date format into a matcher; null when it cannot yield a full date. */
export function compileDailyFormat(format: string): DailyNoteMatcher | null {
  const last = format.split('/').pop() ?? format;
  let re = '';
  const parts: Part[] = [];
  for (let i = 0; i < last.length;) {
    if (last[i] === '[') {
      const end = last.indexOf(']', i);
      if (end === -1) return null;
      re += escapeRe(last.slice(i + 1, end));
      i = end + 1;
      continue;
    }
    const hit = TOKENS.find(([t]) => last.startsWith(t, i));
    if (hit) {
      re += hit[1].re;
      if (hit[1].part) parts.push(hit[1].part);
      i += hit[0].length;
    } else {
      re += escapeRe(last[i] as string);
      i++;
    }
  }
  if (!parts.includes('Y') || !(parts.includes('M') || parts.includes('MonthName')) || !parts.includes('D'))
    return null;
  const compiled = new RegExp(`^${re}$`, 'i');
  return (basename) => {
    const m = compiled.exec(basename);
    if (!m) return null;
    let y = 0;
    let mo = 0;
    let d = 0;
    parts.forEach((part, k) => {
      const v = m[k + 1] as string;
      if (part === 'Y') y = Number(v);
      else if (part === 'M') mo = Number(v);
      else if (part === 'D') d = Number(v);
      else if (part === 'MonthName') mo = MONTHS.findIndex((name) => name.startsWith(v.toLowerCase().slice(0, 3))) + 1;
    });
    return isValidYmd(y, mo, d) ? toIso(y, mo, d) : null;
  };
}

const ISO_NAME = compileDailyFormat('YYYY-MM-DD') as DailyNoteMatcher;

/** The date a daily note stands for, from the user's format or plain `YYYY-MM-DD`. */
export function dailyNoteMatcher(format: string | null): DailyNoteMatcher {
  const custom = format ? compileDailyFormat(format) : null;
  return (basename) => custom?.(basename) ?? ISO_NAME(basename);
}

const DAY_NAMES = DAYS.map((d) => d[0]?.toUpperCase() + d.slice(1));

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/**
 * A date written in a moment.js format, as Obsidian names daily notes (`YYYY-MM-DD`,
 * `YYYY/MM/YYYY-MM-DD`, `dddd, MMMM Do YYYY`…). The tokens daily-note formats use; any
 * other letter is kept as written. Weeks are ISO weeks.
 */
export function formatDailyDate(format: string, iso: IsoDate): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const week = isoWeekOf(iso);
  const values: Array<[string, () => string]> = [
    ['YYYY', () => String(y).padStart(4, '0')],
    ['GGGG', () => String(week.year)],
    ['gggg', () => String(week.year)],
    ['YY', () => String(y % 100).padStart(2, '0')],
    ['MMMM', () => MONTH_NAMES[m - 1] as string],
    ['MMM', () => (MONTH_NAMES[m - 1] as string).slice(0, 3)],
    ['MM', () => String(m).padStart(2, '0')],
    ['M', () => String(m)],
    ['Do', () => ordinal(d)],
    ['DD', () => String(d).padStart(2, '0')],
    ['D', () => String(d)],
    ['dddd', () => DAY_NAMES[weekday] as string],
    ['ddd', () => (DAY_NAMES[weekday] as string).slice(0, 3)],
    ['WW', () => String(week.week).padStart(2, '0')],
    ['ww', () => String(week.week).padStart(2, '0')],
    ['W', () => String(week.week)],
    ['w', () => String(week.week)],
  ];
  let out = '';
  for (let i = 0; i < format.length;) {
    if (format[i] === '[') {
      const end = format.indexOf(']', i);
      if (end !== -1) {
        out += format.slice(i + 1, end);
        i = end + 1;
        continue;
      }
    }
    const hit = values.find(([t]) => format.startsWith(t, i));
    if (hit) {
      out += hit[1]();
      i += hit[0].length;
    } else {
      out += format[i] as string;
      i++;
    }
  }
  return out;
}

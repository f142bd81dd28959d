/**
 * Recognising daily notes by file name: the format from Obsidian's Daily notes settings
 * (a moment.js format such as `YYYY-MM-DD` or `dddd, MMMM Do YYYY`), and always plain
 * `YYYY-MM-DD`. Only the last path segment of the format is matched against the file's
 * base name, since formats like `YYYY/MM/YYYY-MM-DD` put part of the date in folders.
 */
import { isValidYmd, toIso, type IsoDate } from '../dates/iso-date';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
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

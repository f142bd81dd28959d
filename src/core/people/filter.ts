/**
 * The filter language for choosing people: terms joined by spaces, all of which must hold.
 *
 *     untriaged connected-before:2024-11-16 no-contact company:Acme
 *     met-where:"Web Summit 2024"
 *
 * A term is `key:value` (quote a value that has spaces) or a bare word. Bulk rating in the
 * triage view and `network-crm decide --all-untriaged …` use it; the stale view's search
 * box and `network-crm bulk` (issue 18) add their own terms to the same registry with
 * `registerFilterKey` / `registerFilterWord`. A term the registry does not know, or a value
 * a key cannot use, is an error that names the term, so nothing is ever changed on a guess.
 */
import { isIsoDate, type IsoDate } from '../dates/iso-date';
import { isUntriaged } from '../triage/new-connections';
import type { PersonRecord } from './person-record';
import { linkDisplayText } from '../notes/links';

export interface FilterContext {
  today: IsoDate;
  /** How many other notes link each person (by path); `no-contact` needs it to count mentions. */
  mentions?: ReadonlyMap<string, number>;
}

export type PersonTest = (p: PersonRecord, ctx: FilterContext) => boolean;

export class FilterError extends Error {
  constructor(
    readonly term: string,
    message: string,
  ) {
    super(message);
    this.name = 'FilterError';
  }
}

interface KeyDefinition {
  /** `company:NAME`: what the term means, for help and errors. */
  usage: string;
  /** The test for one value; throws FilterError (through `bad`) when the value is unusable. */
  make(value: string, bad: (why: string) => never): PersonTest;
}

interface WordDefinition {
  usage: string;
  test: PersonTest;
}

const KEYS = new Map<string, KeyDefinition>();
const WORDS = new Map<string, WordDefinition>();

export function registerFilterKey(key: string, definition: KeyDefinition): void {
  KEYS.set(key.toLowerCase(), definition);
}

export function registerFilterWord(word: string, definition: WordDefinition): void {
  WORDS.set(word.toLowerCase(), definition);
}

/** Every term the language knows, for help texts. */
export function filterTerms(): string[] {
  return [...[...WORDS.values()].map((w) => w.usage), ...[...KEYS.values()].map((k) => k.usage)];
}

/** Lower case, accents stripped, spaces collapsed: "Société  Générale" matches "societe generale". */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether `phrase` appears in `text` as whole words ("acme" is in "Acme Corp", not in "Acmeville"). */
export function containsWords(text: string, phrase: string): boolean {
  const t = ` ${foldText(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const w = ` ${foldText(phrase).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  return w.trim() !== '' && t.includes(w);
}

const dateValue = (value: string, bad: (why: string) => never): IsoDate =>
  isIsoDate(value) ? value : bad('is not a date (expected YYYY-MM-DD)');

const nonEmpty = (value: string, bad: (why: string) => never): string =>
  value.trim() === '' ? bad('needs a value') : value;

registerFilterWord('untriaged', {
  usage: 'untriaged (connections without a trust level, not marked to prune or keep)',
  test: (p) => isUntriaged(p),
});
registerFilterWord('no-contact', {
  usage: 'no-contact (no LinkedIn message, no interaction logged, no daily note, no note linking them)',
  test: (p, ctx) =>
    p.lastMessage === null &&
    p.lastContactField === null &&
    p.logLatest === null &&
    p.dailyLatest === null &&
    p.askedOn === null &&
    (ctx.mentions?.get(p.path) ?? 0) === 0,
});
registerFilterKey('connected-before', {
  usage: 'connected-before:YYYY-MM-DD',
  make: (value, bad) => {
    const date = dateValue(value, bad);
    return (p) => p.connectedOn !== null && p.connectedOn < date;
  },
});
registerFilterKey('connected-after', {
  usage: 'connected-after:YYYY-MM-DD',
  make: (value, bad) => {
    const date = dateValue(value, bad);
    return (p) => p.connectedOn !== null && p.connectedOn > date;
  },
});
registerFilterKey('company', {
  usage: 'company:NAME (whole words, any case)',
  make: (value, bad) => {
    const name = nonEmpty(value, bad);
    return (p) => containsWords(p.company, name);
  },
});
registerFilterKey('met-where', {
  usage: 'met-where:TEXT',
  make: (value, bad) => {
    const text = foldText(nonEmpty(value, bad).replace(/^\[\[|\]\]$/g, ''));
    return (p) => foldText(linkDisplayText(p.metWhere)).includes(text);
  },
});

export interface ParsedFilter {
  /** The terms as typed, each once. */
  terms: string[];
  test: PersonTest;
}

/** Splits on spaces outside quotes: `a key:"b c" d` → `a`, `key:"b c"`, `d`. */
function tokens(text: string): string[] {
  const out: string[] = [];
  const re = /(?:[^\s"]+|"[^"]*"?)+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m[0]);
  return out;
}

function unquote(term: string, value: string): string {
  if (!value.startsWith('"')) return value;
  if (value.length < 2 || !value.endsWith('"'))
    throw new FilterError(term, `${term}: the quote is not closed (write key:"two words")`);
  return value.slice(1, -1);
}

export interface ParseOptions {
  /** Words the registry does not know match name, company or position (a search box), instead of failing. */
  freeText?: boolean;
}

export function parseFilter(text: string, options: ParseOptions = {}): ParsedFilter {
  const tests: PersonTest[] = [];
  const terms: string[] = [];
  for (const term of tokens(text)) {
    if (terms.includes(term)) continue;
    terms.push(term);
    const colon = term.indexOf(':');
    if (colon > 0 && !term.startsWith('"')) {
      const key = term.slice(0, colon).toLowerCase();
      const definition = KEYS.get(key);
      if (!definition)
        throw new FilterError(
          term,
          `unknown filter "${term}": "${key}" is not a filter key (known: ${[...KEYS.keys()].join(', ')})`,
        );
      const value = unquote(term, term.slice(colon + 1));
      const bad = (why: string): never => {
        throw new FilterError(term, `${term}: "${value}" ${why} (expected ${definition.usage})`);
      };
      tests.push(definition.make(value, bad));
      continue;
    }
    const word = WORDS.get(term.toLowerCase());
    if (word) {
      tests.push(word.test);
      continue;
    }
    const phrase = unquote(term, term);
    if (!options.freeText)
      throw new FilterError(
        term,
        `unknown filter "${term}" (known: ${[...WORDS.keys()].join(', ')}, or key:value with ${[...KEYS.keys()].join(', ')})`,
      );
    const folded = foldText(phrase);
    tests.push((p) => [p.name, p.company, p.position].some((v) => foldText(v).includes(folded)));
  }
  return { terms, test: (p, ctx) => tests.every((t) => t(p, ctx)) };
}

/** A filter value written so `parseFilter` reads it back as one term. */
export function filterValue(value: string): string {
  return /[\s"]/.test(value) || value === '' ? `"${value.replace(/"/g, '')}"` : value;
}

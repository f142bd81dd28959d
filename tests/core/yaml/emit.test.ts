import fc from 'fast-check';
import matter from 'gray-matter';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { isPlainSafe, stringifyFrontmatter, yamlEntry } from '../../../src/core/yaml/emit';

/** Strings that are well-formed UTF-16 (a file cannot hold lone surrogates). */
const SPECIALS = [
  ':',
  '#',
  '-',
  '"',
  "'",
  '\\',
  '\n',
  '\t',
  '\r',
  ' ',
  '[',
  ']',
  '{',
  '}',
  '|',
  '>',
  '&',
  '*',
  '!',
  '%',
  '@',
  '`',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\u202e',
  '\u0000',
  '\u007f',
  '0',
  '1',
  '.',
  '+',
  '~',
];
const oneChar = fc.oneof(
  fc.constantFrom(...SPECIALS),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
);
const wellFormed = fc.array(oneChar, { maxLength: 40 }).map((chars) => chars.join(''));
/** Strings YAML 1.1 reads as something else: timestamps, sexagesimals, binary and hex, `=`, `y`. */
const yaml11Specials = fc.constantFrom(
  '2024-01-01',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5',
  '190:20:30',
  '12:30',
  '0b1010',
  '0x1F',
  '017',
  '1_000',
  '+12',
  '.inf',
  '-.Inf',
  '.NaN',
  '=',
  '<<',
  'y',
  'N',
  'On',
  'OFF',
  '~',
  'Null',
  '1e3',
  '6.8523015e+5',
);

function parseWithYaml(value: string): unknown {
  return (YAML.parse(stringifyFrontmatter([['company', value]])) as Record<string, unknown>).company;
}

function parseWithJsYaml(value: string): unknown {
  // gray-matter uses js-yaml 3 (YAML 1.1 rules): a second, stricter opinion.
  return matter(`---\n${stringifyFrontmatter([['company', value]])}---\n`, { cache: false } as never).data.company;
}

describe('frontmatter emitter', () => {
  it('writes the person-note shapes the way Obsidian does', () => {
    expect(
      stringifyFrontmatter([
        ['name', 'Jane Doe'],
        ['linkedin', 'https://www.linkedin.com/in/jane'],
        ['email', null],
        ['connected-on', '2024-12-16'],
        ['trust', 3],
        ['tags', ['person']],
        ['empty', []],
      ]),
    ).toBe(
      'name: Jane Doe\nlinkedin: https://www.linkedin.com/in/jane\nemail:\nconnected-on: 2024-12-16\ntrust: 3\ntags:\n  - person\nempty: []\n',
    );
  });

  it.each([
    ['Deputy Director, Futures and Concepts', 'Deputy Director, Futures and Concepts'],
    ['key: value # not a comment', '"key: value # not a comment"'],
    ['--- [[Link]] #tag', '"--- [[Link]] #tag"'],
    ['yes', '"yes"'],
    ['2024-01-01', '"2024-01-01"'],
    ['=', '"="'],
    ['null', '"null"'],
    ['3M', '"3M"'],
    ['007', '"007"'],
    ['E0', '"E0"'],
    ['e+5', '"e+5"'],
    ['line\nbreak', '"line\\nbreak"'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
  ])('quotes only when needed: %j', (value, written) =>
    expect(yamlEntry('company', value)).toBe(`company: ${written}`),
  );

  it('property: any string survives a round trip through the yaml package (Obsidian-like)', () => {
    fc.assert(
      fc.property(wellFormed, (s) => {
        expect(parseWithYaml(s)).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: any string survives a round trip through js-yaml (YAML 1.1), dates and numbers included', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, yaml11Specials), (s) => {
        expect(parseWithJsYaml(s)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('property: any string survives the yaml package in YAML 1.1 mode (timestamps, sexagesimals, y/n)', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, yaml11Specials), (s) => {
        const yaml = stringifyFrontmatter([['company', s]]);
        const read = (YAML.parse(yaml, { version: '1.1' }) as Record<string, unknown>).company;
        expect(read).toBe(s);
      }),
      { numRuns: 2000 },
    );
  });

  it('property: plain output is only used for strings no parser could read as anything else', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, yaml11Specials), (s) => {
        if (isPlainSafe(s)) {
          expect(typeof YAML.parse(s)).toBe('string');
          expect(typeof YAML.parse(s, { version: '1.1' })).toBe('string');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('ISO dates are quoted in text fields (a company called 2024-01-01), plain in date fields', () => {
    expect(yamlEntry('connected-on', '2024-12-16')).toBe('connected-on: 2024-12-16');
    expect(yamlEntry('last-contact', '2024-12-16')).toBe('last-contact: 2024-12-16');
    expect(yamlEntry('company', '2024-01-01')).toBe('company: "2024-01-01"');
    // A date field added later (last-reply, asked-on…) needs no listing to stay a date.
    expect(yamlEntry('last-reply', '2026-03-01')).toBe('last-reply: 2026-03-01');
    expect(yamlEntry('aliases', ['2024-01-01'])).toBe('aliases:\n  - "2024-01-01"');
    expect(yamlEntry('connected-on', '16 Dec 2024')).toBe('connected-on: "16 Dec 2024"');
  });

  it('replaces lone surrogates, which no file can hold, with U+FFFD', () => {
    expect(parseWithYaml('a\ud800b')).toBe('a\ufffdb');
  });
});

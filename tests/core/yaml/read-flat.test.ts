import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { stringifyFrontmatter, type FrontmatterValue } from '../../../src/core/yaml/emit';
import { readFlatYaml } from '../../../src/core/yaml/read-flat';

const value: fc.Arbitrary<FrontmatterValue> = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer({ min: -1000, max: 100000 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ unit: 'grapheme-ascii', maxLength: 10 }), { maxLength: 3 }),
);
const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/);

describe('readFlatYaml', () => {
  it('reads the shapes person notes have', () => {
    expect(
      readFlatYaml(
        "name: Jane\ntrust: 3\nemail:\nconnected-on: 2024-12-16\ntags:\n  - person\n  - vip\nok: true\nq: \"a: b\"\ns: 'it''s'\nflow: [a, b]\n",
      ),
    ).toEqual({
      name: 'Jane',
      trust: 3,
      email: null,
      'connected-on': '2024-12-16',
      tags: ['person', 'vip'],
      ok: true,
      q: 'a: b',
      s: "it's",
      flow: ['a', 'b'],
    });
  });

  it.each([
    ['anchors', 'a: &x 1\nb: *x\n'],
    ['block scalars', 'a: |\n  text\n'],
    ['nested maps', 'a:\n  b: 1\n'],
    ['floats', 'a: 1.5\n'],
    ['hex', 'a: 0x1F\n'],
    ['comments after values', 'a: b # c\n'],
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['multi-line plain scalars', 'a: one\n  two\n'],
    ['nested lists', 'a:\n  - x\n    - y\n'],
  ])('declines %s so the full parser decides', (_name, text) => expect(readFlatYaml(text)).toBeUndefined());

  it('property: whatever it reads, it reads exactly as the yaml package does', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, value), { selector: (e) => e[0], maxLength: 8 }), (entries) => {
        const text = stringifyFrontmatter(entries);
        const fast = readFlatYaml(text);
        if (fast !== undefined) expect(fast).toEqual(YAML.parse(text) ?? {});
      }),
      { numRuns: 1500 },
    );
  });

  it('property: on arbitrary YAML-ish text it never disagrees with the yaml package', () => {
    const line = fc.oneof(
      fc
        .tuple(
          key,
          fc.constantFrom('', ' ', '  '),
          fc.string({
            unit: fc.constantFrom(
              'a',
              ' ',
              ':',
              '#',
              '"',
              "'",
              '-',
              '[',
              ']',
              ',',
              '1',
              '.',
              'e',
              '\\',
              'x',
              '~',
              '\t',
            ),
            maxLength: 12,
          }),
        )
        .map(([k, gap, v]) => `${k}${gap}: ${v}`),
      fc.string({ unit: fc.constantFrom('a', ' ', '-', ':', '1'), maxLength: 8 }).map((v) => `  - ${v}`),
      fc.constant('# comment'),
      fc.constant(''),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const text = `${lines.join(eol)}${eol}`;
        const fast = readFlatYaml(text);
        if (fast === undefined) return;
        let full: unknown;
        try {
          full = YAML.parse(text);
        } catch {
          throw new Error(`fast reader accepted text the yaml package rejects: ${JSON.stringify(text)}`);
        }
        expect(fast).toEqual(full ?? {});
      }),
      { numRuns: 3000 },
    );
  });
});

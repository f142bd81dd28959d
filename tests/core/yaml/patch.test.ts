import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { stringifyFrontmatter } from '../../../src/core/yaml/emit';
import { patchFrontmatterYaml } from '../../../src/core/yaml/patch';

describe('patchFrontmatterYaml', () => {
  const yaml = '# my comment\nname: Jane\ncompany: "Acme"   \nother-plugin:\n  nested: { a: 1 }\ntags:\n  - person\n';

  it('replaces one key and leaves every other line as written', () => {
    const out = patchFrontmatterYaml(yaml, new Map([['company', 'Globex']]));
    expect(out).toBe(
      '# my comment\nname: Jane\ncompany: Globex\nother-plugin:\n  nested: { a: 1 }\ntags:\n  - person\n',
    );
  });

  it('replaces a block list and appends new keys at the end', () => {
    const out = patchFrontmatterYaml(
      yaml,
      new Map<string, string[] | number>([
        ['tags', ['person', 'vip']],
        ['trust', 4],
      ]),
    );
    expect(out).toBe(
      '# my comment\nname: Jane\ncompany: "Acme"   \nother-plugin:\n  nested: { a: 1 }\ntags:\n  - person\n  - vip\ntrust: 4\n',
    );
  });

  it('deletes keys, including their continuation lines', () => {
    expect(patchFrontmatterYaml(yaml, new Map([['other-plugin', undefined]]))).toBe(
      '# my comment\nname: Jane\ncompany: "Acme"   \ntags:\n  - person\n',
    );
  });

  it('keeps a comment between two keys when the first one is replaced or deleted', () => {
    const commented = 'trust: 3\n# where we met, filled by hand\n\nmet-where: x\n';
    expect(patchFrontmatterYaml(commented, new Map([['trust', 5]]))).toBe(
      'trust: 5\n# where we met, filled by hand\n\nmet-where: x\n',
    );
    expect(patchFrontmatterYaml(commented, new Map([['trust', undefined]]))).toBe(
      '# where we met, filled by hand\n\nmet-where: x\n',
    );
  });

  it('keeps CRLF line endings', () => {
    expect(patchFrontmatterYaml('a: 1\r\nb: 2\r\n', new Map([['a', 5]]))).toBe('a: 5\r\nb: 2\r\n');
  });

  it('declines YAML it cannot edit line-wise', () => {
    expect(patchFrontmatterYaml('{a: 1}\n', new Map([['a', 2]]))).toBeNull();
    expect(patchFrontmatterYaml('a: 1\na: 2\n', new Map([['a', 3]]))).toBeNull();
  });

  it('property: the result parses to the old data with the patch applied', () => {
    const val = fc.oneof(
      fc.string({ maxLength: 15 }),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    );
    const k = fc.constantFrom('a', 'b', 'met-where', 'trust', 'tags');
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(k, val), { selector: (e) => e[0] }),
        fc.array(fc.tuple(k, fc.option(val, { nil: undefined }))),
        (start, changes) => {
          const text = stringifyFrontmatter(start);
          const patch = new Map(changes);
          const out = patchFrontmatterYaml(text, patch);
          expect(out).not.toBeNull();
          const expected = (YAML.parse(text) ?? {}) as Record<string, unknown>;
          for (const [key, v] of patch) {
            if (v === undefined) delete expected[key];
            else expected[key] = v;
          }
          expect(YAML.parse(out as string) ?? {}).toEqual(expected);
        },
      ),
      { numRuns: 800 },
    );
  });
});

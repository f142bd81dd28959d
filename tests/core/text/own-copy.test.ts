/**
 * Pins the copies the import keeps of what it read: a copied frontmatter says exactly what
 * the note said (keys in their order, every value equal), and shares no list or object with
 * the one it was copied from, so the copy can outlive the text the original was cut from and
 * an edit of one never shows in the other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownCopy, ownValues } from '../../../src/core/text/own-copy';

const yamlValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;

describe('ownCopy', () => {
  it('returns the same characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => ownCopy(s) === s));
  });
});

describe('ownValues', () => {
  it('copies a frontmatter value for value, keys in their order', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.oneof(fc.string({ maxLength: 12 }), fc.constant('__proto__')), yamlValue, {
          maxKeys: 12,
          noNullPrototype: true,
        }),
        (fm) => {
          const copy = ownValues(fm);
          expect(copy).toStrictEqual(fm);
          expect(Object.keys(copy)).toEqual(Object.keys(fm));
        },
      ),
    );
  });

  it('shares no list with the original', () => {
    const fm = { name: 'Ann Lee', tags: ['person'], aliases: [['nested']] };
    const copy = ownValues(fm) as typeof fm;
    copy.tags.push('friend');
    (copy.aliases[0] as string[]).push('x');
    expect(fm).toEqual({ name: 'Ann Lee', tags: ['person'], aliases: [['nested']] });
  });
});

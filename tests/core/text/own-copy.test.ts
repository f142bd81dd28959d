/**
 * Pins that ownCopy gives back the same text, whatever it holds (lone surrogates, a pair split
 * at the first character, 12 or 13 characters). That the copy lets the text it was cut from go
 * is pinned through the real read paths: tests/hostile/case-09-resources.test.ts (records of a
 * parse) and tests/cli/vault-people-memory.test.ts (the read commands' index).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ownCopy } from '../../../src/core/text/own-copy';

describe('ownCopy', () => {
  it('returns the same text as a slice of a longer one', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary' }), (pre, s) => {
        const slice = (pre + s + pre).slice(pre.length, pre.length + s.length);
        expect(ownCopy(slice)).toBe(s);
      }),
    );
  });

  it('keeps a surrogate pair whole when it starts the text', () => {
    for (const s of ['𝓩ürich Instruments AG', '𝓩'.repeat(7), 'x'.repeat(12), 'x'.repeat(13)])
      expect(ownCopy(s)).toBe(s);
  });
});

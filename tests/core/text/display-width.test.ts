/**
 * Pins the display width the CLI tables pad by: CJK and emoji take two columns, combining
 * marks none, an emoji sequence counts once; padding always lands on the asked width, so
 * columns line up whatever the names are made of.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth, padDisplay } from '../../../src/core/text/display-width';

describe('displayWidth', () => {
  it.each([
    ['Jane Doe', 8],
    ['山田太郎', 8],
    ['김민준', 6],
    ['Emoji 🚀 Rocket', 15],
    ['👨‍👩‍👧', 2],
    ['🇫🇷', 2],
    ['e\u0301', 1],
    ['مريم', 4],
    ['ｱｲ', 2],
    ['ＡＢ', 4],
  ])('%j takes %i columns', (text, width) => expect(displayWidth(text)).toBe(width));

  it('property: padDisplay gives exactly the asked width', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.integer({ min: 2, max: 30 }), (text, width) => {
        // eslint-disable-next-line no-control-regex -- control characters are left out of table cells
        const clean = text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');
        expect(displayWidth(padDisplay(clean, width))).toBe(width);
      }),
    );
  });
});

/**
 * Bytes → text. Pins the decoding rules of issue 13 case 1: a BOM decides; UTF-8 with a
 * few bad bytes stays UTF-8 and counts them; a file cut inside a character says so;
 * Windows-1252 only when there is no valid multi-byte UTF-8 at all; and decoding chunk by
 * chunk gives exactly what decoding whole does, wherever the chunks split a character.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, StreamingTextDecoder } from '../../../src/core/text/decode';
import { decodeWindows1252 } from '../../../src/core/text/windows-1252';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...parts: Array<string | number[]>) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...enc(p)] : p)));

describe('decodeText', () => {
  it('reads plain UTF-8 and keeps non-ASCII names', () => {
    expect(decodeText(enc('Försvarsmakten,Šarić 𝓩'))).toEqual({
      text: 'Försvarsmakten,Šarić 𝓩',
      encoding: 'utf-8',
      invalidSequences: 0,
      cutShort: false,
    });
  });

  it('strips a UTF-8 BOM', () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], 'First Name'))).toMatchObject({
      text: 'First Name',
      encoding: 'utf-8-bom',
    });
  });

  it('reads UTF-16LE with a BOM (the tab-separated endorsement files)', () => {
    const text = '"Endorsement Date"\t"Skill"\r\n';
    const b = new Uint8Array(2 + text.length * 2);
    b.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) b[2 + i * 2] = text.charCodeAt(i);
    expect(decodeText(b)).toMatchObject({ text, encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 only when there is no valid multi-byte UTF-8 at all (Danish Excel: J\\xf8rgensen)', () => {
    const b = new Uint8Array([0x4a, 0xf8, 0x72, 0x67, 0x65, 0x6e, 0x73, 0x65, 0x6e, 0x3b, 0x80]);
    expect(decodeText(b)).toMatchObject({ text: 'Jørgensen;€', encoding: 'windows-1252' });
  });

  it('UTF-8 with a stray 0xFF stays UTF-8: the byte becomes U+FFFD and is counted', () => {
    expect(decodeText(bytes('Björn,', [0xff], 'Acme\nZoë,Šarić'))).toEqual({
      text: 'Björn,\uFFFDAcme\nZoë,Šarić',
      encoding: 'utf-8',
      invalidSequences: 1,
      cutShort: false,
    });
  });

  it('a file cut inside its last character says so and stays UTF-8, even when it is otherwise ASCII', () => {
    expect(decodeText(bytes('Jane,Försvarsmakten\nZo', [0xc3]))).toMatchObject({
      encoding: 'utf-8',
      cutShort: true,
      text: 'Jane,Försvarsmakten\nZo\uFFFD',
    });
    expect(decodeText(bytes('Jane,Acme\nZo', [0xe2, 0x82]))).toMatchObject({ encoding: 'utf-8', cutShort: true });
  });

  it('a U+FFFD written in the file is text, not a bad byte', () => {
    expect(decodeText(enc('Name \uFFFD here'))).toMatchObject({ invalidSequences: 0, encoding: 'utf-8' });
  });

  it('maps every Windows-1252 high byte like a browser does', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x8a, 0x93, 0x94, 0x99, 0x9f, 0x81, 0xe9]))).toBe('€Š“”™Ÿ\u0081é');
  });
});

describe('StreamingTextDecoder', () => {
  function inChunks(b: Uint8Array, cuts: number[]) {
    const d = new StreamingTextDecoder();
    let text = '';
    let at = 0;
    for (const cut of [...cuts.filter((c) => c > 0 && c < b.length)].sort((x, y) => x - y)) {
      text += d.push(b.subarray(at, cut));
      at = cut;
    }
    text += d.push(b.subarray(at)) + d.end();
    return { text, ...d.facts, wants1252: d.wantsWindows1252 };
  }

  it('property: any split into chunks decodes exactly as a whole, bad bytes and BOM included', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => [...enc(s)]),
      fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0xef, 0xbb, 0xbf], [0xef, 0xbf, 0xbd], [0xed, 0xa0, 0x80], [0x0a]),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), fc.array(fc.nat(200), { maxLength: 6 }), (parts, cuts) => {
        const b = new Uint8Array(parts.flat());
        const whole = decodeText(b);
        const chunked = inChunks(b, cuts);
        if (chunked.wants1252) expect(whole.encoding).toBe('windows-1252');
        else expect({ ...chunked, wants1252: undefined }).toEqual({ ...whole, wants1252: undefined });
      }),
      { numRuns: 1500 },
    );
  });

  it('a BOM split across the first chunks is still found', () => {
    expect(inChunks(bytes([0xef, 0xbb, 0xbf], 'ab'), [1, 2])).toMatchObject({ text: 'ab', encoding: 'utf-8-bom' });
  });
});

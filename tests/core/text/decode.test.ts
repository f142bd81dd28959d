import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/core/text/decode';
import { decodeWindows1252 } from '../../../src/core/text/windows-1252';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads plain UTF-8 and keeps non-ASCII names', () => {
    expect(decodeText(enc('Försvarsmakten,Šarić 𝓩'))).toEqual({ text: 'Försvarsmakten,Šarić 𝓩', encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('First Name')]);
    expect(decodeText(bytes)).toEqual({ text: 'First Name', encoding: 'utf-8-bom' });
  });

  it('reads UTF-16LE with a BOM (the tab-separated endorsement files)', () => {
    const text = '"Endorsement Date"\t"Skill"\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(decodeText(bytes)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('falls back to Windows-1252 only when the bytes are not UTF-8 (Danish Excel: J\\xf8rgensen)', () => {
    const bytes = new Uint8Array([0x4a, 0xf8, 0x72, 0x67, 0x65, 0x6e, 0x73, 0x65, 0x6e, 0x3b, 0x80]);
    expect(decodeText(bytes)).toEqual({ text: 'Jørgensen;€', encoding: 'windows-1252' });
  });

  it('maps every Windows-1252 high byte like a browser does', () => {
    expect(decodeWindows1252(new Uint8Array([0x80, 0x8a, 0x93, 0x94, 0x99, 0x9f, 0x81, 0xe9]))).toBe('€Š“”™Ÿ\u0081é');
  });
});

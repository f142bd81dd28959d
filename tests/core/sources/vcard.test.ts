/**
 * The vCard reader on every variant an exporter writes that the real samples do not cover
 * (4.0, every BDAY form, LinkedIn in URL/X-SOCIALPROFILE as a URL or a bare handle, `\:`,
 * charsets, a stray bad byte in a UTF-8 file, broken files), plus property tests: folding and QUOTED-PRINTABLE round-trip any
 * value, and no input makes the reader throw.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readVCardFile } from '../../../src/core/sources/vcard/content-lines';
import { readVCardContacts, structured, unescapeText, VCARD_BAD_BYTES } from '../../../src/core/sources/vcard/map-card';
import { fold, quotedPrintable, vcard } from '../../support/contact-builders';

const one = (text: string | Uint8Array) => {
  const f = readVCardContacts(text, 'test.vcf');
  expect(f.contacts).toHaveLength(1);
  return f.contacts[0]!;
};

describe('vCard birthdays', () => {
  it.each([
    ['BDAY:1980-05-01', '1980-05-01'],
    ['BDAY;VALUE=date:1980-05-01', '1980-05-01'],
    ['BDAY:19800501', '1980-05-01'],
    ['BDAY:--0501', '--05-01'],
    ['BDAY:--05-01', '--05-01'],
    ['BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-01', '--05-01'],
    ['BDAY:1604-05-01', '--05-01'],
    ['BDAY:0000-05-01', '--05-01'],
    ['BDAY:1996-04-15T201243+04:00', '1996-04-15'],
    ['BDAY:--0229', '--02-29'],
  ])('%s → %s', (line, want) => {
    expect(one(vcard(['FN:Jane Doe', line])).birthday).toBe(want);
  });

  it('a birthday that is not a date is a warning with its line, and the rest of the card is kept', () => {
    const f = readVCardContacts(vcard(['FN:Jane Doe', 'BDAY:sometime in May', 'EMAIL:jane@x.org']), 'a.vcf');
    expect(f.contacts[0]).toMatchObject({ birthday: null, emails: ['jane@x.org'] });
    expect(f.warnings).toEqual([
      { file: 'a.vcf', line: 4, reason: expect.stringContaining('sometime in May') as string },
    ]);
  });
});

describe('LinkedIn profiles on cards', () => {
  it.each([
    ['URL:https://www.linkedin.com/in/jane-doe'],
    ['URL;TYPE=WORK:http\\://www.linkedin.com/in/jane-doe/'],
    ['item3.URL:https\\://de.linkedin.com/in/Jane-Doe'],
    ['X-SOCIALPROFILE;type=linkedin;x-user=jane-doe:http://www.linkedin.com/in/jane-doe'],
    ['X-SOCIALPROFILE;TYPE=linkedin:jane-doe'],
    ['X-SOCIALPROFILE;TYPE=LINKEDIN:@jane-doe'],
  ])('%s', (line) => {
    expect(one(vcard(['FN:Jane Doe', line])).linkedin).toBe('https://www.linkedin.com/in/jane-doe');
  });

  it('a handle on another network is not taken for a LinkedIn one', () => {
    expect(one(vcard(['FN:Jane Doe', 'X-SOCIALPROFILE;TYPE=twitter:jane-doe'])).linkedin).toBeNull();
  });
});

describe('vCard 4.0 and 2.1 specifics', () => {
  it('4.0: TYPE lists, pref, multiple ORG units', () => {
    const c = one(
      vcard(
        [
          'FN:Jane Doe',
          'N:Doe;Jane;;;',
          'EMAIL;TYPE=work,pref;PREF=1:Jane@Acme.example',
          'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-555-5555',
          'ORG:ABC\\, Inc.;North American Division;Marketing',
          'TITLE:CTO',
        ],
        { version: '4.0' },
      ),
    );
    expect(c).toMatchObject({
      emails: ['jane@acme.example'],
      phones: ['+1-555-555-5555'],
      company: 'ABC, Inc.',
      position: 'CTO',
    });
  });

  it('2.1 QUOTED-PRINTABLE name in UTF-8 and in ISO-8859-1, soft breaks joined', () => {
    const name = 'Ñandú Müller-Lüdenscheidt von Österreich-Ungarn';
    const utf8 = quotedPrintable(name, 20);
    expect(utf8.length).toBeGreaterThan(2);
    const text = vcard([`FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${utf8[0]}`, ...utf8.slice(1)], { version: '2.1' });
    expect(one(text).name).toBe(name);
    const latin1 = quotedPrintable(name, 20, (s) => Uint8Array.from([...s].map((c) => c.charCodeAt(0))));
    const text2 = vcard([`FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:${latin1[0]}`, ...latin1.slice(1)], {
      version: '2.1',
    });
    expect(one(text2).name).toBe(name);
  });

  it('a file that is not UTF-8 is read byte by byte, each value in its CHARSET (windows-1251 here)', () => {
    const cyrillic = Uint8Array.from([0xc8, 0xe2, 0xe0, 0xed]); // "Иван" in windows-1251
    const before = new TextEncoder().encode('BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=WINDOWS-1251:;');
    const after = new TextEncoder().encode(';;;\r\nFN;CHARSET=WINDOWS-1251:');
    const end = new TextEncoder().encode('\r\nEND:VCARD\r\n');
    const bytes = new Uint8Array([...before, ...cyrillic, ...after, ...cyrillic, ...end]);
    expect(one(bytes).name).toBe('Иван');
  });

  it('a Latin-1 file without CHARSET reads as Windows-1252 (é, not a replacement character)', () => {
    const bytes = Uint8Array.from(
      [...'BEGIN:VCARD\nFN:Ren']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0xe9],
          [...'\nEND:VCARD\n'].map((c) => c.charCodeAt(0)),
        ),
    );
    expect(one(bytes).name).toBe('René');
  });

  it('a UTF-8 file with a stray bad byte: that card is skipped with its line, the others keep their accents', () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:René Noël\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Jane X\nEND:VCARD\n';
    const encoded = new TextEncoder().encode(text);
    const at = encoded.indexOf('X'.charCodeAt(0));
    const bytes = Uint8Array.from([...encoded.subarray(0, at), 0xff, ...encoded.subarray(at + 1)]);
    const book = readVCardContacts(bytes, 'contacts.vcf');
    expect(book.contacts.map((c) => c.name)).toEqual(['René Noël']);
    expect(book.skipped).toEqual([{ file: 'contacts.vcf', line: 7, reason: VCARD_BAD_BYTES }]);
  });

  it('iPhone CR CR LF line ends and a UTF-8 BOM', () => {
    const text = `\uFEFFBEGIN:VCARD\r\r\nVERSION:3.0\r\r\nFN:Jane Doe\r\r\nEMAIL;type=INTERNET;type=pref:jane@x.org\r\r\nEND:VCARD\r\r\n`;
    expect(one(text)).toMatchObject({ name: 'Jane Doe', emails: ['jane@x.org'] });
  });
});

describe('what is not a person, and broken files', () => {
  it('a phone-only card (Android) is skipped and reported with its line', () => {
    const f = readVCardContacts(vcard(['TEL;CELL:+49 170 1234567']), 'phone.vcf');
    expect(f.contacts).toEqual([]);
    expect(f.skipped).toEqual([{ file: 'phone.vcf', line: 1, reason: expect.stringContaining('no name') as string }]);
  });

  it('an unclosed card and stray lines are reported, cards around them still read', () => {
    const text = 'junk line\nBEGIN:VCARD\nFN:A One\nBEGIN:VCARD\nFN:B Two\nEND:VCARD\nBEGIN:VCARD\nFN:C Three\n';
    const f = readVCardContacts(text, 'broken.vcf');
    expect(f.contacts.map((c) => c.name)).toEqual(['A One', 'B Two', 'C Three']);
    expect(f.warnings.map((w) => w.line)).toEqual([1, 2, 7]);
  });
});

describe('property tests', () => {
  const value = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => !/[\r\n]/.test(s));

  it('folding at any width unfolds to the same value', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 2, max: 80 }), fc.constantFrom('\r\n', '\n'), (v, width, eol) => {
        const line = `NOTE:${v}`;
        const text = `BEGIN:VCARD${eol}${fold(line, width).join(eol)}${eol}END:VCARD${eol}`;
        const props = readVCardFile(text).cards[0]!.props;
        expect(props[0]!.value).toBe(v);
      }),
    );
  });

  it('QUOTED-PRINTABLE with soft breaks decodes to the same value', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 4, max: 76 }), (v, width) => {
        const qp = quotedPrintable(v, width);
        const text = `BEGIN:VCARD\r\nVERSION:2.1\r\nNOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${qp.join('\r\n')}\r\nEND:VCARD\r\n`;
        expect(readVCardFile(text).cards[0]!.props.find((p) => p.name === 'NOTE')!.value).toBe(v);
      }),
    );
  });

  it('escaping then unescaping a component gives it back; structured values split only on unescaped ;', () => {
    const esc = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 20 }).map((s) => s.replace(/\r/g, '')),
          { minLength: 1, maxLength: 5 },
        ),
        (parts) => {
          expect(structured(parts.map(esc).join(';'))).toEqual(parts.map((p) => p.trim()));
          expect(unescapeText(esc(parts[0]!))).toBe(parts[0]);
        },
      ),
    );
  });

  it('no input makes the reader throw', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.string({ maxLength: 400 }), (bytes, text) => {
        readVCardContacts(bytes, 'x.vcf');
        readVCardContacts(`BEGIN:VCARD\n${text}\nEND:VCARD`, 'x.vcf');
      }),
    );
  });
});

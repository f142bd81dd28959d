import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseFolder, PathClaimer, personBaseName, sanitizeFileName } from '../../../src/core/notes/file-name';

// eslint-disable-next-line no-control-regex -- the test looks for control characters
const FORBIDDEN = /[\\/:*?"<>|#^[\]\u0000-\u001f]/;

describe('sanitizeFileName', () => {
  it.each([
    ['Jane Doe', 'Jane Doe'],
    ['../../etc passwd', 'etc passwd'],
    ['a/b\\c:d*e?f"g<h>i|j#k^l[m]n', 'a b c d e f g h i j k l m n'],
    ['.hidden', 'hidden'],
    ['trailing dot. ', 'trailing dot'],
    ['CON', 'CON (person)'],
    ['lpt1.txt', 'lpt1.txt (person)'],
    ['Emoji 🚀 Rocket', 'Emoji 🚀 Rocket'],
    ['evil\u202Etxt.exe', 'evil txt.exe'],
    ['e\u0301', 'é'],
  ])('%j → %j', (raw, expected) => expect(sanitizeFileName(raw)).toBe(expected));

  it('bounds the length in UTF-8 bytes without splitting a character', () => {
    const name = sanitizeFileName('😀'.repeat(100));
    expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(120);
    expect(name).toBe('😀'.repeat(30));
  });

  it('property: the result is always safe on every platform', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (raw) => {
        const name = sanitizeFileName(raw);
        expect(name).not.toMatch(FORBIDDEN);
        expect(name.startsWith('.')).toBe(false);
        expect(name).toBe(name.trim());
        expect(name.endsWith('.')).toBe(false);
        expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(130);
        expect(name).toBe(name.normalize('NFC'));
        expect(/^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i.test(name)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('PathClaimer', () => {
  it('disambiguates with the company, then a number, case-insensitively', () => {
    const paths = new PathClaimer(['People/jane doe.md', 'People/JANE DOE 3.md']);
    expect(paths.claim('People', 'Jane Doe', 'Acme')).toBe('People/Jane Doe (Acme).md');
    expect(paths.claim('People', 'Jane Doe', 'Acme')).toBe('People/Jane Doe (Acme) 2.md');
    expect(paths.claim('People', 'Jane Doe', 'Acme')).toBe('People/Jane Doe (Acme) 3.md');
    expect(paths.claim('People', 'Jane Doe', '')).toBe('People/Jane Doe 2.md');
    expect(paths.claim('People', 'Jane Doe', '')).toBe('People/Jane Doe 4.md');
  });

  it('treats NFC and NFD spellings of a name as the same file (macOS)', () => {
    const paths = new PathClaimer(['People/Rene\u0301 Roy.md']);
    expect(paths.claim('People', 'René Roy', '')).toBe('People/René Roy 2.md');
  });

  it('property: any name stays inside the people folder', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 40 }), (first, company) => {
        const base = personBaseName('{first} {last}', { first, last: '', name: first, company }, null);
        const path = new PathClaimer([]).claim('People', base, company);
        expect(path.startsWith('People/')).toBe(true);
        expect(path.slice('People/'.length)).not.toContain('/');
        expect(path.endsWith('.md')).toBe(true);
      }),
    );
  });
});

describe('personBaseName', () => {
  it('uses the format, then the profile slug, then a placeholder', () => {
    const parts = { first: 'Jane', last: 'Doe', name: 'Jane Doe', company: 'Acme' };
    expect(personBaseName('{last}, {first}', parts, null)).toBe('Doe, Jane');
    expect(personBaseName('{first} {last} ({company})', parts, null)).toBe('Jane Doe (Acme)');
    expect(
      personBaseName(
        '{first} {last}',
        { first: '', last: '', name: '', company: '' },
        'https://www.linkedin.com/in/jane-doe-42',
      ),
    ).toBe('jane-doe-42');
    expect(personBaseName('{first} {last}', { first: '', last: '', name: '', company: '' }, null)).toBe(
      'Unnamed connection',
    );
  });
});

describe('normaliseFolder', () => {
  it.each([
    ['People', 'People'],
    ['/People/', 'People'],
    ['Network\\People', 'Network/People'],
    ['a//b', 'a/b'],
    ['', ''],
  ])('%j → %j', (raw, expected) => expect(normaliseFolder(raw)).toBe(expected));

  it('refuses folders that leave the vault', () => {
    expect(normaliseFolder('../outside')).toBeNull();
    expect(normaliseFolder('People/../../x')).toBeNull();
  });
});

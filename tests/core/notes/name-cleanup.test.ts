/**
 * File names and findability for names as people write them on LinkedIn: credentials,
 * pronouns and stray punctuation leave the file name (never the `name` field); decorative
 * Unicode and emoji get a plain alias; the user's aliases are only ever added to. The
 * names come from real exports (see ../shared/docs/linkedin-export-formats.md §1.5).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personBaseName } from '../../../src/core/notes/file-name';
import {
  aliasesForName,
  CREDENTIALS,
  mergeAliases,
  nameForFile,
  plainName,
} from '../../../src/core/notes/name-cleanup';

describe('nameForFile', () => {
  it.each([
    ['Arman Rezaee, PhD', 'Arman Rezaee'],
    ['OOI KOK LOANG, CIA, AIIA', 'OOI KOK LOANG'],
    ['Jennifer Chavez, MBA, GRN Moon Valley', 'Jennifer Chavez'],
    ['Walid Timimi, FICS (UK), MSc (SE), 3rd Dan KWF (JP).', 'Walid Timimi'],
    ['Nicholas Stamp Miller, MBA', 'Nicholas Stamp Miller'],
    ['Priya Nair MBA PMP', 'Priya Nair'],
    ['Jane Doe Ph.D.', 'Jane Doe'],
    ['John Smith M.D.', 'John Smith'],
    ['Ramona Maniceanu (She/Her)', 'Ramona Maniceanu'],
    ['Sam (they/them) Lee', 'Sam Lee'],
    ['Ann Lee [she/her/hers]', 'Ann Lee'],
    ['Ann Lee (pronouns: she/her)', 'Ann Lee'],
    ['Camille Roy (elle/iel)', 'Camille Roy'],
    ['Tom Baker ,', 'Tom Baker'],
    ['Tom Baker –', 'Tom Baker'],
  ])('%j → %j', (raw, clean) => expect(nameForFile(raw, 2)).toBe(clean));

  it.each([
    // Names, not credentials: generational suffixes, nicknames, initials, a comma in "Last, First".
    ['Martin Luther King, Jr.', 'Martin Luther King, Jr'],
    ['Wenliang (Kevin) Du', 'Wenliang (Kevin) Du'],
    ['Smith, John', 'Smith, John'],
    ['Arif M.', 'Arif M'],
    // Two-letter credentials are also surnames (Ma, Do): only after a comma.
    ['Wei Ma', 'Wei Ma'],
    ['John Smith MD', 'John Smith MD'],
    ['John Smith, MD', 'John Smith'],
    // An all-capitals name keeps its last word: "CIA" could be a name there.
    ['MARIO CIA', 'MARIO CIA'],
    // Never the last word, never empty.
    ['PhD', 'PhD'],
    ['𝓩𝓪𝓫𝓲𝓱 𝓤𝓵𝓵𝓪𝓱', '𝓩𝓪𝓫𝓲𝓱 𝓤𝓵𝓵𝓪𝓱'],
  ])('keeps %j as %j', (raw, clean) => expect(nameForFile(raw, 2)).toBe(clean));

  it('cleans first and last name fields alone, as Connections.csv splits them', () => {
    expect(nameForFile('Rezaee, PhD')).toBe('Rezaee');
    expect(nameForFile('LOANG, CIA, AIIA')).toBe('LOANG');
    expect(nameForFile('Nair MBA, PMP')).toBe('Nair');
    expect(nameForFile('Maniceanu (She/Her)')).toBe('Maniceanu');
    expect(
      personBaseName(
        '{first} {last}',
        { first: 'Arman', last: 'Rezaee, PhD', name: 'Arman Rezaee, PhD', company: '' },
        null,
      ),
    ).toBe('Arman Rezaee');
    expect(
      personBaseName(
        '{last}, {first}',
        { first: 'Arman', last: 'Rezaee, PhD', name: 'Arman Rezaee, PhD', company: '' },
        null,
      ),
    ).toBe('Rezaee, Arman');
  });

  it('the credential list is broad and written once', () => {
    expect(CREDENTIALS.length).toBeGreaterThan(150);
    expect(new Set(CREDENTIALS.map((c) => c.toLowerCase())).size).toBe(CREDENTIALS.length);
    for (const c of ['PhD', 'MBA', 'CFA', 'PMP', 'CPA', 'CISSP', 'PEng', 'SHRM-CP', 'OBE'])
      expect(CREDENTIALS).toContain(c);
  });

  it('property: never empty for a name with a word, never longer, and cleaning twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (raw) => {
        const once = nameForFile(raw, 2);
        if (raw.trim() !== '' && /[\p{L}\p{N}]/u.test(raw)) expect(once).not.toBe('');
        expect(once.length).toBeLessThanOrEqual(raw.length);
        expect(nameForFile(once, 2)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('plain names and aliases', () => {
  it.each([
    ['𝓩𝓪𝓫𝓲𝓱𝓾𝓵𝓵𝓪𝓱 𝓚𝓱𝓪𝓷', ['Zabihullah Khan']],
    ['𝐁𝐨𝐥𝐝 𝐒𝐚𝐥𝐞𝐬', ['Bold Sales']],
    ['Ｆｕｌｌ Ｗｉｄｔｈ', ['Full Width']],
    ['Emoji 🚀 Rocket', ['Emoji Rocket']],
    ['Lena 🌍 Fischer 👩‍💻 🇸🇪', ['Lena Fischer']],
    ['𝓩𝓪𝓫𝓲𝓱, PhD', ['Zabih']],
    ['Jane Doe', []],
    ['Matej Šarić', []],
    ['Arman Rezaee, PhD', []],
    ['مريم العربية', []],
  ])('%j → aliases %j', (name, aliases) => expect(aliasesForName(name)).toEqual(aliases));

  it('property: a plain name has no emoji and is its own plain form', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (raw) => {
        const plain = plainName(raw);
        expect(plain).not.toMatch(/\p{Extended_Pictographic}/u);
        expect(plainName(plain)).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });

  it('merging only adds, at the end, keeping what the user wrote and its order', () => {
    expect(mergeAliases(undefined, ['Zabih'])).toEqual(['Zabih']);
    expect(mergeAliases(null, [])).toBeNull();
    expect(mergeAliases('Zab', ['Zabih'])).toEqual(['Zab', 'Zabih']);
    expect(mergeAliases(['Z', 42, 'Zabih'], ['Zabih'])).toBeNull();
    expect(mergeAliases(['Z', 42], ['Zabih'])).toEqual(['Z', 42, 'Zabih']);
  });
});

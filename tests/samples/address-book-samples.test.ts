/**
 * Every real address-book export in ../shared/samples/contacts/, read in place: each card or
 * row becomes a contact with the fields an address book owns, and everything else a file
 * holds is either mapped or counted in `ignored` (zero unexplained loss). A new sample file
 * fails the first test until it gets assertions here.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAddressBook } from '../../src/core/sources/address-book';
import type { AddressBookFile } from '../../src/core/sources/contact';
import { CONTACT_SAMPLES } from '../support/paths';

const present = fs.existsSync(CONTACT_SAMPLES);
if (!present) console.warn(`address-book sample suite skipped: ${CONTACT_SAMPLES} is not there`);

const read = (name: string): AddressBookFile =>
  readAddressBook(name, new Uint8Array(fs.readFileSync(path.join(CONTACT_SAMPLES, name))));
const byName = (f: AddressBookFile, name: string) => f.contacts.find((c) => c.name === name);

const COVERED = [
  'apple-macos-addressbook-v3.vcf',
  'google-contacts-export-labels-v3.vcf',
  'google-takeout-contacts-v3.vcf',
  'outlook-2007-v21.vcf',
  'nextcloud-sabre-v3-socialprofile.vcf',
  'google-csv-current-export-header.csv',
  'google-csv-legacy-export-2018.csv',
];

describe.skipIf(!present)('real address-book samples', () => {
  it('every sample file has assertions below', () => {
    for (const f of fs.readdirSync(CONTACT_SAMPLES)) expect(COVERED).toContain(f);
  });

  it('Apple Mac Address Book 3.0: mixed line ends, item groups, ORG;department, value=date BDAY, photo skipped', () => {
    const f = read('apple-macos-addressbook-v3.vcf');
    expect(f.format).toBe('vcard');
    expect(f.skipped).toEqual([]);
    expect(f.warnings).toEqual([]);
    expect(f.contacts).toHaveLength(1);
    const c = f.contacts[0]!;
    // `\,` inside FN is an escaped comma, not a separator.
    expect(c.name).toBe('Mr. John Richter,James Doe Sr.');
    expect(c.emails).toEqual(['john.doe@ibm.com']);
    expect(c.phones).toContain('905-222-1234'); // item1.TEL with a custom X-ABLabel
    expect(c.phones).toHaveLength(7);
    expect(c.company).toBe('IBM');
    expect(c.position).toBe('Money Counter');
    expect(c.birthday).toBe('2012-06-06');
    // The NOTE is one unfolded line of >75 characters; `\,` and `\"` undone.
    expect(c.notes).toContain('WARRANTIES, INCLUDING, BUT NOT LIMITED TO');
    expect(c.notes).toContain('"AS IS"');
    expect(c.notes).toMatch(/\nFavotire Color: Blue$/);
    expect(c.linkedin).toBeNull();
    expect(f.ignored).toMatchObject({
      'PHOTO/KEY (binary, not copied)': 1,
      'ORG department': 1,
      'URL (not LinkedIn)': 1,
      ADR: 2,
      'X-ABRELATEDNAMES': 1,
    });
  });

  it('Gmail 3.0 with labels: five e-mails and eleven phones, custom-labelled ones included', () => {
    const f = read('google-contacts-export-labels-v3.vcf');
    const c = f.contacts[0]!;
    expect(c.name).toBe('VCard Test');
    expect(c.emails).toEqual([
      'email@example.com',
      'homeemail@example.com',
      'workemail@example.com',
      'otheremail@example.com',
      'customcategory@example.com',
    ]);
    expect(c.phones).toHaveLength(11);
    expect(c.birthday).toBe('1912-06-23');
    expect(c.notes).toBe('note line 1\nnote line 2\nCustomField: field value');
    // Six websites, none of them LinkedIn: counted, not lost silently.
    expect(f.ignored['URL (not LinkedIn)']).toBe(6);
    expect(f.ignored['X-ABRELATEDNAMES']).toBe(16);
  });

  it('Google Takeout 3.0: e-mail-only cards kept for matching, basic-form BDAY, folded ADR counted', () => {
    const f = read('google-takeout-contacts-v3.vcf');
    expect(f.contacts).toHaveLength(9);
    const emailOnly = f.contacts.filter((c) => c.name === '');
    expect(emailOnly.map((c) => c.emails[0])).toEqual([
      'audriga.test@mailbox.org',
      'test_fel_1@audrigaoctober.onmicrosoft.com',
      'user2@datenspediteure.de',
      'user4@datenspediteure.de',
    ]);
    const full = byName(f, 'firstName lastName')!;
    expect(full).toMatchObject({ birthday: '2000-10-01', company: 'corp', position: 'pos', notes: 'SomeNote' });
    expect(full.phones).toEqual(['17911111111']);
    expect(f.ignored).toEqual({ ADR: 1 });
  });

  it('Outlook 2007 2.1: QUOTED-PRINTABLE NOTE with soft breaks, bare parameters, base64 ended by a blank line', () => {
    const f = read('outlook-2007-v21.vcf');
    expect(f.warnings).toEqual([]);
    const c = f.contacts[0]!;
    expect(c.name).toBe('Mr. Michael Angstadt Jr.');
    expect(c.emails).toEqual(['mike.angstadt@gmail.com']);
    expect(c.phones).toEqual(['(111) 555-1111', '(111) 555-2222', '(111) 555-4444', '(111) 555-3333']);
    expect(c.company).toBe('TheCompany');
    expect(c.birthday).toBe('1922-03-10');
    expect(c.notes).toBe(
      "This is the NOTE field\t\nI assume it encodes this text inside a NOTE vCard type.\nBut I'm not sure because there's text formatting going on here.\nIt does not preserve the formatting",
    );
    expect(f.ignored['PHOTO/KEY (binary, not copied)']).toBe(2);
    expect(f.ignored).toMatchObject({ LABEL: 1, 'X-MS-ANNIVERSARY': 1, 'ORG department': 1 });
  });

  it('Nextcloud (Sabre) 3.0: social profiles that are not LinkedIn are counted, FN;DERIVED read', () => {
    const f = read('nextcloud-sabre-v3-socialprofile.vcf');
    expect(f.contacts[0]).toMatchObject({ name: 'Baumus Maximilian', emails: ['baum@max.ilius'], linkedin: null });
    expect(f.ignored).toEqual({ 'X-SOCIALPROFILE (not LinkedIn)': 2 });
  });

  it('current Google CSV: full and year-less birthdays (with the leading space Google writes)', () => {
    const f = read('google-csv-current-export-header.csv');
    expect(f.format).toBe('google-csv');
    expect(f.contacts.map((c) => [c.name, c.birthday])).toEqual([
      ['John Doe', '1987-09-07'],
      ['Max Amadeus Mustermann', '--12-25'],
    ]);
    expect(f.ignored).toEqual({ 'Photo (not copied)': 2 });
  });

  it('legacy Google CSV: ::: multi-values, multi-line notes, second organisation counted, every row kept', () => {
    const f = read('google-csv-legacy-export-2018.csv');
    expect(f.format).toBe('google-csv');
    expect(f.skipped).toEqual([]);
    expect(f.contacts).toHaveLength(12);
    const banee = byName(f, 'BANEE ISHAQUE K')!;
    expect(banee.emails).toHaveLength(7);
    expect(banee.emails[0]).toBe('baneeishaque@gmail.com');
    expect(banee.birthday).toBe('1993-09-28');
    expect(banee.company).toBe('Prism Total IT Solutions, NDK Solutions, Konut Co-works');
    const first = f.contacts[0]!;
    expect(first.phones).toEqual(['+919633339353', '+919037491410', '+919961839300', '+914942428566']);
    const airtel = byName(f, 'AIRTEL INTERNET CENTER TOLL FREE')!;
    expect(airtel.notes.split('\n')).toHaveLength(3);
    expect(airtel.source.line).toBe(4);
    // The row after the three-line note starts on line 7: line numbers follow the file.
    expect(byName(f, 'AIRTEL VALUE ADDED SERVICE CENTER TOLL FREE')!.source.line).toBe(7);
    expect(f.ignored['Website (not LinkedIn)']).toBe(6);
    expect(f.ignored['Organization - Name']).toBe(2);
  });
});

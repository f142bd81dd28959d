/**
 * Address-book CSVs the real samples do not cover: Outlook CSV as Google writes it (told
 * apart by its header, US birthdays, `0/0/00` for none), a BOM and CRLF, a LinkedIn profile
 * in a website column, system labels, a LinkedIn file picked by mistake (a clear error), and
 * a row with bytes that are not UTF-8 (skipped and reported).
 */
import { describe, expect, it } from 'vitest';
import { readContactsCsv, contactsCsvKind } from '../../../src/core/sources/contacts-csv';
import { readAddressBook, sniffSourceKind } from '../../../src/core/sources/address-book';
import { normaliseHeaderCell } from '../../../src/core/csv/read-table';
import { csvRow, GOOGLE_CURRENT_HEADER, OUTLOOK_HEADER } from '../../support/contact-builders';

const file = (header: readonly string[], rows: Record<string, string>[], eol = '\n') =>
  [header.join(','), ...rows.map((r) => csvRow(header, r))].join(eol) + eol;

describe('Outlook CSV (as Google exports it)', () => {
  const text = file(OUTLOOK_HEADER, [
    {
      'First Name': 'Jane',
      'Last Name': 'Doe',
      'E-mail Address': 'Jane@Acme.example',
      'E-mail 2 Address': 'jane@home.example',
      'Mobile Phone': '+1 555 0100',
      'Business Phone': '+1 555 0101',
      Company: 'Acme',
      'Job Title': 'CTO',
      Birthday: '5/1/1980',
      'Web Page': 'https://www.linkedin.com/in/jane-doe',
      'Home Address': '1 Main St\nSpringfield',
      Categories: 'myContacts;starred',
    },
    { 'First Name': 'No', 'Last Name': 'Birthday', Birthday: '0/0/00' },
  ]);

  it('is told apart from Google CSV by its header', () => {
    expect(contactsCsvKind(OUTLOOK_HEADER.map(normaliseHeaderCell))).toBe('outlook-csv');
    expect(contactsCsvKind(GOOGLE_CURRENT_HEADER.map(normaliseHeaderCell))).toBe('google-csv');
    expect(contactsCsvKind(['first name', 'last name', 'url', 'email address'])).toBeNull(); // LinkedIn
  });

  it('maps e-mails, phones, company, US birthday and the LinkedIn web page; the address is counted', () => {
    const f = readContactsCsv(text, 'outlook.csv');
    expect(f.format).toBe('outlook-csv');
    expect(f.contacts[0]).toMatchObject({
      name: 'Jane Doe',
      emails: ['jane@acme.example', 'jane@home.example'],
      phones: ['+1 555 0100', '+1 555 0101'],
      company: 'Acme',
      position: 'CTO',
      birthday: '1980-05-01',
      linkedin: 'https://www.linkedin.com/in/jane-doe',
    });
    expect(f.contacts[1]!.birthday).toBeNull();
    expect(f.warnings).toEqual([]);
    expect(f.ignored).toEqual({ 'Home Address': 1 });
  });
});

describe('Google CSV details', () => {
  it('BOM and CRLF, custom labels counted, system labels not', () => {
    const text = `\uFEFF${file(
      GOOGLE_CURRENT_HEADER,
      [
        {
          'First Name': 'Ann',
          'Last Name': 'Lee',
          Labels: '* myContacts ::: Friends',
          'E-mail 1 - Value': 'ann@x.org ::: ann@y.org',
          'Website 1 - Value': 'linkedin.com/in/ann-lee',
        },
        { 'First Name': 'Bob', 'Last Name': 'Roe', Labels: '* myContacts ::: * starred' },
      ],
      '\r\n',
    )}`;
    const f = readAddressBook('contacts.csv', new TextEncoder().encode(text));
    expect(f.contacts[0]).toMatchObject({
      name: 'Ann Lee',
      emails: ['ann@x.org', 'ann@y.org'],
      linkedin: 'https://www.linkedin.com/in/ann-lee',
    });
    expect(f.ignored).toEqual({ 'Labels / groups': 1 });
  });

  it('a row with only an organisation and a phone is skipped with its line', () => {
    const f = readContactsCsv(
      file(GOOGLE_CURRENT_HEADER, [{ 'Organization Name': 'Plumber Inc', 'Phone 1 - Value': '123' }]),
      'g.csv',
    );
    expect(f.contacts).toEqual([]);
    expect(f.skipped).toEqual([{ file: 'g.csv', line: 2, reason: expect.stringContaining('no name') as string }]);
  });

  it('a LinkedIn Connections.csv given as an address book is refused with the file and what was expected', () => {
    expect(() =>
      readContactsCsv('First Name,Last Name,URL,Email Address,Company,Position,Connected On\n', 'Connections.csv'),
    ).toThrow(/Connections\.csv: found "First Name,Last Name,URL.*expected a Google Contacts or Outlook CSV header/);
  });
});

describe('sniffing picked files', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it.each([
    ['a.vcf', 'BEGIN:VCARD\r\n', 'vcard'],
    ['contacts.txt', '\uFEFF  BEGIN:VCARD\n', 'vcard'],
    ['cal.ics', 'BEGIN:VCALENDAR\r\n', 'icalendar'],
    ['export', 'BEGIN:VCALENDAR\r\n', 'icalendar'],
    ['google.csv', `${GOOGLE_CURRENT_HEADER.join(',')}\n`, 'contacts-csv'],
    ['outlook.csv', `${OUTLOOK_HEADER.join(',')}\n`, 'contacts-csv'],
    ['Connections.csv', 'Notes:\n"x"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n', null],
  ])('%s', (name, text, kind) => {
    expect(sniffSourceKind(name, enc(text))).toBe(kind);
  });
});

describe('bad bytes in a UTF-8 contacts CSV', () => {
  // A UTF-8 export with one stray byte (a copy cut, a bad disk): the row holding it is
  // skipped with its line and why, the other rows (é and all) are read, as for LinkedIn's CSVs.
  it('skips the row with the bad byte, reports its line, and reads the rest as UTF-8', () => {
    const text = file(GOOGLE_CURRENT_HEADER, [
      { 'First Name': 'René', 'Last Name': 'Noël', 'E-mail 1 - Value': 'rene@x.example' },
      { 'First Name': 'BAD', 'Last Name': 'Row', 'E-mail 1 - Value': 'bad@x.example' },
      { 'First Name': 'Jane', 'Last Name': 'Doe', 'E-mail 1 - Value': 'jane@x.example' },
    ]);
    const encoded = new TextEncoder().encode(text);
    const at = new TextEncoder().encode(text.slice(0, text.indexOf('BAD'))).length;
    const bytes = Uint8Array.from([...encoded.subarray(0, at), 0xff, ...encoded.subarray(at + 1)]);
    const book = readAddressBook('contacts.csv', bytes);
    expect(book.contacts.map((c) => c.name)).toEqual(['René Noël', 'Jane Doe']);
    expect(book.skipped).toEqual([
      {
        file: 'contacts.csv',
        line: 3,
        reason: expect.stringContaining('holds bytes that are not valid UTF-8') as string,
      },
    ]);
  });
});

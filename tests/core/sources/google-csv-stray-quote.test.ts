/**
 * A stray `"` in a Google Contacts CSV (a name typed as `"Ann "Nancy` by hand or by another
 * tool) opens a quoted value that runs on to the next quote in the file: the row after it
 * was merged into the broken one and lost, while the report said one row was skipped. Pins
 * what the user sees: the rows a stray quote swallowed are imported when they read as
 * whole rows again, and otherwise every line lost is reported with its file, line, column
 * and what was expected. LinkedIn's files keep the old reading (tests/core/csv/).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UNCLOSED_VALUE_LINES } from '../../../src/core/csv/read-table';
import { planImport } from '../../../src/core/import/plan';
import { addressBookSource } from '../../../src/core/import/sources/address-book';
import { readAddressBook } from '../../../src/core/sources/address-book';
import type { AddressBookFile } from '../../../src/core/sources/contact';
import { notesSnapshot } from '../../support/calendar-builders';
import { csvRow, GOOGLE_CURRENT_HEADER } from '../../support/contact-builders';
import { CONTACT_SAMPLES } from '../../support/paths';

const H = GOOGLE_CURRENT_HEADER;
const person = (first: string, last: string, more: Record<string, string> = {}) =>
  csvRow(H, { 'First Name': first, 'Last Name': last, 'E-mail 1 - Value': `${first.toLowerCase()}@x.org`, ...more });
/** A row as Google writes it, then the first name damaged: a quote opened and a stray one inside. */
const strayQuote = (row: string, first: string) => row.replace(first, `"${first} "Nancy`);
const csv = (...rows: string[]) => [H.join(','), ...rows].join('\n') + '\n';
const read = (text: string) => readAddressBook('contacts.csv', new TextEncoder().encode(text));
const lines = (f: AddressBookFile) => f.contacts.map((c) => `${c.source.line}: ${c.name}`);

async function planned(f: AddressBookFile) {
  const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-06-30' };
  const plan = await planImport([addressBookSource('google-csv', [f])], notesSnapshot([]), settings);
  return { created: plan.creates.map((c) => c.name), skipped: plan.skipped.map((s) => `${s.line}: ${s.reason}`) };
}

const EXPECTED_QUOTES =
  'expected "" for a quote inside a value, and a closing " before the next comma or the end of the line';

describe('Google CSV: a stray quote costs its own row, and every row lost is reported', () => {
  it('the row a stray quote swallowed (up to the next quoted value) is imported; the broken one is named', async () => {
    const text = csv(
      person('Zed', 'One'),
      strayQuote(person('Ann', 'Smith'), 'Ann'),
      person('Bob', 'Roe', { Notes: 'met at FOSDEM, Brussels' }), // Google quotes a value with a comma
      person('Cy', 'Doe'),
    );
    const f = read(text);
    expect(lines(f)).toEqual(['2: Zed One', '4: Bob Roe', '5: Cy Doe']);
    expect(f.contacts[1]?.notes).toBe('met at FOSDEM, Brussels');
    expect(f.skipped).toEqual([
      {
        file: 'contacts.csv',
        line: 3,
        reason: `unbalanced quote in column "First Name" (${EXPECTED_QUOTES}); this row is skipped, the rows after it are read as usual`,
      },
    ]);
    // What the report lists under "Skipped rows" and the notes it creates.
    expect(await planned(f)).toEqual({
      created: ['Zed One', 'Bob Roe', 'Cy Doe'],
      skipped: [expect.stringMatching(/^3: unbalanced quote in column "First Name"/) as string],
    });
  });

  it('a quote opened and never closed costs that row, not the whole file (it used to stop the import)', () => {
    const unclosed = strayQuote(person('Ann', 'Smith'), 'Ann').replace('"Nancy', 'Nancy'); // `"Ann Nancy,…`
    const middle = read(csv(person('Zed', 'One'), unclosed, person('Bob', 'Roe')));
    expect(lines(middle)).toEqual(['2: Zed One', '4: Bob Roe']);
    expect(middle.skipped.map((s) => [s.line, s.reason])).toEqual([
      [
        3,
        `unbalanced quote in column "First Name" (${EXPECTED_QUOTES}); this row is skipped, the rows after it are read as usual`,
      ],
    ]);
    const last = read(csv(person('Zed', 'One'), unclosed));
    expect(lines(last)).toEqual(['2: Zed One']);
    expect(last.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, `unbalanced quote in column "First Name" (${EXPECTED_QUOTES}); this row is skipped`],
    ]);
  });

  it('a quote inside an unquoted value is a character: both rows are imported, nothing is skipped', () => {
    const ann = person('Ann "Nancy', 'Smith', { 'E-mail 1 - Value': 'ann@x.org' }).replace(
      '"Ann ""Nancy"',
      'Ann "Nancy',
    );
    const f = read(csv(ann, person('Bob', 'Roe')));
    expect(lines(f)).toEqual(['2: Ann "Nancy Smith', '3: Bob Roe']);
    expect(f.skipped).toEqual([]);
  });

  it('a stray quote inside a note of several lines costs that row, reported with the lines it spans', () => {
    const broken = person('Ann', 'Smith', { Notes: 'first line\nsecond "line\nthird line' }).replace(
      'second ""line',
      'second "line',
    );
    const f = read(csv(person('Zed', 'One'), broken, person('Bob', 'Roe', { Notes: 'a, b' })));
    expect(lines(f)).toEqual(['2: Zed One', '6: Bob Roe']);
    expect(f.skipped.map((s) => [s.line, s.reason])).toEqual([
      [
        3,
        `unbalanced quote in column "Notes" (${EXPECTED_QUOTES}), so the value runs on to line 5: lines 3–5 are skipped`,
      ],
    ]);
  });

  it('rows that cannot be read again are each reported, with the line of the quote that swallowed them', () => {
    // Row 5 has a quote problem of its own, so rows 4 and 5 do not read as whole rows after line 3.
    const f = read(
      csv(
        strayQuote(person('Ann', 'Smith'), 'Ann'),
        person('Bob', 'Roe'),
        person('Cy', 'Doe', { 'Organization Name': 'Acme, Inc' }).replace('"Acme, Inc"', '"Acme "Corp", Inc"'),
        person('Di', 'Fox'),
      ),
    );
    expect(lines(f)).toEqual(['5: Di Fox']);
    expect(f.skipped.map((s) => [s.line, s.reason])).toEqual([
      [
        2,
        `unbalanced quote in column "First Name" (${EXPECTED_QUOTES}), so the value runs on to line 4: lines 2–4 are skipped`,
      ],
      [3, 'this row is inside the value the unbalanced quote on line 2 opened; skipped with it'],
    ]);
  });

  // An address over three lines whose closing quote was lost: the value runs on to the end of the
  // file, as no quote follows. It used to stop the whole file though the rows after it read fine.
  const ADDRESS = 'Address 1 - Formatted';
  const withAddress = (first: string, last: string, address = '') =>
    csvRow([...H, ADDRESS], {
      'First Name': first,
      'Last Name': last,
      'E-mail 1 - Value': `${first}@x.org`,
      [ADDRESS]: address,
    });
  const addressCsv = (...rows: string[]) => [[...H, ADDRESS].join(','), ...rows].join('\n') + '\n';
  const lostClosingQuote = withAddress('Ann', 'Smith', '1 Main St\nSpringfield, IL 62701\nUSA').replace('USA"', 'USA');
  const unbalancedAddress = `unbalanced quote in column "${ADDRESS}" (${EXPECTED_QUOTES})`;

  it('a value of several lines that lost its closing quote costs its own row, reported with its lines', () => {
    const f = read(
      addressCsv(withAddress('Zed', 'One'), lostClosingQuote, withAddress('Bob', 'Roe'), withAddress('Cy', 'Doe')),
    );
    expect(lines(f)).toEqual(['2: Zed One', '6: Bob Roe', '7: Cy Doe']);
    expect(f.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, `${unbalancedAddress}; this row (lines 3–5) is skipped, the rows after it are read as usual`],
    ]);
  });

  it('when the row it ends cannot be told, the file stops, saying why', () => {
    // A hand-edited row of two values, far below: no line end near the quote leaves whole rows after it.
    const far = Array.from({ length: UNCLOSED_VALUE_LINES + 5 }, (_, i) => withAddress(`P${i}`, 'Roe'));
    const text = addressCsv(withAddress('Zed', 'One'), lostClosingQuote, ...far, 'short,row', withAddress('Cy', 'Doe'));
    const width = H.length + 1;
    expect(() => read(text)).toThrow(
      `contacts.csv, line 3: ${unbalancedAddress}, and the rest of the file cannot be read: the lines after it do not all read as rows of ${width} values`,
    );
  });

  it('rows swallowed by a row that ends far below its quote are each named, not lost inside "this row"', () => {
    // The quote on line 2 runs on to the quoted value on line 6, whose opening quote is a stray one
    // to it; the short row on line 5 means the row is taken to end there, so the rows on lines 3
    // and 4 are skipped with it (they used to be only within "lines 2–5"): each is named.
    const f = read(
      csv(
        strayQuote(person('Ann', 'Smith'), 'Ann').replace('"Nancy', 'Nancy'),
        person('Bob', 'Roe'),
        person('Cy', 'Doe'),
        'short,row',
        person('Di', 'Fox', { Notes: 'a, b' }),
      ),
    );
    expect(lines(f)).toEqual(['6: Di Fox']);
    expect(f.skipped.map((s) => [s.line, s.reason])).toEqual([
      [
        2,
        `unbalanced quote in column "First Name" (${EXPECTED_QUOTES}); this row (lines 2–5) is skipped, the rows after it are read as usual`,
      ],
      [3, 'this row is inside the value the unbalanced quote on line 2 opened; skipped with it'],
      [4, 'this row is inside the value the unbalanced quote on line 2 opened; skipped with it'],
    ]);
  });
});

const legacy = path.join(CONTACT_SAMPLES, 'google-csv-legacy-export-2018.csv');

describe.skipIf(!fs.existsSync(legacy))('the real legacy Google CSV sample with a stray quote typed into it', () => {
  it('any one row given a stray quote costs that row alone, reported at its line', () => {
    const text = fs.readFileSync(legacy, 'utf8');
    const whole = read(text);
    const physical = text.split('\n');
    // Every row start (each contact's first line), its first value opened with a quote never closed.
    for (const contact of whole.contacts) {
      const damaged = [...physical];
      damaged[contact.source.line - 1] = `"${damaged[contact.source.line - 1] ?? ''}`;
      const f = read(damaged.join('\n'));
      expect(f.contacts.map((c) => c.source.line)).toEqual(
        whole.contacts.filter((c) => c !== contact).map((c) => c.source.line),
      );
      expect(f.skipped.map((s) => s.line)).toEqual([contact.source.line]);
    }
  });
});

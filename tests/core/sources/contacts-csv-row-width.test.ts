/**
 * A Google or Outlook contacts CSV row with another number of cells than the header is damage:
 * these exports write every cell of every row, the empty ones included. A stray quote that closed
 * a note of several lines early left the note's tail as rows of their own, and each became a
 * person named after a line of the note. Pins what the user sees: no such person, and each row
 * left out named in the plan's skipped rows (what the CLI, the import preview and the report list)
 * with its line, its number of values and the header's; blank lines stay silent. The real samples
 * read as before (tests/samples/address-book-samples.test.ts); LinkedIn's files are read elsewhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/core/import/plan';
import { addressBookSource } from '../../../src/core/import/sources/address-book';
import { readAddressBook } from '../../../src/core/sources/address-book';
import type { AddressBookFile } from '../../../src/core/sources/contact';
import { notesSnapshot } from '../../support/calendar-builders';
import { csvRow, GOOGLE_CURRENT_HEADER, OUTLOOK_HEADER } from '../../support/contact-builders';
import { CONTACT_SAMPLES } from '../../support/paths';

const H = GOOGLE_CURRENT_HEADER;
const person = (first: string, last: string, more: Record<string, string> = {}) =>
  csvRow(H, { 'First Name': first, 'Last Name': last, 'E-mail 1 - Value': `${first.toLowerCase()}@x.org`, ...more });
const csv = (header: readonly string[], ...rows: string[]) => [header.join(','), ...rows].join('\n') + '\n';
const read = (text: string) => readAddressBook('contacts.csv', new TextEncoder().encode(text));
const lines = (f: AddressBookFile) => f.contacts.map((c) => `${c.source.line}: ${c.name}`);

async function planned(f: AddressBookFile) {
  const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-06-30' };
  const plan = await planImport([addressBookSource(f.format, [f])], notesSnapshot([]), settings);
  return { created: plan.creates.map((c) => c.name), skipped: plan.skipped.map((s) => `${s.line}: ${s.reason}`) };
}

describe('contacts CSV: a row of another width than the header is left out and named', () => {
  it('the tail of a note a stray quote closed early makes no person; each piece is named by its line', async () => {
    // Google quotes the note; a quote typed after its first line closes it there, so the row
    // ends on line 3 and the note's other lines are read as rows of their own.
    const ann = person('Ann', 'Smith', { Notes: 'met at FOSDEM\nSMS MO for Internet settings\nask about the router' });
    const damaged = ann.replace('"met at FOSDEM\n', '"met at FOSDEM"\n');
    // A blank line and Excel's `,,,` padding between rows stay silent, as before.
    const f = read(csv(H, person('Zed', 'One'), damaged, '', ',,,', person('Bob', 'Roe')));
    expect(lines(f)).toEqual(['2: Zed One', '8: Bob Roe']);
    const notes = H.indexOf('Notes');
    expect(await planned(f)).toEqual({
      created: ['Zed One', 'Bob Roe'],
      skipped: [
        `3: ${notes + 1} values where the header has ${H.length}; left out`,
        `4: 1 value where the header has ${H.length}; left out`,
        `5: ${H.length - notes} values where the header has ${H.length}; left out`,
      ],
    });
  });

  it('a value spilled over into the next column (an unquoted comma) leaves its row out, not shifted values', async () => {
    // `Acme, Inc` typed without quotes: every value after it is one column to the right.
    const spilled = person('Ann', 'Smith', { 'Organization Name': 'Acme, Inc' }).replace('"Acme, Inc"', 'Acme, Inc');
    const f = read(csv(H, spilled, person('Bob', 'Roe')));
    expect(lines(f)).toEqual(['3: Bob Roe']);
    expect(f.skipped.map((s) => `${s.line}: ${s.reason}`)).toEqual([
      `2: ${H.length + 1} values where the header has ${H.length}; left out`,
    ]);
  });

  it('Outlook CSV too: a row cut in two by a line break leaves both pieces out', () => {
    const row = csvRow(OUTLOOK_HEADER, { 'First Name': 'Jane', 'Last Name': 'Doe', 'E-mail Address': 'jane@x.org' });
    const width = OUTLOOK_HEADER.length;
    const cut = row.replace('Doe,', 'Doe\n');
    const f = read(csv(OUTLOOK_HEADER, cut, csvRow(OUTLOOK_HEADER, { 'First Name': 'Bob', 'Last Name': 'Roe' })));
    expect(f.format).toBe('outlook-csv');
    expect(lines(f)).toEqual(['4: Bob Roe']);
    expect(f.skipped.map((s) => `${s.line}: ${s.reason}`)).toEqual([
      `2: 3 values where the header has ${width}; left out`,
      `3: ${width - 3} values where the header has ${width}; left out`,
    ]);
  });
});

const legacy = path.join(CONTACT_SAMPLES, 'google-csv-legacy-export-2018.csv');

describe.skipIf(!fs.existsSync(legacy))('the real legacy Google CSV sample, its multi-line note closed early', () => {
  it('"SMS MO for Internet settings" is not a person; the three lines of the broken row are named', async () => {
    const text = fs.readFileSync(legacy, 'utf8');
    const whole = read(text);
    const physical = text.split('\n');
    // Line 4 opens the AIRTEL note `"SMS MO for Internet settings,…`; a quote typed at its end closes it there.
    expect(physical[3]).toMatch(/^AIRTEL INTERNET CENTER TOLL FREE,.*,"SMS MO for Internet settings,/);
    physical[3] = `${physical[3] ?? ''}"`;
    const f = read(physical.join('\n'));
    expect(f.contacts.map((c) => c.name)).not.toContain('SMS MO for Internet settings');
    expect(lines(f)).toEqual(lines(whole).filter((l) => !l.startsWith('4: ')));
    const { created, skipped } = await planned(f);
    expect(created).not.toContain('SMS MO for Internet settings');
    expect(skipped).toEqual([
      '4: 26 values where the header has 77; left out',
      '5: 3 values where the header has 77; left out',
      '6: 54 values where the header has 77; left out',
    ]);
  });
});

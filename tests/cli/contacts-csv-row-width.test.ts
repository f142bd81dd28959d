/**
 * `network-crm import` of a Google Contacts CSV whose note a stray quote closed early, as a user
 * runs it: the note's tail used to come out as a person of its own. Pins what the terminal says
 * (each row left out, with its line and the header's number of values) and that no note is made
 * for it. The reading itself is pinned in tests/core/sources/contacts-csv-row-width.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { cli } from '../support/cli';
import { csvRow, GOOGLE_CURRENT_HEADER as H } from '../support/contact-builders';
import { tempDir } from '../support/temp-dir';

const person = (first: string, last: string, more: Record<string, string> = {}) =>
  csvRow(H, { 'First Name': first, 'Last Name': last, 'E-mail 1 - Value': `${first.toLowerCase()}@x.org`, ...more });

it('a row of one value (the tail of a broken note) is listed as skipped with its line, and makes no note', async () => {
  const dir = tempDir();
  const vault = path.join(dir, 'vault');
  fs.mkdirSync(vault);
  const file = path.join(dir, 'contacts.csv');
  const ann = person('Ann', 'Smith', { Notes: 'met at FOSDEM\nSMS MO for Internet settings\nask about the router' });
  const rows = [person('Zed', 'One'), ann.replace('"met at FOSDEM\n', '"met at FOSDEM"\n'), person('Bob', 'Roe')];
  fs.writeFileSync(file, [H.join(','), ...rows].join('\n') + '\n');

  const r = await cli('import', file, '--vault', vault);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^ +3 rows skipped$/m);
  expect(r.out).toContain(`contacts.csv:4: 1 value where the header has ${H.length}; left out`);
  expect(fs.readdirSync(path.join(vault, 'People')).sort()).toEqual(['Bob Roe.md', 'Zed One.md']);
});

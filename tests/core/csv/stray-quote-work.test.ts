/**
 * Recovery from a stray quote (`recoverStrayQuotes`, address books) tries each line end of the
 * runaway row as its real end. Tried naively that is a parse of the rest of the row per line end,
 * and a search for the next quote per row: a 20,000-row file with one opening quote on row 2,
 * one short row further down and the next quote near its end took minutes (the import dialog
 * froze). Pinned by counting the rows recovery parses, which must grow with the file, not with
 * its square; the search for the next quote, which no count of rows sees, by one wide time bound.
 */
import { describe, expect, it } from 'vitest';
import { readCsvTable, type CsvReaderOptions } from '../../../src/core/csv/read-table';

const HEADER = 'First Name,Last Name,Organization Name,Notes,E-mail 1 - Value,Address 1 - City';
const isHeader = (cells: readonly string[]) => cells.includes('first name');
const person = (i: number, company = 'Acme') => `P${i},L${i},${company},,p${i}@x.org,Paris`;

/**
 * `rows` rows: row 2 opens a quote it never closes on its line, the next quote in the file is on
 * the last row but one, and with `shortRow` a hand-edited row of two values comes just before it.
 */
function runaway(rows: number, shortRow: boolean): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    if (i === 1) lines.push(`"${person(i)}`);
    else if (shortRow && i === rows - 3) lines.push('short,row');
    else if (i === rows - 2) lines.push(person(i, '"Acme, Inc"'));
    else lines.push(person(i));
  }
  return lines.join('\n') + '\n';
}

function read(text: string, options: CsvReaderOptions = { recoverStrayQuotes: true }) {
  let parses = 0;
  const table = readCsvTable(text, 'contacts.csv', isHeader, 'a contacts header', {
    ...options,
    onRecoveryParse: () => parses++,
  });
  return { table, parses };
}

describe('recovery from a stray quote does work in proportion to the rows it reads again', () => {
  it('a short row far below makes every line end but the last fail: each row is still parsed about twice', () => {
    const rows = 2000;
    const { table, parses } = read(runaway(rows, true));
    // Once to decide where the row ends, once more to name each row it swallowed. Tried line end
    // by line end as before, this was about rows² / 2: 2,000,000.
    expect(parses).toBeLessThan(3 * rows);
    // The row is taken to end on the short row's line; the one after it is read again.
    expect(table.rows.map((r) => r.line)).toEqual([2, rows, rows + 1]);
    expect(table.badRows[0]).toMatchObject({ line: 3 });
    expect(table.badRows[0]?.message).toContain(`this row (lines 3–${rows - 1}) is skipped`);
    // Each swallowed row is named (rows 4 to the one before the short row).
    expect(table.badRows).toHaveLength(rows - 4);
  });

  it('without the short row, the first line end is taken after one pass, with no search for the next quote per row', () => {
    // Each row looking for the next quote (on the last row but one) made this quadratic: about
    // 25 s for these 200,000 rows, against a third of a second read once. The only timing here,
    // with a bound wide enough for a loaded machine: a count of parses cannot see that search.
    const rows = 200_000;
    const text = runaway(rows, false);
    const started = performance.now();
    const { table, parses } = read(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(table.rows).toHaveLength(rows - 1);
    expect(table.badRows.map((b) => b.line)).toEqual([3]);
    expect(parses).toBeLessThanOrEqual(rows);
  });

  it('valid rows, quoted values of several lines included, never enter recovery; nor does anything when it is off', () => {
    const valid = [HEADER, person(0, '"Acme, Inc"'), 'P1,L1,Acme,"a note\nover ""two"" lines",p1@x.org,Paris'].join(
      '\n',
    );
    const on = read(valid);
    expect(on.table.rows).toHaveLength(2);
    expect(on.parses).toBe(0);
    // Off (LinkedIn's files): the runaway row is one bad row, as it always was, and no more is done.
    const off = read(runaway(50, false), {});
    expect(off.parses).toBe(0);
    expect(off.table.badRows.map((b) => b.line)).toEqual([3]);
  });
});

import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/csv/input-error';
import { CsvReader, normaliseHeaderCell, readCsvTable, type CsvRow } from '../../../src/core/csv/read-table';

const isHeader = (cells: readonly string[]) => cells.includes('connected on');

describe('readCsvTable', () => {
  it('finds the header after the Notes: preamble and numbers rows by physical line', () => {
    const text = 'Notes:\n"Long, quoted, preamble"\n\nFirst Name,Connected On\nAnn,09 Sep 2022\n\nBob,08 Sep 2022';
    const t = readCsvTable(text, 'Connections.csv', isHeader, 'x');
    expect(t.headerLine).toBe(4);
    expect(t.rows).toEqual([
      { line: 5, cells: ['Ann', '09 Sep 2022'] },
      { line: 7, cells: ['Bob', '08 Sep 2022'] },
    ]);
  });

  it("skips Excel's padded preamble (Notes:,,) and CRLF", () => {
    const text =
      'Notes:,,\r\n"When exporting, you may",,\r\n,,\r\nCompany,Position,Connected On\r\nAcme,CTO,23-Nov-21\r\n';
    const t = readCsvTable(text, 'c.csv', isHeader, 'x');
    expect(t.header).toEqual(['company', 'position', 'connected on']);
    expect(t.rows).toEqual([{ line: 5, cells: ['Acme', 'CTO', '23-Nov-21'] }]);
  });

  it('sniffs ; from the header line and keeps quoted commas and newlines', () => {
    const text = 'First Name;Connected on\r\n"Smith; Jr";16.09.2021\r\n"Multi\nline";1.1.2020';
    const t = readCsvTable(text, 'c.csv', isHeader, 'x');
    expect(t.delimiter).toBe(';');
    expect(t.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'Smith; Jr'],
      [3, 'Multi\nline'],
    ]);
  });

  it('counts lines correctly after a field with embedded newlines', () => {
    const text = 'a,Connected On\n"x\ny\nz",1\nnext,2';
    const t = readCsvTable(text, 'c.csv', isHeader, 'x');
    expect(t.rows[1]).toEqual({ line: 5, cells: ['next', '2'] });
  });

  it('names the file and what it expected when no header is found', () => {
    expect(() =>
      readCsvTable(
        'Organization,Followed On\nAcme,Tue Aug 30',
        'Company Follows.csv',
        isHeader,
        'a Connections header',
      ),
    ).toThrow('Company Follows.csv: found "Organization,Followed On", expected a Connections header');
  });

  it('reports an unclosed quote with its line and stops', () => {
    const text = 'First Name,Connected On\nAnn,1 Jan 2020\n"Bob,2 Jan 2020\nCarl,3 Jan 2020';
    let error: unknown;
    try {
      readCsvTable(text, 'Connections.csv', isHeader, 'x');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).line).toBe(3);
    expect((error as Error).message).toMatch(/^Connections\.csv, line 3: a quoted value is never closed/);
  });

  it('normalises header cells: BOM, quotes, case, underscores', () => {
    expect(normaliseHeaderCell('\uFEFF"Connected_On "')).toBe('connected on');
  });
});

/**
 * The streaming reader (issue 13 cases 1, 3 and 9): the same rows whatever the chunks,
 * rows with bad bytes and a cut-short last row reported by line and skipped, a column
 * written twice merged or refused, and a row that never ends refused before it fills memory.
 */
describe('CsvReader', () => {
  function readChunks(text: string, cuts: number[], options: { invalid?: boolean; cutShort?: boolean } = {}) {
    const rows: CsvRow[] = [];
    const bad: Array<[number, string]> = [];
    const reader = new CsvReader(
      'c.csv',
      isHeader,
      'x',
      { header: () => undefined, row: (r) => rows.push(r), bad: (line, m) => bad.push([line, m]) },
      { invalidBytes: () => options.invalid === true },
    );
    let at = 0;
    for (const cut of [...cuts].filter((c) => c > 0 && c < text.length).sort((a, b) => a - b)) {
      reader.push(text.slice(at, cut));
      at = cut;
    }
    reader.push(text.slice(at));
    reader.end({ cutShort: options.cutShort });
    return { rows, bad };
  }

  const cellText = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.constantFrom('a,b', 'say "hi"', 'two\nlines', 'crlf\r\nin quotes', '"', '""', ' padded ', 'é😀'),
  );
  const table = fc.array(fc.array(cellText, { minLength: 3, maxLength: 3 }), { maxLength: 12 });
  const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

  it('property: rows and line numbers do not depend on where the chunks split, and match papaparse', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), fc.array(fc.nat(300), { maxLength: 8 }), (rows, eol, cuts) => {
        const kept = rows.filter((r) => !r.every((c) => c.trim() === ''));
        const text = ['Name,Note,Connected On', ...rows.map((r) => r.map(quote).join(','))].join(eol);
        const whole = readChunks(text, []);
        const chunked = readChunks(text, cuts);
        expect(chunked).toEqual(whole);
        expect(whole.bad).toEqual([]);
        expect(whole.rows.map((r) => r.cells)).toEqual(kept);
        const papa = Papa.parse<string[]>(text, { delimiter: ',' }).data.slice(1);
        expect(whole.rows.map((r) => r.cells)).toEqual(papa.filter((r) => !r.every((c) => c.trim() === '')));
      }),
      { numRuns: 1500 },
    );
  });

  it('a row holding bytes that were not UTF-8 is reported with its line and skipped, the rest kept', () => {
    const text = 'Name,Connected On\nAnn,1 Jan 2020\nB\uFFFDb,2 Jan 2020\nCy,3 Jan 2020';
    const r = readChunks(text, [], { invalid: true });
    expect(r.rows.map((x) => x.cells[0])).toEqual(['Ann', 'Cy']);
    expect(r.bad).toEqual([[3, expect.stringContaining('not valid UTF-8') as string]]);
    // Without bad bytes in the file, a U+FFFD is just a character.
    expect(readChunks(text, []).rows).toHaveLength(3);
  });

  it('a cut-short last row is reported and skipped: fewer cells, a quote open on the last line, or a cut inside a character', () => {
    const good = 'Name,Company,Connected On\nAnn,Acme,1 Jan 2020\n';
    expect(readChunks(`${good}Bob,Glo`, []).bad).toEqual([[3, expect.stringContaining('cut short') as string]]);
    expect(readChunks(`${good}Bob,"Globex, In`, []).bad).toEqual([[3, expect.stringContaining('cut short') as string]]);
    expect(readChunks(`${good}Bob,Globex,1 Jan 20\uFFFD`, [], { cutShort: true }).bad).toHaveLength(1);
    // A last row with all its cells is whole; one ending in a line break was not cut.
    expect(readChunks(`${good}Bob,Globex,1 Jan 2020`, []).rows).toHaveLength(2);
    expect(readChunks(`${good}Bob,Globex\n`, []).rows).toHaveLength(2);
  });

  it('a column written twice: the non-empty copy wins when they agree, an error names both when they do not', () => {
    const agree = readChunks('Name,URL,URL,Connected On\nAnn,,u1,1\nBo,u2,u2,2\nCy,u3,,3', []);
    expect(agree.rows.map((r) => r.cells[1])).toEqual(['u1', 'u2', 'u3']);
    expect(() => readChunks('Name,URL,url,Connected On\nAnn,u1,u2,1', [])).toThrow(
      'c.csv, line 2: the column "URL" is there twice (columns 2 and 3) and the two disagree: "u1" and "u2". Keep one of them',
    );
  });

  it('a quote not doubled inside a quoted value makes that row bad, not the file', () => {
    const r = readChunks('Name,Connected On\n"Ann "The" Lee",1\nBo,2', []);
    expect(r.rows.map((x) => x.cells[0])).toEqual(['Bo']);
    expect(r.bad).toEqual([[2, expect.stringContaining('not doubled') as string]]);
  });

  it('a row whose stray quote runs on over the next line says it takes that line with it', () => {
    // A message whose text opens a quote it never closes: the next row's first quote closes it.
    const text = 'Name,Connected On,Note\nAnn,1,"Thanks! unclosed,x\nBo,2,"Meet, ""soon"""\nCy,3,ok\n';
    for (const chunks of [[], [30], [25, 50]]) {
      const r = readChunks(text, chunks);
      expect(r.rows.map((x) => x.cells[0])).toEqual(['Cy']);
      expect(r.bad).toEqual([
        [2, expect.stringContaining('so the row runs on to line 3: lines 2–3 are skipped') as string],
      ]);
    }
  });

  it('a row that never ends is refused before it fills memory', () => {
    const reader = new CsvReader('c.csv', isHeader, 'x', {
      header: () => undefined,
      row: () => undefined,
      bad: () => undefined,
    });
    reader.push('Name,Connected On\n"');
    expect(() => {
      for (let i = 0; i < 6; i++) reader.push('x'.repeat(1 << 20));
    }).toThrow(/c\.csv, line 2: a row runs on for more than 4 MB/);
  });

  it('binary data is named as such, not quoted', () => {
    expect(() => readCsvTable('\u0000\u0000\u0000PK', 'x.csv', isHeader, 'a header')).toThrow(
      'x.csv: holds binary data, not text; expected a header',
    );
  });
});

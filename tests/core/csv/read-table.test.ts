import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/core/csv/input-error';
import { normaliseHeaderCell, readCsvTable } from '../../../src/core/csv/read-table';

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

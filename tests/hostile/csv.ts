/**
 * Hostile CSV shapes that are still valid CSV: a column written twice (a broken export
 * tool, a spreadsheet merge), with the copies empty, equal or in conflict.
 */

export type CopyMode = 'empty-first' | 'same' | 'conflict';

/**
 * Writes `column` twice, side by side. `empty-first`: the first copy is empty and the
 * second holds the value (what silently dropped URLs before). `same`: both hold it.
 * `conflict`: the first copy holds the value with `-other` appended on row `conflictLine`.
 */
export function duplicateColumn(csv: string, column: string, mode: CopyMode, conflictLine?: number): string {
  const lines = csv.split('\n');
  const headerIndex = lines.findIndex((l) => l.split(',').includes(column));
  if (headerIndex === -1) throw new Error(`no header with ${column}`);
  const col = (lines[headerIndex] as string).split(',').indexOf(column);
  return lines
    .map((line, i) => {
      if (i < headerIndex || line === '') return line;
      const cells = line.split(',');
      if (cells.length <= col) return line; // a quoted comma somewhere: leave the row alone
      const value = cells[col] as string;
      let copy = value;
      if (i > headerIndex && mode === 'empty-first') copy = '';
      if (i > headerIndex && mode === 'conflict' && i + 1 === conflictLine) copy = `${value}-other`;
      cells.splice(col, 0, copy);
      return cells.join(',');
    })
    .join('\n');
}

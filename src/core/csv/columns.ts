/**
 * Column lookup by header name. LinkedIn moves columns between versions (URL appeared
 * between Last Name and Email Address in 2023–24; messages keep growing at the end), so
 * nothing in the importer depends on a column's position.
 */
export type ColumnSpec<K extends string> = Record<K, readonly string[]>;

export type ColumnIndex<K extends string> = Record<K, number>;

/** Maps each logical column to its index in `header`, or -1 when the file lacks it. */
export function indexColumns<K extends string>(header: readonly string[], spec: ColumnSpec<K>): ColumnIndex<K> {
  const out = {} as ColumnIndex<K>;
  for (const key of Object.keys(spec) as K[]) {
    out[key] = header.findIndex((h) => spec[key].includes(h));
  }
  return out;
}

/** The trimmed cell for a column, or '' when the column or the cell is missing. */
export function cell(cells: readonly string[], index: number): string {
  if (index < 0) return '';
  const value = cells[index];
  return value === undefined ? '' : value.trim();
}

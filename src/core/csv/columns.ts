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

/** A column a file cannot be read without: its name as the file's own header writes it, and the names it goes by. */
export interface RequiredColumn {
  label: string;
  names: readonly string[];
}

/**
 * The required columns a header line lacks, when it names at least two of the file's columns
 * (it is this file's header with a column missing); null for any other line. For the error
 * that says which column a file lacks rather than quoting its first line.
 */
export function missingColumns<K extends string>(
  cells: readonly string[],
  spec: ColumnSpec<K>,
  required: readonly RequiredColumn[],
): string[] | null {
  const known = Object.values<readonly string[]>(spec);
  if (cells.filter((c) => known.some((names) => names.includes(c))).length < 2) return null;
  return required.filter((r) => !cells.some((c) => r.names.includes(c))).map((r) => r.label);
}

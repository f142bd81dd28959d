/**
 * Rows of columns for the CLI's text output, aligned by display width (see
 * core/text/display-width.ts) and cut with "…" so one long name or note never breaks the
 * table. A row may carry a detail line (an invitation's note), printed under it.
 */
import { displayWidth, fitDisplay, terminalSafe, truncateDisplay } from '../core/text/display-width';
import type { CliIo } from './io';

export interface TableRow {
  cells: string[];
  detail: string | null;
}

/** Widest a column may get; the last column is not padded. */
const MAX_WIDTH = [26, 36, 50, 60];
const DETAIL_WIDTH = 100;

export function printTable(io: CliIo, rows: readonly TableRow[]): void {
  const clean = rows.map((r) => ({
    cells: r.cells.map(terminalSafe),
    detail: r.detail === null ? null : terminalSafe(r.detail),
  }));
  const columns = Math.max(0, ...clean.map((r) => r.cells.length));
  const widths = Array.from({ length: columns }, (_, i) =>
    Math.min(MAX_WIDTH[i] ?? 60, Math.max(0, ...clean.map((r) => displayWidth(r.cells[i] ?? '')))),
  );
  for (const r of clean) {
    const cells = r.cells.map((c, i) =>
      i === columns - 1 ? truncateDisplay(c, widths[i] ?? 60) : fitDisplay(c, widths[i] ?? 0),
    );
    io.out(`  ${cells.join('  ').trimEnd()}`);
    if (r.detail !== null) io.out(`  ${' '.repeat((widths[0] ?? 0) + 2)}${truncateDisplay(r.detail, DETAIL_WIDTH)}`);
  }
}

/**
 * Rows of columns for the CLI's text output, aligned by display width (see
 * core/text/display-width.ts) and cut with "…" so one long name or note never breaks the
 * table. A row may carry detail lines (an invitation's note), printed under it. Text from
 * an export is made terminal-safe first: control and direction-override characters could
 * otherwise rewrite or reorder the line.
 */
import { displayWidth, padDisplay } from '../core/text/display-width';
import type { CliIo } from './io';

export interface TableRow {
  cells: string[];
  /** Lines printed under the row, indented past its first column. */
  details: string[];
}

/** Widest a column may get. */
const MAX_WIDTH = [26, 36, 56, 60];
const DETAIL_WIDTH = 100;

function isUnsafe(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    cp === 0x200e ||
    cp === 0x200f ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069)
  );
}

/** One line, without control or direction-override characters. */
export function terminalSafe(text: string): string {
  let out = '';
  for (const ch of text.replace(/\s+/g, ' ')) if (!isUnsafe(ch.codePointAt(0) ?? 0)) out += ch;
  return out;
}

/** Cut to at most `width` columns, with "…" when something was cut; never padded. */
export function truncateDisplay(text: string, width: number): string {
  return displayWidth(text) <= width ? text : padDisplay(text, width).trimEnd();
}

export function printTable(io: CliIo, rows: readonly TableRow[]): void {
  const clean = rows.map((r) => ({
    cells: r.cells.map(terminalSafe),
    details: r.details.map(terminalSafe),
  }));
  const count = Math.max(0, ...clean.map((r) => r.cells.length));
  const widths = Array.from({ length: count }, (_, i) =>
    Math.min(MAX_WIDTH[i] ?? 60, Math.max(0, ...clean.map((r) => displayWidth(r.cells[i] ?? '')))),
  );
  // A column empty in every row (no company for invitations) takes no room; the last one is not cut.
  const shown = widths.map((w, i) => ({ w, i })).filter((c) => c.w > 0);
  const last = shown[shown.length - 1]?.i;
  for (const r of clean) {
    const cells = shown.map(({ w, i }) => (i === last ? (r.cells[i] ?? '') : padDisplay(r.cells[i] ?? '', w)));
    io.out(`  ${cells.join('  ').trimEnd()}`);
    for (const d of r.details) io.out(`  ${' '.repeat((widths[0] ?? 0) + 2)}${truncateDisplay(d, DETAIL_WIDTH)}`);
  }
}

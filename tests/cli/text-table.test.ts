/**
 * Pins the CLI's text tables: columns line up by what the terminal shows (wide and
 * combining characters), long cells are cut with "…", an empty column takes no room, and a
 * name with direction overrides or control characters cannot rewrite the line.
 */
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/core/text/display-width';
import { printTable, terminalSafe, truncateDisplay } from '../../src/cli/text-table';

function table(rows: Array<{ cells: string[]; detail?: string }>): string[] {
  const out: string[] = [];
  printTable(
    { out: (l) => out.push(l), err: () => undefined, interrupted: () => false, breathe: () => Promise.resolve() },
    rows.map((r) => ({ cells: r.cells, details: r.detail === undefined ? [] : [r.detail] })),
  );
  return out;
}

describe('text tables', () => {
  it('aligns columns by display width', () => {
    const lines = table([
      { cells: ['山田太郎', 'Acme', 'Connected on 2026-11-20'] },
      { cells: ['Nguye\u0302\u0303n Van', 'Globex', 'Connected on 2026-11-19'] },
      { cells: ['Ann', '', 'Invited you'], detail: '“Hi!”' },
    ]);
    const column = (line: string) =>
      displayWidth(line.slice(0, line.indexOf('Connected') >= 0 ? line.indexOf('Connected') : line.indexOf('Invited')));
    expect(new Set(lines.filter((l) => !l.includes('“')).map(column)).size).toBe(1);
    expect(lines[3]).toBe('              “Hi!”');
  });

  it('cuts long cells and drops empty columns', () => {
    const [line] = table([{ cells: ['A'.repeat(40), '', 'reason'] }]);
    expect(line).toBe(`  ${'A'.repeat(25)}…  reason`);
    expect(truncateDisplay('Hello world', 6)).toBe('Hello…');
  });

  it('removes what could rewrite a terminal line', () => {
    expect(terminalSafe('شركة\u202Eevil\u0007\nnext')).toBe('شركةevil next');
  });
});

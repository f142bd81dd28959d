/**
 * Child-process probe for case-09: parses a generated Connections.csv through the real
 * read path (bytes → decoded chunks → CSV rows → records), keeps the result, and prints
 * how much heap it holds after a full GC. Run with `node --expose-gc --import tsx`.
 * Arguments: rows, and the length of an extra column no record keeps.
 */
import { readExport } from '../../../src/core/linkedin/read-export';

const [rows, padding] = process.argv.slice(2).map(Number) as [number, number];
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

function connectionsCsv(): Uint8Array {
  const pad = 'x'.repeat(padding);
  const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On,Notes'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Zoë${i},Ångström,https://www.linkedin.com/in/person-${i},,Company ${i % 97},Engineer,01 Jan 2024,${pad}`,
    );
  return new TextEncoder().encode(lines.join('\n'));
}

const bytes = connectionsCsv();
gc();
gc();
const before = process.memoryUsage().heapUsed;
const kept = readExport([{ name: 'Connections.csv', bytes, origin: 'picked' }]);
gc();
const after = process.memoryUsage().heapUsed;
process.stdout.write(
  JSON.stringify({ records: kept.connections[0]?.records.length ?? 0, heldMb: (after - before) / 1e6 }),
);

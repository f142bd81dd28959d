/**
 * `--json` output printed piece by piece: the same text as `JSON.stringify(value, null, 2)`,
 * but each element of a top-level list is serialised and written on its own, so a list of
 * 30,000 entries (triage's queue is ~30 MB at that size) never exists as one string.
 */
import type { CliIo } from './io';

function indented(json: string, pad: string): string {
  // JSON.stringify escapes newlines inside strings, so every \n here is a line break.
  return json.replace(/\n/g, `\n${pad}`);
}

export function printJson(io: CliIo, value: Readonly<Record<string, unknown>>): void {
  const entries = Object.entries(value).filter(([, v]) => JSON.stringify(v) !== undefined);
  if (entries.length === 0) return io.out('{}');
  io.out('{');
  entries.forEach(([key, v], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    const head = `  ${JSON.stringify(key)}: `;
    if (!Array.isArray(v) || v.length === 0)
      return io.out(`${head}${indented(JSON.stringify(v, null, 2), '  ')}${comma}`);
    io.out(`${head}[`);
    v.forEach((item: unknown, j) => {
      const text = JSON.stringify(item, null, 2) ?? 'null';
      io.out(`    ${indented(text, '    ')}${j < v.length - 1 ? ',' : ''}`);
    });
    io.out(`  ]${comma}`);
  });
  io.out('}');
}

/**
 * `--json` output printed piece by piece: the same text as `JSON.stringify(value, null, 2)`,
 * but each element of a top-level list is serialised and written on its own, so a list of
 * 30,000 entries (triage's queue is ~30 MB at that size) never exists as one string, and
 * with {@link JsonList} each element's object is made only when it is printed.
 */
import type { CliIo } from './io';

/** A top-level list whose elements are made one at a time, as they are printed, then dropped. */
export class JsonList<T> {
  constructor(
    readonly items: readonly T[],
    readonly map: (item: T) => unknown,
  ) {}
}

function indented(json: string, pad: string): string {
  // JSON.stringify escapes newlines inside strings, so every \n here is a line break.
  return json.replace(/\n/g, `\n${pad}`);
}

/** Elements serialised per call: one call per element, then re-indenting it, was a sixth of `stale --json`. */
const CHUNK = 128;

/**
 * Elements `from`–`to` of a list that sits at the second level of the output, as those lines
 * of it: nested two deep, JSON.stringify indents them as they stand there, and only the two
 * brackets around them come off ("[\n  [\n" before, "\n  ]\n]" after).
 */
function elements(list: JsonList<unknown>, from: number, to: number): string {
  const made: unknown[] = [];
  for (let i = from; i < to; i++) made.push(list.map(list.items[i]));
  const json = JSON.stringify([made], null, 2);
  return json.slice(6, json.length - 6);
}

export function printJson(io: CliIo, value: Readonly<Record<string, unknown>>): void {
  const entries = Object.entries(value).filter(([, v]) => v instanceof JsonList || JSON.stringify(v) !== undefined);
  if (entries.length === 0) return io.out('{}');
  // A chunk of elements is one line (see CHUNK); writing the output in blocks is the CliIo's job.
  io.out('{');
  entries.forEach(([key, v], i) => {
    const comma = i < entries.length - 1 ? ',' : '';
    const head = `  ${JSON.stringify(key)}: `;
    const list = v instanceof JsonList ? (v as JsonList<unknown>) : Array.isArray(v) ? new JsonList(v, (x) => x) : null;
    if (list === null || list.items.length === 0)
      return io.out(`${head}${list === null ? indented(JSON.stringify(v, null, 2), '  ') : '[]'}${comma}`);
    io.out(`${head}[`);
    for (let at = 0; at < list.items.length; at += CHUNK) {
      const end = Math.min(list.items.length, at + CHUNK);
      io.out(`${elements(list, at, end)}${end < list.items.length ? ',' : ''}`);
    }
    io.out(`  ]${comma}`);
  });
  io.out('}');
}

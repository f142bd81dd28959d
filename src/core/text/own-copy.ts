/**
 * A copy of `s` that does not keep alive the text it was cut from. V8 makes a substring of
 * 13 or more characters a view into its parent, so a company name kept from a CSV row keeps
 * the whole decoded chunk it came from (megabytes): a 1,000,000-row Connections.csv stayed in
 * memory in full beside its records. Prefixing and slicing makes V8 copy the characters
 * into a string of their own. Use it on values that outlive the file's parse.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/**
 * A copy of a note's frontmatter that keeps nothing alive but itself: strings as own copies,
 * lists copied at their length. Values decoded from the CLI's note cache are views into the
 * cache's whole text (34 MB at 200,000 notes), and a one-item list from `JSON.parse` carried
 * ~180 B of spare room: together 40% of the import's snapshot, which it holds to the end.
 */
export function ownValues(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) {
    const value = ownValue(record[key]);
    // A `__proto__:` property (YAML allows it) is data: assigned, it would set the prototype.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}

function ownValue(value: unknown): unknown {
  if (typeof value === 'string') return ownCopy(value);
  if (Array.isArray(value)) return value.map(ownValue);
  if (value !== null && typeof value === 'object') return ownValues(value as Record<string, unknown>);
  return value;
}

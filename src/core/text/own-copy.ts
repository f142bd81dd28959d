/**
 * A copy of `s` that does not keep alive the text it was cut from. V8 makes a substring of
 * 13 or more characters a view into its parent, so a company name kept from a CSV row keeps
 * the whole decoded chunk it came from (megabytes): a 1,000,000-row Connections.csv stayed in
 * memory in full beside its records. Use it on values that outlive the file's parse.
 *
 * structuredClone makes a string of its own. Prefixing and slicing, the fallback where there
 * is no structuredClone, also lets the chunk go, but the slice is again a view, now into the
 * prefixed copy: a 32-byte view and a one-character-longer copy for each value, ~1.8 MB of a
 * 30,000-person import's plan (57,000 URLs, companies and positions).
 */
const copy: (s: string) => string =
  typeof structuredClone === 'function' ? (s) => structuredClone(s) : (s) => (' ' + s).slice(1);

export function ownCopy(s: string): string {
  return s.length < 13 ? s : copy(s);
}

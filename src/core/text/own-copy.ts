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

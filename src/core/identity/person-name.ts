/**
 * Names as LinkedIn writes them carry stray spaces (`Priyanka ,Bose`, `Meekha E .  Saji`,
 * `Anna Daiko `). We collapse whitespace for display and build a separate key for exact
 * name matching in exports that have no profile URLs (before 2023): NFC, collapsed
 * whitespace, case-folded. That is still "exact" matching; it never merges two different
 * spellings.
 */
import { nfc } from '../text/nfc';

export function cleanName(value: string): string {
  const v = nfc(value);
  // Most names need no change; testing first avoids building a new string for each.
  return /\s\s|^\s|\s$|[\t\n\r\f\v\u00a0]/.test(v) ? v.replace(/\s+/g, ' ').trim() : v;
}

export function fullName(first: string, last: string): string {
  return cleanName(`${first} ${last}`);
}

export function nameKey(name: string): string {
  return cleanName(name).toLowerCase();
}

/** The name keys that two or more of these people share: namesakes, whom a name alone does not tell apart. */
export function sharedNameKeys(people: Iterable<{ name: string }>): Set<string> {
  const seen = new Set<string>();
  const shared = new Set<string>();
  for (const p of people) {
    const key = nameKey(p.name);
    if (key === '') continue;
    if (seen.has(key)) shared.add(key);
    else seen.add(key);
  }
  return shared;
}

/**
 * A `nameKey` that remembers its answers: for loops over many rows where the same few
 * names repeat (the owner signs half of all messages), so each is normalised once.
 */
export function memoNameKey(): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let key = known.get(name);
    if (key === undefined) known.set(name, (key = nameKey(name)));
    return key;
  };
}

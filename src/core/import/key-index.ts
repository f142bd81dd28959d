/**
 * An index from a key (a profile URL, a name key) to the people or notes that have it, where
 * nearly every key has exactly one: one is kept as itself, several as a list. A list for every
 * key cost 56 bytes a person in each index: 5 MB of a 30,000-person re-import's heap, 17 MB
 * at 100,000, all of it kept until the plan was made.
 */
export class KeyIndex<K, V extends object> {
  private readonly map = new Map<K, V | V[]>();

  /** Adds `value` under `key`, once. */
  add(key: K, value: V): void {
    const held = this.map.get(key);
    if (held === undefined) this.map.set(key, value);
    else if (Array.isArray(held)) {
      if (!held.includes(value)) held.push(value);
    } else if (held !== value) this.map.set(key, [held, value]);
  }

  /** The values under `key`, in the order they were added. */
  get(key: K): readonly V[] {
    const held = this.map.get(key);
    return held === undefined ? [] : Array.isArray(held) ? held : [held];
  }

  /** Every set of two or more values that share a key. */
  *shared(): IterableIterator<readonly V[]> {
    for (const held of this.map.values()) if (Array.isArray(held)) yield held;
  }
}

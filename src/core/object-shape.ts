/**
 * An object with these keys, in this order, each null, that holds all its values in itself:
 * clone it (`{ ...shape }`) and fill it in. V8 keeps an object filled key by key from `{}`, or
 * made by a literal with computed keys, with its fifth key on in an array of its own (17–32
 * bytes more an object, and slower to fill); one made by JSON.parse, and its clones, do not.
 * The import makes one such object per person (their owned values, their cached frontmatter).
 */
export function objectShape(keys: readonly string[]): Record<string, unknown> {
  return JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, null])))) as Record<string, unknown>;
}

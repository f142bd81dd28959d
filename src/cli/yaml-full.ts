/**
 * Frontmatter parsing for the CLI and the tests: the fast flat reader, then the `yaml`
 * package (core schema, as Obsidian's parser behaves: `2024-01-05` stays a string) for
 * anything else. What counts as broken, and in what words, is core/yaml/frontmatter.ts.
 */
import type YamlLibrary from 'yaml';
import { classifyYaml } from '../core/yaml/frontmatter';
import { readFlatYaml } from '../core/yaml/read-flat';
import { vendored } from './vendor/lazy';

let library: typeof YamlLibrary | null = null;

/**
 * The `yaml` package, loaded on first use: the flat reader or the note cache answer for most
 * notes, and `stale` on 30,000 notes peaked ~2 MB lower without it. In the bundle, it is
 * dist/vendor/yaml.js (see vendor/lazy.ts).
 */
function yamlLibrary(): typeof YamlLibrary {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require stays lazy in the bundle
  library ??= vendored('yaml', () => require('yaml') as typeof YamlLibrary);
  return library;
}

/** The CLI's YamlParser: throws on a syntax error, like Obsidian's `parseYaml`. */
export function parseYaml(text: string): unknown {
  const flat = readFlatYaml(text);
  return flat !== undefined ? flat : yamlLibrary().parse(text);
}

export type ParsedYaml = { ok: true; data: Record<string, unknown> } | { ok: false; error: string };

export function parseFrontmatterYaml(text: string): ParsedYaml {
  const result = classifyYaml(text, parseYaml);
  return 'data' in result ? { ok: true, data: result.data } : { ok: false, error: result.error };
}

/** The frontmatter as data, or an error saying why it cannot be read (for edits, which must not guess). */
export function parseFrontmatterOrThrow(text: string): Record<string, unknown> {
  const parsed = parseFrontmatterYaml(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.data;
}

/** Full-library edit, for YAML the line patcher declines (flow maps, duplicate keys…). */
export function patchWithLibrary(text: string, patch: ReadonlyMap<string, unknown>): string {
  const doc = yamlLibrary().parseDocument(text);
  for (const [key, value] of patch) {
    if (value === undefined) doc.delete(key);
    else doc.set(key, value);
  }
  return doc.toString({ lineWidth: 0 });
}

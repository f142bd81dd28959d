/**
 * Frontmatter parsing for the CLI: the fast flat reader, then the `yaml` package (core
 * schema, as Obsidian's parser behaves: `2024-01-05` stays a string) for anything else.
 */
import YAML from 'yaml';
import { readFlatYaml } from '../core/yaml/read-flat';

export type ParsedYaml = { ok: true; data: Record<string, unknown> } | { ok: false; error: string };

export function parseFrontmatterYaml(text: string): ParsedYaml {
  const flat = readFlatYaml(text);
  if (flat !== undefined) return { ok: true, data: flat };
  try {
    const data: unknown = YAML.parse(text);
    if (data === null || data === undefined) return { ok: true, data: {} };
    if (typeof data !== 'object' || Array.isArray(data))
      return { ok: false, error: 'the frontmatter is not a list of properties' };
    return { ok: true, data: data as Record<string, unknown> };
  } catch (e) {
    const message = e instanceof Error ? (e.message.split('\n')[0] ?? e.message) : String(e);
    return { ok: false, error: `YAML error: ${message}` };
  }
}

/** Full-library edit, for YAML the line patcher declines (flow maps, duplicate keys…). */
export function patchWithLibrary(text: string, patch: ReadonlyMap<string, unknown>): string {
  const doc = YAML.parseDocument(text);
  for (const [key, value] of patch) {
    if (value === undefined) doc.delete(key);
    else doc.set(key, value);
  }
  return doc.toString({ lineWidth: 0 });
}

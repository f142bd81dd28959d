/**
 * A note's frontmatter, classified once for every adapter: none, parsed, or broken with
 * the reason in the same words wherever it is shown (import preview, report, CLI). The
 * YAML parser is passed in: Obsidian's `parseYaml` in the plugin, the `yaml` package
 * (behind a fast path) in the CLI and the tests; the core bundles neither.
 */
import { splitNote } from '../notes/note-text';

/** Parses a YAML text into a value; throws on a syntax error. */
export type YamlParser = (yaml: string) => unknown;

export const FRONTMATTER_UNTERMINATED = 'the frontmatter has no closing ---';
export const FRONTMATTER_NOT_A_MAP = 'the frontmatter is not a list of properties';

/** How much of an unterminated note stands in for its YAML (enough to find its URL and name). */
const RAW_HEAD = 2000;

export type NoteFrontmatter =
  | { kind: 'none'; body: string }
  | { kind: 'parsed'; data: Record<string, unknown>; yaml: string; body: string }
  | { kind: 'broken'; error: string; rawYaml: string; body: string };

/** "YAML error: <first line of the parser's message>". */
export function yamlErrorText(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return `YAML error: ${message.split('\n')[0] ?? message}`;
}

/** The parsed YAML as properties, or the reason it is not a list of properties. */
export function classifyYaml(yaml: string, parse: YamlParser): { data: Record<string, unknown> } | { error: string } {
  let data: unknown;
  try {
    data = parse(yaml);
  } catch (e) {
    return { error: yamlErrorText(e) };
  }
  if (data === null || data === undefined) return { data: {} };
  if (typeof data !== 'object' || Array.isArray(data)) return { error: FRONTMATTER_NOT_A_MAP };
  return { data: data as Record<string, unknown> };
}

export function readNoteFrontmatter(text: string, parse: YamlParser): NoteFrontmatter {
  const parts = splitNote(text);
  if (parts.unterminated)
    return { kind: 'broken', error: FRONTMATTER_UNTERMINATED, rawYaml: text.slice(0, RAW_HEAD), body: text };
  if (parts.yaml === null) return { kind: 'none', body: parts.body };
  const result = classifyYaml(parts.yaml, parse);
  return 'data' in result
    ? { kind: 'parsed', data: result.data, yaml: parts.yaml, body: parts.body }
    : { kind: 'broken', error: result.error, rawYaml: parts.yaml, body: parts.body };
}

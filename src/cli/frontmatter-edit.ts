/**
 * The CLI's `processFrontMatter`: parse, let the caller mutate a copy, then write back only
 * the keys that changed, line by line (see core/yaml/patch.ts), so comments, quoting and
 * other plugins' keys survive. Falls back to the `yaml` library's document model for YAML
 * the line patcher declines.
 */
import { splitNote } from '../core/notes/note-text';
import { patchFrontmatterYaml } from '../core/yaml/patch';
import { parseFrontmatterYaml, patchWithLibrary } from './yaml-full';

export function editFrontmatterText(text: string, mutate: (fm: Record<string, unknown>) => void): string {
  const parts = splitNote(text);
  if (parts.unterminated) throw new Error('the frontmatter has no closing ---; fix it first');
  const yaml = parts.yaml ?? '';
  const parsed = parseFrontmatterYaml(yaml);
  if (!parsed.ok) throw new Error(parsed.error);
  const before = parsed.data;
  const after = structuredClone(before);
  mutate(after);
  const patch = new Map<string, unknown>();
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) patch.set(key, after[key]);
  }
  if (patch.size === 0) return text;
  const newYaml = patchFrontmatterYaml(yaml, patch as Map<string, never>) ?? patchWithLibrary(yaml, patch);
  if (parts.yaml === null) return `---\n${newYaml}---\n${text}`;
  const openLen = text.indexOf('\n') + 1;
  return text.slice(0, openLen) + newYaml + parts.head.slice(openLen + yaml.length) + parts.body;
}

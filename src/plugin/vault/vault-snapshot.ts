/**
 * What the import needs to know about the vault, from the person index and the metadata
 * cache. Files are read only where the cache cannot answer: a note not indexed yet (just
 * created by an interrupted import), or a note in the people folder whose frontmatter the
 * cache dropped because its YAML is broken.
 */
import { normalizePath, parseYaml, TFile, type App } from 'obsidian';
import type { ExistingNote, VaultSnapshot } from '../../core/import/vault-snapshot';
import { splitNote } from '../../core/notes/note-text';
import { isPersonNote } from '../../core/people/person-record';
import type { NetworkCrmSettings } from '../../core/settings';

async function readFrontmatter(app: App, file: TFile): Promise<ExistingNote> {
  const text = await app.vault.cachedRead(file);
  const parts = splitNote(text);
  if (parts.unterminated)
    return {
      path: file.path,
      frontmatter: null,
      yamlError: 'the frontmatter has no closing ---',
      rawYaml: text.slice(0, 2000),
    };
  if (parts.yaml === null) return { path: file.path, frontmatter: null };
  try {
    const data: unknown = parseYaml(parts.yaml);
    if (data === null || data === undefined) return { path: file.path, frontmatter: {} };
    if (typeof data !== 'object' || Array.isArray(data))
      return {
        path: file.path,
        frontmatter: null,
        yamlError: 'the frontmatter is not a list of properties',
        rawYaml: parts.yaml,
      };
    return { path: file.path, frontmatter: data as Record<string, unknown> };
  } catch (e) {
    return {
      path: file.path,
      frontmatter: null,
      yamlError: `YAML error: ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e)}`,
      rawYaml: parts.yaml,
    };
  }
}

export async function buildVaultSnapshot(app: App, settings: NetworkCrmSettings): Promise<VaultSnapshot> {
  const folder = normalizePath(settings.peopleFolder);
  const notes: ExistingNote[] = [];
  const paths: string[] = [];
  for (const file of app.vault.getFiles()) {
    if (file.extension === 'md' && file.stat.size === 0) continue; // free to fill, see VaultSnapshot
    paths.push(file.path);
    if (file.extension !== 'md') continue;
    const cache = app.metadataCache.getFileCache(file);
    const inFolder = file.path.toLowerCase().startsWith(`${folder.toLowerCase()}/`);
    if (cache === null || (inFolder && cache.frontmatter === undefined)) {
      const note = await readFrontmatter(app, file);
      if (
        inFolder ||
        note.yamlError !== undefined ||
        isPersonNote(file.path, note.frontmatter ?? undefined, folder, settings.defaultTag)
      )
        notes.push(note);
      continue;
    }
    if (isPersonNote(file.path, cache.frontmatter, folder, settings.defaultTag))
      notes.push({ path: file.path, frontmatter: cache.frontmatter ?? null });
  }
  return {
    notes,
    paths,
    readBody: async (path) => {
      const file = app.vault.getFileByPath(path);
      return file ? splitNote(await app.vault.cachedRead(file)).body : '';
    },
  };
}

/**
 * What the import needs to know about the vault, from the metadata cache. Files are read
 * only where the cache cannot answer: a note not indexed yet (just created by an
 * interrupted import), or a note in the people folder whose frontmatter the cache dropped
 * because its YAML is broken. Which notes are people, and what a broken one is called, is
 * the core's rule (core/people/person-note.ts, core/yaml/frontmatter.ts), as in the CLI.
 */
import { parseYaml, type App } from 'obsidian';
import { existingPersonNote, type ExistingNote, type VaultSnapshot } from '../../core/import/vault-snapshot';
import { splitNote } from '../../core/notes/note-text';
import { inPeopleFolder, isPersonNote, personNoteRule } from '../../core/people/person-note';
import type { NetworkCrmSettings } from '../../core/settings';

export async function buildVaultSnapshot(app: App, settings: NetworkCrmSettings): Promise<VaultSnapshot> {
  const rule = personNoteRule(settings);
  const notes: ExistingNote[] = [];
  const paths: string[] = [];
  for (const file of app.vault.getFiles()) {
    if (file.extension === 'md' && file.stat.size === 0) continue; // free to fill, see VaultSnapshot
    paths.push(file.path);
    if (file.extension !== 'md') continue;
    const cache = app.metadataCache.getFileCache(file);
    // Obsidian keeps no frontmatter for YAML it cannot parse: such a note is read, so the
    // core can report it (and not give it a twin) if it is a person note.
    const unparsed =
      cache !== null &&
      cache.frontmatter === undefined &&
      (inPeopleFolder(file.path, rule) || cache.frontmatterPosition !== undefined);
    if (cache === null || unparsed) {
      const note = existingPersonNote(file.path, await app.vault.cachedRead(file), rule, parseYaml);
      if (note) notes.push(note);
      continue;
    }
    if (isPersonNote(file.path, cache.frontmatter, rule))
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

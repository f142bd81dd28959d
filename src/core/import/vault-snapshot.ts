/**
 * What the import needs to know about the vault, gathered by the adapter: the plugin
 * builds it from Obsidian's metadata cache (no file reads), the CLI from the files.
 * Which notes belong in it is decided here and in `people/person-note.ts`, for both.
 */
import { isBrokenPersonNote, isPersonNote, type PersonNoteRule } from '../people/person-note';
import { readNoteFrontmatter, type NoteFrontmatter, type YamlParser } from '../yaml/frontmatter';

export interface ExistingNote {
  path: string;
  /** Parsed frontmatter, or null when the note has none. */
  frontmatter: Record<string, unknown> | null;
  /**
   * Set when the frontmatter cannot be parsed. Such a note is reported and never written;
   * `rawYaml` lets the import still recognise whose note it is, so it does not create a
   * duplicate next to it.
   */
  yamlError?: string;
  rawYaml?: string;
}

export interface VaultSnapshot {
  /** Person notes (see `isPersonNote`), with those whose YAML cannot be parsed. */
  notes: readonly ExistingNote[];
  /**
   * Every file path in the vault, for collision checks, except empty (zero-byte) notes:
   * those hold no user data, and an interrupted write can leave one, so the import may
   * fill them.
   */
  paths: Iterable<string>;
  /** Reads a note's body when the import must check it (only for the rare body additions). */
  readBody(path: string): Promise<string>;
}

/** The snapshot entry for a note read from its text, or null when it is not a person note. */
export function existingPersonNote(
  path: string,
  text: string,
  rule: PersonNoteRule,
  parse: YamlParser,
): ExistingNote | null {
  return existingNoteOf(path, readNoteFrontmatter(text, parse), rule);
}

/** The same for a note already classified (the CLI keeps the body for its person records). */
export function existingNoteOf(path: string, fm: NoteFrontmatter, rule: PersonNoteRule): ExistingNote | null {
  if (fm.kind === 'broken')
    return isBrokenPersonNote(path, fm.rawYaml, rule)
      ? { path, frontmatter: null, yamlError: fm.error, rawYaml: fm.rawYaml }
      : null;
  const data = fm.kind === 'parsed' ? fm.data : null;
  return isPersonNote(path, data, rule) ? { path, frontmatter: data } : null;
}

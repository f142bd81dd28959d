/**
 * What the import needs to know about the vault, gathered by the adapter: the plugin
 * builds it from Obsidian's metadata cache (no file reads), the CLI from the files.
 */
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
  /** Person notes (anything with a `linkedin` value, in the people folder, or with the person tag). */
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

/**
 * An in-memory vault for core tests: a map of path → text that provides the snapshot and
 * the NoteWriter the core asks for. Which notes are people and how their frontmatter is
 * read is the core's rule, with the CLI's YAML parser, so these tests see what the CLI
 * and the plugin see.
 */
import type { NoteWriter } from '../../src/core/import/apply';
import { existingPersonNote, type ExistingNote, type VaultSnapshot } from '../../src/core/import/vault-snapshot';
import { splitNote } from '../../src/core/notes/note-text';
import { personNoteRule } from '../../src/core/people/person-note';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { editFrontmatterText } from '../../src/cli/frontmatter-edit';
import { parseFrontmatterOrThrow, parseYaml, patchWithLibrary } from '../../src/cli/yaml-full';

export class MemoryVault {
  readonly files = new Map<string, string>();
  readonly writes: string[] = [];

  constructor(initial: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(initial)) this.files.set(p, t);
  }

  snapshot(folder = 'People', tag = DEFAULT_SETTINGS.defaultTag): VaultSnapshot {
    const rule = personNoteRule({ ...DEFAULT_SETTINGS, peopleFolder: folder, defaultTag: tag });
    const notes: ExistingNote[] = [];
    for (const [path, text] of this.files) {
      if (!path.endsWith('.md') || text === '') continue;
      const note = existingPersonNote(path, text, rule, parseYaml);
      if (note) notes.push(note);
    }
    return {
      notes,
      paths: [...this.files.keys()].filter((p) => this.files.get(p) !== ''),
      readBody: (p) => Promise.resolve(splitNote(this.files.get(p) ?? '').body),
    };
  }

  writer(): NoteWriter {
    return {
      ensureFolder: () => Promise.resolve(),
      create: (path, text) => {
        const existing = this.files.get(path);
        if (existing !== undefined && existing !== '') return Promise.reject(new Error(`${path} exists`));
        this.files.set(path, text);
        this.writes.push(path);
        return Promise.resolve();
      },
      updateFrontmatter: (path, mutate) => {
        const text = this.files.get(path);
        if (text === undefined) return Promise.reject(new Error(`${path} missing`));
        const next = editFrontmatterText(text, mutate);
        if (next !== text) {
          this.files.set(path, next);
          this.writes.push(path);
        }
        return Promise.resolve();
      },
      process: (path, edit) => {
        const text = this.files.get(path);
        if (text === undefined) return Promise.reject(new Error(`${path} missing`));
        const next = edit(text);
        if (next !== text) {
          this.files.set(path, next);
          this.writes.push(path);
        }
        return Promise.resolve();
      },
      yaml: { parse: parseFrontmatterOrThrow, patch: patchWithLibrary },
    };
  }
}

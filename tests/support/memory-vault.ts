/**
 * An in-memory vault for core tests: a map of path → text that provides the snapshot and
 * the NoteWriter the core asks for, parsing and editing frontmatter the way the CLI does.
 */
import type { NoteWriter } from '../../src/core/import/apply';
import type { ExistingNote, VaultSnapshot } from '../../src/core/import/vault-snapshot';
import { splitNote } from '../../src/core/notes/note-text';
import { editFrontmatterText } from '../../src/cli/frontmatter-edit';
import { parseFrontmatterYaml } from '../../src/cli/yaml-full';

export class MemoryVault {
  readonly files = new Map<string, string>();
  readonly writes: string[] = [];

  constructor(initial: Record<string, string> = {}) {
    for (const [p, t] of Object.entries(initial)) this.files.set(p, t);
  }

  snapshot(folder = 'People'): VaultSnapshot {
    const notes: ExistingNote[] = [];
    for (const [path, text] of this.files) {
      if (!path.endsWith('.md') || text === '') continue;
      const parts = splitNote(text);
      const isPerson = path.startsWith(`${folder}/`) || /^linkedin:/m.test(parts.yaml ?? '');
      if (!isPerson) continue;
      if (parts.unterminated) {
        notes.push({ path, frontmatter: null, yamlError: 'no closing ---', rawYaml: text });
        continue;
      }
      if (parts.yaml === null) {
        notes.push({ path, frontmatter: null });
        continue;
      }
      const parsed = parseFrontmatterYaml(parts.yaml);
      notes.push(
        parsed.ok
          ? { path, frontmatter: parsed.data }
          : { path, frontmatter: null, yamlError: parsed.error, rawYaml: parts.yaml },
      );
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
    };
  }
}

/**
 * The CLI's person notes: every file of the vault judged by the core's person-note rule,
 * its frontmatter classified by the core (with the CLI's YAML parser). The import's
 * snapshot and the commands' person records both come from here.
 *
 * Notes outside the people folder are read but parsed only when their frontmatter block
 * could carry the person tag, which keeps a large vault of other notes cheap.
 */
import type { ExistingNote, VaultSnapshot } from '../core/import/vault-snapshot';
import { existingNoteOf } from '../core/import/vault-snapshot';
import { splitNote } from '../core/notes/note-text';
import { inPeopleFolder, isBrokenPersonNote, mayCarryTag, type PersonNoteRule } from '../core/people/person-note';
import { readNoteFrontmatter, type NoteFrontmatter } from '../core/yaml/frontmatter';
import type { FsVault, VaultFile } from './fs-vault';
import { ReadStream } from './read-ahead';
import { parseYaml } from './yaml-full';

export interface PersonNote {
  note: ExistingNote;
  body: string;
  /** The whole note as read: the body is a slice of it, so keeping it costs no memory, and a second read is saved. */
  text: string;
}

/** Could the note at this path with this text be a person note? False settles it without parsing. */
function worthParsing(file: VaultFile, text: string, rule: PersonNoteRule): boolean {
  if (inPeopleFolder(file.path, rule)) return true;
  if (!/^\uFEFF?---/.test(text)) return false; // a note saved with a BOM has frontmatter too
  const parts = splitNote(text);
  if (parts.unterminated) return isBrokenPersonNote(file.path, text.slice(0, 2000), rule);
  return parts.yaml !== null && mayCarryTag(parts.yaml, rule.tag);
}

/** The markdown files of the people folder: what the import reads ahead. */
export function peopleFolderFiles(vault: FsVault, rule: PersonNoteRule): VaultFile[] {
  return vault.markdownFiles().filter((f) => inPeopleFolder(f.path, rule));
}

/**
 * Every person note, with its body, one at a time: callers keep what they need of each, not
 * every note's text (tens of MB at 30,000 notes). `empty` collects zero-byte notes:
 * they hold nothing of the user's and the import may fill them. With `workerScript` (the
 * read commands) the files are read on a worker thread a few hundred notes ahead of the
 * parsing here: at 30,000 notes the main thread's open/read/close was ~220 ms of `review`.
 */
export function eachPersonNote(
  vault: FsVault,
  rule: PersonNoteRule,
  visit: (note: PersonNote) => void,
  empty?: Set<string>,
  workerScript?: string,
): void {
  const files = vault.markdownFiles();
  const stream = new ReadStream(
    files.map((f) => f.abs),
    workerScript,
  );
  try {
    for (let i = 0; i < files.length; i++) {
      const file = files[i] as VaultFile;
      const text = stream.text(i) ?? vault.readCached(file);
      if (text.length === 0) {
        empty?.add(file.path);
        continue;
      }
      if (!worthParsing(file, text, rule)) continue;
      const fm: NoteFrontmatter = readNoteFrontmatter(text, parseYaml);
      const note = existingNoteOf(file.path, fm, rule);
      if (note) visit({ note, body: fm.body, text });
    }
  } finally {
    stream.close(); // the worker stops, even when a note throws part-way
  }
}

/** The import's view of the vault (see core/import/vault-snapshot.ts). */
export function vaultSnapshot(vault: FsVault, rule: PersonNoteRule): VaultSnapshot {
  const empty = new Set<string>();
  const notes: ExistingNote[] = [];
  const bodies = new Map<string, string>();
  // Only the frontmatter is kept, not every note's text (30-60 MB at 30,000 notes). The import
  // checks the ## History of these notes (core/import/update-note.ts): keep the body just read.
  eachPersonNote(
    vault,
    rule,
    (n) => {
      notes.push(n.note);
      if (n.note.frontmatter?.['job-changed-on']) bodies.set(n.note.path, n.body);
    },
    empty,
  );
  return {
    notes,
    paths: vault
      .files()
      .map((f) => f.path)
      .filter((p) => !empty.has(p)),
    readBody: (p) => {
      let body = bodies.get(p);
      if (body === undefined) {
        body = splitNote(vault.readText(p)).body;
        bodies.set(p, body);
      }
      return Promise.resolve(body);
    },
  };
}

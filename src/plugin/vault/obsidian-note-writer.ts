/**
 * The core's NoteWriter on top of Obsidian's vault: `vault.create` for new notes (one
 * write each), one `process` per import update (frontmatter and body together, so a crash
 * never leaves half an update), `processFrontMatter` for the commands' edits (both through
 * the editor for a note that is open), `normalizePath` on every path. It never overwrites a
 * note with content.
 */
import { normalizePath, parseYaml, stringifyYaml, TFile, type App } from 'obsidian';
import type { NoteWriter } from '../../core/import/apply';
import { processFrontMatterOf, processNote } from '../edits/open-note';
import type { FrontmatterPatch } from '../../core/yaml/patch';

function parse(yaml: string): Record<string, unknown> {
  return (parseYaml(yaml) as Record<string, unknown> | null) ?? {};
}

/** What processFrontMatter does to YAML the line patcher declines: parse, set, write back. */
function patch(yaml: string, changes: FrontmatterPatch): string {
  const data = parse(yaml);
  for (const [key, value] of changes) {
    if (value === undefined) delete data[key];
    else data[key] = value;
  }
  return stringifyYaml(data);
}

export async function ensureFolder(app: App, folder: string): Promise<void> {
  let current = '';
  for (const segment of normalizePath(folder).split('/')) {
    if (segment === '' || segment === '/') continue;
    current = current === '' ? segment : `${current}/${segment}`;
    const existing = app.vault.getAbstractFileByPath(current);
    if (existing === null) await app.vault.createFolder(current);
    else if (existing instanceof TFile) throw new Error(`${current} is a file, not a folder`);
  }
}

function requireFile(app: App, path: string): TFile {
  const file = app.vault.getFileByPath(normalizePath(path));
  if (!file) throw new Error(`${path} no longer exists`);
  return file;
}

export function obsidianNoteWriter(app: App): NoteWriter {
  return {
    ensureFolder: (folder) => ensureFolder(app, folder),
    create: async (path, text) => {
      const p = normalizePath(path);
      const existing = app.vault.getFileByPath(p);
      if (existing === null) {
        await app.vault.create(p, text);
        return;
      }
      // An empty note holds nothing of the user's: an interrupted run may have left it. But it
      // may be one the user just made and is typing in, not saved yet: typing is saved first,
      // and the note filled only if it is still empty (edits/open-note.ts).
      if (existing.stat.size === 0) {
        let filled = false;
        await processNote(app, existing, (now) => {
          if (now !== '') return now;
          filled = true;
          return text;
        });
        if (filled) return;
      }
      throw new Error(`${p} already exists; nothing was overwritten`);
    },
    // A note open in an editor may hold unsaved typing: it is saved first, and its text is
    // changed through the editor (see edits/open-note.ts).
    updateFrontmatter: (path, mutate) => processFrontMatterOf(app, requireFile(app, path), mutate),
    process: (path, edit) => processNote(app, requireFile(app, path), edit),
    yaml: { parse, patch },
  };
}

/**
 * The CLI's vault as files: a folder of notes on disk, listed once, read and written with
 * Node's fs. No domain rule lives here: which notes are people and what their frontmatter
 * says is person-notes.ts over the core.
 *
 * New notes are created exclusively (`wx`), so an existing file is never overwritten;
 * edits to existing notes go through a temp file and a rename, so a crash mid-write cannot
 * leave a user's note half-written. How bytes reach the disk (unique temp names, modes
 * kept, read-only notes refused, no writing through a link out of the vault) is
 * cli/safe-write.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InputError } from '../core/csv/input-error';
import type { NoteWriter } from '../core/import/apply';
import { nfc } from '../core/text/nfc';
import { editFrontmatterText } from './frontmatter-edit';
import { removeStaleTempFiles, replaceFile, TMP_SUFFIX, VaultBounds } from './safe-write';
import { parseFrontmatterOrThrow, patchWithLibrary } from './yaml-full';
import { readPastSave } from './read-past-save';

/**
 * Removes the empty file a failed create left (made, then its write failed: a full disk). Left
 * there, it was an empty note under the person's name, which a later import planning another
 * name for them never filled (225 of them stayed after a full disk), and which took the name
 * from the next person planned there. Empty, it holds nothing of anyone's.
 */
function removeIfEmpty(file: string): void {
  try {
    if (fs.lstatSync(file).size === 0) fs.rmSync(file);
  } catch {
    // not there (the create never made it), or out of reach: nothing to remove
  }
}

export interface VaultFile {
  /** Vault-relative path with forward slashes. */
  readonly path: string;
  /** Absolute path on disk, as found by the walk. */
  readonly abs: string;
}

/**
 * A file the walk found under its vault path's own name (nearly every file): its absolute path
 * is made when asked for, from its folder's, which the folder's files share. Kept for each of
 * 30,000 notes through a command, an absolute path held a string and the file's name on disk
 * with it: 2 MB of the import's peak, 7 MB at 100,000 notes.
 */
class WalkedFile implements VaultFile {
  constructor(
    readonly path: string,
    /** The folder's absolute path, ending with a separator. */
    private readonly folder: string,
  ) {}

  get abs(): string {
    return this.folder + this.path.slice(this.path.lastIndexOf('/') + 1);
  }
}

/** A folder the walk could not list: its vault path, and why in a few words ("permission denied"). */
export interface UnlistedFolder {
  path: string;
  reason: string;
}

/**
 * Why a note could not be read or a folder listed, in the words of the system's message
 * (`EACCES: permission denied, scandir '…'` gives "permission denied"), or null for one gone
 * since its folder was listed (deleted, renamed, moved): nothing to read, nothing to say.
 * Rethrows what is not a file system's error (a bug).
 */
export function fileErrorReason(e: unknown): string | null {
  const code = e instanceof Error ? (e as NodeJS.ErrnoException).code : undefined;
  if (typeof code !== 'string') throw e;
  if (code === 'ENOENT' || code === 'ENOTDIR') return null;
  return /^[A-Z]+: ([^,]+)/.exec((e as Error).message)?.[1] ?? (e as Error).message;
}

/** How many times a note another program keeps saving is read and edited again before it is left alone. */
const WRITE_ATTEMPTS = 3;

/** A markdown note's name, in any case (`.MD` notes are notes to Obsidian). */
const MARKDOWN = /\.md$/i;

function isIgnoredName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

export class FsVault {
  readonly root: string;
  private fileList: VaultFile[] | null = null;
  /** The folders the walk could not list (see {@link unlistedFolders}). */
  private unlisted: UnlistedFolder[] = [];
  /** Temp files of a write (safe-write.ts) the walk met, which it otherwise leaves out as hidden. */
  private tempFiles: string[] = [];
  private readonly headBuffer = Buffer.allocUnsafe(64 * 1024);
  /**
   * Files whose name on disk is not in NFC (a vault synced from a Mac: `José` as `Jose` plus a
   * combining accent), by their NFC vault path: reading, writing or statting them by the
   * vault path must reach the file that is there.
   */
  private readonly decomposed = new Map<string, string>();
  private readonly bounds: VaultBounds;

  constructor(root: string) {
    this.root = path.resolve(root);
    let ok = false;
    try {
      ok = fs.statSync(this.root).isDirectory();
    } catch {
      ok = false;
    }
    if (!ok) throw new InputError(root, undefined, 'the vault folder does not exist');
    this.bounds = new VaultBounds(this.root);
  }

  /** Throws when writing into `folder` would leave the vault (a link to elsewhere). */
  checkWritable(folder: string): void {
    this.bounds.assertFolderInside(folder === '' ? this.root : this.abs(folder), folder || '.');
  }

  /** Absolute path for a vault path; refuses anything that would leave the vault. */
  abs(vaultPath: string): string {
    const parts = vaultPath.split('/');
    if (path.isAbsolute(vaultPath) || parts.some((p) => p === '..' || p === '')) {
      throw new Error(`refusing a path outside the vault: ${vaultPath}`);
    }
    return this.decomposed.get(vaultPath) ?? path.join(this.root, ...parts);
  }

  /** The vault path of an absolute path inside the vault, or null when it is outside. */
  relative(absolute: string): string | null {
    const rel = path.relative(this.root, path.resolve(absolute));
    if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
    return nfc(rel.split(path.sep).join('/'));
  }

  /**
   * Every file, hidden folders (the config folder, .git, .trash) left out; listed once per run.
   * A folder that cannot be listed (permissions) is left out too and kept for the command to
   * name ({@link unlistedFolders}): it must not stop every command, nor go missing without a word.
   */
  files(): VaultFile[] {
    if (this.fileList) return this.fileList;
    const out: VaultFile[] = [];
    const exact: string[] = [];
    const temps: string[] = [];
    const unlisted: UnlistedFolder[] = [];
    const walk = (dir: string, prefix: string): void => {
      // Concatenation, not path.join: joining cost ~20 ms at 30,000 files.
      const base = dir.endsWith(path.sep) ? dir : dir + path.sep;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch (e) {
        const reason = fileErrorReason(e);
        // The vault itself: nothing of it can be read, so no command can do its job.
        if (prefix === '' && reason !== null)
          throw new InputError(this.root, undefined, `could not list the vault folder (${reason})`);
        if (reason !== null) unlisted.push({ path: nfc(prefix), reason });
        return;
      }
      for (const entry of entries) {
        // The absolute path only where it is kept: a string for each file was garbage.
        if (isIgnoredName(entry.name)) {
          if (entry.name.endsWith(TMP_SUFFIX)) temps.push(base + entry.name);
          continue;
        }
        const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        if (entry.isDirectory()) walk(base + entry.name, rel);
        else if (entry.isFile()) {
          const vaultPath = nfc(rel);
          if (vaultPath !== rel) {
            // Decomposed on disk (see `decomposed`): the name on disk is not the vault path's.
            const full = base + entry.name;
            out.push({ path: vaultPath, abs: full });
            this.decomposed.set(vaultPath, full);
          } else {
            out.push(new WalkedFile(vaultPath, base));
            exact.push(vaultPath);
          }
        }
      }
    };
    walk(this.root, '');
    // A name already in NFC on disk wins over a decomposed twin of it (Linux keeps both apart).
    if (this.decomposed.size > 0) for (const p of exact) this.decomposed.delete(p);
    this.fileList = out;
    this.tempFiles = temps;
    this.unlisted = unlisted;
    return out;
  }

  /**
   * The folders the walk could not list (permissions, an I/O error), by vault path: the notes
   * in them are not in {@link files}. A folder inside one of them is not named (it was not seen).
   */
  unlistedFolders(): readonly UnlistedFolder[] {
    this.files();
    return this.unlisted;
  }

  /**
   * Where `files` are, for a reader on another thread (read-ahead.ts): their vault paths are
   * under `root`, but for those found on disk under another name (decomposed), whose absolute
   * paths are in `outside`, by their place in `files`.
   */
  readerPaths(files: readonly VaultFile[]): { root: string; outside: Record<number, string> } {
    const outside: Record<number, string> = {};
    files.forEach((f, i) => {
      if (!(f instanceof WalkedFile)) outside[i] = f.abs;
    });
    return { root: this.root.endsWith(path.sep) ? this.root : this.root + path.sep, outside };
  }

  markdownFiles(): VaultFile[] {
    // A test, not toLowerCase(): that made a string per file of the vault.
    return this.files().filter((f) => MARKDOWN.test(f.path));
  }

  exists(vaultPath: string): boolean {
    return fs.existsSync(this.abs(vaultPath));
  }

  /** Size in bytes, or null when there is no file. */
  size(vaultPath: string): number | null {
    try {
      return fs.statSync(this.abs(vaultPath)).size;
    } catch {
      return null;
    }
  }

  /** When the note was created (birth time where the file system keeps it, else ctime), in ms. */
  createdMs(vaultPath: string): number {
    const stat = fs.statSync(this.abs(vaultPath));
    return stat.birthtimeMs || stat.ctimeMs;
  }

  readText(vaultPath: string): string {
    return fs.readFileSync(this.abs(vaultPath), 'utf8');
  }

  /**
   * A whole note as found by the walk, with one open/read/close and a reused buffer; over
   * 64 kB falls back to readFileSync. Re-imports read every note, and this is ~30% faster at
   * 30,000 than readFileSync (when the read-ahead worker has not read them already).
   */
  readNoteText(file: VaultFile): string {
    const fd = fs.openSync(file.abs, fs.constants.O_RDONLY);
    try {
      const n = fs.readSync(fd, this.headBuffer, 0, this.headBuffer.length, 0);
      if (n < this.headBuffer.length) return this.headBuffer.toString('utf8', 0, n);
    } finally {
      fs.closeSync(fd);
    }
    return fs.readFileSync(file.abs, 'utf8');
  }

  /**
   * Writes through a temp file and a rename: the note is either old or new, never half. Only
   * over `expect`, the text the new one was made from: false, and nothing written, when the
   * note holds something else by then (see safe-write.ts).
   */
  private replaceFile(vaultPath: string, text: string, expect: string): boolean {
    const target = this.abs(vaultPath);
    this.bounds.assertFolderInside(path.dirname(target));
    return replaceFile(target, text, vaultPath, { expect });
  }

  /**
   * A note's text to edit. An editor that saves a note in place (Obsidian does) empties it
   * first, then writes: read in between, it is empty, and an edit made on that would replace
   * the whole note with a fragment. Empty, it is read again a little later; a note that stays
   * empty is not edited (nothing of a person to change), and said.
   */
  private readSaved(vaultPath: string): string {
    const text = this.readSettled(vaultPath);
    if (text === '') throw new Error(`${vaultPath} is empty (another program may be saving it); left as it is`);
    return text;
  }

  /**
   * A note's text, an empty one read again a few times a little apart (see readSaved): what
   * a command decides from (undo's plan) is then not a note caught in the middle of a save.
   */
  readSettled(vaultPath: string): string {
    return readPastSave(
      () => this.readText(vaultPath),
      (text) => text === '',
    );
  }

  /** Is the file at `target` empty, and still so a little later (not in the middle of a save)? */
  private staysEmpty(target: string): boolean {
    return (
      readPastSave(
        () => fs.statSync(target).size,
        (size) => size === 0,
      ) === 0
    );
  }

  /**
   * A note's new text made by `edit` from its text, written unless another program saved the
   * note in between (Obsidian, an editor, a sync client): its text is then read again and the
   * edit made on it, as Obsidian's `vault.process` does, so neither change is lost. A note
   * that changes under every try is left as the other program saved it, and said.
   */
  private rewrite(vaultPath: string, edit: (text: string) => string): void {
    for (let attempt = 1; ; attempt++) {
      const text = this.readSaved(vaultPath);
      const next = edit(text);
      if (next === text || this.replaceFile(vaultPath, next, text)) return;
      if (attempt === WRITE_ATTEMPTS)
        throw new Error(
          `${vaultPath} kept changing while network-crm wrote it (another program is saving it); left as that program saved it`,
        );
    }
  }

  /**
   * Removes the temp files interrupted runs left anywhere in the vault, never another running
   * process's: those the file list's walk met, so a 30,000-note folder is not listed twice.
   */
  cleanTempFiles(): void {
    this.files();
    // Their folders checked again as writes are: one swapped for a link out of the vault since the walk is left alone.
    const inside = this.tempFiles.filter((file) => {
      try {
        this.bounds.assertFolderInside(path.dirname(file));
        return true;
      } catch {
        return false;
      }
    });
    removeStaleTempFiles(inside);
    this.tempFiles = [];
  }

  /** Deletes a note (undo of a note a command created). */
  remove(vaultPath: string): void {
    fs.rmSync(this.abs(vaultPath));
    this.fileList = null;
  }

  writer(): NoteWriter {
    return {
      ensureFolder: (folder) => {
        this.bounds.assertFolderInside(this.abs(folder), folder);
        fs.mkdirSync(this.abs(folder), { recursive: true });
        return Promise.resolve();
      },
      create: (vaultPath, text) => {
        const target = this.abs(vaultPath);
        this.bounds.assertFolderInside(path.dirname(target));
        try {
          fs.writeFileSync(target, text, { flag: 'wx' });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') {
            removeIfEmpty(target);
            throw e;
          }
          // An empty note left by an interrupted run is filled, unless someone wrote into it meanwhile.
          if (!this.staysEmpty(target) || !this.replaceFile(vaultPath, text, ''))
            throw new Error(`${vaultPath} already exists; nothing was overwritten`);
        }
        this.fileList = null;
        return Promise.resolve();
      },
      updateFrontmatter: (vaultPath, mutate) => {
        this.rewrite(vaultPath, (text) => editFrontmatterText(text, mutate));
        return Promise.resolve();
      },
      process: (vaultPath, edit) => {
        this.rewrite(vaultPath, edit);
        return Promise.resolve();
      },
      yaml: { parse: parseFrontmatterOrThrow, patch: patchWithLibrary },
    };
  }
}

/**
 * How the CLI puts bytes on disk, so that a write never goes where it should not and never
 * leaves a note worse than it found it:
 * - a note is replaced through a temp file in its own folder, flushed to disk, then a
 *   rename: after a kill or a power cut it is the old note or the new one, never half of
 *   each nor empty;
 * - the temp name is unique per process and per write (`.<note>.<pid>-<random>.ncrm-tmp`),
 *   so two processes updating one note never write into each other's temp file;
 * - the replaced note keeps its permissions (a 0600 note stays 0600), and a read-only
 *   note (no write bit) is refused and reported, not silently replaced;
 * - nothing is written through a symbolic link that leads out of the vault: the real path
 *   of every folder written to must lie inside the vault's real path. The plugin gets this
 *   from Obsidian's vault API; the CLI must check it itself.
 * FsVault calls these; they know nothing about notes' content.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isRunning } from './process-alive';

export const TMP_SUFFIX = '.ncrm-tmp';

/** A write refused on purpose; the message says why and what to do. */
export class RefusedWrite extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefusedWrite';
  }
}

/** A temp path beside `target`, unique to this process and this write. */
export function tempPathFor(target: string): string {
  const tag = `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(target), `.${path.basename(target)}.${tag}${TMP_SUFFIX}`);
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** The real path of `p`, or of its nearest existing ancestor joined with the missing rest. */
function realPathOf(p: string): string {
  const missing: string[] = [];
  let at = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...missing.reverse());
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      const parent = path.dirname(at);
      if (parent === at) throw e;
      missing.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * Where the vault's files really are, and a check that a folder we are about to write into
 * is really inside it (checked once per folder).
 */
export class VaultBounds {
  readonly realRoot: string;
  private readonly checked = new Set<string>();

  constructor(readonly root: string) {
    this.realRoot = fs.realpathSync(root);
  }

  /** Throws {@link RefusedWrite} when `dir` (absolute) resolves outside the vault. */
  assertFolderInside(dir: string, shown = path.relative(this.root, dir) || '.'): void {
    if (this.checked.has(dir)) return;
    const real = realPathOf(dir);
    if (!isInside(this.realRoot, real)) {
      throw new RefusedWrite(
        `${shown.split(path.sep).join('/')} leads out of the vault (it is a link to ${real}); nothing was written there. Make it a real folder inside the vault, or choose another folder`,
      );
    }
    this.checked.add(dir);
  }
}

/** True when no one may write the file (no write bit at all): the user made it read-only. */
function isReadOnly(mode: number): boolean {
  return (mode & 0o222) === 0;
}

/**
 * The new text on the disk before the rename makes it the note's: without it, a power cut
 * soon after can leave a file system (XFS, ext4 without auto_da_alloc, some network shares)
 * with the new name on an empty file, the note lost. About 0.3 ms a note here; only files
 * that replace one pay it (new notes are created directly). A file system that cannot flush
 * (EINVAL, ENOTSUP, EOPNOTSUPP) is written as before.
 */
function flushToDisk(fd: number): void {
  try {
    fs.fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
  }
}

/** The text of `file` as it is now, or null when there is none. */
function currentText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/**
 * Replaces the file at `target` with `text` in one rename, keeping its mode (and owner,
 * when we may), its new text flushed to disk first. A read-only file is refused with
 * {@link RefusedWrite}, unless `ours`: the plugin's own state and undo record, which a
 * command must be able to record after it has changed notes (they keep their mode).
 *
 * `expect`: the text the new one was made from (null: there was no file). The file is then
 * replaced only if it still holds it, checked after the slow part (writing and flushing) and
 * just before the rename: an editor, Obsidian or a sync client that saved the file meanwhile
 * is not overwritten. Returns false, having written nothing, when the file no longer holds
 * `expect`. (The check and the rename are two steps: a save landing between them is still lost.)
 */
export function replaceFile(
  target: string,
  text: string,
  shown: string,
  { ours = false, expect }: { ours?: boolean; expect?: string | null } = {},
): boolean {
  let stat: fs.Stats | null = null;
  try {
    stat = fs.statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  if (stat && !ours && isReadOnly(stat.mode)) {
    throw new RefusedWrite(`${shown} is read-only; left unchanged (make it writable to let network-crm update it)`);
  }
  const mode = stat ? stat.mode & 0o7777 : 0o666;
  const tmp = tempPathFor(target);
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, text);
      // openSync's mode goes through the umask; set the note's own mode exactly.
      if (stat) fs.fchmodSync(fd, mode);
      if (stat && typeof process.getuid === 'function' && process.getuid() === 0) {
        try {
          fs.fchownSync(fd, stat.uid, stat.gid);
        } catch {
          // Not ours to give away: the note keeps our owner, as any editor would leave it.
        }
      }
      flushToDisk(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (expect !== undefined && currentText(target) !== expect) {
      fs.rmSync(tmp, { force: true });
      return false;
    }
    fs.renameSync(tmp, target);
    return true;
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Removes temp files a killed run left (`files`: paths as found, any name): ours by name, and
 * only those whose process is gone, so a run never deletes the temp file another run is writing.
 */
export function removeStaleTempFiles(files: readonly string[]): void {
  for (const full of files) {
    const name = path.basename(full);
    if (!name.endsWith(TMP_SUFFIX)) continue;
    const pid = /\.(\d+)-[0-9a-f]+\.ncrm-tmp$/.exec(name)?.[1];
    if (pid !== undefined && isRunning(Number(pid))) continue;
    try {
      if (fs.lstatSync(full).isFile()) fs.rmSync(full, { force: true });
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}

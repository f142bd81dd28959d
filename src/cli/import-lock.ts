/**
 * One import at a time per vault: `<config folder>/plugins/network-crm/import.lock` holds the
 * id of the process writing. A lock whose process is gone (killed, a crash) is taken over. A
 * lock that cannot be made at all (a read-only config folder) does not stop the import: the
 * import's own checks keep two runs from overwriting each other, only less politely.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { VaultSession } from './options';
import { isRunning } from './process-alive';
import { absOf, pluginDataFile } from './vault-config';

export type ImportLock = { release(): void } | { heldBy: number };

const NO_LOCK = { release: () => undefined };

export function takeImportLock(session: VaultSession): ImportLock {
  const file = absOf(session.vault.root, pluginDataFile(session.config, 'import.lock'));
  for (let attempt = 0; attempt < 2; attempt++) {
    let made: string | undefined;
    try {
      made = fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return { release: () => releaseIfOurs(file, made) };
    } catch (e) {
      removeEmptyFolders(path.dirname(file), made);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return NO_LOCK;
    }
    const holder = holderOf(file);
    // Our own id is a lock left by an earlier process that had it: ids are reused.
    if (holder !== null && holder !== process.pid && isRunning(holder)) return { heldBy: holder };
    // Left by a process that is gone: taken over (a second process doing the same loses the race above).
    fs.rmSync(file, { force: true });
  }
  return NO_LOCK;
}

function holderOf(file: string): number | null {
  try {
    const pid = Number(fs.readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Removes the lock; and the folders made for it, if nothing else was put in them: an import
 * that stopped at a bad file leaves the vault as it found it, without a config folder it never had.
 */
function releaseIfOurs(file: string, made: string | undefined): void {
  if (holderOf(file) === process.pid) fs.rmSync(file, { force: true });
  removeEmptyFolders(path.dirname(file), made);
}

/** Removes `folder` and its parents up to `top` (the first folder made), each only while empty. */
function removeEmptyFolders(folder: string, top: string | undefined): void {
  if (top === undefined) return;
  for (let dir = folder; dir.length >= top.length; dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return; // not empty (the import saved its state there), or gone
    }
    if (dir === top) return;
  }
}

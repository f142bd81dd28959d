/**
 * One writing command at a time per vault: `<config folder>/plugins/network-crm/write.lock`
 * holds the id and the name of the process writing. Two imports at once each found the
 * other's new notes in their way and failed them by hundreds ("already exists"); two `bulk`
 * runs at once lost one's edit of a note the other rewrote, and two commands storing their
 * undo entries at once lost one. A command that finds the lock held waits a few seconds for
 * it, then stops before writing anything and says who holds it. A lock whose process is
 * gone (killed, a crash) is taken over; one that cannot be made at all (a read-only config
 * folder) stops nothing. The plugin, inside Obsidian, does not take it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { VaultSession } from './options';
import { isRunning } from './process-alive';
import { absOf, pluginDataFile } from './vault-config';

/** How long a command waits for another to finish before it gives up. */
const WAIT_MS = 5000;
const POLL_MS = 100;

/** The releases of the locks this process holds, for the end of the command (runCli). */
const held: Array<() => void> = [];

export interface LockHolder {
  pid: number;
  command: string;
}

/**
 * Takes the vault's write lock for `command` until the command ends (see {@link releaseWriteLocks}),
 * waiting up to {@link WAIT_MS}; the holder when it could not.
 */
export async function holdWriteLock(session: VaultSession, command: string): Promise<LockHolder | null> {
  const file = absOf(session.vault.root, pluginDataFile(session.config, 'write.lock'));
  for (const start = Date.now(); ;) {
    const holder = tryLock(file, command);
    if (holder === null || Date.now() - start >= WAIT_MS) return holder;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Releases what {@link holdWriteLock} took in this process. */
export function releaseWriteLocks(): void {
  for (const release of held.splice(0)) release();
}

/** The message of a command that found the lock held. */
export function lockedOut(holder: LockHolder): string {
  return `network-crm: another command (${holder.command}, process ${holder.pid}) is writing to this vault. Let it finish, then run this one again; nothing was written.`;
}

function tryLock(file: string, command: string): LockHolder | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    let made: string | undefined;
    try {
      made = fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ pid: process.pid, command }), { flag: 'wx', mode: 0o600 });
      held.push(() => releaseIfOurs(file, made));
      return null;
    } catch (e) {
      removeEmptyFolders(path.dirname(file), made);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    }
    const holder = holderOf(file);
    // Our own id is a lock left by an earlier process that had it: ids are reused.
    if (holder !== null && holder.pid !== process.pid && isRunning(holder.pid)) return holder;
    // Left by a process that is gone: taken over (a second process doing the same loses the race above).
    fs.rmSync(file, { force: true });
  }
  return null;
}

function holderOf(file: string): LockHolder | null {
  try {
    const { pid, command } = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown; command?: unknown };
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    return { pid, command: typeof command === 'string' ? command : 'network-crm' };
  } catch {
    return null;
  }
}

/**
 * Removes the lock; and the folders made for it, if nothing else was put in them: a command
 * that stopped at a bad file leaves the vault as it found it, without a config folder it never had.
 */
function releaseIfOurs(file: string, made: string | undefined): void {
  if (holderOf(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  removeEmptyFolders(path.dirname(file), made);
}

/** Removes `folder` and its parents up to `top` (the first folder made), each only while empty. */
function removeEmptyFolders(folder: string, top: string | undefined): void {
  if (top === undefined) return;
  for (let dir = folder; dir.length >= top.length; dir = path.dirname(dir)) {
    try {
      fs.rmdirSync(dir);
    } catch {
      return; // not empty (the command saved its state there), or gone
    }
    if (dir === top) return;
  }
}

/**
 * Takes the write lock for a command about to change the vault (nothing when `writes` is
 * false: a dry run); false, once it has said who holds the lock, when another command does.
 */
export async function mayWrite(
  session: VaultSession,
  command: string,
  io: { err(line: string): void },
  writes = true,
): Promise<boolean> {
  if (!writes) return true;
  const holder = await holdWriteLock(session, command);
  if (holder === null) return true;
  io.err(lockedOut(holder));
  return false;
}

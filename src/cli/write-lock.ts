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
import crypto from 'node:crypto';
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

interface LockHolder {
  pid: number;
  command: string;
}

/**
 * Takes the vault's write lock for `command` until the command ends (see {@link releaseWriteLocks}),
 * waiting up to {@link WAIT_MS}; the holder when it could not.
 */
async function holdWriteLock(session: VaultSession, command: string): Promise<LockHolder | null> {
  const file = lockFile(session);
  for (const start = Date.now(); ;) {
    const holder = tryLock(file, command);
    if (holder === null || Date.now() - start >= WAIT_MS) return holder;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function lockFile(session: VaultSession): string {
  return absOf(session.vault.root, pluginDataFile(session.config, 'write.lock'));
}

/** Releases what {@link holdWriteLock} took in this process. */
export function releaseWriteLocks(): void {
  for (const release of held.splice(0)) release();
}

/** The message of a command that found the lock held. */
function lockedOut(holder: LockHolder, file: string): string {
  return `network-crm: another command (${holder.command}, process ${holder.pid}) is writing to this vault. Let it finish, then run this one again; nothing was written. (If no such command is running, delete ${file}.)`;
}

function tryLock(file: string, command: string): LockHolder | null {
  for (let attempt = 0; attempt < 2; attempt++) {
    let made: string | undefined;
    // Watched before the lock exists: a signal coming between its creation and the watch
    // ended the process at once, and the lock stayed.
    const watch = watchSignals(file, () => made);
    try {
      made = fs.mkdirSync(path.dirname(file), { recursive: true });
      createWhole(file, JSON.stringify({ pid: process.pid, command }));
      watch.keep();
      return null;
    } catch (e) {
      watch.drop();
      removeEmptyFolders(path.dirname(file), made);
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return null;
    }
    const holder = holderOf(file);
    // Our own id is a lock left by an earlier process that had it: ids are reused.
    if (holder !== null && holder.pid !== process.pid && isRunning(holder.pid)) return holder;
    if (!takeOver(file, holder)) return { pid: holder?.pid ?? 0, command: holder?.command ?? 'network-crm' };
  }
  return null;
}

/**
 * Creates `file` with its whole text at once: written to a file of our own, then linked to
 * the name, which fails if the name exists. Made with O_EXCL, the lock was an empty file for
 * a moment, which a waiting command read as a lock of no one and took over while it was held.
 */
function createWhole(file: string, text: string): void {
  // Its own name, not safe-write's `.ncrm-tmp` one: those are notes' temp files, and are counted and cleaned as such.
  const own = `${file}.${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(own, text, { flag: 'wx', mode: 0o600 });
  try {
    fs.linkSync(own, file);
  } finally {
    fs.rmSync(own, { force: true });
  }
}

/**
 * Removes a lock left by a process that is gone, unless another command took it over
 * meanwhile: two commands that both found it stale each removed it, the second removing the
 * lock the first had just made, and both wrote at once. The removal is itself done under a
 * lock (`write.lock.takeover`), and only if the lock is still the one judged stale. False
 * when another command is taking it over right now.
 */
function takeOver(file: string, stale: LockHolder | null): boolean {
  const guard = `${file}.takeover`;
  try {
    createWhole(guard, String(process.pid));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') return true;
    // One killed in the middle of a takeover (a moment's work) leaves its guard: old, it is removed.
    const stat = fs.statSync(guard, { throwIfNoEntry: false });
    if (stat !== undefined && Date.now() - stat.mtimeMs > STALE_GUARD_MS) fs.rmSync(guard, { force: true });
    return false;
  }
  try {
    // A folder by that name is no lock of ours to remove: the user is told where it is.
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isDirectory() === true)
      throw new Error(`${file} is a folder where network-crm keeps its write lock; remove it, then run this again`);
    const now = holderOf(file);
    if (now?.pid === stale?.pid && now?.command === stale?.command) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
  return true;
}

/**
 * Releases the lock if a signal ends the command: `keep` once the lock is ours (it is then
 * also released when the command ends, through runCli, or the process exits), `drop` when it
 * was not taken. `made`: the first folder made for the lock, removed again if left empty.
 */
function watchSignals(file: string, made: () => string | undefined): { keep(): void; drop(): void } {
  const release = () => {
    drop();
    process.off('exit', release);
    releaseIfOurs(file, made());
  };
  // A command that does not stop gracefully on a signal (the import does, and then ends
  // through runCli) is ended by it at once: the lock goes first, then the signal ends the
  // process as it would have.
  const onSignal = (signal: NodeJS.Signals) => {
    if (process.listenerCount(signal) > 1) return;
    release();
    process.kill(process.pid, signal);
  };
  const drop = () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return {
    keep: () => {
      process.on('exit', release);
      held.push(release);
    },
    drop,
  };
}

const SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** A takeover takes a few system calls: a guard this old was left by a process killed in one. */
const STALE_GUARD_MS = 10_000;

function holderOf(file: string): LockHolder | null {
  try {
    const { pid, command } = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown; command?: unknown };
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0) return null;
    // Only a command's name is printed: a lock file's text is not the user's terminal's.
    const name = typeof command === 'string' && /^[a-z-]{1,40}$/.test(command) ? command : 'network-crm';
    return { pid, command: name };
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
  // Settings that cannot be read are not known: written with the defaults, an import would
  // fill another people folder than the user's. (A data.json read in the middle of a save is
  // read again first, see vault-config.ts.)
  const { dataPath, dataProblem } = session.config;
  if (dataProblem !== null) {
    io.err(
      `network-crm: ${dataPath} ${dataProblem}; nothing was written (fix it, or move it away to use the default settings)`,
    );
    return false;
  }
  const holder = await holdWriteLock(session, command);
  if (holder === null) return true;
  io.err(lockedOut(holder, lockFile(session)));
  return false;
}

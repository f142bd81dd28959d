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
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return { release: () => releaseIfOurs(file) };
    } catch (e) {
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

function releaseIfOurs(file: string): void {
  if (holderOf(file) === process.pid) fs.rmSync(file, { force: true });
}

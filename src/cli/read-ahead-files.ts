/** The read-ahead worker's work, kept free of other imports so its bundle stays tiny. */
import fs from 'node:fs';

export const WORKER_TAG = 'network-crm read-ahead';

export interface ReadAheadData {
  tag: typeof WORKER_TAG;
  files: string[];
}

export function isReadAheadData(data: unknown): data is ReadAheadData {
  return (
    data !== null &&
    typeof data === 'object' &&
    (data as { tag?: unknown }).tag === WORKER_TAG &&
    Array.isArray((data as { files?: unknown }).files)
  );
}

/**
 * One open/read/close per file with a reused buffer (faster than readFileSync, which also
 * calls fstat); files over 64 kB are read whole. A file that cannot be read comes back as
 * null, and the caller reads it again itself, so its error is reported in the usual way.
 */
export function readFiles(files: readonly string[]): Array<string | null> {
  const buffer = Buffer.allocUnsafe(64 * 1024);
  return files.map((file) => {
    try {
      const fd = fs.openSync(file, 'r');
      try {
        const n = fs.readSync(fd, buffer, 0, buffer.length, 0);
        if (n < buffer.length) return buffer.toString('utf8', 0, n);
      } finally {
        fs.closeSync(fd);
      }
      return fs.readFileSync(file, 'utf8');
    } catch {
      return null;
    }
  });
}

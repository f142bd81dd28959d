/** The read-ahead worker's work, kept free of other imports so its bundle stays tiny. */
import fs from 'node:fs';
import type { MessagePort } from 'node:worker_threads';

export const WORKER_TAG = 'network-crm read-ahead';

export interface ReadAheadData {
  tag: typeof WORKER_TAG;
  files: string[];
}

/**
 * A stream of reads: the texts go out on `port` in batches of `batch`, in the order of
 * `files`, and `progress[0]` counts the batches sent so a blocked reader can wait on it.
 */
export interface ReadStreamData extends ReadAheadData {
  port: MessagePort;
  progress: Int32Array;
  batch: number;
}

export function isReadAheadData(data: unknown): data is ReadAheadData {
  return (
    data !== null &&
    typeof data === 'object' &&
    (data as { tag?: unknown }).tag === WORKER_TAG &&
    Array.isArray((data as { files?: unknown }).files)
  );
}

export function isReadStreamData(data: unknown): data is ReadStreamData {
  return isReadAheadData(data) && (data as { progress?: unknown }).progress instanceof Int32Array;
}

/**
 * One open/read/close per file with a reused buffer (faster than readFileSync, which also
 * calls fstat); files over 64 kB are read whole. A file that cannot be read comes back as
 * null, and the caller reads it again itself, so its error is reported in the usual way.
 */
export function readFiles(files: readonly string[], buffer = Buffer.allocUnsafe(64 * 1024)): Array<string | null> {
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

/** Sends the texts batch by batch, waking the reader after each (see read-ahead.ts, ReadStream). */
export function streamFiles(data: ReadStreamData): void {
  const buffer = Buffer.allocUnsafe(64 * 1024);
  for (let at = 0; at < data.files.length; at += data.batch) {
    data.port.postMessage(readFiles(data.files.slice(at, at + data.batch), buffer));
    Atomics.add(data.progress, 0, 1);
    Atomics.notify(data.progress, 0);
  }
}

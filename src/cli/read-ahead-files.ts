/** The read-ahead worker's work, kept free of other imports so its bundle stays tiny. */
import fs from 'node:fs';
import type { MessagePort } from 'node:worker_threads';

export const WORKER_TAG = 'network-crm read-ahead';

/** `progress[SENT]` counts the batches posted, `progress[TAKEN]` those the reader took. */
export const SENT = 0;
export const TAKEN = 1;
/** A `TAKEN` at or past this tells the worker the reader is gone: stop. */
export const STOPPED = 1 << 30;

/**
 * A stream of reads: the files' bytes go out on `port` in batches of `batch` files, in the
 * order of `files`, never more than `window` batches ahead of the reader, so the notes in
 * flight stay a few MB whatever the size of the vault.
 */
export interface ReadStreamData {
  tag: typeof WORKER_TAG;
  files: string[];
  port: MessagePort;
  progress: Int32Array;
  batch: number;
  window: number;
}

/**
 * One batch: the files' bytes back to back in one buffer, handed over (transferred, not
 * copied) to the reader, which decodes each note when it parses it. `ends[i]` is where file
 * i ends; `unread[i]` is 1 for a file that could not be read, which the reader then reads
 * itself so its error is reported in the usual way.
 */
export interface ReadBatch {
  bytes: ArrayBuffer;
  ends: Int32Array;
  unread: Uint8Array;
}

export function isReadStreamData(data: unknown): data is ReadStreamData {
  return (
    data !== null &&
    typeof data === 'object' &&
    (data as { tag?: unknown }).tag === WORKER_TAG &&
    Array.isArray((data as { files?: unknown }).files) &&
    (data as { progress?: unknown }).progress instanceof Int32Array
  );
}

/** A buffer that grows by doubling: the batch's bytes so far. */
class Bytes {
  buf = Buffer.allocUnsafeSlow(256 * 1024);
  length = 0;

  append(from: Buffer, n: number): void {
    if (this.length + n > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.length + n));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    from.copy(this.buf, this.length, 0, n);
    this.length += n;
  }
}

/**
 * One open/read/close per file with a reused buffer (faster than readFileSync, which also
 * calls fstat); files over 64 kB are read whole.
 */
export function readBatch(files: readonly string[], scratch: Buffer): ReadBatch {
  const out = new Bytes();
  const ends = new Int32Array(files.length);
  const unread = new Uint8Array(files.length);
  files.forEach((file, i) => {
    try {
      const fd = fs.openSync(file, 'r');
      let n: number;
      try {
        n = fs.readSync(fd, scratch, 0, scratch.length, 0);
      } finally {
        fs.closeSync(fd);
      }
      if (n < scratch.length) out.append(scratch, n);
      else {
        const whole = fs.readFileSync(file);
        out.append(whole, whole.length);
      }
    } catch {
      unread[i] = 1;
    }
    ends[i] = out.length;
  });
  // allocUnsafeSlow: an ArrayBuffer of its own, transferred whole (ends[] says how much is used).
  return { bytes: out.buf.buffer, ends, unread };
}

/** Sends the files batch by batch, waking the reader after each and waiting when it is `window` batches behind. */
export function streamFiles(data: ReadStreamData): void {
  const scratch = Buffer.allocUnsafe(64 * 1024);
  const p = data.progress;
  for (let at = 0, sent = 0; at < data.files.length; at += data.batch, sent++) {
    for (let taken = Atomics.load(p, TAKEN); sent - taken >= data.window; taken = Atomics.load(p, TAKEN))
      Atomics.wait(p, TAKEN, taken, 1000);
    if (Atomics.load(p, TAKEN) >= STOPPED) return;
    const batch = readBatch(data.files.slice(at, at + data.batch), scratch);
    data.port.postMessage(batch, [batch.bytes, batch.ends.buffer as ArrayBuffer, batch.unread.buffer as ArrayBuffer]);
    Atomics.add(p, SENT, 1);
    Atomics.notify(p, SENT);
  }
}

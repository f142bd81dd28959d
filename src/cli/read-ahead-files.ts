/** The read-ahead worker's work, kept free of other imports so its bundle stays tiny. */
import fs from 'node:fs';
import type { MessagePort } from 'node:worker_threads';

export const WORKER_TAG = 'network-crm read-ahead';

/** `progress[SENT]` counts the batches posted, `progress[TAKEN]` those the reader took. */
export const SENT = 0;
export const TAKEN = 1;
/**
 * `progress[CLAIMED]`: the next batch no one has taken on. The worker and a reader with nothing
 * else to do both claim batches from it, so neither reads a batch the other does (see
 * ReadStream: a reader that would wait for the worker stats the next batch itself).
 */
export const CLAIMED = 2;
/** The counters a read-ahead shares: SENT, TAKEN and CLAIMED. */
export const PROGRESS_SLOTS = 3;
/** A `TAKEN` at or past this tells the worker the reader is gone: stop. */
export const STOPPED = 1 << 30;

/** What a worker is started with: where it posts, and the counters it shares with the reader. */
export interface WorkerStart {
  tag: typeof WORKER_TAG;
  port: MessagePort;
  progress: Int32Array;
}

/**
 * What to read, posted on the port once the reader knows (a worker is started before the
 * vault is walked, so its start-up overlaps the walk): the files' bytes go out on `port` in
 * batches of `batch` files, in the order of `files`, never more than `window` batches ahead
 * of the reader, so the notes in flight stay a few MB whatever the size of the vault.
 */
export interface ReadOrder {
  /** The files, as paths under `root` when it is given. */
  files: string[];
  /**
   * What the files' paths are under (ending with a separator), so the reader sends the vault
   * paths it already holds rather than making an absolute path for each of 30,000 notes on its
   * own thread (2 MB of garbage there, kept until the import's peak). `outside`: the absolute
   * path of a file not found under its vault path's name (a name decomposed on disk).
   */
  root?: string;
  outside?: Record<number, string>;
  batch: number;
  window: number;
  /**
   * What the note cache knows of each file (cli/note-cache.ts): {@link STAT_FIELDS} numbers per
   * file, NaN where it knows nothing. A file whose stat still matches is not read (UNCHANGED),
   * and with `known` every file read comes with its stat, for the cache to keep.
   */
  known?: Float64Array;
}

/** Size, mtime, ctime (ms), inode and device: what says a file is the one the cache read. */
export const STAT_FIELDS = 5;
/** `status[i]`: the bytes are in the batch, the file could not be read, or the cache's copy stands. */
export const READ = 0;
export const UNREAD = 1;
export const UNCHANGED = 2;

/** Writes a stat's key at `out[at…at+4]`. */
export function putStatKey(stat: fs.Stats, out: Float64Array, at: number): void {
  out[at] = stat.size;
  out[at + 1] = stat.mtimeMs;
  out[at + 2] = stat.ctimeMs;
  out[at + 3] = stat.ino;
  out[at + 4] = stat.dev;
}

/** Do two stat keys (at `a` in `x`, at `b` in `y`) name the same file content? NaN never matches. */
export function sameStatKey(x: Float64Array, a: number, y: Float64Array, b: number): boolean {
  for (let k = 0; k < STAT_FIELDS; k++) if (x[a + k] !== y[b + k]) return false;
  return true;
}

/**
 * One batch: the files' bytes back to back in one buffer, handed over (transferred, not
 * copied) to the reader, which decodes each note when it parses it. `ends[i]` is where file
 * i ends; `status[i]` is READ, UNCHANGED (the cache's copy stands, nothing was read) or
 * UNREAD: a file that could not be read, which the reader then reads itself so its error is
 * reported in the usual way. `stats` holds each file's stat key when the stream has `known`.
 */
export interface ReadBatch {
  bytes: ArrayBuffer;
  ends: Int32Array;
  status: Uint8Array;
  stats: Float64Array;
}

/** A batch as the worker posts it: which batch it is (the reader may have read others itself). */
export interface PostedBatch extends ReadBatch {
  index: number;
}

export type ReadStreamData = WorkerStart & ReadOrder;

export function isWorkerStart(data: unknown): data is WorkerStart {
  return (
    data !== null &&
    typeof data === 'object' &&
    (data as { tag?: unknown }).tag === WORKER_TAG &&
    (data as { progress?: unknown }).progress instanceof Int32Array
  );
}

/**
 * A buffer that grows by doubling: the batch's bytes so far. Empty until a file is read: a
 * batch of notes the cache knows carries none, and 256 kB each for 400 such batches was
 * 100 MB of buffers for V8 to account for at 100,000 notes.
 */
export class Bytes {
  buf = Buffer.allocUnsafeSlow(0);
  length = 0;

  append(from: Buffer, n: number): void {
    if (this.length + n > this.buf.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.length + n, 256 * 1024));
      this.buf.copy(bigger, 0, 0, this.length);
      this.buf = bigger;
    }
    from.copy(this.buf, this.length, 0, n);
    this.length += n;
  }
}

/**
 * Reads one file into `out` with a reused buffer (faster than readFileSync, which also calls
 * fstat); files over 64 kB are read whole. With `stats`, the file's key goes to `stats[at]`
 * (fstat of the descriptor read: the key and the bytes are of the same file).
 */
export function readInto(file: string, scratch: Buffer, out: Bytes, stats: Float64Array | null, at: number): void {
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    if (stats !== null) putStatKey(fs.fstatSync(fd), stats, at);
    n = fs.readSync(fd, scratch, 0, scratch.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (n < scratch.length) out.append(scratch, n);
  else {
    const whole = fs.readFileSync(file);
    out.append(whole, whole.length);
  }
}

/**
 * One batch of files, from index `from` of `files`. A file the cache knows is only statted:
 * at 30,000 unchanged notes a stat is about a third of an open/read/close.
 */
export function readBatch(files: readonly string[], scratch: Buffer, known?: Float64Array, from = 0): ReadBatch {
  const out = new Bytes();
  const ends = new Int32Array(files.length);
  const status = new Uint8Array(files.length);
  const stats = new Float64Array(known ? files.length * STAT_FIELDS : 0);
  files.forEach((file, i) => {
    const at = i * STAT_FIELDS;
    try {
      if (known && !Number.isNaN(known[(from + i) * STAT_FIELDS])) {
        const stat = fs.statSync(file, { throwIfNoEntry: false });
        if (stat !== undefined) {
          putStatKey(stat, stats, at);
          if (sameStatKey(stats, at, known, (from + i) * STAT_FIELDS)) status[i] = UNCHANGED;
        }
      }
      if (status[i] !== UNCHANGED) readInto(file, scratch, out, known ? stats : null, at);
    } catch {
      status[i] = UNREAD;
    }
    ends[i] = out.length;
  });
  // allocUnsafeSlow: an ArrayBuffer of its own, transferred whole (ends[] says how much is used).
  return { bytes: out.buf.buffer, ends, status, stats };
}

/** Batch `index` of the order: its files' paths on disk, read (see {@link readBatch}). */
export function orderBatch(order: ReadOrder, index: number, scratch: Buffer): ReadBatch {
  const { root, outside } = order;
  const at = index * order.batch;
  const files = order.files.slice(at, at + order.batch);
  const paths = root === undefined ? files : files.map((f, i) => outside?.[at + i] ?? root + f);
  return readBatch(paths, scratch, order.known, at);
}

/**
 * Sends the files batch by batch, each batch it claims (`progress[CLAIMED]`; the reader may
 * claim some itself), waking the reader after each and waiting when it is `window` batches
 * ahead of the reader (`progress[TAKEN]`: how far the reader has got).
 */
export function streamFiles(data: ReadStreamData): void {
  const scratch = Buffer.allocUnsafe(64 * 1024);
  const p = data.progress;
  const batches = Math.ceil(data.files.length / data.batch);
  for (;;) {
    for (
      let taken = Atomics.load(p, TAKEN);
      Atomics.load(p, CLAIMED) - taken >= data.window;
      taken = Atomics.load(p, TAKEN)
    )
      Atomics.wait(p, TAKEN, taken, 1000);
    if (Atomics.load(p, TAKEN) >= STOPPED) return;
    const index = Atomics.add(p, CLAIMED, 1);
    if (index >= batches) return;
    const { bytes, ends, status, stats } = orderBatch(data, index, scratch);
    const batch: PostedBatch = { index, bytes, ends, status, stats };
    data.port.postMessage(batch, [
      bytes,
      ends.buffer as ArrayBuffer,
      status.buffer as ArrayBuffer,
      stats.buffer as ArrayBuffer,
    ]);
    Atomics.add(p, SENT, 1);
    Atomics.notify(p, SENT);
  }
}

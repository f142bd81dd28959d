/**
 * A zip entry too large to inflate whole (a heavy user's messages.csv: 44 MB at 200,000
 * messages), inflated by Node's zlib on a worker thread while the main thread parses it. The
 * zip reader is synchronous (core/zip/zip-reader.ts) and Node's zlib streams only
 * asynchronously, so such entries went through fflate's JavaScript inflater on the main
 * thread: ~400 ms of a 30,000-person import with 200,000 messages. Inflating them whole
 * instead would hold the whole file (tens of MB) through its parse.
 *
 * The worker (the read-ahead worker's bundle, started with an {@link InflateStart}) posts
 * 64 kB chunks at most 16 ahead of the reader, ~1 MB in flight; the reader takes them with
 * `receiveMessageOnPort`, waiting on a shared counter (`takeMessage`, read-ahead.ts).
 * The zip reader checks sizes, ratio and CRC on every chunk as it does for fflate's.
 */
import fs from 'node:fs';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { ZipError, type InflatedChunk } from '../core/zip/zip-reader';
import { INFLATE_TAG, type InflateMessage, type InflateStart } from './inflate-ahead-work';
import { STOPPED, TAKEN } from './read-ahead-files';
import { takeMessage } from './read-ahead';

const CHUNK = 64 * 1024;
const WINDOW = 16;
/** A worker that sends nothing for this long has died: the entry is not read, and the message says why. */
const STALL_MS = 10_000;

/**
 * The entry's raw deflate `data` inflating on a worker running `script`, or null when no
 * worker can start (the zip reader then streams it through fflate). Read once.
 */
export function inflateOnWorker(script: string, data: Uint8Array, entry: string): WorkerInflate | null {
  return WorkerInflate.start(script, data, entry);
}

export class WorkerInflate implements Iterable<InflatedChunk> {
  private constructor(
    private readonly worker: Worker,
    private readonly port: MessagePort,
    private readonly progress: Int32Array,
    private readonly entry: string,
    /** Settles when the thread has ended: once read to the end, or stopped early. */
    readonly ended: Promise<void>,
    private readonly stallMs: number,
  ) {}

  /** `stallMs`: how long a silent worker is waited for (see {@link STALL_MS}). */
  static start(script: string, data: Uint8Array, entry: string, stallMs = STALL_MS): WorkerInflate | null {
    // A copy of the CLI without its worker's file: a worker would start, fail to load and stall.
    if (!fs.existsSync(script)) return null;
    const { port1, port2 } = new MessageChannel();
    const progress = new Int32Array(new SharedArrayBuffer(8));
    // A copy of exactly the entry's bytes, handed over: a view would clone the whole archive.
    const own = new Uint8Array(data);
    const start: InflateStart = { tag: INFLATE_TAG, port: port2, progress, data: own, chunk: CHUNK, window: WINDOW };
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: start, transferList: [port2, own.buffer], argv: [] });
    } catch {
      port1.close();
      return null;
    }
    worker.on('error', () => undefined).unref();
    const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    return new WorkerInflate(worker, port1, progress, entry, ended, stallMs);
  }

  *[Symbol.iterator](): Generator<InflatedChunk> {
    const { port, progress } = this;
    let taken = 0;
    try {
      for (;;) {
        const message = takeMessage(port, progress, taken++, this.stallMs) as InflateMessage | undefined;
        if (message === undefined)
          throw new ZipError(
            'could not be read: the thread inflating it stopped answering; run the command again',
            this.entry,
          );
        if ('error' in message) throw new Error(message.error);
        if ('end' in message) return;
        yield { bytes: new Uint8Array(message.bytes), consumed: message.consumed };
      }
    } finally {
      // Done, or stopped early (a bomb, a bad row, Ctrl-C): the worker stops and the thread ends.
      Atomics.store(progress, TAKEN, STOPPED);
      Atomics.notify(progress, TAKEN);
      port.close();
      void this.worker.terminate();
    }
  }
}

/**
 * Reads a list of files on a worker thread, so the main thread can do something else in
 * the meantime: `network-crm import` parses the export while the vault's notes are read.
 * On a re-import of 30,000 notes that hides ~120 ms of file reading behind ~170 ms of
 * parsing.
 *
 * The worker only reads bytes; every decision about what the text means stays on the main
 * thread. The worker is ordinary, typed and linted TypeScript (read-ahead-worker.ts),
 * bundled on its own as `dist/read-ahead-worker.js` beside the CLI. Run from the
 * TypeScript sources (in-process tests) there is no bundle to start: the caller then gets
 * an empty map and reads the files itself, with the same result.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { WORKER_TAG, type ReadAheadData, type ReadStreamData } from './read-ahead-files';

/** Below this many files a worker costs more than it saves. */
const MIN_FILES = 500;

/**
 * The texts of `files`, by absolute path, read on a worker thread running `script` (the
 * bundled worker). Resolves to an empty map when there are few files, no script, or the
 * worker cannot run: callers then read as usual.
 */
export function readAhead(files: readonly string[], script: string | undefined): Promise<Map<string, string>> {
  if (files.length < MIN_FILES || script === undefined) return Promise.resolve(new Map<string, string>());
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      const data: ReadAheadData = { tag: WORKER_TAG, files: [...files] };
      worker = new Worker(script, { workerData: data, argv: [] });
    } catch {
      resolve(new Map());
      return;
    }
    worker.once('message', (texts: Array<string | null>) => {
      const out = new Map<string, string>();
      texts.forEach((text, i) => {
        if (text !== null) out.set(files[i] as string, text);
      });
      resolve(out);
      void worker.terminate();
    });
    worker.once('error', () => resolve(new Map()));
    worker.once('exit', () => resolve(new Map())); // no-op if a message came first
  });
}

/** Files per message: big enough that messages are few, small enough that the first comes soon. */
const STREAM_BATCH = 256;
/** A worker that sends nothing for this long is given up on; the reader then reads for itself. */
const STALL_MS = 3000;

/**
 * The same reads for code that cannot await (the read commands build their person index
 * in one synchronous pass): the worker reads file N+k while the main thread parses file N.
 * `text(i)` blocks only when the worker is behind; it returns null for a file the worker
 * could not read, or when there is no worker, and the caller then reads that file itself.
 * Files must be asked for in order: each text is handed over once and then dropped.
 */
export class ReadStream {
  private port: MessagePort | null = null;
  private readonly progress = new Int32Array(new SharedArrayBuffer(4));
  private batches = 0;
  private batch: Array<string | null> = [];
  private batchStart = 0;
  private waited = false;

  constructor(files: readonly string[], script: string | undefined) {
    if (files.length < MIN_FILES || script === undefined) return;
    const { port1, port2 } = new MessageChannel();
    try {
      const data: ReadStreamData = {
        tag: WORKER_TAG,
        files: [...files],
        port: port2,
        progress: this.progress,
        batch: STREAM_BATCH,
      };
      // A worker that fails to start only stalls the stream, which then ends (see next()).
      new Worker(script, { workerData: data, transferList: [port2], argv: [] }).on('error', () => undefined).unref();
      this.port = port1;
    } catch {
      port1.close();
    }
  }

  /** The text of file `i` (in the order given), or null: read it yourself. */
  text(i: number): string | null {
    while (this.port !== null && i >= this.batchStart + this.batch.length) {
      if (!this.next()) return null;
    }
    if (i < this.batchStart || i >= this.batchStart + this.batch.length) return null;
    const text = this.batch[i - this.batchStart] ?? null;
    this.batch[i - this.batchStart] = null;
    return text;
  }

  /** Takes the next batch, waiting for the worker if it is behind; false when the stream is over. */
  private next(): boolean {
    const port = this.port as MessagePort;
    for (;;) {
      const message = receiveMessageOnPort(port);
      if (message !== undefined) {
        this.batchStart += this.batch.length;
        this.batch = message.message as Array<string | null>;
        this.batches++;
        this.waited = false;
        return true;
      }
      // The worker queues a batch before counting it, so once the count moves the batch is there.
      if (this.waited || Atomics.wait(this.progress, 0, this.batches, STALL_MS) === 'timed-out') {
        this.close();
        return false;
      }
      this.waited = true;
    }
  }

  private close(): void {
    this.port?.close();
    this.port = null;
  }
}

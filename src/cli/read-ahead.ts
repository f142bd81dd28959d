/**
 * Reads a list of files on a worker thread while the main thread parses: `network-crm
 * import` parses the export and then the notes while the worker reads the next ones, and
 * the read commands parse note N while the worker reads note N+k. On 30,000 notes that
 * hides ~120 ms of open/read/close.
 *
 * The worker only reads bytes, in batches it hands over without a copy (a transferred
 * buffer), at most a few MB ahead of the reader; the main thread decodes each note when it
 * parses it. Sending decoded strings instead held every note three times at once (the
 * worker's strings, the message, the reader's copy): ~60 MB of a 30,000-note re-import's
 * peak. Every decision about what the text means stays on the main thread. The worker is
 * ordinary, typed and linted TypeScript (read-ahead-worker.ts), bundled on its own as
 * `dist/read-ahead-worker.js` beside the CLI. Run from the TypeScript sources (in-process
 * tests) there is no bundle to start: the reader then gets null and reads the files
 * itself, with the same result.
 */
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import {
  CLAIMED,
  orderBatch,
  PROGRESS_SLOTS,
  READ,
  SENT,
  STAT_FIELDS,
  STOPPED,
  TAKEN,
  UNCHANGED,
  UNREAD,
  WORKER_TAG,
  type PostedBatch,
  type ReadBatch,
  type ReadOrder,
  type WorkerStart,
} from './read-ahead-files';

/** Below this many files a worker costs more than it saves. */
export const MIN_FILES = 500;
/** Files per message: big enough that messages are few, small enough that the first comes soon. */
const STREAM_BATCH = 256;
/**
 * How many batches the worker may read ahead of the reader by default: ~4,000 notes, a few
 * MB. A reader that starts late (the import parses the export first) gives a larger one.
 */
const WINDOW = 16;
/** A worker that sends nothing for this long is given up on; the reader then reads for itself. */
const STALL_MS = 3000;

/**
 * A read-ahead worker started before its files are known. A thread takes ~30 ms to start;
 * started this way, that overlaps the walk of the vault instead of following it (the reader
 * of a 30,000-note vault waited ~60 ms for the first stats). Hand it to a {@link ReadStream},
 * or {@link release} it.
 */
export class StartedWorker {
  private constructor(
    readonly port: MessagePort,
    readonly progress: Int32Array,
    /** Settles when the thread has ended (a released worker must not linger). */
    readonly ended: Promise<void>,
  ) {}

  /** A worker running `script`, or null without one (run from the sources) or when it cannot start. */
  static start(script: string | undefined): StartedWorker | null {
    if (script === undefined) return null;
    const { port1, port2 } = new MessageChannel();
    const progress = newProgress();
    try {
      const data: WorkerStart = { tag: WORKER_TAG, port: port2, progress };
      // A worker that fails to start posts nothing: the reader then reads every batch itself (see ReadStream.await).
      const worker = new Worker(script, { workerData: data, transferList: [port2], argv: [] });
      worker.on('error', () => undefined).unref();
      const ended = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      return new StartedWorker(port1, progress, ended);
    } catch {
      port1.close();
      return null;
    }
  }

  /** Lets the worker go unused: its port closes and the thread ends. */
  release(): void {
    this.port.close();
  }
}

function newProgress(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(PROGRESS_SLOTS * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * The texts of `files`, in order, for code that cannot await (the person index is built in
 * one synchronous pass). `text(i)` blocks only when the worker is behind; it returns null
 * for a file the worker could not read, or when there is no worker, and the caller then
 * reads that file itself. Files must be asked for in order: each batch is dropped once the
 * reader has moved past it.
 */
export class ReadStream {
  private port: MessagePort | null = null;
  private progress: Int32Array = newProgress();
  private order: ReadOrder | null = null;
  private batchCount = 0;
  /** The next batch in order: how far the reader has got (`progress[TAKEN]` for the worker). */
  private position = 0;
  /** Messages taken from the worker. */
  private received = 0;
  /**
   * Batches ahead of the reader's position: read here while the worker read the one wanted, or
   * posted by the worker after one read here. At most a window of them.
   */
  private readonly early = new Map<number, ReadBatch>();
  private scratch: Buffer | null = null;
  /** Batches read on the reader's thread, while it would have waited (for the tests). */
  readHere = 0;
  private batch: { bytes: Buffer; ends: Int32Array; status: Uint8Array; stats: Float64Array } | null = null;
  private batchStart = 0;
  private batchLength = 0;

  /**
   * `worker`: the bundled worker's script, or one already started. `known`: the note cache's
   * stat keys of the files (see ReadOrder): those still matching are not read. `under`: the
   * files are paths under `root` but for those in `outside` (see ReadOrder).
   */
  constructor(
    files: readonly string[],
    worker: string | StartedWorker | null | undefined,
    window = WINDOW,
    known?: Float64Array,
    under?: { root: string; outside: Record<number, string> },
  ) {
    if (files.length < MIN_FILES) {
      if (worker instanceof StartedWorker) worker.release();
      return;
    }
    const started = worker instanceof StartedWorker ? worker : StartedWorker.start(worker ?? undefined);
    if (started === null) return;
    const order: ReadOrder = {
      files: [...files],
      batch: STREAM_BATCH,
      window,
      ...(known ? { known } : {}),
      ...(under ? { root: under.root, outside: under.outside } : {}),
    };
    started.port.postMessage(order);
    this.port = started.port;
    this.progress = started.progress;
    this.order = order;
    this.batchCount = Math.ceil(files.length / STREAM_BATCH);
  }

  /** The text of file `i` (in the order given), or null: unchanged (see {@link unchanged}), or read it yourself. */
  text(i: number): string | null {
    const j = this.locate(i);
    const batch = this.batch;
    if (batch === null || j < 0 || batch.status[j] !== READ) return null;
    return batch.bytes.toString('utf8', j === 0 ? 0 : batch.ends[j - 1], batch.ends[j]);
  }

  /** True when file `i` still has the stat the cache knows: it was not read, the cache's copy stands. */
  unchanged(i: number): boolean {
    const j = this.locate(i);
    return j >= 0 && this.batch?.status[j] === UNCHANGED;
  }

  /** The stat key of file `i` as the worker found it (stream with `known` only), or null. */
  statKey(i: number): Float64Array | null {
    const j = this.locate(i);
    const batch = this.batch;
    if (batch === null || j < 0 || batch.status[j] === UNREAD || batch.stats.length === 0) return null;
    return batch.stats.subarray(j * STAT_FIELDS, (j + 1) * STAT_FIELDS);
  }

  /** File `i`'s place in the current batch, taking batches up to it; -1 when the stream has not got it. */
  private locate(i: number): number {
    while (this.port !== null && i >= this.batchStart + this.batchLength) {
      if (!this.next()) return -1;
    }
    const j = i - this.batchStart;
    return this.batch === null || j < 0 || j >= this.batchLength ? -1 : j;
  }

  /** Batches read and not yet taken by the reader (what the stream holds in memory). */
  get ahead(): number {
    return Atomics.load(this.progress, SENT) - this.received + this.early.size;
  }

  /** Stops the worker (it reads nothing more) when the reader is done early. */
  close(): void {
    Atomics.store(this.progress, TAKEN, STOPPED);
    Atomics.notify(this.progress, TAKEN);
    this.port?.close();
    this.port = null;
  }

  /** Takes the next batch, reading it here or waiting for the worker; false when the stream is over. */
  private next(): boolean {
    const wanted = this.position;
    if (wanted >= this.batchCount) return false;
    const batch = this.early.get(wanted) ?? this.await(wanted);
    if (batch === undefined) return this.giveUp();
    this.early.delete(wanted);
    this.batchStart += this.batchLength;
    this.batchLength = batch.ends.length;
    this.batch = { bytes: Buffer.from(batch.bytes), ends: batch.ends, status: batch.status, stats: batch.stats };
    this.position++;
    Atomics.store(this.progress, TAKEN, this.position);
    Atomics.notify(this.progress, TAKEN);
    return true;
  }

  /**
   * Batch `wanted`, from the worker or read here. A reader that would wait reads instead: the
   * batch wanted when no one has claimed it, else the next free one (a window ahead at most),
   * so both threads stat while the reader has nothing else to do. `stale` and `triage` on
   * 30,000 notes waited ~120 ms for the worker's stats after their own work. Undefined after
   * {@link STALL_MS} of silence from a worker that has the batch wanted.
   */
  private await(wanted: number): ReadBatch | undefined {
    const port = this.port as MessagePort;
    const p = this.progress;
    for (let spins = 0; ; spins++) {
      const received = receiveMessageOnPort(port);
      if (received !== undefined) {
        const batch = received.message as PostedBatch;
        this.received++;
        if (batch.index === wanted) return batch;
        this.early.set(batch.index, batch);
        continue;
      }
      const free = Atomics.load(p, CLAIMED);
      if (free < this.batchCount && free - wanted < (this.order as ReadOrder).window) {
        if (Atomics.compareExchange(p, CLAIMED, free, free + 1) !== free) continue; // the worker took it first
        const batch = orderBatch(this.order as ReadOrder, free, (this.scratch ??= Buffer.allocUnsafe(64 * 1024)));
        this.readHere++;
        if (free === wanted) return batch;
        this.early.set(free, batch);
        continue;
      }
      const sent = Atomics.load(p, SENT);
      if (sent > this.received ? spins > 10_000 : Atomics.wait(p, SENT, sent, STALL_MS) === 'timed-out')
        return undefined;
    }
  }

  private giveUp(): false {
    this.close();
    return false;
  }
}

/**
 * The next message a worker posted on `port`, once `taken` were taken, counted taken (room
 * for one more ahead); undefined after `stallMs` of silence. The worker posts a message,
 * then counts it in `progress[SENT]`: with nothing counted beyond what was taken, this waits
 * for the count to move; counted but never delivered, it gives up too.
 */
export function takeMessage(port: MessagePort, progress: Int32Array, taken: number, stallMs: number): unknown {
  for (let spins = 0; ; spins++) {
    const received = receiveMessageOnPort(port);
    if (received !== undefined) {
      Atomics.add(progress, TAKEN, 1);
      Atomics.notify(progress, TAKEN);
      return received.message;
    }
    const sent = Atomics.load(progress, SENT);
    if (sent > taken ? spins > 10_000 : Atomics.wait(progress, SENT, sent, stallMs) === 'timed-out') return undefined;
  }
}

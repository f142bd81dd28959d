/**
 * The inflating worker's work: Node's zlib inflating one zip entry on its own thread, a
 * bounded way ahead of the reader (see inflate-ahead.ts). Kept free of other imports but the
 * counters' names, so the worker's bundle stays tiny; zlib is loaded only by a worker that
 * inflates, not by every read-ahead worker.
 */
import type { MessagePort } from 'node:worker_threads';
import { SENT, STOPPED, TAKEN } from './read-ahead-files';

export const INFLATE_TAG = 'network-crm inflate';

/** What an inflating worker is started with: the raw deflate data (its own copy) and where to post. */
export interface InflateStart {
  tag: typeof INFLATE_TAG;
  port: MessagePort;
  /** `progress[SENT]` counts the messages posted, `progress[TAKEN]` those the reader took. */
  progress: Int32Array;
  data: Uint8Array;
  /** Inflated bytes a message carries at most. */
  chunk: number;
  /** Messages the worker may be ahead of the reader. */
  window: number;
}

/** Inflated bytes (handed over, not copied) and the compressed bytes read so far; the end; or zlib's error. */
export type InflateMessage = { bytes: ArrayBuffer; consumed: number } | { end: true } | { error: string };

export function isInflateStart(data: unknown): data is InflateStart {
  return (
    data !== null &&
    typeof data === 'object' &&
    (data as { tag?: unknown }).tag === INFLATE_TAG &&
    (data as { progress?: unknown }).progress instanceof Int32Array &&
    (data as { data?: unknown }).data instanceof Uint8Array
  );
}

/**
 * Inflates `start.data`, posting each chunk and counting it, and waits (blocking this thread,
 * whose only work this is) while it is `window` messages ahead of the reader. A reader that
 * is gone (`TAKEN` at STOPPED) ends it.
 */
export async function inflateAhead(start: InflateStart): Promise<void> {
  const { port, progress: p } = start;
  let sent = 0;
  const post = (message: InflateMessage, transfer: ArrayBuffer[] = []): void => {
    port.postMessage(message, transfer);
    sent++;
    Atomics.add(p, SENT, 1);
    Atomics.notify(p, SENT);
  };
  try {
    const zlib = await import('node:zlib');
    const inflater = zlib.createInflateRaw({ chunkSize: start.chunk });
    inflater.on('data', (chunk: Buffer) => {
      // A buffer of its own to hand over: zlib's chunk may be a view into a buffer it reuses.
      const bytes = new ArrayBuffer(chunk.length);
      new Uint8Array(bytes).set(chunk);
      post({ bytes, consumed: inflater.bytesWritten }, [bytes]);
      for (let taken = Atomics.load(p, TAKEN); sent - taken >= start.window; taken = Atomics.load(p, TAKEN)) {
        if (taken >= STOPPED) break;
        Atomics.wait(p, TAKEN, taken, 1000);
      }
      if (Atomics.load(p, TAKEN) >= STOPPED) {
        inflater.destroy();
        port.close();
      }
    });
    inflater.on('error', (e: Error) => {
      post({ error: e.message });
      port.close();
    });
    inflater.on('end', () => {
      post({ end: true });
      port.close();
    });
    inflater.end(start.data);
  } catch (e) {
    // zlib could not be loaded or started: the reader is told why rather than left to wait.
    post({ error: e instanceof Error ? e.message : String(e) });
    port.close();
  }
}

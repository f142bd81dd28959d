/**
 * The CLI's worker thread's entry, bundled on its own (dist/read-ahead-worker.js, a few
 * kilobytes) so the thread starts in milliseconds instead of loading the whole CLI. It reads
 * notes' bytes (see read-ahead.ts), or inflates a large zip entry (see inflate-ahead.ts);
 * what the bytes mean is decided on the main thread.
 */
import { workerData } from 'node:worker_threads';
import { inflateAhead, isInflateStart } from './inflate-ahead-work';
import { isWorkerStart, streamFiles, type ReadOrder } from './read-ahead-files';

// Started before the reader knows its files: the order comes on the port. A reader that
// never sends one closes the port, and the thread ends with nothing left to wait for.
if (isWorkerStart(workerData)) {
  const start = workerData;
  start.port.once('message', (order: ReadOrder) => streamFiles({ ...start, ...order }));
} else if (isInflateStart(workerData)) void inflateAhead(workerData);

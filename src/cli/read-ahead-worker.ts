/**
 * The read-ahead worker's entry, bundled on its own (dist/read-ahead-worker.js, a few
 * hundred bytes) so the thread starts in milliseconds instead of loading the whole CLI.
 * It only reads bytes (see read-ahead.ts); what they mean is decided on the main thread.
 */
import { workerData } from 'node:worker_threads';
import { isWorkerStart, streamFiles, type ReadOrder } from './read-ahead-files';

// Started before the reader knows its files: the order comes on the port. A reader that
// never sends one closes the port, and the thread ends with nothing left to wait for.
if (isWorkerStart(workerData)) {
  const start = workerData;
  start.port.once('message', (order: ReadOrder) => streamFiles({ ...start, ...order }));
}

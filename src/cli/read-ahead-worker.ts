/**
 * The read-ahead worker's entry, bundled on its own (dist/read-ahead-worker.js, a few
 * hundred bytes) so the thread starts in milliseconds instead of loading the whole CLI.
 * It only reads bytes (see read-ahead.ts); what they mean is decided on the main thread.
 */
import { workerData } from 'node:worker_threads';
import { isReadStreamData, streamFiles } from './read-ahead-files';

if (isReadStreamData(workerData)) streamFiles(workerData);

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
import { Worker } from 'node:worker_threads';
import { WORKER_TAG, type ReadAheadData } from './read-ahead-files';

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

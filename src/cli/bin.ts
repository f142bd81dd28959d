#!/usr/bin/env node
/**
 * Entry point of the `network-crm` bin (bundled to dist/cli.js). The same file, started as
 * a worker thread, is the import's read-ahead worker (see read-ahead.ts).
 */
import { processIo } from './io';
import { runCli } from './main';
import { runReadAheadWorker } from './read-ahead';

if (!runReadAheadWorker()) {
  void runCli(process.argv.slice(2), processIo(__filename)).then((code) => {
    process.exitCode = code;
    // For `npm run bench`: the peak memory of this process, on stderr.
    if (process.env.NETWORK_CRM_PERF === '1')
      process.stderr.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
  });
}

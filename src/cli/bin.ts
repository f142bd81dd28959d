#!/usr/bin/env node
/** Entry point of the `network-crm` bin (bundled to dist/cli.js, beside its read-ahead worker). */
import path from 'node:path';
import { processIo } from './io';
import { runCli } from './main';

void runCli(process.argv.slice(2), processIo(path.join(__dirname, 'read-ahead-worker.js'))).then((code) => {
  process.exitCode = code;
  // For `npm run bench`: the peak memory of this process, on stderr.
  if (process.env.NETWORK_CRM_PERF === '1')
    process.stderr.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
});

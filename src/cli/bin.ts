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
  // The command is done and has written everything: exit now rather than tear the heap down
  // (~10 ms of `stale` and `triage` at 30,000 people). Output still queued (a Windows
  // console is written asynchronously) is left to drain by the ordinary way out.
  if (process.stdout.writableLength === 0 && process.stderr.writableLength === 0) process.exit(code);
});

#!/usr/bin/env node
/** Entry point of the `network-crm` bin (bundled to dist/cli.js, beside its read-ahead worker). */
import path from 'node:path';
import { doneWriting, processIo } from './io';
import { runCli } from './main';

const io = processIo(path.join(__dirname, 'read-ahead-worker.js'));
void runCli(process.argv.slice(2), io).then((returned) => {
  // A command stopped by a `kill` or a closed terminal, not a Ctrl-C, says so in its exit code.
  const code = returned === 130 && io.interrupted() ? (io.stoppedExitCode?.() ?? returned) : returned;
  process.exitCode = code;
  // What stdout still holds goes out now, before the exit below: a write that fails (a full
  // disk) must still fail the command (see doneWriting).
  io.flush?.();
  // For `npm run bench`: the peak memory of this process, on stderr.
  if (process.env.NETWORK_CRM_PERF === '1')
    process.stderr.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
  // The command is done: exit now rather than tear the heap down (~10 ms of `stale` and
  // `triage` at 30,000 people), once a write that failed (a full disk) has raised its error,
  // which Node does on the next tick, and only if nothing is left queued (see doneWriting).
  setImmediate(() => {
    if (doneWriting([process.stdout, process.stderr])) process.exit(code);
  });
});

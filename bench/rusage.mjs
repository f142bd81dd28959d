// Preloaded (`node --import`) into every process the bench times, the floors and the CLI
// alike, so each is measured the same way: at exit it writes the whole process's CPU time
// (every thread) and peak RSS to the file named by NCRM_BENCH_RUSAGE.
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const out = process.env.NCRM_BENCH_RUSAGE;
if (out && isMainThread)
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(
      out,
      JSON.stringify({ userMs: u.userCPUTime / 1000, sysMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }),
    );
  });

// Preloaded (`node --require`) into every process the bench times, the floors and the CLI
// alike, so each is measured the same way: at exit it writes the whole process's CPU time
// (every thread) and peak RSS to the file named by NCRM_BENCH_RUSAGE.
//
// A CommonJS preload, not `--import`: with `--import`, Node loads even a CommonJS main
// through its ES module loader, which first scans the whole CLI bundle for its exports.
// That added ~80 ms and ~5 MB to every CLI run and nothing to the floors, which are small
// .mjs files. The user's `network-crm` never pays it.
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const out = process.env.NCRM_BENCH_RUSAGE;
if (out && isMainThread)
  process.on('exit', () => {
    const u = process.resourceUsage();
    fs.writeFileSync(
      out,
      JSON.stringify({ userMs: u.userCPUTime / 1000, sysMs: u.systemCPUTime / 1000, maxRssKb: u.maxRSS }),
    );
  });

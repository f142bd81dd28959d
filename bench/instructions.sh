#!/usr/bin/env bash
# The user-space instructions one CLI run executes, counted by valgrind's callgrind, for comparing
# two builds. The shared 2-core machine's timings move by 5–10% from run to run, more than most
# changes. This count moves less, but not by nothing: `stale` at 30,000 people gave 3.69–3.91 G over
# four runs of one build (V8 compiled 498–597 M of it), so compare several runs of each build.
# V8 runs single-threaded here, so its compiler and garbage collector work at fixed points and
# their work is counted; system calls (the disk) are not. About 45 s a run; needs valgrind
# (`apt-get install valgrind`); not part of `npm run bench`.
#
#   bench/instructions.sh DIST CACHE_DIR OUT_FILE -- CLI ARGS…
#   bench/instructions.sh dist /tmp/cache /tmp/cg.stale -- stale --vault V --today 2026-11-26 --json
#
# Prints the total; `callgrind_annotate OUT_FILE` says where it went. Run the command once first
# with the same CACHE_DIR, so both builds read a warm note cache (each build has its own).
set -euo pipefail
if [[ $# -lt 5 || $4 != -- ]]; then
  sed -n '2,14p' "$0" >&2
  exit 2
fi
dist=$1 cache=$2 out=$3
shift 4
NETWORK_CRM_CACHE=$cache valgrind --tool=callgrind --callgrind-out-file="$out" \
  node --single-threaded "$dist/cli.js" "$@" >/dev/null 2>"$out.log"
echo "$out: $(grep -o 'Collected : [0-9]*' "$out.log" | awk '{ print $3 }') instructions"

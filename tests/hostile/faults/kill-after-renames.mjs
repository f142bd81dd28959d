// Fault injection for the CLI as a child process: `node --import <this file> dist/cli.js …`
// with NCRM_KILL_AFTER_RENAMES=N kills the process (SIGKILL: no clean-up, no flush) right
// after its Nth completed rename onto a note, i.e. between two writes the product made.
// Every update of an existing note lands by a rename, before and after issue 13, so the
// same hook tells "killed between the frontmatter write and the body write" (before) from
// "killed between two notes" (after).
import fs from 'node:fs';

const limit = Number(process.env.NCRM_KILL_AFTER_RENAMES);
if (Number.isInteger(limit) && limit > 0) {
  let count = 0;
  const rename = fs.renameSync;
  fs.renameSync = function renameSync(from, to) {
    const result = rename.call(fs, from, to);
    if (String(to).endsWith('.md') && ++count >= limit) process.kill(process.pid, 'SIGKILL');
    return result;
  };
}

/**
 * Fault injection for a child process (`node --import tsx --import kill-at-rename.ts …`): the
 * process kills itself (SIGKILL, nothing runs after it) right after its Nth rename whose
 * target matches `NCRM_KILL_RENAME_MATCH`, N being `NCRM_KILL_AFTER_RENAME` (with
 * `NCRM_KILL_BEFORE=1`, just before it). A note, or the undo file, is written by a temp file
 * and a rename: this stops a command just after one was written, before the command notes
 * that it was, or just before.
 */
import fs from 'node:fs';

const after = Number(process.env.NCRM_KILL_AFTER_RENAME ?? 'NaN');
const match = new RegExp(process.env.NCRM_KILL_RENAME_MATCH ?? '\\.md$');
const before = process.env.NCRM_KILL_BEFORE === '1';
let renames = 0;

if (Number.isFinite(after)) {
  const rename = fs.renameSync.bind(fs);
  fs.renameSync = (from: fs.PathLike, to: fs.PathLike) => {
    const last = match.test(String(to)) && ++renames === after;
    if (last && before) process.kill(process.pid, 'SIGKILL');
    rename(from, to);
    if (last) process.kill(process.pid, 'SIGKILL');
  };
}

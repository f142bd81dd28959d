/** Whether a process recorded in a file (an import's lock, an edit's undo journal, a temp file's name) still runs. */

/** Is there a process with this id? (One of another user counts: it is not ours to take over.) */
export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

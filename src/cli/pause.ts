/**
 * Blocks this thread for `ms` milliseconds. For the short, synchronous waits of a retry (a
 * file another program is in the middle of saving): the writes around them are synchronous
 * too, and nothing else is running that a timer would let through.
 */
const CELL = new Int32Array(new SharedArrayBuffer(4));

export function pause(ms: number): void {
  Atomics.wait(CELL, 0, 0, ms);
}

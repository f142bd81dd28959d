/**
 * Reading a file another program may be in the middle of saving. Obsidian saves a note or
 * data.json in place: the file is emptied, then written. Read in between, it looks empty or
 * broken, and a command deciding from that would replace a whole note with a fragment, or run
 * with the default settings. Such a read is made again a little later, a few times; the waits
 * are synchronous, like the writes around them, and nothing else runs that a timer would let in.
 */

/** How many reads, and how far apart. */
const READS = 5;
const PAUSE_MS = 20;
const CELL = new Int32Array(new SharedArrayBuffer(4));

/** `read()`, made again a little later while `midSave` says its value looks caught in a save; the last value read. */
export function readPastSave<T>(read: () => T, midSave: (value: T) => boolean): T {
  for (let n = 1; ; n++) {
    const value = read();
    if (n === READS || !midSave(value)) return value;
    Atomics.wait(CELL, 0, 0, PAUSE_MS);
  }
}

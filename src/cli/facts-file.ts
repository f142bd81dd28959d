/**
 * The note cache's facts file (note-cache.ts), read a line at a time from the file rather than
 * held as one string. Held whole, its text (5 MB at 30,000 notes, 17 MB at 100,000) outlived
 * the pass that read it: promoted with the notes, it stayed in memory as garbage through the
 * import's plan, which is when the import's memory peaks. Read here, each line is a short
 * string that dies young.
 *
 * The file is checked whole (its length and SHA-256) when it is opened, and stays open until
 * {@link FactsFile.close}: the lines read later are those of the file checked. A run that saves
 * the cache meanwhile replaces the file by a rename; it never writes into it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

/** Bytes read at a time: small enough that each window's text dies young. */
const WINDOW = 64 * 1024;
/** Bytes read at a time while the file is checked. */
const SCAN = 1 << 20;

/**
 * The descriptor of `file` when it is a regular file, else null (closed again). Opened without
 * blocking, then checked: a cache file replaced by a FIFO would block the open until someone
 * wrote to it, and one that is a link to a device (`/dev/zero`) would be read without end, so
 * a command would hang on its cache. Throws only what opening the file throws.
 */
export function openRegularFile(file: string): number | null {
  // O_NONBLOCK does nothing to a regular file's reads; Windows has no such flag (and no FIFOs here).
  const fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  try {
    if (fs.fstatSync(fd).isFile()) return fd;
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  fs.closeSync(fd);
  return null;
}

/** Reads `buffer.length` bytes at `position` (fewer at the end of the file); returns how many. */
function readAt(fd: number, buffer: Buffer, position: number): number {
  let done = 0;
  while (done < buffer.length) {
    const n = fs.readSync(fd, buffer, done, buffer.length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

export class FactsFile {
  private readonly window = Buffer.allocUnsafe(WINDOW);
  private windowFrom = 0;
  private windowLength = 0;
  /**
   * The window as text, made once when it is read: each line is a slice of it. A string made
   * from the buffer for each line cost a call into C++ per note (~10 ms at 30,000).
   */
  private windowText = '';

  private constructor(
    private fd: number | null,
    /** Where each line starts, and one more: the end of the file. */
    private readonly starts: Int32Array,
  ) {}

  /**
   * The file when it is a regular file of `bytes` bytes, this SHA-256 and `lines` lines, each
   * ended by `\n`; else null. Throws only what opening the file throws.
   */
  static open(file: string, bytes: number, hash: string, lines: number): FactsFile | null {
    const fd = openRegularFile(file);
    if (fd === null) return null;
    try {
      const starts = new Int32Array(lines + 1);
      const sha = crypto.createHash('sha256');
      const chunk = Buffer.allocUnsafe(Math.min(SCAN, Math.max(1, bytes)));
      let found = 0;
      let size = 0;
      for (;;) {
        const n = readAt(fd, chunk, size);
        if (n === 0) break;
        const part = chunk.subarray(0, n);
        sha.update(part);
        for (let at = part.indexOf(10); at >= 0; at = part.indexOf(10, at + 1)) {
          if (++found > lines) return FactsFile.refuse(fd);
          starts[found] = size + at + 1;
        }
        size += n;
        if (size > bytes) return FactsFile.refuse(fd);
      }
      if (size !== bytes || found !== lines || starts[lines] !== bytes || sha.digest('hex') !== hash)
        return FactsFile.refuse(fd);
      return new FactsFile(fd, starts);
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
  }

  private static refuse(fd: number): null {
    fs.closeSync(fd);
    return null;
  }

  /** Line `i` (from 0), without its `\n`. Throws when the file cannot be read any more. */
  line(i: number): string {
    const from = this.starts[i] as number;
    const to = (this.starts[i + 1] as number) - 1;
    if (this.fd === null) throw new Error('the facts file is closed');
    if (from < this.windowFrom || to > this.windowFrom + this.windowLength) {
      if (to - from > WINDOW) {
        // A line longer than the window (the table of key lists can be): read on its own.
        const long = Buffer.allocUnsafe(to - from);
        readAt(this.fd, long, from);
        return long.toString('latin1');
      }
      this.windowLength = readAt(this.fd, this.window, from);
      this.windowFrom = from;
      this.windowText = this.window.toString('latin1', 0, this.windowLength);
      if (to > from + this.windowLength) throw new Error('the facts file was cut short');
    }
    return this.windowText.slice(from - this.windowFrom, to - this.windowFrom);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    this.windowText = '';
  }
}

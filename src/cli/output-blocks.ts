/**
 * Standard output as C's stdio gives it: a line at a time to a terminal, in blocks to a pipe or
 * a file. `network-crm stale` at 30,000 people prints 32,000 lines, and each was a system call
 * of its own (about 35 ms of the command, into /dev/null). The caller writes out what is held before anything goes to
 * stderr, so the two keep the order they were written in, and when the command ends.
 */
export class OutputBlocks {
  private parts: string[] = [];
  private size = 0;

  /**
   * `block`: how many characters to hold before writing them; 0 writes each line at once (a
   * terminal). `escape`: applied to the text as it goes out, a block at a time: a line of
   * `stale --json` is ~60 kB of JSON, and escaping each before adding its line break made a
   * copy of all 7.5 MB of it (the break joined on, then the copy flattened for the search).
   */
  constructor(
    private readonly sink: { write(text: string): unknown },
    private readonly block: number,
    private readonly escape: (text: string) => string = (text) => text,
  ) {}

  /** One line: `text` and a line break. */
  line(text: string): void {
    if (this.block === 0) {
      this.sink.write(`${this.escape(text)}\n`);
      return;
    }
    this.parts.push(text, '\n');
    this.size += text.length + 1;
    if (this.size >= this.block) this.flush();
  }

  /** Writes out what is held. */
  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.sink.write(this.escape(text));
  }

  /** Forgets what is held (the reader is gone). */
  drop(): void {
    this.parts = [];
    this.size = 0;
  }
}

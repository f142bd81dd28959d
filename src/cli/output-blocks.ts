/**
 * Standard output as C's stdio gives it: a line at a time to a terminal, in blocks to a pipe or
 * a file. `network-crm stale` at 30,000 people prints 32,000 lines, and each was a system call
 * of its own (about 35 ms of the command, into /dev/null). The caller writes out what is held before anything goes to
 * stderr, so the two keep the order they were written in, and when the command ends.
 */
export class OutputBlocks {
  private parts: string[] = [];
  private size = 0;

  /** `block`: how many characters to hold before writing them; 0 writes each piece at once (a terminal). */
  constructor(
    private readonly sink: { write(text: string): unknown },
    private readonly block: number,
  ) {}

  write(text: string): void {
    if (this.block === 0) {
      this.sink.write(text);
      return;
    }
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.block) this.flush();
  }

  /** Writes out what is held. */
  flush(): void {
    if (this.parts.length === 0) return;
    const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    this.parts = [];
    this.size = 0;
    this.sink.write(text);
  }

  /** Forgets what is held (the reader is gone). */
  drop(): void {
    this.parts = [];
    this.size = 0;
  }
}

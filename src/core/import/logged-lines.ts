/**
 * The lines already under a note's `## Interactions`, for "add each interaction once": a
 * line counts as logged when the log has it word for word, or when a log line starts with
 * its key (a meeting line the user extended with a note, one line per day of messages).
 *
 * Sorted once, looked up by binary search: a calendar brings a note hundreds of meetings,
 * and comparing each with every log line was quadratic.
 */
import type { DatedLine } from './incoming';

export class LoggedLines {
  private readonly sorted: string[];

  constructor(lines: readonly string[]) {
    this.sorted = lines.map((l) => l.trim()).sort();
  }

  /** Index of the first line ≥ `value`. */
  private lowerBound(value: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as string) < value) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  has(line: DatedLine): boolean {
    const text = line.line.trim();
    if (this.sorted[this.lowerBound(text)] === text) return true;
    if (line.key === undefined) return false;
    // Every line starting with the key sorts at or right after it.
    return (this.sorted[this.lowerBound(line.key)] ?? '').startsWith(line.key);
  }
}

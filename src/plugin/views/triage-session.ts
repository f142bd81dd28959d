/**
 * Where the user is in triage: which cards they decided or skipped this session, and the
 * card an undo brought back. The queue itself is recomputed from the index each time, so
 * a decision made elsewhere (a command, an edit by hand) is respected too.
 */
import { itemKey, type TriageCard } from '../../core/triage/queue';

export class TriageSession {
  private readonly done: string[] = [];
  /** The same keys as `done`, for lookups on queues of thousands ("Rate your network"). */
  private readonly doneSet = new Set<string>();
  private readonly skipped = new Set<string>();
  private front: string | null = null;

  remaining(queue: readonly TriageCard[]): TriageCard[] {
    const left = queue.filter((i) => !this.skipped.has(itemKey(i)) && !this.doneSet.has(itemKey(i)));
    if (this.front !== null) {
      const at = left.findIndex((i) => itemKey(i) === this.front);
      if (at > 0) left.unshift(...left.splice(at, 1));
    }
    return left;
  }

  /** "12 of 340": the card's number in the session, and the session's size. */
  progress(remaining: number): { position: number; total: number } {
    const before = this.done.length + this.skipped.size;
    return { position: before + (remaining > 0 ? 1 : 0), total: before + remaining };
  }

  decided(item: TriageCard): void {
    const key = itemKey(item);
    this.done.push(key);
    this.doneSet.add(key);
    if (this.front === key) this.front = null;
  }

  skip(item: TriageCard): void {
    this.skipped.add(itemKey(item));
    if (this.front === itemKey(item)) this.front = null;
  }

  /** Puts the last decided card back in front (after its write was undone). */
  back(): string | null {
    const key = this.done.pop() ?? null;
    if (key !== null) this.doneSet.delete(key);
    this.front = key;
    return key;
  }

  get decisions(): number {
    return this.done.length;
  }
}

/** Obsidian's `Events`: named callbacks, `EventRef`s that can be unregistered. */
import type * as Real from 'obsidian';

/**
 * Each event passes its own arguments (a TFile, a path, a cache…), so listeners declare their
 * parameter types; `never[]` accepts every such listener, as obsidian.d.ts's overloads do.
 */
type Callback = (...data: never[]) => unknown;

export interface DoubleEventRef extends Real.EventRef {
  source: Events;
  name: string;
  callback: Callback;
  ctx: unknown;
}

export class Events {
  private handlers = new Map<string, DoubleEventRef[]>();

  on(name: string, callback: Callback, ctx?: unknown): Real.EventRef {
    const ref: DoubleEventRef = { source: this, name, callback, ctx };
    const list = this.handlers.get(name) ?? [];
    list.push(ref);
    this.handlers.set(name, list);
    return ref;
  }

  off(name: string, callback: Callback): void {
    this.handlers.set(
      name,
      (this.handlers.get(name) ?? []).filter((r) => r.callback !== callback),
    );
  }

  offref(ref: Real.EventRef): void {
    const r = ref as DoubleEventRef;
    this.handlers.set(
      r.name,
      (this.handlers.get(r.name) ?? []).filter((x) => x !== r),
    );
  }

  trigger(name: string, ...data: unknown[]): void {
    for (const ref of [...(this.handlers.get(name) ?? [])])
      (ref.callback as (...args: unknown[]) => unknown).apply(ref.ctx, data);
  }

  /** For tests: how many handlers listen to `name` (leak checks after unload). */
  listenerCount(name: string): number {
    return this.handlers.get(name)?.length ?? 0;
  }
}

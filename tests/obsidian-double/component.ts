/** Obsidian's `Component`: children, and everything registered is undone on unload. */
import type * as Real from 'obsidian';
import type { DoubleEventRef } from './events';

export class Component {
  private loaded = false;
  /** What `onload` returned; Obsidian awaits a plugin's async onload, so the harness does too. */
  loading: Promise<void> = Promise.resolve();
  private children: Component[] = [];
  private cleanups: Array<() => unknown> = [];

  load(): void {
    if (this.loaded) return;
    this.loaded = true;
    this.loading = Promise.resolve(this.onload());
    for (const child of this.children) child.load();
  }
  onload(): void | Promise<void> {}
  unload(): void {
    if (!this.loaded) return;
    this.loaded = false;
    for (const child of this.children.splice(0)) child.unload();
    for (const cb of this.cleanups.splice(0).reverse()) cb();
    this.onunload();
  }
  onunload(): void {}
  addChild<T extends Component>(component: T): T {
    this.children.push(component);
    if (this.loaded) component.load();
    return component;
  }
  removeChild<T extends Component>(component: T): T {
    this.children = this.children.filter((c) => c !== component);
    component.unload();
    return component;
  }
  register(cb: () => unknown): void {
    this.cleanups.push(cb);
  }
  registerEvent(eventRef: Real.EventRef): void {
    const ref = eventRef as DoubleEventRef;
    this.register(() => ref.source.offref(ref));
  }
  registerDomEvent(
    el: EventTarget,
    type: string,
    callback: EventListener,
    options?: boolean | AddEventListenerOptions,
  ): void {
    el.addEventListener(type, callback, options);
    this.register(() => el.removeEventListener(type, callback, options));
  }
  registerInterval(id: number): number {
    this.register(() => window.clearInterval(id));
    return id;
  }
}

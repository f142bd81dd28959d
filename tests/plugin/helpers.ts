/** Helpers for driving the plugin through the Obsidian double the way a user does. */
import { afterEach } from 'vitest';
import type { App } from '../obsidian-double/app';
import { createApp, loadPlugin, settle, type StartOptions } from '../obsidian-double/harness';
import NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';
import { STALE_VIEW_TYPE, type StaleView } from '../../src/plugin/views/stale-view';
import { TRIAGE_VIEW_TYPE, type TriageView } from '../../src/plugin/views/triage-view';

export { settle };

const started: App[] = [];

// Every app a test starts is torn down after it (its DOM, modals and notices).
afterEach(() => {
  for (const app of started.splice(0)) app.destroy();
});

/** Tears `app` down after the test, like the apps startPlugin makes. */
export function track(app: App): App {
  started.push(app);
  return app;
}

export async function startPlugin(
  files: Record<string, string> = {},
  data?: unknown,
  config?: Record<string, string>,
  options?: StartOptions,
) {
  const app = await createApp(files, config, options);
  started.push(app);
  const plugin = (await loadPlugin(NetworkCrmPlugin as never, app, data)) as unknown as NetworkCrmPlugin;
  return { app, plugin };
}

/** Polls until `check` returns a truthy value (UI work is asynchronous). */
export async function until<T>(
  check: () => T | null | undefined | false,
  what = 'condition',
  timeoutMs = 10_000,
): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  return el as HTMLElement;
}

export function $$(selector: string, root: ParentNode = document): HTMLElement[] {
  return Array.from(root.querySelectorAll(selector));
}

export function buttonByText(text: string | RegExp, root: ParentNode = document): HTMLButtonElement {
  const b = Array.from(root.querySelectorAll('button')).find((el) =>
    typeof text === 'string' ? el.textContent === text : text.test(el.textContent ?? ''),
  );
  if (!b) throw new Error(`no button "${String(text)}"`);
  return b;
}

/** Sets a field's value and fires the event the browser would (`input` as typed, `change` for selects). */
export function enter(
  el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  value: string,
  event: 'input' | 'change' = 'input',
): void {
  el.value = value;
  el.dispatchEvent(new Event(event));
}

/** Gives files to an `<input type=file>` and fires `change`, as the browser does after the picker closes. */
export function pickFiles(input: HTMLInputElement, files: Array<{ name: string; bytes: Uint8Array | string }>): void {
  const list = files.map((f) => new File([typeof f.bytes === 'string' ? f.bytes : (f.bytes as BlobPart)], f.name));
  Object.defineProperty(input, 'files', { value: list, configurable: true });
  input.dispatchEvent(new Event('change'));
}

export function runCommand(app: App, id: string): boolean {
  return app.commands.executeCommandById(`network-crm:${id}`);
}

/** Runs the command that opens a view of this type and waits until the view has drawn. */
export async function openViewByCommand<V>(app: App, command: string, viewType: string): Promise<V> {
  runCommand(app, command);
  const view = await until(() => app.workspace.getLeavesOfType(viewType)[0]?.view as V | undefined, viewType);
  await settle(app);
  return view;
}

/** Opens the triage view by its command and waits until it has drawn. */
export function openTriage(app: App): Promise<TriageView> {
  return openViewByCommand<TriageView>(app, 'open-triage', TRIAGE_VIEW_TYPE);
}

/** A key pressed while the triage view has focus. */
export function press(view: TriageView, key: string): void {
  view.contentEl.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
}

/** Runs "Open stale contacts" and waits for the view to have drawn. */
export function openStaleView(app: App): Promise<StaleView> {
  return openViewByCommand<StaleView>(app, 'open-stale-contacts', STALE_VIEW_TYPE);
}

/**
 * The vault's disk fills up after `room` more notes: each later `vault.create` fails with
 * Node's ENOSPC error, code and all, as Obsidian's desktop adapter passes it on. Returns the
 * function that frees the disk again.
 */
export function fillDiskAfter(app: App, room: number): () => void {
  const create = app.vault.create.bind(app.vault);
  let left = room;
  app.vault.create = (path, data) =>
    left-- > 0
      ? create(path, data)
      : Promise.reject(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
  return () => {
    app.vault.create = create;
  };
}

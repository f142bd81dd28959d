/**
 * The browser side of the end-to-end tests, bundled into double.js: the Obsidian API
 * double as the page's `obsidian` module, and a small test API on `window.__test`.
 * The plugin itself is the built main.js, loaded by index.html through a CommonJS shim.
 */
import * as obsidian from '../../obsidian-double/obsidian';
import { createApp, loadPlugin, MANIFEST, settle, type StartOptions } from '../../obsidian-double/harness';
import { MarkdownView } from '../../obsidian-double/editor';
import type { App } from '../../obsidian-double/app';
import type { Plugin } from '../../obsidian-double/app';
import { generatePeopleVault } from '../../../scripts/lib/synthetic-vault';

declare global {
  interface Window {
    ObsidianDouble: { obsidian: typeof obsidian };
    module: { exports: { default?: unknown } };
    __test: TestApi;
  }
}

export interface BootOptions {
  people?: number;
  /** With `people`: about this many dated interaction lines in all, and open follow-up tasks. */
  interactions?: number;
  followUps?: number;
  data?: unknown;
  /** Files of the vault's config folder (`.obsidian/daily-notes.json`…). */
  config?: Record<string, string>;
  /** Obsidian mobile; by default a page narrower than 600 px is a phone, as it would be. */
  mobile?: 'phone' | 'tablet' | false;
  apiVersion?: string;
}

export interface TestApi {
  boot(files: Record<string, string>, options?: BootOptions): Promise<number>;
  /** A cold start with `people` notes: resolves at layout-ready, while Obsidian is still indexing. */
  bootCold(people: number): Promise<void>;
  /** Types at the cursor of the note open in the active tab (not saved yet, as in Obsidian). */
  type(text: string): void;
  /** The active note's editor: its text, cursor offset and whether typing is unsaved. */
  editorState(): { text: string; cursor: number; dirty: boolean; mergeLosses: number } | null;
  /** Opens a view of `type` in a popout window; resolves when it is shown. */
  openInPopout(type: string): Promise<void>;
  runCommand(id: string): boolean;
  readFile(path: string): string | null;
  files(prefix?: string): string[];
  openFile(path: string): Promise<void>;
  openSettings(): void;
  settle(ms?: number): Promise<void>;
  today(): string;
  app(): App;
  /** The loaded plugin instance (its index, settings, undo), for waits and timings. */
  plugin(): unknown;
}

let app: App | null = null;
let plugin: unknown = null;

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

window.ObsidianDouble = { obsidian };
window.__test = {
  async boot(files, options = {}) {
    const all = options.people
      ? {
          ...generatePeopleVault({
            people: options.people,
            today: localToday(),
            seed: 8,
            interactions: options.interactions,
            followUps: options.followUps,
          }),
          ...files,
        }
      : files;
    const mobile = options.mobile ?? (window.innerWidth < 600 ? 'phone' : false);
    const start: StartOptions = {};
    if (mobile) start.mobile = mobile;
    if (options.apiVersion) start.apiVersion = options.apiVersion;
    app = await createApp(all, options.config ?? {}, start);
    const loaded = (window.module as { exports: { default?: unknown } }).exports.default;
    const Ctor = loaded as new (...args: never[]) => Plugin;
    plugin = await loadPlugin(Ctor as never, app, options.data);
    return app.vault.getMarkdownFiles().length;
  },
  async bootCold(people) {
    const files = generatePeopleVault({ people, today: localToday(), seed: 8 });
    app = await createApp(files, {}, { cold: { batch: 1000, intervalMs: 40 } });
    const Ctor = (window.module as { exports: { default?: unknown } }).exports.default as new (
      ...args: never[]
    ) => Plugin;
    const cold = new Ctor(...([app, MANIFEST] as never[]));
    plugin = cold;
    cold.load();
    await cold.loading;
    await app.workspace.triggerLayoutReady();
  },
  type(text) {
    const view = (app as App).workspace.getActiveViewOfType(MarkdownView);
    if (!view) throw new Error('no note is open');
    view.editor.type(text);
  },
  editorState() {
    const view = (app as App).workspace.getActiveViewOfType(MarkdownView);
    if (!view) return null;
    const e = view.editor;
    return {
      text: e.getValue(),
      cursor: e.posToOffset(e.getCursor()),
      dirty: view.dirty,
      mergeLosses: view.mergeLosses,
    };
  },
  async openInPopout(type) {
    const leaf = (app as App).workspace.openPopoutLeaf();
    await leaf.setViewState({ type, active: true });
  },
  runCommand: (id) => (app as App).commands.executeCommandById(`network-crm:${id}`),
  readFile: (path) => (app as App).vault.readSync(path) ?? null,
  files: (prefix = '') =>
    (app as App).vault
      .getFiles()
      .map((f) => f.path)
      .filter((p) => p.startsWith(prefix))
      .sort(),
  openFile: async (path) => {
    const file = (app as App).vault.getFileByPath(path);
    if (!file) throw new Error(`no file ${path}`);
    await (app as App).workspace.getLeaf(false).openFile(file);
  },
  openSettings: () => void (app as App).openSettingTab('network-crm'),
  settle: (ms) => settle(app as App, ms),
  today: localToday,
  app: () => app as App,
  plugin: () => plugin,
};

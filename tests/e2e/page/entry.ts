/**
 * The browser side of the end-to-end tests, bundled into double.js: the Obsidian API
 * double as the page's `obsidian` module, and a small test API on `window.__test`.
 * The plugin itself is the built main.js, loaded by index.html through a CommonJS shim.
 */
import * as obsidian from '../../obsidian-double/obsidian';
import { createApp, loadPlugin, settle } from '../../obsidian-double/harness';
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

export interface TestApi {
  boot(files: Record<string, string>, options?: { people?: number; data?: unknown }): Promise<number>;
  runCommand(id: string): boolean;
  readFile(path: string): string | null;
  files(prefix?: string): string[];
  openFile(path: string): Promise<void>;
  openSettings(): void;
  settle(ms?: number): Promise<void>;
  today(): string;
  app(): App;
}

let app: App | null = null;

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

window.ObsidianDouble = { obsidian };
window.__test = {
  async boot(files, options = {}) {
    const all = options.people
      ? { ...generatePeopleVault({ people: options.people, today: localToday(), seed: 8 }), ...files }
      : files;
    app = await createApp(all);
    const loaded = (window.module as { exports: { default?: unknown } }).exports.default;
    const Ctor = loaded as new (...args: never[]) => Plugin;
    await loadPlugin(Ctor as never, app, options.data);
    return app.vault.getMarkdownFiles().length;
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
};

/**
 * Sets up an app with a vault and loads the plugin the way Obsidian does: construct,
 * `load()` (awaiting an async onload), then layout-ready. Not part of the `obsidian`
 * module; tests import it directly.
 */
import type * as Real from 'obsidian';
import { App, type AppOptions, type Plugin } from './app';
import type { ColdIndexOptions } from './metadata-cache';
import { TFile, TFolder } from './vault';
import type { LeafSpec } from './workspace';

export const MANIFEST: Real.PluginManifest = {
  id: 'network-crm',
  name: 'Network CRM',
  version: '0.0.0-test',
  minAppVersion: '1.7.2',
  description: 'test',
  author: 'test',
};

export interface StartOptions extends AppOptions {
  /**
   * Start cold: the files are there but the metadata cache has indexed none of them yet and
   * works through them after start-up (first open after install or sync, a phone, "Rebuild
   * cache"). Without it the cache is warm, as on a normal start.
   */
  cold?: ColdIndexOptions | true;
  /** Leaves saved in the workspace layout; they come back deferred. */
  layout?: LeafSpec[];
}

/** A vault as Obsidian opens it: files on disk, the metadata cache warm (or cold), the workspace restored. */
export async function createApp(
  files: Record<string, string> = {},
  config: Record<string, string> = {},
  options: StartOptions = {},
): Promise<App> {
  const app = new App(options);
  const texts = new Map(Object.entries(files));
  // Create without events: these files "were there" before the plugin loaded.
  const silent = app.vault as unknown as { trigger: (...a: unknown[]) => void };
  const trigger = silent.trigger.bind(app.vault);
  silent.trigger = () => undefined;
  for (const path of [...texts.keys()].sort()) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const folder = parts.slice(0, i).join('/');
      if (!app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
    }
    await app.vault.create(path, texts.get(path) ?? '');
  }
  silent.trigger = trigger;
  app.vault.writeLog.length = 0;
  for (const [p, t] of Object.entries(config)) app.vault.configFiles.set(p, t);
  if (options.cold)
    app.metadataCache.startColdIndex(app.vault.getMarkdownFiles(), options.cold === true ? {} : options.cold);
  else app.metadataCache.indexNow(app.vault.getMarkdownFiles(), texts);
  await app.workspace.addFileExplorer();
  if (options.layout) app.workspace.restoreLayout(options.layout);
  return app;
}

export async function loadPlugin<P extends Plugin>(
  Ctor: new (app: App, manifest: Real.PluginManifest) => P,
  app: App,
  data?: unknown,
): Promise<P> {
  if (data !== undefined) app.pluginData.set(MANIFEST.id, data);
  const plugin = new Ctor(app, MANIFEST);
  plugin.load();
  await plugin.loading;
  await app.workspace.triggerLayoutReady();
  await settle(app);
  return plugin;
}

/**
 * Waits for writes, indexing, debounced notifications (100 ms) and pending promises to
 * finish: until a whole `ms` has passed with no write and no indexing (a command's write can
 * land after this is called, and a slow machine must not make tests flaky).
 */
export async function settle(app: App, ms = 150): Promise<void> {
  const activity = () => app.vault.writeLog.length + app.metadataCache.indexed;
  for (let round = 0; round < 50; round++) {
    await app.metadataCache.settled();
    const mark = activity();
    await new Promise((r) => setTimeout(r, ms));
    await app.metadataCache.settled();
    if (activity() === mark) return;
  }
}

export function folderChildren(app: App, path: string): string[] {
  const folder = app.vault.getFolderByPath(path);
  return folder ? folder.children.map((c) => (c instanceof TFolder ? `${c.name}/` : c.name)).sort() : [];
}

export function text(app: App, path: string): string {
  const t = app.vault.readSync(path);
  if (t === undefined) throw new Error(`no file ${path}`);
  return t;
}

export function fileAt(app: App, path: string): TFile {
  const f = app.vault.getFileByPath(path);
  if (!f) throw new Error(`no file ${path}`);
  return f;
}

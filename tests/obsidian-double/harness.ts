/**
 * Sets up an app with a vault and loads the plugin the way Obsidian does: construct,
 * `load()` (awaiting an async onload), then layout-ready. Not part of the `obsidian`
 * module; tests import it directly.
 */
import type * as Real from 'obsidian';
import { App, type Plugin } from './app';
import { TFile, TFolder } from './vault';

export const MANIFEST: Real.PluginManifest = {
  id: 'network-crm',
  name: 'Network CRM',
  version: '0.0.0-test',
  minAppVersion: '1.7.2',
  description: 'test',
  author: 'test',
};

/** A vault already indexed, as when Obsidian starts with a warm cache. */
export async function createApp(files: Record<string, string> = {}, config: Record<string, string> = {}): Promise<App> {
  const app = new App();
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
  app.metadataCache.indexNow(app.vault.getMarkdownFiles(), texts);
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
  app.workspace.triggerLayoutReady();
  await settle(app);
  return plugin;
}

/** Waits for indexing, debounced notifications (100 ms) and pending promises to finish. */
export async function settle(app: App, ms = 150): Promise<void> {
  await app.metadataCache.settled();
  await new Promise((r) => setTimeout(r, ms));
  await app.metadataCache.settled();
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

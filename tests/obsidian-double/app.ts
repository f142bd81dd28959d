/**
 * The `App` with the parts the plugin uses (vault, metadata cache, file manager,
 * workspace), plus what Obsidian keeps private but tests need: the command registry, the
 * settings window and plugin data on "disk".
 */
import type * as Real from 'obsidian';
import { Component } from './component';
import { MetadataCache } from './metadata-cache';
import { Notice } from './ui';
import { parseYaml, setIcon, stringifyYaml } from './utils';
import { TFile, Vault, type TAbstractFile } from './vault';
import { Workspace, type ViewCreator } from './workspace';

export class FileManager {
  constructor(private readonly app: App) {}

  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
    await this.app.vault.process(file, (text) => {
      const m = /^---\r?\n([\s\S]*?)(?:\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text);
      const data = m ? ((parseYaml(m[1] ?? '') as Record<string, unknown> | null) ?? {}) : {};
      fn(data);
      const yaml = Object.keys(data).length === 0 ? '' : stringifyYaml(data);
      const rest = m ? text.slice(m[0].length) : text;
      return `---\n${yaml}---\n${rest}`;
    });
  }

  trashFile(file: TAbstractFile): Promise<void> {
    return this.app.vault.delete(file);
  }

  renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    return this.app.vault.rename(file, newPath);
  }
}

export interface RegisteredCommand extends Real.Command {
  /** The full id, `<plugin id>:<command id>`. */
  id: string;
}

/** `app.commands`: private in Obsidian, what the command palette uses. */
export class Commands {
  readonly commands = new Map<string, RegisteredCommand>();

  constructor(private readonly app: App) {}

  listCommands(): RegisteredCommand[] {
    return [...this.commands.values()];
  }

  /** Runs a command as the palette does; false when it is unavailable right now. */
  executeCommandById(id: string): boolean {
    const cmd = this.commands.get(id);
    if (!cmd) throw new Error(`No command ${id}`);
    if (cmd.checkCallback) return cmd.checkCallback(false) !== false && true;
    if (cmd.callback) {
      void cmd.callback();
      return true;
    }
    if (cmd.editorCallback || cmd.editorCheckCallback)
      throw new Error(`${id} is an editor command; the double has no editor`);
    return false;
  }

  isAvailable(id: string): boolean {
    const cmd = this.commands.get(id);
    if (!cmd) return false;
    if (cmd.checkCallback) return cmd.checkCallback(true) === true;
    return true;
  }
}

export class App {
  vault: Vault;
  metadataCache: MetadataCache;
  fileManager: FileManager;
  workspace: Workspace;
  commands: Commands;
  /** `<plugin id>` → what `saveData` stored. */
  readonly pluginData = new Map<string, unknown>();
  readonly settingTabs: PluginSettingTab[] = [];
  readonly rootEl: HTMLElement;
  readonly ribbonEl: HTMLElement;
  readonly statusBarEl: HTMLElement;

  constructor() {
    this.vault = new Vault();
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this);
    this.workspace = new Workspace(this);
    this.commands = new Commands(this);
    this.rootEl = createDiv('app-container');
    this.ribbonEl = this.rootEl.createDiv('side-dock-ribbon');
    this.rootEl.appendChild(this.workspace.containerEl);
    this.statusBarEl = this.rootEl.createDiv('status-bar');
    activeDocument.body.appendChild(this.rootEl);
  }

  /** Opens a plugin's settings tab in a settings window, as Settings → Community plugins does. */
  openSettingTab(pluginId: string): HTMLElement {
    const tab = this.settingTabs.find((t) => t.plugin.manifest.id === pluginId);
    if (!tab) throw new Error(`No settings tab for ${pluginId}`);
    activeDocument.body.querySelector('.modal-container.mod-settings')?.remove();
    const container = activeDocument.body.createDiv('modal-container mod-settings');
    container.createDiv('modal-bg');
    const modal = container.createDiv('modal mod-settings');
    const content = modal.createDiv('vertical-tab-content-container').createDiv('vertical-tab-content');
    content.appendChild(tab.containerEl);
    tab.display();
    return tab.containerEl;
  }

  closeSettings(): void {
    for (const tab of this.settingTabs) tab.hide();
    activeDocument.body.querySelector('.modal-container.mod-settings')?.remove();
  }

  /** The manifest-less equivalent of removing everything the app added to the page. */
  destroy(): void {
    this.rootEl.remove();
    activeDocument.body
      .querySelectorAll('.modal-container, .notice-container, .menu, .suggestion-container')
      .forEach((el) => el.remove());
  }
}

export class Plugin extends Component {
  app: App;
  manifest: Real.PluginManifest;

  constructor(app: App, manifest: Real.PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  addCommand(command: Real.Command): Real.Command {
    const full = { ...command, id: `${this.manifest.id}:${command.id}` };
    this.app.commands.commands.set(full.id, full);
    this.register(() => this.app.commands.commands.delete(full.id));
    return full;
  }

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.app.ribbonEl.createDiv({
      cls: 'side-dock-ribbon-action clickable-icon',
      attr: { 'aria-label': title, 'data-icon': icon },
    });
    setIcon(el, icon);
    el.addEventListener('click', (evt) => void callback(evt));
    this.register(() => el.remove());
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = this.app.statusBarEl.createDiv('status-bar-item plugin-' + this.manifest.id);
    this.register(() => el.remove());
    return el;
  }

  addSettingTab(tab: PluginSettingTab): void {
    this.app.settingTabs.push(tab);
    this.register(() => this.app.settingTabs.splice(this.app.settingTabs.indexOf(tab), 1));
  }

  registerView(type: string, viewCreator: ViewCreator): void {
    this.app.workspace.viewRegistry.set(type, viewCreator);
    this.register(() => this.app.workspace.viewRegistry.delete(type));
  }

  loadData(): Promise<unknown> {
    return Promise.resolve(structuredClone(this.app.pluginData.get(this.manifest.id) ?? null));
  }

  saveData(data: unknown): Promise<void> {
    this.app.pluginData.set(this.manifest.id, structuredClone(data));
    return Promise.resolve();
  }

  onExternalSettingsChange(): void | Promise<void> {}
}

export abstract class PluginSettingTab {
  app: App;
  plugin: Plugin;
  containerEl: HTMLElement;

  constructor(app: App, plugin: Plugin) {
    this.app = app;
    this.plugin = plugin;
    this.containerEl = createDiv('vertical-tab-content-inner');
  }
  abstract display(): void;
  hide(): void {
    this.containerEl.empty();
  }
}

export { Notice };

/**
 * The `App` with the parts the plugin uses (vault, metadata cache, file manager,
 * workspace), plus what Obsidian keeps private but tests need: the command registry, the
 * settings window and plugin data on "disk".
 */
import type * as Real from 'obsidian';
import { Component } from './component';
import { MetadataCache } from './metadata-cache';
import { renderDefinitions, searchEntries } from './setting-definitions';
import { Notice } from './ui';
import {
  LATEST_API_VERSION,
  parseYaml,
  Platform,
  requireApiVersion,
  setApiVersion,
  setIcon,
  setMobile,
  stringifyYaml,
} from './utils';
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

export interface AppOptions {
  /** Obsidian mobile: a phone or a tablet (Platform.isMobile, no status bar, drawers). */
  mobile?: 'phone' | 'tablet';
  /** The app version the double pretends to be (default: the newest typings). */
  apiVersion?: string;
}

/** The settings window's left column: the app's own sections, then the plugins'. */
const SETTINGS_SECTIONS = ['General', 'Editor', 'Files and links', 'Appearance', 'Hotkeys', 'Core plugins'];

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
  /** Null on mobile: Obsidian mobile has no status bar. */
  readonly statusBarEl: HTMLElement | null;
  /** API calls the plugin made that the running platform does not support (a status bar item on mobile). */
  readonly unsupportedCalls: string[] = [];

  constructor(options: AppOptions = {}) {
    setMobile(options.mobile ?? null);
    setApiVersion(options.apiVersion ?? LATEST_API_VERSION);
    const body = activeDocument.body;
    body.toggleClass('is-mobile', Platform.isMobile);
    body.toggleClass('is-phone', Platform.isPhone);
    body.toggleClass('is-tablet', Platform.isTablet);
    this.vault = new Vault();
    this.metadataCache = new MetadataCache(this.vault);
    this.fileManager = new FileManager(this);
    this.workspace = new Workspace(this);
    this.commands = new Commands(this);
    this.rootEl = createDiv('app-container');
    const main = this.rootEl.createDiv('horizontal-main-container');
    this.ribbonEl = main.createDiv('workspace-ribbon side-dock-ribbon mod-left');
    main.appendChild(this.workspace.containerEl);
    if (Platform.isMobile) {
      this.statusBarEl = null;
      const nav = this.rootEl.createDiv('mobile-navbar');
      for (const icon of ['arrow-left', 'arrow-right', 'plus', 'copy', 'menu'])
        setIcon(nav.createDiv({ cls: 'mobile-navbar-action clickable-icon', attr: { 'data-icon': icon } }), icon);
    } else this.statusBarEl = this.rootEl.createDiv('status-bar');
    body.appendChild(this.rootEl);
    // Obsidian's workspace fires 'resize' when the window (or a split) changes size.
    activeWindow.addEventListener('resize', this.onResize);
  }

  private readonly onResize = () => this.workspace.trigger('resize');

  /** Opens a plugin's settings tab in the settings window, as Settings → Community plugins does. */
  openSettingTab(pluginId: string): HTMLElement {
    const tab = this.settingTabs.find((t) => t.plugin.manifest.id === pluginId);
    if (!tab) throw new Error(`No settings tab for ${pluginId}`);
    activeDocument.body.querySelector('.modal-container.mod-settings')?.remove();
    const container = activeDocument.body.createDiv('modal-container mod-settings mod-dim');
    container.createDiv('modal-bg');
    const modal = container.createDiv('modal mod-settings mod-sidebar-layout');
    const close = modal.createDiv({ cls: 'modal-close-button', attr: { 'aria-label': 'Close' } });
    close.addEventListener('click', () => this.closeSettings());
    const nav = modal.createDiv('vertical-tab-header');
    const group = (title: string, items: string[], active?: string) => {
      const g = nav.createDiv('vertical-tab-header-group');
      g.createDiv({ cls: 'vertical-tab-header-group-title', text: title });
      const list = g.createDiv('vertical-tab-header-group-items');
      for (const item of items)
        list.createDiv({ cls: `vertical-tab-nav-item${item === active ? ' is-active' : ''}`, text: item });
    };
    group('Options', [...SETTINGS_SECTIONS, 'Community plugins']);
    group(
      'Community plugins',
      this.settingTabs.map((t) => t.plugin.manifest.name),
      tab.plugin.manifest.name,
    );
    const page = modal.createDiv('vertical-tab-content-container');
    // On a phone the settings show one page at a time, under a title bar.
    page.createDiv({ cls: 'mobile-settings-title', text: tab.plugin.manifest.name });
    const content = page.createDiv('vertical-tab-content');
    content.appendChild(tab.containerEl);
    if (requireApiVersion('1.13.0') && tab.getSettingDefinitions().length > 0) renderDefinitions(tab, tab.containerEl);
    else tab.display();
    return tab.containerEl;
  }

  /** The settings search (1.13+): names of settings whose name, description or aliases match. */
  searchSettings(query: string): string[] {
    if (!requireApiVersion('1.13.0')) return [];
    const q = query.trim().toLowerCase();
    return this.settingTabs.flatMap((t) =>
      searchEntries(t.settingItems)
        .filter((e) => e.text.includes(q))
        .map((e) => e.name),
    );
  }

  closeSettings(): void {
    for (const tab of this.settingTabs) tab.hide();
    activeDocument.body.querySelector('.modal-container.mod-settings')?.remove();
  }

  /** The manifest-less equivalent of removing everything the app added to the page. */
  destroy(): void {
    activeWindow.removeEventListener('resize', this.onResize);
    this.metadataCache.stop();
    for (const leaf of this.workspace.getLeavesOfType('markdown')) leaf.detach();
    this.rootEl.remove();
    activeDocument.body
      .querySelectorAll('.modal-container, .notice-container, .menu, .suggestion-container, .popout-window')
      .forEach((el) => el.remove());
    activeDocument.body.removeClass('is-mobile', 'is-phone', 'is-tablet');
    setMobile(null);
    setApiVersion(LATEST_API_VERSION);
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

  /** "Not available on mobile" (obsidian.d.ts): there the element goes nowhere, and the call is recorded. */
  addStatusBarItem(): HTMLElement {
    if (!this.app.statusBarEl) {
      this.app.unsupportedCalls.push('addStatusBarItem');
      return createDiv('status-bar-item');
    }
    const el = this.app.statusBarEl.createDiv('status-bar-item plugin-' + this.manifest.id);
    this.register(() => el.remove());
    return el;
  }

  addSettingTab(tab: PluginSettingTab): void {
    this.app.settingTabs.push(tab);
    // 1.13 reads the definitions once when the tab is added, for the settings search.
    if (requireApiVersion('1.13.0')) tab.update();
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
  icon = 'settings';
  settingItems: Real.SettingDefinitionItem[] = [];

  constructor(app: App, plugin: Plugin) {
    this.app = app;
    this.plugin = plugin;
    this.containerEl = createDiv('vertical-tab-content-inner');
  }
  /** Before 1.13 the only way a tab renders; from 1.13 not called when there are definitions. */
  display(): void {}
  /** 1.13+: the declarative settings; none by default. */
  getSettingDefinitions(): Real.SettingDefinitionItem[] {
    return [];
  }
  /** 1.13's default: reads `this.plugin.settings[key]`. */
  getControlValue(key: string): unknown {
    return (this.plugin as unknown as { settings?: Record<string, unknown> }).settings?.[key];
  }
  /** 1.13's default: writes `this.plugin.settings[key]` and saves `this.plugin.settings` with saveData. */
  async setControlValue(key: string, value: unknown): Promise<void> {
    const settings = (this.plugin as unknown as { settings?: Record<string, unknown> }).settings;
    if (!settings) return;
    settings[key] = value;
    await this.plugin.saveData(settings);
  }
  update(): void {
    this.settingItems = this.getSettingDefinitions();
    if (this.containerEl.isConnected && requireApiVersion('1.13.0') && this.settingItems.length > 0)
      renderDefinitions(this, this.containerEl);
  }
  refreshDomState(): void {
    this.update();
  }
  hide(): void {
    this.containerEl.empty();
  }
}

export { Notice };

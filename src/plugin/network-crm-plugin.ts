/**
 * The plugin's lifecycle. `onload` only registers things; the person index, which looks
 * at every note, is built in `onLayoutReady` so Obsidian starts as fast with the plugin as
 * without it. Settings changes apply at once, without a reload.
 */
import { debounce, Platform, Plugin, requireApiVersion } from 'obsidian';
import { localIsoDate } from '../core/dates/iso-date';
import { sanitizeSettings, type NetworkCrmSettings } from '../core/settings';
import { sanitizeVaultState, type VaultState } from '../core/vault-state';
import { registerPersonCommands } from './commands/register-commands';
import { logCheckedReviewTasks, registerReviewCommands } from './commands/review-commands';
import { openTriage, registerTriageCommands } from './commands/triage-commands';
import { TRIAGE_VIEW_TYPE, TriageView } from './views/triage-view';
import type { CrmContext } from './context';
import { NoteEditor } from './edits/note-editor';
import { UndoStack } from './edits/undo-stack';
import { ImportFlow } from './import/import-flow';
import { PersonIndex } from './person-index';
import { StaleModel } from './views/stale-model';
import { StaleStatusBar } from './views/stale-status-bar';
import { STALE_VIEW_TYPE, StaleView } from './views/stale-view';
import { openWelcomeOnFirstRun } from './views/welcome';
import { OVERVIEW_VIEW_TYPE, OverviewView } from './views/overview-view';
import { NetworkCrmSettingTab } from './settings-tab';

/** The context handed to commands and views; settings are read live, never copied. */
class PluginContext implements CrmContext {
  constructor(
    private readonly plugin: NetworkCrmPlugin,
    readonly editor: NoteEditor,
  ) {}
  get app() {
    return this.plugin.app;
  }
  get settings() {
    return this.plugin.settings;
  }
  get index() {
    return this.plugin.index;
  }
  get undo() {
    return this.plugin.undo;
  }
  today(): string {
    return localIsoDate(new Date());
  }
  startImport(): void {
    this.plugin.importer.open();
  }
  get state() {
    return this.plugin.state;
  }
  async saveState(state: VaultState): Promise<void> {
    this.plugin.state = state;
    await this.plugin.saveSettings();
  }
}

/** How long the typing in a settings field must pause before the index is rebuilt for it. */
const TYPING_PAUSE_MS = 600;

interface StoredData extends Partial<NetworkCrmSettings> {
  state?: unknown;
}

export default class NetworkCrmPlugin extends Plugin {
  override settings: NetworkCrmSettings = sanitizeSettings({});
  state: VaultState = sanitizeVaultState(null);
  index!: PersonIndex;
  importer!: ImportFlow;
  undo!: UndoStack;
  ctx!: CrmContext;

  override async onload(): Promise<void> {
    await this.loadSettings();
    this.appliedKey = this.indexKey();
    this.index = this.addChild(new PersonIndex(this.app, () => this.settings));
    this.importer = new ImportFlow(this);
    this.undo = new UndoStack(this.app);
    this.ctx = new PluginContext(this, new NoteEditor(this.app, this.undo));

    const stale = new StaleModel(this.ctx);
    this.registerView(STALE_VIEW_TYPE, (leaf) => new StaleView(leaf, this.ctx, stale));
    this.registerView(TRIAGE_VIEW_TYPE, (leaf) => new TriageView(leaf, this.ctx));
    this.registerView(OVERVIEW_VIEW_TYPE, (leaf) => new OverviewView(leaf, this.ctx, stale));
    this.addRibbonIcon('users', 'Open stale contacts', () => void this.openStaleView());
    this.addRibbonIcon('inbox', 'Open triage', () => void openTriage(this.ctx));

    this.addCommand({
      id: 'import-linkedin-export',
      name: 'Import LinkedIn export, contacts or calendar',
      callback: () => this.importer.open(),
    });
    this.addCommand({
      id: 'open-stale-contacts',
      name: 'Open stale contacts',
      callback: () => void this.openStaleView(),
    });
    this.addCommand({
      id: 'open-network-overview',
      name: 'Open network overview',
      callback: () => void this.openOverview(),
    });
    registerPersonCommands(this, this.ctx);
    registerTriageCommands(this, this.ctx);
    registerReviewCommands(this, this.ctx, stale);
    this.index.onReviewTaskChecked = (checked) => logCheckedReviewTasks(this.ctx, checked);

    // The keep-in-touch state follows the index even without a status bar, so the stale view
    // and the overview open at once (after an edit only the people who changed are redone).
    this.register(this.index.onChange(() => void stale.all()));
    // Obsidian mobile has no status bar; the ribbon and the commands open the view there.
    if (!Platform.isMobile) {
      const statusEl = this.addStatusBarItem();
      const statusBar = new StaleStatusBar(statusEl, this.ctx, stale);
      this.registerDomEvent(statusEl, 'click', () => void this.openStaleView());
      this.register(this.index.onChange(() => statusBar.update()));
      statusBar.update();
    }
    this.addSettingTab(new NetworkCrmSettingTab(this.app, this, this));
    this.app.workspace.onLayoutReady(() => {
      void this.index.start();
      void openWelcomeOnFirstRun(this, () => openTriage(this.ctx));
    });
  }

  /** Bases (and so People.base) exists from Obsidian 1.9. */
  basesSupported(): boolean {
    return requireApiVersion('1.9.0');
  }

  /** Resolves when Obsidian has indexed the vault. */
  indexed(): Promise<void> {
    return this.index.whenReady();
  }

  private async loadSettings(): Promise<void> {
    const data = ((await this.loadData()) ?? {}) as StoredData;
    this.settings = sanitizeSettings(data);
    this.state = sanitizeVaultState(data.state);
  }

  /**
   * Saves at once. `typing`: the change comes from a keystroke in the settings tab, and a
   * change to what the index is built from (the people folder, the tag, trust level names)
   * is applied once the typing pauses: each rebuild is a full pass over the vault, and "P",
   * "Pe"… on the way to "People" match no notes (the views would flash "No person notes").
   */
  async saveSettings(options: { typing?: boolean } = {}): Promise<void> {
    await this.saveData({ ...this.settings, state: this.state });
    if (options.typing && this.indexKey() !== this.appliedKey) this.applyAfterTyping();
    else this.applySettings();
  }

  private readonly applyAfterTyping = debounce(() => this.applySettings(), TYPING_PAUSE_MS, true);

  override onunload(): void {
    this.applyAfterTyping.cancel();
  }

  /** The settings the index was built with; when they change the index is rebuilt. */
  private appliedKey = '';

  /** What the index depends on; a change means the index must be rebuilt. */
  private indexKey(): string {
    const s = this.settings;
    return JSON.stringify([
      s.peopleFolder,
      s.reportFolder,
      s.defaultTag,
      s.useDailyNotes,
      s.trustLevels.map((l) => l.name),
    ]);
  }

  private applySettings(): void {
    this.applyAfterTyping.cancel();
    const key = this.indexKey();
    if (key !== this.appliedKey) this.index.rebuildIfStarted();
    else this.index.touch(); // views and the status bar redraw with the new settings
    this.appliedKey = key;
  }

  /** The stale view in the right sidebar: reuses an open one, reveals it. */
  async openStaleView(): Promise<void> {
    await this.app.workspace.ensureSideLeaf(STALE_VIEW_TYPE, 'right', { active: true, reveal: true });
  }

  /** The overview in a tab of the main area: reuses an open one. */
  async openOverview(): Promise<void> {
    const existing = this.app.workspace.getLeavesOfType(OVERVIEW_VIEW_TYPE)[0];
    const leaf = existing ?? this.app.workspace.getLeaf('tab');
    if (!existing) await leaf.setViewState({ type: OVERVIEW_VIEW_TYPE, active: true });
    await this.app.workspace.revealLeaf(leaf);
  }

  override async onExternalSettingsChange(): Promise<void> {
    // data.json changed on disk (a sync client): take it as if the user had changed it here.
    await this.loadSettings();
    this.applySettings();
  }
}

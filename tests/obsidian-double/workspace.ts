/**
 * The workspace as a user sees it: a left sidebar with the file explorer, a main area of
 * tabs and a right sidebar, each a tab group with a header, all in the DOM so views render
 * where they would. Only the selected tab of a group is shown, and a collapsed sidebar
 * hides its leaves (`isShown()` is then false).
 *
 * What the double models on purpose (sources in tests/README.md):
 * - Deferred views (1.7.2+): leaves restored at start-up hold a `DeferredView` until their
 *   tab is shown, `revealLeaf` is awaited or `loadIfDeferred` is called; only then is the
 *   plugin's view constructed and opened.
 * - Popout windows: a leaf in another window, whose DOM has its own document and
 *   constructors; `activeDocument`/`activeWindow` follow the focused window.
 * - Mobile: sidebars are drawers over the whole screen and there is no status bar.
 */
import type * as Real from 'obsidian';
import type { App } from './app';
import { installDomExtensions } from './dom';
import { MarkdownView } from './editor';
import { Events } from './events';
import { setIcon } from './utils';
import { TFile, TFolder, type TAbstractFile } from './vault';
import { DeferredView, EmptyView, ItemView, View, type ViewCreator } from './view';

export { ItemView, View, type ViewCreator };

/** The file explorer in the left sidebar: folders and notes, a few screens' worth per folder. */
class FileExplorerView extends ItemView {
  private static readonly CAP = 60;
  private timer: ReturnType<typeof setTimeout> | null = null;
  getViewType(): string {
    return 'file-explorer';
  }
  getDisplayText(): string {
    return 'Files';
  }
  override getIcon(): string {
    return 'folder';
  }
  protected override onOpen(): Promise<void> {
    this.contentEl.addClass('nav-files-container');
    for (const name of ['create', 'delete', 'rename'])
      this.registerEvent(this.app.vault.on(name, () => this.requestRender()));
    this.registerEvent(this.app.workspace.on('file-open', () => this.requestRender()));
    this.render();
    return Promise.resolve();
  }
  protected override onClose(): Promise<void> {
    if (this.timer !== null) clearTimeout(this.timer);
    return Promise.resolve();
  }
  private requestRender(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.render();
    }, 50);
  }
  private render(): void {
    this.contentEl.empty();
    const active = this.app.workspace.getActiveFile()?.path;
    const draw = (folder: TFolder, el: HTMLElement, depth: number) => {
      const children = [...folder.children].sort(
        (a, b) => Number(b instanceof TFolder) - Number(a instanceof TFolder) || a.name.localeCompare(b.name),
      );
      for (const child of children.slice(0, FileExplorerView.CAP)) {
        const row = el.createDiv({
          cls: child instanceof TFolder ? 'tree-item nav-folder' : 'tree-item nav-file',
          attr: { 'data-path': child.path },
        });
        const self = row.createDiv({
          cls: `tree-item-self ${child instanceof TFolder ? 'nav-folder-title' : 'nav-file-title'}`,
        });
        self.style.setProperty('--depth', String(depth));
        if (child instanceof TFolder) self.createDiv({ cls: 'tree-item-icon collapse-icon', text: '▾' });
        self.createDiv({ cls: 'tree-item-inner', text: child instanceof TFile ? child.basename : child.name });
        if (child instanceof TFile && child.extension !== 'md')
          self.createDiv({ cls: 'nav-file-tag', text: child.extension.toUpperCase() });
        if (child.path === active) self.addClass('is-active');
        if (child instanceof TFolder) draw(child, row.createDiv('tree-item-children'), depth + 1);
      }
      if (children.length > FileExplorerView.CAP)
        el.createDiv({
          cls: 'tree-item nav-file nav-more',
          text: `…${(children.length - FileExplorerView.CAP).toLocaleString('en-US')} more`,
        });
    };
    draw(this.app.vault.getRoot(), this.contentEl.createDiv('nav-files'), 0);
  }
}

/** A tab group: a header row with one tab per leaf, and the leaves under it. */
export class WorkspaceSplit {
  containerEl: HTMLElement;
  readonly headerEl: HTMLElement;
  readonly tabsEl: HTMLElement;
  leaves: WorkspaceLeaf[] = [];
  selected: WorkspaceLeaf | null = null;
  constructor(
    readonly side: 'main' | 'right' | 'left' | 'popout',
    parentEl: HTMLElement,
  ) {
    const cls: Record<typeof side, string> = {
      main: 'mod-root',
      right: 'mod-right-split mod-sidedock',
      left: 'mod-left-split mod-sidedock',
      popout: 'mod-root mod-popout',
    };
    this.containerEl = parentEl.createDiv(`workspace-split ${cls[side]}`);
    const tabs = this.containerEl.createDiv('workspace-tabs');
    this.headerEl = tabs.createDiv('workspace-tab-header-container');
    this.tabsEl = tabs.createDiv('workspace-tab-container');
  }
  /** Redraws the tab headers: an icon and, in the main area, the title; the selected tab is active. */
  renderHeaders(): void {
    this.headerEl.empty();
    for (const leaf of this.leaves) {
      const tab = this.headerEl.createDiv({
        cls: `workspace-tab-header${leaf === this.selected ? ' is-active' : ''}`,
        attr: { 'aria-label': leaf.getDisplayText() },
      });
      const icon = tab.createDiv('workspace-tab-header-inner-icon');
      setIcon(icon, leaf.view.getIcon() || 'file-text');
      if (this.side === 'main' || this.side === 'popout')
        tab.createDiv({ cls: 'workspace-tab-header-inner-title', text: leaf.getDisplayText() });
      tab.addEventListener('click', () => leaf.app.workspace.setActiveLeaf(leaf));
    }
  }
}

export class WorkspaceLeaf extends Events {
  app: App;
  view: View;
  split: WorkspaceSplit;
  containerEl: HTMLElement;

  constructor(app: App, split: WorkspaceSplit, state?: Real.ViewState, title = '') {
    super();
    this.app = app;
    this.split = split;
    this.containerEl = split.tabsEl.createDiv('workspace-leaf');
    this.view = state ? new DeferredView(this, state, title) : new EmptyView(this);
    this.containerEl.appendChild(this.view.containerEl);
  }
  get isDeferred(): boolean {
    return this.view instanceof DeferredView;
  }
  private loading: Promise<void> | null = null;

  /** Constructs and opens the real view of a deferred leaf (what showing its tab does), once. */
  loadIfDeferred(): Promise<void> {
    const view = this.view;
    if (!(view instanceof DeferredView)) return this.loading ?? Promise.resolve();
    const creator = this.app.workspace.viewRegistry.get(view.state.type);
    if (!creator) return Promise.resolve(); // Obsidian keeps the placeholder when no plugin registers the type
    this.loading ??= this.replaceView(creator(this)).finally(() => (this.loading = null));
    return this.loading;
  }
  getViewState(): Real.ViewState {
    return this.view instanceof DeferredView ? this.view.state : { type: this.view.getViewType() };
  }
  /** Swaps the leaf's view (closing the old one). Internal to the double. */
  async replaceView(view: View): Promise<void> {
    await this.view.closeView();
    this.view.containerEl.remove();
    this.view = view;
    this.containerEl.appendChild(view.containerEl);
    this.split.renderHeaders();
    await view.openView();
    this.split.renderHeaders();
  }
  async setViewState(viewState: Real.ViewState): Promise<void> {
    const creator = this.app.workspace.viewRegistry.get(viewState.type);
    if (!creator) throw new Error(`No view registered for type ${viewState.type}`);
    if (this.view.getViewType() !== viewState.type) await this.replaceView(creator(this));
    else await this.loadIfDeferred();
    if (viewState.active) this.app.workspace.setActiveLeaf(this);
  }
  async openFile(file: TFile): Promise<void> {
    if (!(this.view instanceof MarkdownView)) await this.replaceView(new MarkdownView(this));
    await (this.view as MarkdownView).showFile(file);
    this.app.workspace.setActiveLeaf(this);
    this.split.renderHeaders();
    this.app.workspace.trigger('file-open', file);
  }
  getDisplayText(): string {
    return this.view.getDisplayText();
  }
  detach(): void {
    void this.view.closeView();
    this.containerEl.remove();
    this.split.leaves = this.split.leaves.filter((l) => l !== this);
    if (this.split.selected === this) this.split.selected = this.split.leaves[0] ?? null;
    this.split.renderHeaders();
    this.app.workspace.forgetLeaf(this);
  }
}

/** What a workspace restored at start-up holds: one entry per leaf. */
export interface LeafSpec {
  type: string;
  side: 'main' | 'right';
  title: string;
  /** The selected tab of its group (shown, so loaded at start-up unless its sidebar is collapsed). */
  selected?: boolean;
}

export class Workspace extends Events {
  layoutReady = false;
  containerEl: HTMLElement;
  readonly leftSplit: WorkspaceSplit;
  readonly rootSplit: WorkspaceSplit;
  readonly rightSplit: WorkspaceSplit;
  readonly viewRegistry = new Map<string, ViewCreator>();
  activeLeaf: WorkspaceLeaf | null = null;
  private readyCallbacks: Array<() => unknown> = [];
  private rightCollapsed = true;
  private readonly popouts: WorkspaceSplit[] = [];

  constructor(readonly app: App) {
    super();
    this.containerEl = createDiv('workspace');
    this.leftSplit = new WorkspaceSplit('left', this.containerEl);
    this.rootSplit = new WorkspaceSplit('main', this.containerEl);
    this.rightSplit = new WorkspaceSplit('right', this.containerEl);
    this.rightSplit.containerEl.addClass('is-collapsed');
    // Obsidian's own view types, so restored leaves of those types load too.
    this.viewRegistry.set('empty', (leaf) => new EmptyView(leaf));
    this.viewRegistry.set('markdown', (leaf) => new MarkdownView(leaf));
  }

  /** The left sidebar's file explorer, as every vault has it. */
  async addFileExplorer(): Promise<void> {
    const leaf = this.newLeaf(this.leftSplit);
    await leaf.replaceView(new FileExplorerView(leaf));
    this.showInSplit(leaf);
  }

  /** Leaves saved in the workspace layout: they come back deferred, as in Obsidian 1.7.2+. */
  restoreLayout(specs: readonly LeafSpec[]): void {
    for (const spec of specs) {
      const split = spec.side === 'right' ? this.rightSplit : this.rootSplit;
      const leaf = new WorkspaceLeaf(this.app, split, { type: spec.type }, spec.title);
      split.leaves.push(leaf);
      if (spec.selected || split.selected === null) split.selected = leaf;
    }
    for (const split of [this.rootSplit, this.rightSplit]) if (split.selected) this.showInSplit(split.selected);
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) void callback();
    else this.readyCallbacks.push(callback);
  }

  /** What Obsidian does once the workspace is restored: the visible tabs load, then layout-ready. */
  async triggerLayoutReady(): Promise<void> {
    const visible = [this.rootSplit.selected, this.rightCollapsed ? null : this.rightSplit.selected];
    for (const leaf of visible) if (leaf) await leaf.loadIfDeferred();
    this.layoutReady = true;
    for (const cb of this.readyCallbacks.splice(0)) void cb();
    this.trigger('layout-ready');
  }

  private allLeaves(): WorkspaceLeaf[] {
    return [this.rootSplit, this.rightSplit, ...this.popouts].flatMap((s) => s.leaves);
  }

  /** Leaves whose view is of this type, deferred ones included (their view is then a DeferredView). */
  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.allLeaves().filter((l) => l.view.getViewType() === viewType);
  }

  private newLeaf(split: WorkspaceSplit): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, split);
    split.leaves.push(leaf);
    split.renderHeaders();
    return leaf;
  }

  getLeaf(newLeaf?: Real.PaneType | boolean): WorkspaceLeaf {
    if (newLeaf === 'window') return this.openPopoutLeaf();
    if (!newLeaf) {
      const active =
        this.activeLeaf && this.activeLeaf.split.side !== 'right'
          ? this.activeLeaf
          : this.rootSplit.leaves[this.rootSplit.leaves.length - 1];
      if (active) return active;
    }
    return this.newLeaf(this.rootSplit);
  }

  getRightLeaf(_split: boolean): WorkspaceLeaf {
    return this.newLeaf(this.rightSplit);
  }

  async ensureSideLeaf(
    type: string,
    side: Real.Side,
    options: { active?: boolean; split?: boolean; reveal?: boolean; state?: unknown } = {},
  ): Promise<WorkspaceLeaf> {
    if (side !== 'right') throw new Error('the double only has a right sidebar for views');
    const leaf = this.getLeavesOfType(type)[0] ?? this.getRightLeaf(false);
    await leaf.setViewState({ type, active: options.active ?? false });
    if (options.reveal ?? true) await this.revealLeaf(leaf);
    return leaf;
  }

  /** Shows the leaf (opening its sidebar) and, awaited, makes sure its view is loaded. */
  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    if (leaf.split === this.rightSplit) {
      this.rightCollapsed = false;
      this.rightSplit.containerEl.removeClass('is-collapsed');
    }
    this.showInSplit(leaf);
    await leaf.loadIfDeferred();
    this.trigger('layout-change');
  }

  /** Only the selected tab of a split is visible. */
  private showInSplit(leaf: WorkspaceLeaf): void {
    leaf.split.selected = leaf;
    for (const other of leaf.split.leaves) {
      other.containerEl.toggleClass('is-hidden', other !== leaf);
      other.containerEl.hidden = other !== leaf;
    }
    leaf.split.renderHeaders();
  }

  collapseRightSplit(): void {
    this.rightCollapsed = true;
    this.rightSplit.containerEl.addClass('is-collapsed');
    this.trigger('layout-change');
  }

  isRightCollapsed(): boolean {
    return this.rightCollapsed;
  }

  setActiveLeaf(leaf: WorkspaceLeaf): void {
    this.activeLeaf = leaf;
    this.showInSplit(leaf);
    // Focus follows the leaf's window: activeDocument/activeWindow point at it.
    const g = window as unknown as { activeDocument: Document; activeWindow: Window };
    g.activeDocument = leaf.containerEl.ownerDocument;
    g.activeWindow = leaf.containerEl.ownerDocument.defaultView ?? window;
    if (leaf.isDeferred) void leaf.loadIfDeferred().then(() => this.trigger('active-leaf-change', leaf));
    else this.trigger('active-leaf-change', leaf);
  }

  forgetLeaf(leaf: WorkspaceLeaf): void {
    if (this.activeLeaf === leaf) this.activeLeaf = null;
  }

  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view;
    return view instanceof MarkdownView ? view.file : null;
  }

  getActiveViewOfType<T extends View>(type: abstract new (...args: never[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: Real.PaneType | boolean): Promise<void> {
    const file = this.app.metadataCache.getFirstLinkpathDest(linktext, sourcePath);
    if (!file) throw new Error(`No note for link ${linktext}`);
    await this.getLeaf(newLeaf).openFile(file);
  }

  /**
   * A leaf in a new window. The window is an iframe in the page: a real second document with
   * its own constructors, so `instanceof HTMLInputElement` fails there as in an Obsidian popout.
   */
  openPopoutLeaf(): WorkspaceLeaf {
    const frame = activeDocument.body.createEl('iframe', { cls: 'popout-window' });
    const win = frame.contentWindow as (Window & typeof globalThis) | null;
    if (!win?.document?.body) {
      frame.remove();
      throw new Error('popout windows need a real browser (the browser tests), not happy-dom');
    }
    const doc = win.document;
    doc.body.className = activeDocument.body.className;
    for (const link of Array.from(activeDocument.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]'))) {
      const copy = doc.createElement('link');
      copy.rel = 'stylesheet';
      copy.href = link.href;
      doc.head.appendChild(copy);
    }
    installDomExtensions(win);
    const split = new WorkspaceSplit('popout', doc.body);
    this.popouts.push(split);
    return this.newLeaf(split);
  }

  /** Which leaf holds a file, for tests. */
  leafOf(file: TAbstractFile): WorkspaceLeaf | undefined {
    return this.allLeaves().find((l) => l.view instanceof MarkdownView && l.view.file === file);
  }
}

export { MarkdownView };

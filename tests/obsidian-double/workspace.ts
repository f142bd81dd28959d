/**
 * A workspace with a main area of tabs and a right sidebar, in the DOM, so views render
 * where a user would see them. Leaves hold views; only the active leaf of each split is
 * shown, and a collapsed sidebar hides its leaves (`isShown()` is then false).
 */
import type * as Real from 'obsidian';
import type { App } from './app';
import { Component } from './component';
import { Events } from './events';
import { TFile } from './vault';

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

export abstract class View extends Component {
  app: App;
  icon = '';
  navigation = false;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app;
    this.containerEl = createDiv('workspace-leaf-content');
  }
  abstract getViewType(): string;
  abstract getDisplayText(): string;
  getIcon(): string {
    return this.icon;
  }
  getState(): Record<string, unknown> {
    return {};
  }
  setState(_state: unknown, _result: unknown): Promise<void> {
    return Promise.resolve();
  }
  onResize(): void {}
  protected onOpen(): Promise<void> {
    return Promise.resolve();
  }
  protected onClose(): Promise<void> {
    return Promise.resolve();
  }
  /** Called by the leaf: Obsidian's own `View.open`/`close` wrap onOpen/onClose like this. */
  async openView(): Promise<void> {
    this.load();
    await this.onOpen();
  }
  async closeView(): Promise<void> {
    await this.onClose();
    this.unload();
  }
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;
  private headerEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.headerEl = this.containerEl.createDiv('view-header');
    this.headerEl.createDiv('view-header-title');
    this.headerEl.createDiv('view-actions');
    this.contentEl = this.containerEl.createDiv('view-content');
  }
  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = (this.headerEl.querySelector('.view-actions') as HTMLElement).createEl('a', {
      cls: 'view-action clickable-icon',
      attr: { 'aria-label': title, 'data-icon': icon },
    });
    el.addEventListener('click', (evt) => void callback(evt));
    return el;
  }
  override async openView(): Promise<void> {
    (this.headerEl.querySelector('.view-header-title') as HTMLElement).setText(this.getDisplayText());
    await super.openView();
  }
}

/** Stands in for the editor: shows the note's text and keeps it current. */
export class MarkdownView extends ItemView {
  file: TFile | null = null;
  getViewType(): string {
    return 'markdown';
  }
  getDisplayText(): string {
    return this.file?.basename ?? 'New tab';
  }
  async showFile(file: TFile): Promise<void> {
    this.file = file;
    this.containerEl.querySelector('.view-header-title')?.setText(file.basename);
    const pre =
      this.contentEl.querySelector('pre') ?? this.contentEl.createEl('pre', { cls: 'markdown-source-double' });
    pre.setText(await this.app.vault.read(file));
  }
}

class EmptyView extends ItemView {
  getViewType(): string {
    return 'empty';
  }
  getDisplayText(): string {
    return 'New tab';
  }
}

export class WorkspaceSplit {
  containerEl: HTMLElement;
  leaves: WorkspaceLeaf[] = [];
  constructor(
    readonly side: 'main' | 'right',
    parentEl: HTMLElement,
  ) {
    this.containerEl = parentEl.createDiv(`workspace-split ${side === 'main' ? 'mod-root' : 'mod-right-split'}`);
  }
}

export class WorkspaceLeaf extends Events {
  app: App;
  view: View;
  split: WorkspaceSplit;
  containerEl: HTMLElement;

  constructor(app: App, split: WorkspaceSplit) {
    super();
    this.app = app;
    this.split = split;
    this.containerEl = split.containerEl.createDiv('workspace-leaf');
    this.view = new EmptyView(this);
    this.containerEl.appendChild(this.view.containerEl);
  }
  get isDeferred(): boolean {
    return false;
  }
  loadIfDeferred(): Promise<void> {
    return Promise.resolve();
  }
  getViewState(): Real.ViewState {
    return { type: this.view.getViewType() };
  }
  private async replaceView(view: View): Promise<void> {
    await this.view.closeView();
    this.view.containerEl.remove();
    this.view = view;
    this.containerEl.appendChild(view.containerEl);
    await view.openView();
  }
  async setViewState(viewState: Real.ViewState): Promise<void> {
    const creator = this.app.workspace.viewRegistry.get(viewState.type);
    if (!creator) throw new Error(`No view registered for type ${viewState.type}`);
    if (this.view.getViewType() !== viewState.type) await this.replaceView(creator(this));
    if (viewState.active) this.app.workspace.setActiveLeaf(this);
  }
  async openFile(file: TFile): Promise<void> {
    if (!(this.view instanceof MarkdownView)) await this.replaceView(new MarkdownView(this));
    await (this.view as MarkdownView).showFile(file);
    this.app.workspace.setActiveLeaf(this);
    this.app.workspace.trigger('file-open', file);
  }
  getDisplayText(): string {
    return this.view.getDisplayText();
  }
  detach(): void {
    void this.view.closeView();
    this.containerEl.remove();
    this.split.leaves = this.split.leaves.filter((l) => l !== this);
    this.app.workspace.forgetLeaf(this);
  }
}

export class Workspace extends Events {
  layoutReady = false;
  containerEl: HTMLElement;
  readonly rootSplit: WorkspaceSplit;
  readonly rightSplit: WorkspaceSplit;
  readonly viewRegistry = new Map<string, ViewCreator>();
  activeLeaf: WorkspaceLeaf | null = null;
  private readyCallbacks: Array<() => unknown> = [];
  private rightCollapsed = true;

  constructor(readonly app: App) {
    super();
    this.containerEl = createDiv('workspace');
    this.rootSplit = new WorkspaceSplit('main', this.containerEl);
    this.rightSplit = new WorkspaceSplit('right', this.containerEl);
    this.rightSplit.containerEl.addClass('is-collapsed');
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) void callback();
    else this.readyCallbacks.push(callback);
  }

  /** What Obsidian does once the workspace is restored. */
  triggerLayoutReady(): void {
    this.layoutReady = true;
    for (const cb of this.readyCallbacks.splice(0)) void cb();
    this.trigger('layout-ready');
  }

  private allLeaves(): WorkspaceLeaf[] {
    return [...this.rootSplit.leaves, ...this.rightSplit.leaves];
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.allLeaves().filter((l) => l.view.getViewType() === viewType);
  }

  private newLeaf(split: WorkspaceSplit): WorkspaceLeaf {
    const leaf = new WorkspaceLeaf(this.app, split);
    split.leaves.push(leaf);
    return leaf;
  }

  getLeaf(newLeaf?: Real.PaneType | boolean): WorkspaceLeaf {
    if (!newLeaf) {
      const active =
        this.activeLeaf && this.activeLeaf.split === this.rootSplit
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
    if (side !== 'right') throw new Error('the double only has a right sidebar');
    const leaf = this.getLeavesOfType(type)[0] ?? this.getRightLeaf(false);
    await leaf.setViewState({ type, active: options.active ?? false });
    if (options.reveal ?? true) await this.revealLeaf(leaf);
    return leaf;
  }

  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    if (leaf.split === this.rightSplit) {
      this.rightCollapsed = false;
      this.rightSplit.containerEl.removeClass('is-collapsed');
    }
    this.showInSplit(leaf);
    return Promise.resolve();
  }

  /** Only the selected tab of a split is visible. */
  private showInSplit(leaf: WorkspaceLeaf): void {
    for (const other of leaf.split.leaves) other.containerEl.toggleClass('is-hidden', other !== leaf);
    for (const other of leaf.split.leaves) other.containerEl.hidden = other !== leaf;
  }

  collapseRightSplit(): void {
    this.rightCollapsed = true;
    this.rightSplit.containerEl.addClass('is-collapsed');
  }

  isRightCollapsed(): boolean {
    return this.rightCollapsed;
  }

  setActiveLeaf(leaf: WorkspaceLeaf): void {
    this.activeLeaf = leaf;
    this.showInSplit(leaf);
    this.trigger('active-leaf-change', leaf);
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
}

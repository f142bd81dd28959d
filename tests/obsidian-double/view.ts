/**
 * Views: what a leaf shows. `ItemView` gets a header and a content element; a
 * `DeferredView` stands in for a view that Obsidian (1.7.2+) has not loaded yet because its
 * tab is in the background: the plugin's view class is constructed only when the tab is
 * shown (or `loadIfDeferred` is called).
 */
import type * as Real from 'obsidian';
import type { App } from './app';
import { Component } from './component';
import type { WorkspaceLeaf } from './workspace';

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
    this.headerEl.createDiv('view-header-title-container').createDiv('view-header-title');
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
  /** Redraws the header title (the note was renamed, a file was opened). */
  updateHeader(): void {
    (this.headerEl.querySelector('.view-header-title') as HTMLElement).setText(this.getDisplayText());
  }
  override async openView(): Promise<void> {
    this.updateHeader();
    await super.openView();
  }
}

/** The placeholder a background leaf holds until it is shown. It remembers the view state. */
export class DeferredView extends View {
  constructor(
    leaf: WorkspaceLeaf,
    readonly state: Real.ViewState,
    private readonly title: string,
  ) {
    super(leaf);
  }
  getViewType(): string {
    return this.state.type;
  }
  getDisplayText(): string {
    return this.title;
  }
}

export class EmptyView extends ItemView {
  getViewType(): string {
    return 'empty';
  }
  getDisplayText(): string {
    return 'New tab';
  }
}

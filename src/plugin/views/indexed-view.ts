/**
 * A view drawn from the person index: it redraws when the index changes, but only while it
 * is visible (a hidden view just remembers it is out of date and redraws when shown), and
 * every half hour, since a person becomes due at midnight without any note changing.
 */
import { ItemView, type WorkspaceLeaf } from 'obsidian';
import type { CrmContext } from '../context';

export abstract class IndexedView extends ItemView {
  private dirty = true;
  private unsubscribe: (() => void) | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    protected readonly ctx: CrmContext,
  ) {
    super(leaf);
  }

  /** Draws the view from the current index. */
  protected abstract draw(): void;

  /** Recomputes and redraws now. */
  refresh(): void {
    this.dirty = false;
    this.draw();
  }

  /**
   * Starts following the index (from onOpen) and draws at once: on a cold start `draw` says
   * the vault is being indexed, and the index notifies when it is ready.
   */
  protected followIndex(): void {
    this.unsubscribe = this.ctx.index.onChange(() => this.requestRefresh());
    this.registerEvent(this.app.workspace.on('layout-change', () => this.refreshIfDirty()));
    this.registerEvent(this.app.workspace.on('active-leaf-change', () => this.refreshIfDirty()));
    this.registerInterval(window.setInterval(() => this.requestRefresh(), 30 * 60 * 1000));
    this.refresh();
  }

  override async onClose(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    return Promise.resolve();
  }

  protected requestRefresh(): void {
    this.dirty = true;
    this.refreshIfDirty();
  }

  private refreshIfDirty(): void {
    if (this.dirty && this.containerEl.isShown()) this.refresh();
  }
}

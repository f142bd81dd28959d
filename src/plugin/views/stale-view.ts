/**
 * The "Stale contacts" sidebar view: who to get back in touch with, most overdue first.
 *
 * It renders only the rows in view (fixed row height, see core/ui/windowing.ts), so it
 * opens and scrolls the same at 30 or 30,000 people. It redraws when the person index
 * changes, but only while it is visible; a hidden view just remembers it is out of date.
 */
import { ItemView, Keymap, Menu, Notice, Platform, setIcon, type WorkspaceLeaf } from 'obsidian';
import { linkableProfileUrl } from '../../core/identity/profile-url';
import { SNOOZE_LABELS, type SnoozeChoice } from '../../core/people/person-edits';
import type { PersonRecord } from '../../core/people/person-record';
import { lastContactText, overdueText } from '../../core/stale/describe';
import { filterStale, NO_FILTER, type StaleEntry, type StaleFilter, type WhoseMove } from '../../core/stale/stale-list';
import { formatCount, plural } from '../../core/text/format';
import { visibleRange } from '../../core/ui/windowing';
import { logContactToday, snoozeChoice } from '../edits/person-actions';
import type { CrmContext } from '../context';
import { INDEXING_TITLE, indexingDetail } from '../ui/indexing';
import type { StaleModel } from './stale-model';

export const STALE_VIEW_TYPE = 'network-crm-stale';
/** Must match `.ncrm-stale-row` height in styles.css. */
export const STALE_ROW_HEIGHT = 76;
/** On phones the row's buttons are 44 px touch targets, so the row is taller (`.is-phone` in styles.css). */
export const STALE_ROW_HEIGHT_PHONE = 100;

export function staleRowHeight(): number {
  return Platform.isPhone ? STALE_ROW_HEIGHT_PHONE : STALE_ROW_HEIGHT;
}

const ACTION_LOG = 'Log contact today';
const ACTION_SNOOZE = 'Snooze';
const ACTION_PROFILE = 'Open LinkedIn profile';

export class StaleView extends ItemView {
  private filter: StaleFilter = { ...NO_FILTER };
  private shown: StaleEntry[] = [];
  /** People acted on here, hidden at once until the index reflects the write. */
  private readonly hidden = new Map<string, PersonRecord>();
  private dirty = true;
  private renderedRange = '';
  /** The entries drawn now, by path, for the delegated click handler. */
  private readonly drawn = new Map<string, StaleEntry>();
  private unsubscribe: (() => void) | null = null;
  private countEl!: HTMLElement;
  private listEl!: HTMLElement;
  private sizerEl!: HTMLElement;
  private rowsEl!: HTMLElement;
  private emptyEl!: HTMLElement;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly ctx: CrmContext,
    private readonly model: StaleModel,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return STALE_VIEW_TYPE;
  }

  getDisplayText(): string {
    return 'Stale contacts';
  }

  override getIcon(): string {
    return 'users';
  }

  override onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass('ncrm-stale-view');
    this.buildHeader(this.contentEl.createDiv({ cls: 'ncrm-stale-header' }));
    this.listEl = this.contentEl.createDiv({ cls: 'ncrm-stale-list' });
    this.sizerEl = this.listEl.createDiv({ cls: 'ncrm-stale-sizer' });
    this.rowsEl = this.sizerEl.createDiv({ cls: 'ncrm-stale-rows' });
    this.emptyEl = this.contentEl.createDiv({ cls: 'ncrm-stale-empty ncrm-hidden' });
    this.registerDomEvent(this.listEl, 'scroll', () => this.renderWindow());
    // One listener for all rows: rows are redrawn on every scroll, their listeners would pile up.
    this.registerDomEvent(this.rowsEl, 'click', (evt) => this.onRowClick(evt));
    this.unsubscribe = this.ctx.index.onChange(() => this.requestRefresh());
    this.registerEvent(this.app.workspace.on('layout-change', () => this.refreshIfDirty()));
    this.registerEvent(this.app.workspace.on('active-leaf-change', () => this.refreshIfDirty()));
    this.registerEvent(this.app.workspace.on('resize', () => this.renderWindow(true)));
    // A person becomes due at midnight without any note changing.
    this.registerInterval(window.setInterval(() => this.requestRefresh(), 30 * 60 * 1000));
    // Drawn at once: while the vault is still being indexed it says so (the index notifies when ready).
    this.refresh();
    return Promise.resolve();
  }

  override async onClose(): Promise<void> {
    this.unsubscribe?.();
    this.unsubscribe = null;
    return Promise.resolve();
  }

  private buildHeader(el: HTMLElement): void {
    this.countEl = el.createDiv({ cls: 'ncrm-stale-count' });
    const filters = el.createDiv({ cls: 'ncrm-stale-filters' });
    const search = filters.createEl('input', {
      type: 'search',
      cls: 'ncrm-stale-search',
      placeholder: 'Search name, company, where met',
    });
    this.registerDomEvent(search, 'input', () => this.setFilter({ query: search.value }));

    const trust = filters.createEl('select', {
      cls: 'dropdown ncrm-stale-trust',
      attr: { 'aria-label': 'Trust level' },
    });
    trust.createEl('option', { value: '', text: 'All levels' });
    this.ctx.settings.trustLevels.forEach((l, i) => trust.createEl('option', { value: String(i + 1), text: l.name }));
    this.registerDomEvent(trust, 'change', () =>
      this.setFilter({ trust: trust.value === '' ? null : Number(trust.value) }),
    );

    const tag = filters.createEl('input', { type: 'search', cls: 'ncrm-stale-tag', placeholder: 'Tag' });
    this.registerDomEvent(tag, 'input', () => this.setFilter({ tag: tag.value }));

    const move = filters.createEl('select', { cls: 'dropdown ncrm-stale-move', attr: { 'aria-label': 'Whose move' } });
    move.createEl('option', { value: '', text: 'Anyone' });
    move.createEl('option', { value: 'you owe a reply', text: 'You owe a reply' });
    move.createEl('option', { value: 'waiting on them', text: 'Waiting on them' });
    this.registerDomEvent(move, 'change', () =>
      this.setFilter({ move: move.value === '' ? null : (move.value as WhoseMove) }),
    );
  }

  private setFilter(change: Partial<StaleFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.listEl.scrollTop = 0;
    this.refresh();
  }

  private requestRefresh(): void {
    this.dirty = true;
    this.refreshIfDirty();
  }

  private refreshIfDirty(): void {
    if (this.dirty && this.containerEl.isShown()) this.refresh();
  }

  /** What the view lists now, in order (after filters): for tests and the browser harness. */
  listed(): readonly StaleEntry[] {
    return this.shown;
  }

  /** Recomputes what to show and redraws the visible rows. */
  refresh(): void {
    this.dirty = false;
    if (!this.ctx.index.ready) {
      this.shown = [];
      this.countEl.setText(INDEXING_TITLE);
      this.emptyEl.setText(indexingDetail(this.ctx.index));
      this.emptyEl.toggleClass('ncrm-hidden', false);
      this.renderWindow(true);
      return;
    }
    for (const [path, record] of this.hidden) if (this.ctx.index.get(path) !== record) this.hidden.delete(path);
    const all = this.model.entries();
    const visible = this.hidden.size === 0 ? all : all.filter((e) => !this.hidden.has(e.person.path));
    this.shown = filterStale(visible, this.filter);
    const filtered = this.shown.length !== visible.length;
    this.countEl.setText(
      filtered
        ? `${formatCount(this.shown.length)} of ${plural(visible.length, 'stale contact')}`
        : plural(visible.length, 'stale contact'),
    );
    this.emptyEl.toggleClass('ncrm-hidden', this.shown.length > 0);
    this.emptyEl.setText(
      visible.length === 0
        ? 'Nobody is overdue. Set trust levels on people to get keep-in-touch reminders.'
        : 'Nobody matches these filters.',
    );
    this.renderWindow(true);
  }

  private renderWindow(force = false): void {
    if (!this.rowsEl) return;
    const range = visibleRange({
      scrollTop: this.listEl.scrollTop,
      viewportHeight: this.listEl.clientHeight || 800,
      rowHeight: staleRowHeight(),
      count: this.shown.length,
    });
    const key = `${range.start}:${range.end}`;
    this.sizerEl.setCssProps({ '--ncrm-stale-height': `${range.totalHeight}px` });
    if (!force && key === this.renderedRange) return;
    this.renderedRange = key;
    this.rowsEl.setCssProps({ '--ncrm-stale-offset': `${range.offsetTop}px` });
    this.rowsEl.empty();
    this.drawn.clear();
    const today = this.ctx.today();
    for (let i = range.start; i < range.end; i++) this.renderRow(this.shown[i] as StaleEntry, today);
  }

  private renderRow(entry: StaleEntry, today: string): void {
    const p = entry.person;
    this.drawn.set(p.path, entry);
    const row = this.rowsEl.createDiv({ cls: 'ncrm-stale-row', attr: { 'data-path': p.path } });
    const first = row.createDiv({ cls: 'ncrm-stale-line ncrm-stale-first' });
    const top = first.createDiv({ cls: 'ncrm-stale-text' });
    top.createEl('a', { cls: 'ncrm-stale-name', text: p.name, href: '#', attr: { title: p.path } });
    const level =
      p.trust === null ? 'Untriaged' : (this.ctx.settings.trustLevels[p.trust - 1]?.name ?? `Level ${p.trust}`);
    top.createSpan({ cls: 'ncrm-badge', text: level });
    first.createDiv({ cls: 'ncrm-overdue', text: overdueText(entry) });
    const detail = [p.company, p.metWhere === '' ? '' : `met: ${p.metWhere}`].filter(Boolean).join(' · ');
    row.createDiv({ cls: 'ncrm-stale-line ncrm-stale-detail', text: detail || '\u00a0' });
    const third = row.createDiv({ cls: 'ncrm-stale-line ncrm-stale-third' });
    const contact = third.createDiv({ cls: 'ncrm-stale-text ncrm-stale-contact' });
    if (entry.whoseMove)
      contact.createSpan({
        cls: `ncrm-move ncrm-move-${entry.whoseMove === 'you owe a reply' ? 'you' : 'them'}`,
        text: entry.whoseMove,
      });
    contact.createSpan({ text: lastContactText(entry, today) });
    const actions = third.createDiv({ cls: 'ncrm-stale-actions' });
    this.action(actions, 'check', ACTION_LOG);
    this.action(actions, 'alarm-clock', ACTION_SNOOZE);
    const profile = this.action(actions, 'external-link', ACTION_PROFILE);
    if (!p.profileUrl) {
      profile.disabled = true;
      profile.setAttr('aria-label', 'No LinkedIn profile in this note');
    }
  }

  private action(parent: HTMLElement, icon: string, label: string): HTMLButtonElement {
    const button = parent.createEl('button', {
      cls: 'clickable-icon ncrm-action',
      attr: { 'aria-label': label, 'data-action': label },
    });
    setIcon(button, icon);
    return button;
  }

  private onRowClick(evt: MouseEvent): void {
    const target = evt.target as HTMLElement | null;
    const path = target?.closest<HTMLElement>('.ncrm-stale-row')?.dataset.path;
    const entry = path === undefined ? undefined : this.drawn.get(path);
    if (!target || !entry) return;
    const p = entry.person;
    if (target.closest('.ncrm-stale-name')) {
      evt.preventDefault();
      const file = this.app.vault.getFileByPath(p.path);
      if (file) void this.app.workspace.getLeaf(Keymap.isModEvent(evt)).openFile(file);
      return;
    }
    const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === undefined) return;
    evt.preventDefault();
    if (action === ACTION_LOG) this.act(p, () => logContactToday(this.ctx, p));
    else if (action === ACTION_PROFILE && p.profileUrl) window.open(linkableProfileUrl(p.profileUrl));
    else if (action === ACTION_SNOOZE) {
      const menu = new Menu();
      for (const choice of Object.keys(SNOOZE_LABELS) as SnoozeChoice[]) {
        menu.addItem((item) =>
          item
            .setTitle(`Snooze ${SNOOZE_LABELS[choice]}`)
            .setIcon('alarm-clock')
            .onClick(() => this.act(p, () => snoozeChoice(this.ctx, p, choice))),
        );
      }
      menu.showAtMouseEvent(evt);
    }
  }

  /** Hides the row at once, then writes; shows it again if the write fails. */
  private act(person: PersonRecord, write: () => Promise<void>): void {
    this.hidden.set(person.path, person);
    this.refresh();
    write().catch((e: unknown) => {
      this.hidden.delete(person.path);
      this.refresh();
      new Notice(`Could not update ${person.name}: ${e instanceof Error ? e.message : String(e)}`);
    });
  }
}

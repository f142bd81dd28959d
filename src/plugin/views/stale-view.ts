/**
 * The "Stale contacts" sidebar view: who to get back in touch with, in four sections:
 * Due (most overdue first), Drifting, Follow-ups (oldest first) and Everyone, with a
 * search box and multi-select for bulk actions.
 *
 * It renders only the rows in view (fixed row height, see core/ui/windowing.ts), so it
 * opens and scrolls the same at 30 or 30,000 people. It redraws when the person index
 * changes, but only while it is visible; a hidden view just remembers it is out of date.
 *
 * Selection: a click on a row (or its box) selects it, shift-click selects the range from
 * the last click, "Select all" takes everyone the section and the search show. Changing
 * the section or the search clears it, so a bulk action never reaches people out of sight.
 */
import { Keymap, Menu, Notice, Platform, setIcon, type WorkspaceLeaf } from 'obsidian';
import { linkableProfileUrl } from '../../core/identity/profile-url';
import { linkDisplayText } from '../../core/notes/links';
import { SNOOZE_LABELS, type SnoozeChoice } from '../../core/people/person-edits';
import { BIRTHDAY_WISH_NOTE } from '../../core/people/birthdays';
import type { PersonRecord } from '../../core/people/person-record';
import { birthdayWhen, lastContactText, meetingsText, reasonsText, statusText } from '../../core/stale/describe';
import { SECTION_LABELS, SECTIONS, type KeepInTouch, type Section } from '../../core/stale/keep-in-touch';
import { formatCount, plural } from '../../core/text/format';
import { visibleRange } from '../../core/ui/windowing';
import { BULK_ACTIONS, startBulk, type BulkKind } from '../edits/bulk-actions';
import { logContactToday, logInteraction, snoozeChoice } from '../edits/person-actions';
import type { CrmContext } from '../context';
import { compileViewFilter, filterHelp, type ViewFilter } from './view-filter';
import { countMentions } from '../../core/triage/mentions';
import { INDEXING_TITLE, indexingDetail } from '../ui/indexing';
import { IndexedView } from './indexed-view';
import type { StaleModel } from './stale-model';

export const STALE_VIEW_TYPE = 'network-crm-stale';

/** Must match `.ncrm-stale-row` height in styles.css. */
export const STALE_ROW_HEIGHT = 98;
/** On phones the row's buttons are 44 px touch targets, so the row is taller (`.is-phone` in styles.css). */
export const STALE_ROW_HEIGHT_PHONE = 122;

export function staleRowHeight(): number {
  return Platform.isPhone ? STALE_ROW_HEIGHT_PHONE : STALE_ROW_HEIGHT;
}

const ACTION_LOG = 'Log contact today';
const ACTION_SNOOZE = 'Snooze';
const ACTION_PROFILE = 'Open LinkedIn profile';

/** Actions after which a person leaves these sections (so the rows go at once). */
const LEAVES: Partial<Record<BulkKind, readonly Section[]>> = {
  log: ['stale', 'drifting'],
  snooze: ['stale', 'drifting'],
  stop: ['stale', 'drifting'],
};

const COUNT_NOUN: Record<Section, [string, string]> = {
  stale: ['stale contact', 'stale contacts'],
  drifting: ['person drifting', 'people drifting'],
  'follow-ups': ['person with follow-ups', 'people with follow-ups'],
  all: ['person', 'people'],
};

const EMPTY: Record<Section, string> = {
  stale: 'Nobody is due. Set trust levels on people to get keep-in-touch reminders.',
  drifting: 'Nobody is drifting: no one is much quieter than usual.',
  'follow-ups': 'No open follow-ups. A task that links a person, such as "- [ ] Send [[Jane Doe]] the deck", is one.',
  all: 'No person notes yet. Import your LinkedIn export to start.',
};

export class StaleView extends IndexedView {
  private section: Section = 'stale';
  private filter: ViewFilter = compileViewFilter('');
  private shown: KeepInTouch[] = [];
  /** People acted on here, hidden at once until the index reflects the write. */
  private readonly hidden = new Map<string, PersonRecord>();
  private readonly selected = new Set<string>();
  /** Index in `shown` of the last row clicked, for shift-click ranges. */
  private anchor: number | null = null;
  private renderedRange = '';
  /** The entries drawn now, by path, for the delegated click handler. */
  private readonly drawn = new Map<string, KeepInTouch>();
  private tabsEl!: HTMLElement;
  private birthdaysEl!: HTMLElement;
  private countEl!: HTMLElement;
  private selectAllEl!: HTMLInputElement;
  private bulkEl!: HTMLElement;
  private bulkCountEl!: HTMLElement;
  private filterErrorEl!: HTMLElement;
  private listEl!: HTMLElement;
  private sizerEl!: HTMLElement;
  private rowsEl!: HTMLElement;
  private emptyEl!: HTMLElement;

  constructor(
    leaf: WorkspaceLeaf,
    ctx: CrmContext,
    private readonly model: StaleModel,
  ) {
    super(leaf, ctx);
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
    this.rowsEl = this.sizerEl.createDiv({ cls: 'ncrm-stale-rows', attr: { role: 'list' } });
    this.emptyEl = this.contentEl.createDiv({ cls: 'ncrm-stale-empty ncrm-hidden' });
    this.registerDomEvent(this.listEl, 'scroll', () => this.renderWindow());
    // One listener for all rows: rows are redrawn on every scroll, their listeners would pile up.
    this.registerDomEvent(this.rowsEl, 'click', (evt) => this.onRowClick(evt));
    this.registerEvent(this.app.workspace.on('resize', () => this.renderWindow(true)));
    // Drawn at once: while the vault is still being indexed it says so (the index notifies when ready).
    this.followIndex();
    return Promise.resolve();
  }

  private buildHeader(el: HTMLElement): void {
    this.birthdaysEl = el.createDiv({ cls: 'ncrm-birthdays ncrm-hidden' });
    this.registerDomEvent(this.birthdaysEl, 'click', (evt) => this.onBirthdayClick(evt));
    this.tabsEl = el.createDiv({ cls: 'ncrm-tabs', attr: { role: 'tablist' } });
    for (const s of SECTIONS) {
      const tab = this.tabsEl.createEl('button', {
        cls: 'ncrm-tab',
        attr: { role: 'tab', 'data-section': s, 'aria-selected': String(s === this.section) },
      });
      tab.createSpan({ cls: 'ncrm-tab-label', text: SECTION_LABELS[s] });
      tab.createSpan({ cls: 'ncrm-tab-count' });
      this.registerDomEvent(tab, 'click', () => this.setSection(s));
    }
    const search = el.createEl('input', {
      type: 'search',
      cls: 'ncrm-stale-search',
      placeholder: 'Search or filter: trust:4 tag:mentor company:Acme',
      attr: { 'aria-label': 'Search or filter', title: filterHelp() },
    });
    this.registerDomEvent(search, 'input', () => this.setFilter(search.value));
    this.filterErrorEl = el.createDiv({ cls: 'ncrm-filter-error ncrm-hidden' });

    const countLine = el.createDiv({ cls: 'ncrm-stale-countline' });
    const label = countLine.createEl('label', { cls: 'ncrm-select-all' });
    this.selectAllEl = label.createEl('input', { type: 'checkbox', attr: { 'aria-label': 'Select all shown' } });
    this.countEl = label.createSpan({ cls: 'ncrm-stale-count' });
    this.registerDomEvent(this.selectAllEl, 'change', () => this.toggleAll());

    this.bulkEl = el.createDiv({ cls: 'ncrm-bulk-bar ncrm-hidden' });
    this.bulkCountEl = this.bulkEl.createSpan({ cls: 'ncrm-bulk-count' });
    const buttons = this.bulkEl.createDiv({ cls: 'ncrm-bulk-actions' });
    for (const a of BULK_ACTIONS) {
      const b = buttons.createEl('button', {
        cls: 'clickable-icon ncrm-action',
        attr: { 'aria-label': a.label, 'data-bulk': a.kind },
      });
      setIcon(b, a.icon);
      this.registerDomEvent(b, 'click', (evt) => this.bulk(a.kind, evt));
    }
    const clear = buttons.createEl('button', {
      cls: 'clickable-icon ncrm-action',
      attr: { 'aria-label': 'Clear selection' },
    });
    setIcon(clear, 'x');
    this.registerDomEvent(clear, 'click', () => this.clearSelection());
  }

  private setSection(section: Section): void {
    if (section === this.section) return;
    this.section = section;
    for (const tab of Array.from(this.tabsEl.children))
      tab.setAttr('aria-selected', String((tab as HTMLElement).dataset.section === section));
    this.listEl.scrollTop = 0;
    this.clearSelection(false);
    this.refresh();
  }

  private setFilter(text: string): void {
    this.filter = compileViewFilter(text, this.filter);
    this.listEl.scrollTop = 0;
    this.clearSelection(false);
    this.refresh();
  }

  /** What the view lists now, in order (after the section and the search): for tests and the browser harness. */
  listed(): readonly KeepInTouch[] {
    return this.shown;
  }

  /** The people selected now, in list order. */
  selection(): PersonRecord[] {
    return this.shown.filter((k) => this.selected.has(k.person.path)).map((k) => k.person);
  }

  /** Recomputes what to show and redraws the visible rows. */
  protected draw(): void {
    if (!this.ctx.index.ready) {
      // A cold start: the lists are incomplete, "nobody is due" would be wrong.
      this.shown = [];
      this.countEl.setText(INDEXING_TITLE);
      this.emptyEl.setText(indexingDetail(this.ctx.index));
      this.emptyEl.toggleClass('ncrm-hidden', false);
      this.updateSelectionUi();
      this.renderWindow(true);
      return;
    }
    for (const [path, record] of this.hidden) if (this.ctx.index.get(path) !== record) this.hidden.delete(path);
    const all = this.model.section(this.section);
    const visible = this.hidden.size === 0 ? all : all.filter((k) => !this.hidden.has(k.person.path));
    this.shown = this.filter.apply(visible, this.model.options().today, () => this.mentions());
    const filtered = this.shown.length !== visible.length;
    const counts = this.model.sectionCounts();
    for (const tab of Array.from(this.tabsEl.children)) {
      const s = (tab as HTMLElement).dataset.section as Section;
      tab.find('.ncrm-tab-count')?.setText(formatCount(counts[s]));
    }
    const [one, many] = COUNT_NOUN[this.section];
    this.countEl.setText(
      filtered
        ? `${formatCount(this.shown.length)} of ${plural(visible.length, one, many)}`
        : plural(visible.length, one, many),
    );
    this.filterErrorEl.setText(this.filter.error ?? '');
    this.filterErrorEl.toggleClass('ncrm-hidden', this.filter.error === null);
    this.emptyEl.toggleClass('ncrm-hidden', this.shown.length > 0);
    this.emptyEl.setText(visible.length === 0 ? EMPTY[this.section] : 'Nobody matches this search.');
    if (this.selected.size > 0) {
      const inList = new Set(this.shown.map((k) => k.person.path));
      for (const path of this.selected) if (!inList.has(path)) this.selected.delete(path);
    }
    this.updateSelectionUi();
    this.renderBirthdays();
    this.renderWindow(true);
  }

  /** How many of your notes link each person, from the resolved links (for `no-contact`; no file is read). */
  private mentions(): Map<string, number> {
    const links = Object.entries(this.app.metadataCache.resolvedLinks).map(
      ([source, targets]) => [source, Object.keys(targets)] as const,
    );
    return countMentions(links, this.ctx.settings.reportFolder);
  }

  /** "Birthdays this week", each with a button that logs "wished happy birthday" today. */
  private renderBirthdays(): void {
    const today = this.model.options().today;
    const upcoming = this.model.birthdays();
    this.birthdaysEl.empty();
    this.birthdaysEl.toggleClass('ncrm-hidden', upcoming.length === 0);
    if (upcoming.length === 0) return;
    this.birthdaysEl.createDiv({ cls: 'ncrm-birthdays-title', text: 'Birthdays this week' });
    for (const b of upcoming) {
      const item = this.birthdaysEl.createDiv({ cls: 'ncrm-birthday', attr: { 'data-path': b.path } });
      const text = item.createDiv({ cls: 'ncrm-stale-text' });
      text.createEl('a', { cls: 'ncrm-stale-name', text: b.name, href: '#' });
      text.createSpan({ cls: 'ncrm-muted', text: ` ${birthdayWhen(b, today)}` });
      const wished = this.ctx.index.get(b.path)?.logDates.includes(today) ?? false;
      const button = item.createEl('button', {
        cls: 'clickable-icon ncrm-action',
        attr: { 'aria-label': wished ? 'In touch today' : 'Log: wished happy birthday', 'data-action': 'wish' },
      });
      setIcon(button, wished ? 'check' : 'cake');
      button.disabled = wished;
    }
  }

  private onBirthdayClick(evt: MouseEvent): void {
    const target = evt.target as HTMLElement | null;
    const path = target?.closest<HTMLElement>('.ncrm-birthday')?.dataset.path;
    const person = path === undefined ? undefined : this.ctx.index.get(path);
    if (!target || !person) return;
    evt.preventDefault();
    if (target.closest('.ncrm-stale-name')) {
      const file = this.app.vault.getFileByPath(person.path);
      if (file) void this.app.workspace.getLeaf(Keymap.isModEvent(evt)).openFile(file);
    } else if (target.closest('[data-action="wish"]')) {
      const note = BIRTHDAY_WISH_NOTE;
      logInteraction(this.ctx, person, { date: this.ctx.today(), channel: 'message', note })
        .then(() => new Notice(`Logged: ${note}, ${person.name}.`))
        .catch(
          (e: unknown) => new Notice(`Could not update ${person.name}: ${e instanceof Error ? e.message : String(e)}`),
        );
    }
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
    const today = this.model.options().today;
    for (let i = range.start; i < range.end; i++) this.renderRow(this.shown[i] as KeepInTouch, i, today);
  }

  private renderRow(entry: KeepInTouch, index: number, today: string): void {
    const p = entry.person;
    this.drawn.set(p.path, entry);
    const selected = this.selected.has(p.path);
    const row = this.rowsEl.createDiv({
      cls: `ncrm-stale-row${selected ? ' is-selected' : ''}`,
      attr: { 'data-path': p.path, 'data-index': String(index), role: 'listitem' },
    });
    row.createEl('input', {
      type: 'checkbox',
      cls: 'ncrm-row-select',
      attr: { 'aria-label': `Select ${p.name}`, ...(selected ? { checked: true } : {}) },
    });
    const body = row.createDiv({ cls: 'ncrm-stale-body' });
    const first = body.createDiv({ cls: 'ncrm-stale-line ncrm-stale-first' });
    const top = first.createDiv({ cls: 'ncrm-stale-text' });
    top.createEl('a', { cls: 'ncrm-stale-name', text: p.name, href: '#', attr: { title: p.path } });
    const level =
      p.trust === null ? 'Untriaged' : (this.ctx.settings.trustLevels[p.trust - 1]?.name ?? `Level ${p.trust}`);
    top.createSpan({ cls: 'ncrm-badge', text: level });
    const status = statusText(entry);
    if (status.text !== '') first.createDiv({ cls: `ncrm-status ncrm-status-${status.cls}`, text: status.text });
    const detail = [p.company, p.metWhere === '' ? '' : `met: ${linkDisplayText(p.metWhere)}`]
      .filter(Boolean)
      .join(' · ');
    body.createDiv({ cls: 'ncrm-stale-line ncrm-stale-detail', text: detail || '\u00a0' });
    const third = body.createDiv({ cls: 'ncrm-stale-line ncrm-stale-third' });
    const contact = third.createDiv({ cls: 'ncrm-stale-text ncrm-stale-contact' });
    if (entry.whoseMove)
      contact.createSpan({
        cls: `ncrm-move ncrm-move-${entry.whoseMove === 'you owe a reply' ? 'you' : 'them'}`,
        text: entry.whoseMove,
      });
    const met = meetingsText(p, today);
    contact.createSpan({
      text: met === '' ? lastContactText(entry, today) : `${lastContactText(entry, today)} · ${met}`,
    });
    const actions = third.createDiv({ cls: 'ncrm-stale-actions' });
    this.action(actions, 'check', ACTION_LOG);
    this.action(actions, 'alarm-clock', ACTION_SNOOZE);
    const profile = this.action(actions, 'external-link', ACTION_PROFILE);
    if (!p.profileUrl) {
      profile.disabled = true;
      profile.setAttr('aria-label', 'No LinkedIn profile in this note');
    }
    const why = reasonsText(entry, this.section, today);
    body.createDiv({ cls: 'ncrm-stale-line ncrm-stale-why', text: why, attr: { title: why } });
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
    const rowEl = target?.closest<HTMLElement>('.ncrm-stale-row');
    const path = rowEl?.dataset.path;
    const entry = path === undefined ? undefined : this.drawn.get(path);
    if (!target || !rowEl || !entry) return;
    const p = entry.person;
    if (target.closest('.ncrm-stale-name')) {
      evt.preventDefault();
      const file = this.app.vault.getFileByPath(p.path);
      if (file) void this.app.workspace.getLeaf(Keymap.isModEvent(evt)).openFile(file);
      return;
    }
    const action = target.closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === undefined) {
      this.select(Number(rowEl.dataset.index), evt.shiftKey);
      return;
    }
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

  /** A click toggles one row; shift-click selects every row from the last click to this one. */
  private select(index: number, range: boolean): void {
    const entry = this.shown[index];
    if (!entry) return;
    if (range && this.anchor !== null) {
      const [from, to] = this.anchor < index ? [this.anchor, index] : [index, this.anchor];
      for (let i = from; i <= to; i++) this.selected.add((this.shown[i] as KeepInTouch).person.path);
    } else if (this.selected.has(entry.person.path)) this.selected.delete(entry.person.path);
    else this.selected.add(entry.person.path);
    this.anchor = index;
    this.updateSelectionUi();
    this.renderWindow(true);
  }

  private toggleAll(): void {
    const all = this.shown.length > 0 && this.selected.size === this.shown.length;
    this.selected.clear();
    if (!all) for (const k of this.shown) this.selected.add(k.person.path);
    this.anchor = null;
    this.updateSelectionUi();
    this.renderWindow(true);
  }

  private clearSelection(redraw = true): void {
    this.selected.clear();
    this.anchor = null;
    if (redraw) {
      this.updateSelectionUi();
      this.renderWindow(true);
    }
  }

  private updateSelectionUi(): void {
    const n = this.selected.size;
    this.selectAllEl.checked = n > 0 && n === this.shown.length;
    this.selectAllEl.indeterminate = n > 0 && n < this.shown.length;
    this.selectAllEl.disabled = this.shown.length === 0;
    this.bulkEl.toggleClass('ncrm-hidden', n === 0);
    this.bulkCountEl.setText(`${formatCount(n)} selected`);
  }

  private bulk(kind: BulkKind, evt: MouseEvent): void {
    const people = this.selection();
    if (people.length === 0) return;
    const section = this.section;
    startBulk(this.ctx, kind, people, evt, {
      beforeWrite: (paths) => {
        if (!LEAVES[kind]?.includes(section)) return;
        for (const path of paths) {
          const record = this.ctx.index.get(path);
          if (record) this.hidden.set(path, record);
        }
        this.refresh();
      },
      afterWrite: (_written, notWritten) => {
        for (const path of notWritten) this.hidden.delete(path);
        this.clearSelection();
        this.refresh();
      },
    });
  }

  /** Hides the row at once, then writes; shows it again if the write fails. */
  private act(person: PersonRecord, write: () => Promise<void>): void {
    if (LEAVES.log?.includes(this.section)) {
      this.hidden.set(person.path, person);
      this.refresh();
    }
    write().catch((e: unknown) => {
      this.hidden.delete(person.path);
      this.refresh();
      new Notice(`Could not update ${person.name}: ${e instanceof Error ? e.message : String(e)}`);
    });
  }
}

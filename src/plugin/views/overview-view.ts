/**
 * "Network overview": people by trust level with who is due, overdue and drifting at each,
 * contacts and new connections per month over two years, the top companies, and who never
 * answered. The numbers are core/overview; this view only draws them: plain SVG bars
 * (coloured by the theme's CSS variables, so light, dark and custom themes apply) and HTML
 * for every word. No chart library, no network.
 */
import type { WorkspaceLeaf } from 'obsidian';
import { barChart } from '../../core/overview/bar-chart';
import { networkOverview, type MonthCount, type NetworkOverview } from '../../core/overview/overview';
import { formatCount, plural } from '../../core/text/format';
import type { CrmContext } from '../context';
import { INDEXING_TITLE, indexingDetail } from '../ui/indexing';
import { IndexedView } from './indexed-view';
import type { StaleModel } from './stale-model';

export const OVERVIEW_VIEW_TYPE = 'network-crm-overview';

const CHART_WIDTH = 600;
const CHART_HEIGHT = 140;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1] ?? ''} ${month.slice(0, 4)}`;
}

export class OverviewView extends IndexedView {
  private last: NetworkOverview | null = null;

  constructor(
    leaf: WorkspaceLeaf,
    ctx: CrmContext,
    private readonly model: StaleModel,
  ) {
    super(leaf, ctx);
  }

  getViewType(): string {
    return OVERVIEW_VIEW_TYPE;
  }

  getDisplayText(): string {
    return 'Network overview';
  }

  override getIcon(): string {
    return 'bar-chart-2';
  }

  override onOpen(): Promise<void> {
    this.contentEl.addClass('ncrm-overview-view');
    this.followIndex();
    return Promise.resolve();
  }

  /** The numbers drawn now: for tests. */
  overview(): NetworkOverview | null {
    return this.last;
  }

  protected draw(): void {
    if (!this.ctx.index.ready) {
      // A cold start: the numbers would be of the notes read so far.
      this.last = null;
      this.contentEl.empty();
      this.contentEl.createDiv({ cls: 'ncrm-overview-title', text: INDEXING_TITLE });
      this.contentEl.createDiv({ cls: 'ncrm-muted', text: indexingDetail(this.ctx.index) });
      return;
    }
    const o = this.model.options();
    const data = networkOverview(this.model.all(), {
      today: o.today,
      trustLevels: o.trustLevels,
      useDailyNotes: o.useDailyNotes,
    });
    this.last = data;
    const el = this.contentEl;
    el.empty();
    this.cards(el, data);
    const grid = el.createDiv({ cls: 'ncrm-overview-grid' });
    this.trustTable(this.panel(grid, 'By trust level'), data);
    this.chart(
      this.panel(
        grid,
        'Contacts per month',
        'Days in touch with each person: logged interactions, daily notes, messages, completed follow-ups.',
      ),
      data.contactsPerMonth,
      'contact',
    );
    this.chart(this.panel(grid, 'New connections per month'), data.newConnectionsPerMonth, 'new connection');
    this.companies(this.panel(grid, 'Top companies'), data);
  }

  private panel(parent: HTMLElement, title: string, note?: string): HTMLElement {
    const panel = parent.createDiv({ cls: 'ncrm-overview-panel' });
    panel.createDiv({ cls: 'ncrm-overview-title', text: title });
    if (note) panel.createDiv({ cls: 'ncrm-muted', text: note });
    return panel;
  }

  private cards(parent: HTMLElement, data: NetworkOverview): void {
    const cards = parent.createDiv({ cls: 'ncrm-overview-cards' });
    const card = (label: string, value: number, cls = '') => {
      const c = cards.createDiv({ cls: `ncrm-overview-card ${cls}`.trim() });
      c.createDiv({ cls: 'ncrm-overview-value', text: formatCount(value) });
      c.createDiv({ cls: 'ncrm-overview-label', text: label });
    };
    card('People', data.people);
    card('Overdue', data.totals.overdue, 'ncrm-status-overdue');
    card('Due', data.totals.due, 'ncrm-status-due');
    card('Drifting', data.totals.drifting, 'ncrm-status-drifting');
    card('Open follow-ups', data.totals.followUps);
    card('Never answered', data.neverAnswered);
  }

  private trustTable(parent: HTMLElement, data: NetworkOverview): void {
    const table = parent.createEl('table', { cls: 'ncrm-overview-table' });
    const head = table.createEl('thead').createEl('tr');
    for (const h of ['Level', 'People', 'Due', 'Overdue', 'Drifting']) head.createEl('th', { text: h });
    const body = table.createEl('tbody');
    const most = Math.max(1, ...data.byTrust.map((r) => r.people));
    for (const r of data.byTrust) {
      const tr = body.createEl('tr');
      const name = tr.createEl('td', { cls: 'ncrm-overview-level' });
      name.createDiv({ text: r.level === null ? r.name : `${r.level} · ${r.name}` });
      const bar = name.createDiv({ cls: 'ncrm-hbar' });
      bar.setCssProps({ '--ncrm-share': `${(r.people / most) * 100}%` });
      tr.createEl('td', { text: formatCount(r.people) });
      tr.createEl('td', { cls: r.due > 0 ? 'ncrm-status-due' : '', text: formatCount(r.due) });
      tr.createEl('td', { cls: r.overdue > 0 ? 'ncrm-status-overdue' : '', text: formatCount(r.overdue) });
      tr.createEl('td', { cls: r.drifting > 0 ? 'ncrm-status-drifting' : '', text: formatCount(r.drifting) });
    }
    const foot = parent.createDiv({ cls: 'ncrm-muted' });
    foot.setText(
      `${plural(data.awaitingReply, 'person', 'people')} have not answered your last message; ${formatCount(data.neverAnswered)} never answered at all.`,
    );
  }

  private chart(parent: HTMLElement, values: readonly MonthCount[], noun: string): void {
    const chart = barChart(values, CHART_WIDTH, CHART_HEIGHT, 3);
    const total = values.reduce((n, v) => n + v.count, 0);
    const peak = values.reduce<MonthCount | null>(
      (best, v) => (best === null || v.count > best.count ? v : best),
      null,
    );
    const box = parent.createDiv({ cls: 'ncrm-chart' });
    box.createDiv({ cls: 'ncrm-chart-top', text: formatCount(chart.top) });
    const svg = box.createSvg('svg', {
      cls: 'ncrm-chart-svg',
      attr: {
        viewBox: `0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`,
        preserveAspectRatio: 'none',
        role: 'img',
        'aria-label': `${plural(total, noun)} in the last ${values.length} months${peak && peak.count > 0 ? `; most in ${monthName(peak.month)} (${formatCount(peak.count)})` : ''}`,
      },
    });
    for (const g of chart.gridlines)
      svg.createSvg('line', { cls: 'ncrm-chart-grid', attr: { x1: 0, x2: CHART_WIDTH, y1: g.y, y2: g.y } });
    for (const b of chart.bars) {
      const rect = svg.createSvg('rect', {
        cls: 'ncrm-chart-bar',
        attr: {
          x: b.x,
          y: b.y,
          width: b.width,
          height: Math.max(b.height, b.value > 0 ? 1 : 0),
          'data-month': b.month,
        },
      });
      rect.createSvg('title').textContent = `${monthName(b.month)}: ${plural(b.value, noun)}`;
    }
    const labels = box.createDiv({ cls: 'ncrm-chart-labels' });
    // Every other label is minor: a phone shows only the major ones, which then do not overlap.
    const last = chart.labels.length - 1;
    for (const [k, l] of chart.labels.entries()) {
      const minor = (last - k) % 2 === 1;
      const span = labels.createSpan({
        cls: `ncrm-chart-label${minor ? ' ncrm-chart-label-minor' : ''}`,
        text: l.text,
      });
      span.setCssProps({ '--ncrm-at': `${l.at * 100}%` });
    }
    parent.createDiv({ cls: 'ncrm-muted', text: `${plural(total, noun)} in ${values.length} months` });
  }

  private companies(parent: HTMLElement, data: NetworkOverview): void {
    if (data.topCompanies.length === 0) {
      parent.createDiv({ cls: 'ncrm-muted', text: 'No companies in your person notes yet.' });
      return;
    }
    const most = data.topCompanies[0]?.people ?? 1;
    const list = parent.createEl('ol', { cls: 'ncrm-company-list' });
    for (const c of data.topCompanies) {
      const li = list.createEl('li');
      const line = li.createDiv({ cls: 'ncrm-company-line' });
      line.createSpan({ cls: 'ncrm-company-name', text: c.company });
      line.createSpan({ cls: 'ncrm-company-count', text: formatCount(c.people) });
      li.createDiv({ cls: 'ncrm-hbar' }).setCssProps({ '--ncrm-share': `${(c.people / most) * 100}%` });
    }
  }
}

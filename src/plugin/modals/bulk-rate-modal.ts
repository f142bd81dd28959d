/**
 * "Rate in bulk": one decision (a trust level, prune or keep) for every untriaged
 * connection the filters select; "Prune in bulk" does the same for the prune candidates.
 * The preview says how many and who before anything is written; the change is one undoable
 * step. The filters are the core filter language (`untriaged connected-before:… no-contact
 * company:…`), shown as the dialog builds it, with a field for more terms.
 */
import { Modal, Notice, Setting, type App } from 'obsidian';
import { addDays } from '../../core/dates/iso-date';
import { FilterError } from '../../core/people/filter';
import type { PersonRecord } from '../../core/people/person-record';
import { bulkDecisionLabel, bulkFilter, selectForBulk, type BulkDecision } from '../../core/triage/bulk';
import { newConnectionWindow } from '../../core/triage/new-connections';
import { levelNames } from '../../core/settings';
import { capitalised, formatCount, plural } from '../../core/text/format';
import type { CrmContext } from '../context';
import { dialogButtons } from '../ui/dom';
import type { TriageActions } from '../views/triage-actions';

const PREVIEW_NAMES = 12;

/** Untriaged connections (the backlog), or the people the prune rules suggest. */
export type BulkScope = { kind: 'untriaged' } | { kind: 'prune'; candidates: () => PersonRecord[] };

export class BulkRateModal extends Modal {
  private connectedBefore = '';
  private noContact = true;
  private company = '';
  private more = '';
  private decision: BulkDecision = { type: 'trust', level: 1 };
  private chosen: PersonRecord[] = [];
  private mentions = new Map<string, number>();
  private previewEl!: HTMLElement;
  private applyButton!: HTMLButtonElement;

  constructor(
    app: App,
    private readonly ctx: CrmContext,
    private readonly actions: TriageActions,
    private readonly bulkScope: BulkScope = { kind: 'untriaged' },
  ) {
    super(app);
  }

  override onOpen(): void {
    const prune = this.bulkScope.kind === 'prune';
    this.setTitle(prune ? 'Prune in bulk' : 'Rate in bulk');
    this.modalEl.addClass('ncrm-bulk-modal');
    const el = this.contentEl;
    el.createEl('p', {
      cls: 'ncrm-muted',
      text: prune
        ? 'Prune candidates that match every filter below get the same decision, in one step you can undo.'
        : 'Connections without a trust level that match every filter below get the same decision, in one step you can undo.',
    });
    this.mentions = this.actions.mentions();
    if (prune) {
      this.noContact = false;
      this.decision = { type: 'prune' };
    } else this.dateAndContact(el);
    this.companyAndMore(el);
    this.decisionSetting(el);
    this.previewEl = el.createDiv({ cls: 'ncrm-bulk-preview' });
    this.applyButton = dialogButtons(
      el,
      () => this.close(),
      () => void this.apply(),
    );
    this.refresh();
  }

  private dateAndContact(el: HTMLElement): void {
    // By default: everyone before the new connections, with nothing on record (the quiet backlog).
    const window = newConnectionWindow(
      this.ctx.state.triage,
      this.ctx.index.people(),
      this.ctx.settings.newConnectionDays,
    );
    this.connectedBefore = window.after === null ? '' : addDays(window.after, 1);
    new Setting(el)
      .setName('Connected before')
      .setDesc('Leave empty for any date.')
      .controlEl.appendChild(
        createEl('input', { type: 'date', cls: 'ncrm-bulk-before', value: this.connectedBefore }, (input) =>
          input.addEventListener('change', () => {
            this.connectedBefore = input.value;
            this.refresh();
          }),
        ),
      );
    new Setting(el)
      .setName('No contact on record')
      .setDesc('No LinkedIn message, no logged interaction, no daily note and no note that links them.')
      .addToggle((t) =>
        t.setValue(this.noContact).onChange((v) => {
          this.noContact = v;
          this.refresh();
        }),
      );
  }

  private companyAndMore(el: HTMLElement): void {
    new Setting(el).setName('Company').addText((t) =>
      t.setPlaceholder('Any company').onChange((v) => {
        this.company = v.trim();
        this.refresh();
      }),
    );
    new Setting(el)
      .setName('More filters')
      .setDesc('More terms, all of which must hold, such as company:acme.')
      .addText((t) =>
        t.onChange((v) => {
          this.more = v;
          this.refresh();
        }),
      );
  }

  private decisionSetting(el: HTMLElement): void {
    const names = levelNames(this.ctx.settings);
    new Setting(el).setName('Decision').addDropdown((d) => {
      names.forEach((name, i) => {
        d.addOption(`trust:${i + 1}`, `Trust ${i + 1}: ${name}`);
      });
      d.addOption('prune', 'Mark to prune');
      d.addOption('keep', 'Keep (not a prune candidate)');
      d.setValue(this.decision.type === 'trust' ? `trust:${this.decision.level}` : this.decision.type).onChange((v) => {
        this.decision = v.startsWith('trust:')
          ? { type: 'trust', level: Number(v.slice(6)) }
          : { type: v as 'prune' | 'keep' };
        this.refresh();
      });
    });
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private filterText(): string {
    return bulkFilter({
      scope: this.bulkScope.kind === 'prune' ? 'any' : 'untriaged',
      connectedBefore: this.connectedBefore === '' ? undefined : this.connectedBefore,
      noContact: this.noContact,
      company: this.company === '' ? undefined : this.company,
      filter: this.more,
    });
  }

  private refresh(): void {
    const el = this.previewEl;
    el.empty();
    const filter = this.filterText();
    el.createDiv({ cls: 'ncrm-bulk-filter' }).createEl('code', {
      text: this.bulkScope.kind === 'prune' ? `prune candidates ${filter}`.trim() : filter,
    });
    try {
      const people = this.bulkScope.kind === 'prune' ? this.bulkScope.candidates() : this.ctx.index.people();
      this.chosen = selectForBulk(people, filter, {
        today: this.ctx.today(),
        mentions: this.mentions,
      });
    } catch (e) {
      this.chosen = [];
      el.createDiv({ cls: 'ncrm-error', text: e instanceof FilterError ? e.message : String(e) });
    }
    const label = bulkDecisionLabel(this.decision, levelNames(this.ctx.settings));
    const n = this.chosen.length;
    el.createDiv({
      cls: 'ncrm-bulk-count',
      text: n === 0 ? 'Nobody matches these filters.' : `${plural(n, 'person', 'people')} will get ${label}:`,
    });
    const list = el.createEl('ul', { cls: 'ncrm-list ncrm-bulk-names' });
    for (const p of this.chosen.slice(0, PREVIEW_NAMES))
      list.createEl('li', {
        text: [p.name, p.company, p.connectedOn ? `connected ${p.connectedOn}` : ''].filter(Boolean).join(' · '),
      });
    if (n > PREVIEW_NAMES)
      list.createEl('li', { cls: 'ncrm-more', text: `and ${formatCount(n - PREVIEW_NAMES)} more` });
    this.applyButton.setText(n === 0 ? 'Apply' : `Apply to ${plural(n, 'person', 'people')}`);
    this.applyButton.disabled = n === 0;
  }

  private async apply(): Promise<void> {
    const chosen = this.chosen;
    const label = bulkDecisionLabel(this.decision, levelNames(this.ctx.settings));
    if (chosen.length === 0) return;
    this.close();
    const progress = new Notice(`Rating 0 / ${formatCount(chosen.length)}…`, 0);
    let last = 0;
    const result = await this.actions.bulkRate(chosen, this.decision, (done) => {
      if (done === chosen.length || Date.now() - last > 100) {
        last = Date.now();
        progress.setMessage(`Rating ${formatCount(done)} / ${formatCount(chosen.length)}…`);
      }
    });
    progress.hide();
    new Notice(
      `${capitalised(label)} for ${plural(result.changed, 'person', 'people')}.${result.failed.length ? ` ${formatCount(result.failed.length)} could not be updated.` : ''} Undo (u in the triage view, or "Undo last change") puts them all back.`,
    );
  }
}

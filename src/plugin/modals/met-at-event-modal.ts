/**
 * "Met at an event": pick the dates and where, see the untriaged people who connected or
 * invited you then, untick anyone you did not meet, and set `met-where` on the rest in
 * one undoable step.
 */
import { Modal, Notice, Setting, type App } from 'obsidian';
import { isIsoDate } from '../../core/dates/iso-date';
import type { PersonRecord } from '../../core/people/person-record';
import { peopleInWindow } from '../../core/triage/event-window';
import { formatCount } from '../../core/text/format';
import { dialogButtons } from '../ui/dom';
import { MetWhereSuggest } from './met-where-modal';

export interface MetAtEventHost {
  people(): PersonRecord[];
  metWhereValues(): string[];
  apply(people: PersonRecord[], value: string): Promise<{ changed: number; failed: string[] }>;
  today(): string;
}

export class MetAtEventModal extends Modal {
  private from!: HTMLInputElement;
  private to!: HTMLInputElement;
  private where!: HTMLInputElement;
  private listEl!: HTMLElement;
  private applyButton!: HTMLButtonElement;
  private candidates: PersonRecord[] = [];
  private readonly checked = new Set<string>();

  constructor(
    app: App,
    private readonly host: MetAtEventHost,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle('Met at an event');
    this.modalEl.addClass('ncrm-event-modal');
    const el = this.contentEl;
    el.createEl('p', {
      cls: 'ncrm-muted',
      text: 'People without a trust level who connected with you or invited you in these days. Untick anyone you did not meet.',
    });
    const today = this.host.today();
    // Made by the row's own createEl, so they belong to the window the dialog is in (popouts).
    this.from = new Setting(el)
      .setName('From')
      .controlEl.createEl('input', { type: 'date', cls: 'ncrm-from', value: today });
    this.to = new Setting(el).setName('To').controlEl.createEl('input', { type: 'date', cls: 'ncrm-to', value: today });
    const where = new Setting(el).setName('Where you met');
    this.where = where.controlEl.createEl('input', {
      type: 'text',
      cls: 'ncrm-met-where-input',
      placeholder: '[[Web Summit 2024]]',
    });
    new MetWhereSuggest(this.app, this.where, () => this.host.metWhereValues());
    for (const input of [this.from, this.to]) input.addEventListener('change', () => this.refresh());
    this.where.addEventListener('input', () => this.updateButton());
    this.listEl = el.createDiv({ cls: 'ncrm-event-list' });
    this.applyButton = dialogButtons(
      el,
      () => this.close(),
      () => void this.apply(),
    );
    this.refresh();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private refresh(): void {
    const from = this.from.value;
    const to = this.to.value;
    this.listEl.empty();
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
      this.candidates = [];
      this.listEl.createDiv({ cls: 'ncrm-error', text: 'Choose a start date on or before the end date.' });
      this.updateButton();
      return;
    }
    this.candidates = peopleInWindow(this.host.people(), from, to);
    this.checked.clear();
    for (const p of this.candidates) this.checked.add(p.path);
    if (this.candidates.length === 0)
      this.listEl.createDiv({ cls: 'ncrm-muted', text: 'Nobody untriaged connected or invited you in these days.' });
    for (const p of this.candidates) {
      const row = this.listEl.createEl('label', { cls: 'ncrm-event-row' });
      const box = row.createEl('input', { type: 'checkbox', attr: { 'data-path': p.path } });
      box.checked = true;
      box.addEventListener('change', () => {
        if (box.checked) this.checked.add(p.path);
        else this.checked.delete(p.path);
        this.updateButton();
      });
      row.createSpan({ cls: 'ncrm-name', text: p.name });
      row.createSpan({
        cls: 'ncrm-muted',
        text: ` · ${[p.company, p.connectedOn ? `connected ${p.connectedOn}` : `invited you ${p.invitedOn ?? ''}`].filter(Boolean).join(' · ')}`,
      });
    }
    this.updateButton();
  }

  private updateButton(): void {
    const n = this.checked.size;
    this.applyButton.setText(`Set for ${formatCount(n)} ${n === 1 ? 'person' : 'people'}`);
    this.applyButton.disabled = n === 0 || this.where.value.trim() === '';
  }

  private async apply(): Promise<void> {
    const value = this.where.value.replace(/\s+/g, ' ').trim();
    const chosen = this.candidates.filter((p) => this.checked.has(p.path));
    if (value === '' || chosen.length === 0) return;
    this.close();
    const result = await this.host.apply(chosen, value);
    new Notice(
      `Met at ${value}: set for ${formatCount(result.changed)} ${result.changed === 1 ? 'person' : 'people'}.${result.failed.length ? ` ${result.failed.length} could not be updated.` : ''} "Undo last change" undoes all of them.`,
    );
  }
}

/** Asks for one date (snooze until…). */
import type { App } from 'obsidian';
import { isIsoDate } from '../../core/dates/iso-date';
import { FormModal } from './form-modal';

export class DateModal extends FormModal {
  private input!: HTMLInputElement;

  constructor(
    app: App,
    title: string,
    private readonly min: string,
    private readonly initial: string,
    private readonly onDate: (date: string) => Promise<void>,
  ) {
    super(app, title, 'Save');
  }

  protected fields(el: HTMLElement): HTMLElement {
    this.input = this.row(el, 'Date', (c) =>
      c.createEl('input', { type: 'date', cls: 'ncrm-date-input', value: this.initial, attr: { min: this.min } }),
    ) as HTMLInputElement;
    return this.input;
  }

  protected async submit(): Promise<string | null> {
    const date = this.input.value;
    if (!isIsoDate(date)) return 'Choose a date.';
    if (date < this.min) return 'Choose a date in the future.';
    await this.onDate(date);
    return null;
  }
}

/** "Log interaction": date (today by default, any past date), channel and a one-line note. */
import type { App } from 'obsidian';
import { isIsoDate } from '../../core/dates/iso-date';
import { CHANNELS, isChannel, type Interaction } from '../../core/people/person-edits';
import { FormModal } from './form-modal';

export class LogInteractionModal extends FormModal {
  private dateEl!: HTMLInputElement;
  private channelEl!: HTMLSelectElement;
  private noteEl!: HTMLInputElement;

  constructor(
    app: App,
    private readonly personName: string,
    private readonly today: string,
    private readonly onLog: (i: Interaction) => Promise<void>,
  ) {
    super(app, `Log interaction with ${personName}`, 'Log');
  }

  protected fields(el: HTMLElement): HTMLElement {
    this.dateEl = this.row(el, 'Date', (c) =>
      c.createEl('input', { type: 'date', cls: 'ncrm-date-input', value: this.today, attr: { max: this.today } }),
    ) as HTMLInputElement;
    this.channelEl = this.row(el, 'Channel', (c) => {
      const select = c.createEl('select', { cls: 'dropdown' });
      for (const ch of CHANNELS) select.createEl('option', { value: ch, text: ch });
      select.value = 'meeting';
      return select;
    }) as HTMLSelectElement;
    this.noteEl = this.row(el, 'Note', (c) =>
      c.createEl('input', {
        type: 'text',
        cls: 'ncrm-note-input',
        placeholder: 'Coffee at the conference, asked about…',
      }),
    ) as HTMLInputElement;
    return this.noteEl;
  }

  protected async submit(): Promise<string | null> {
    const date = this.dateEl.value;
    if (!isIsoDate(date)) return 'Choose a date.';
    if (date > this.today) return 'The date is in the future: log interactions once they have happened.';
    const channel = this.channelEl.value;
    if (!isChannel(channel)) return 'Choose a channel.';
    await this.onLog({ date, channel, note: this.noteEl.value.replace(/\s+/g, ' ').trim() });
    return null;
  }
}

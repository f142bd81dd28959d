/** Asks for one short value (a tag, a number of days), checked before the dialog closes. */
import type { App } from 'obsidian';
import { FormModal } from './form-modal';

export class TextModal extends FormModal {
  private input!: HTMLInputElement;

  constructor(
    app: App,
    title: string,
    private readonly label: string,
    private readonly options: {
      type?: 'text' | 'number';
      placeholder?: string;
      initial?: string;
      suggestions?: string[];
    },
    /** Returns an error to show, or null when the value was taken. */
    private readonly onValue: (value: string) => string | null,
  ) {
    super(app, title, 'Apply');
  }

  protected fields(el: HTMLElement): HTMLElement {
    this.input = this.row(el, this.label, (c) => {
      const input = c.createEl('input', {
        type: this.options.type ?? 'text',
        cls: 'ncrm-text-input',
        value: this.options.initial ?? '',
        placeholder: this.options.placeholder ?? '',
      });
      if (this.options.suggestions?.length) {
        const id = `ncrm-suggest-${Math.random().toString(36).slice(2)}`;
        const list = c.createEl('datalist', { attr: { id } });
        for (const s of this.options.suggestions) list.createEl('option', { value: s });
        input.setAttr('list', id);
      }
      return input;
    }) as HTMLInputElement;
    return this.input;
  }

  protected submit(): string | null {
    return this.onValue(this.input.value.trim());
  }
}

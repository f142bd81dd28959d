/**
 * "Set where we met": a text input with suggestions from the `met-where` values already
 * in the vault, so "[[Web Summit 2024]]" is typed once and picked after that.
 */
import { AbstractInputSuggest, type App } from 'obsidian';
import { FormModal } from './form-modal';

export class MetWhereSuggest extends AbstractInputSuggest<string> {
  constructor(
    app: App,
    private readonly input: HTMLInputElement,
    private readonly values: () => string[],
  ) {
    super(app, input);
  }

  protected getSuggestions(query: string): string[] {
    const q = query.trim().toLowerCase();
    return this.values()
      .filter((v) => q === '' || v.toLowerCase().includes(q))
      .slice(0, 20);
  }

  renderSuggestion(value: string, el: HTMLElement): void {
    el.setText(value);
  }

  override selectSuggestion(value: string): void {
    this.input.value = value;
    this.input.dispatchEvent(new Event('input'));
    this.close();
  }
}

export class MetWhereModal extends FormModal {
  private input!: HTMLInputElement;

  constructor(
    app: App,
    personName: string,
    private readonly current: string,
    private readonly values: () => string[],
    private readonly onSave: (value: string) => Promise<void>,
  ) {
    super(app, `Where did you meet ${personName}?`, 'Save');
  }

  protected fields(el: HTMLElement): HTMLElement {
    this.input = this.row(el, 'Met where', (c) =>
      c.createEl('input', {
        type: 'text',
        cls: 'ncrm-met-where-input',
        value: this.current,
        placeholder: '[[Web Summit 2024]], a colleague at Acme…',
      }),
    ) as HTMLInputElement;
    new MetWhereSuggest(this.app, this.input, this.values);
    return this.input;
  }

  protected async submit(): Promise<string | null> {
    await this.onSave(this.input.value.replace(/\s+/g, ' ').trim());
    return null;
  }
}

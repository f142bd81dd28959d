/** A short list to choose from (trust levels, snooze lengths), keyboard first. */
import { SuggestModal, type App } from 'obsidian';

export interface Choice<T> {
  value: T;
  label: string;
  note?: string;
}

export class ChoicePicker<T> extends SuggestModal<Choice<T>> {
  constructor(
    app: App,
    private readonly choices: Array<Choice<T>>,
    private readonly onPick: (value: T) => void,
    placeholder: string,
  ) {
    super(app);
    this.setPlaceholder(placeholder);
  }

  getSuggestions(query: string): Array<Choice<T>> {
    const q = query.trim().toLowerCase();
    return this.choices.filter((c) => q === '' || c.label.toLowerCase().includes(q));
  }

  renderSuggestion(choice: Choice<T>, el: HTMLElement): void {
    el.createDiv({ cls: 'ncrm-suggest-title', text: choice.label });
    if (choice.note) el.createDiv({ cls: 'ncrm-suggest-note', text: choice.note });
  }

  onChooseSuggestion(choice: Choice<T>): void {
    this.onPick(choice.value);
  }
}

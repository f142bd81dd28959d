/** A fuzzy picker over the person index, for commands run when no person note is open. */
import { FuzzySuggestModal, type App, type FuzzyMatch } from 'obsidian';
import type { PersonRecord } from '../../core/people/person-record';

export class PersonPicker extends FuzzySuggestModal<PersonRecord> {
  constructor(
    app: App,
    private readonly people: () => PersonRecord[],
    private readonly onPick: (person: PersonRecord) => void,
    placeholder = 'Choose a person',
  ) {
    super(app);
    this.setPlaceholder(placeholder);
    this.emptyStateText = 'No person notes found. Import a LinkedIn export or add a person first.';
  }

  getItems(): PersonRecord[] {
    return this.people();
  }

  getItemText(person: PersonRecord): string {
    return person.company === '' ? person.name : `${person.name} (${person.company})`;
  }

  override renderSuggestion(item: FuzzyMatch<PersonRecord>, el: HTMLElement): void {
    el.createDiv({ cls: 'ncrm-suggest-title', text: item.item.name });
    const detail = [item.item.position, item.item.company].filter(Boolean).join(' · ');
    if (detail !== '') el.createDiv({ cls: 'ncrm-suggest-note', text: detail });
  }

  onChooseItem(person: PersonRecord): void {
    this.onPick(person);
  }
}

/** "Add person": a note made by hand, with the import's schema and file-name rules. */
import type { App } from 'obsidian';
import type { AddPersonResult, NewPerson } from '../../core/import/add-person';
import { FormModal } from './form-modal';

export class AddPersonModal extends FormModal {
  private nameEl!: HTMLInputElement;
  private urlEl!: HTMLInputElement;
  private companyEl!: HTMLInputElement;

  constructor(
    app: App,
    private readonly onAdd: (person: NewPerson) => Promise<AddPersonResult>,
    private readonly openExisting: (path: string) => void,
  ) {
    super(app, 'Add person', 'Create');
  }

  protected fields(el: HTMLElement): HTMLElement {
    this.nameEl = this.row(el, 'Name', (c) =>
      c.createEl('input', { type: 'text', cls: 'ncrm-name-input', placeholder: 'Jane Doe' }),
    ) as HTMLInputElement;
    this.urlEl = this.row(el, 'LinkedIn profile (optional)', (c) =>
      c.createEl('input', { type: 'url', cls: 'ncrm-url-input', placeholder: 'https://www.linkedin.com/in/…' }),
    ) as HTMLInputElement;
    this.companyEl = this.row(el, 'Company (optional)', (c) =>
      c.createEl('input', { type: 'text', cls: 'ncrm-company-input' }),
    ) as HTMLInputElement;
    return this.nameEl;
  }

  protected async submit(): Promise<string | null> {
    const result = await this.onAdd({
      name: this.nameEl.value,
      linkedin: this.urlEl.value,
      company: this.companyEl.value,
    });
    if (result.ok) return null;
    if (result.reason !== 'duplicate') return result.message;
    const fragment = createFragment();
    fragment.appendText('This LinkedIn profile already has a note: ');
    const link = fragment.createEl('a', {
      text: result.existingPath.replace(/\.md$/, ''),
      href: '#',
      cls: 'ncrm-existing-link',
    });
    link.addEventListener('click', (evt) => {
      evt.preventDefault();
      this.close();
      this.openExisting(result.existingPath);
    });
    this.showError(fragment);
    return '';
  }
}

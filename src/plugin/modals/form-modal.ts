/**
 * A small form dialog: a title, some fields, an error line and Save/Cancel. Enter submits.
 * The subclasses only describe their fields and what to do with the values.
 */
import { Modal, Setting, type App } from 'obsidian';
import { isTextArea } from '../ui/dom';

export abstract class FormModal extends Modal {
  private errorEl!: HTMLElement;

  constructor(
    app: App,
    private readonly title: string,
    private readonly submitText: string,
  ) {
    super(app);
  }

  /** Builds the fields into `el`; returns the element to focus first. */
  protected abstract fields(el: HTMLElement): HTMLElement;
  /** Returns an error message to show, null when done (the dialog closes), or '' when it showed its own error. */
  protected abstract submit(): Promise<string | null> | string | null;

  protected showError(message: string | DocumentFragment): void {
    this.errorEl.setText(message);
    this.errorEl.toggleClass('ncrm-hidden', false);
  }

  override onOpen(): void {
    this.setTitle(this.title);
    this.modalEl.addClass('ncrm-form-modal');
    const first = this.fields(this.contentEl);
    this.errorEl = this.contentEl.createDiv({ cls: 'ncrm-error ncrm-hidden' });
    new Setting(this.contentEl)
      .addButton((b) => b.setButtonText('Cancel').onClick(() => this.close()))
      .addButton((b) =>
        b
          .setButtonText(this.submitText)
          .setCta()
          .onClick(() => void this.trySubmit()),
      );
    this.contentEl.addEventListener('keydown', (evt) => {
      if (evt.key === 'Enter' && !evt.isComposing && !isTextArea(evt.target)) {
        evt.preventDefault();
        void this.trySubmit();
      }
    });
    first.focus();
  }

  private async trySubmit(): Promise<void> {
    const error = await this.submit();
    if (error === null) this.close();
    else if (error !== '') this.showError(error);
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  /** A labelled row with one control. */
  protected row(el: HTMLElement, label: string, build: (control: HTMLElement) => HTMLElement): HTMLElement {
    const setting = new Setting(el).setName(label);
    return build(setting.controlEl);
  }
}

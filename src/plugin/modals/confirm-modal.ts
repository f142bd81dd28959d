/** "Set trust of 35 people to Trusted?": a question with the names it concerns, Cancel and a button that does it. */
import { Modal, Setting, type App } from 'obsidian';
import { formatCount } from '../../core/text/format';

const NAMES_SHOWN = 8;

export class ConfirmModal extends Modal {
  constructor(
    app: App,
    private readonly question: string,
    private readonly names: readonly string[],
    private readonly confirmText: string,
    private readonly onConfirm: () => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    this.setTitle(this.question);
    this.modalEl.addClass('ncrm-confirm-modal');
    const list = this.contentEl.createEl('ul', { cls: 'ncrm-list' });
    for (const name of this.names.slice(0, NAMES_SHOWN)) list.createEl('li', { text: name });
    if (this.names.length > NAMES_SHOWN)
      list.createEl('li', { cls: 'ncrm-more', text: `and ${formatCount(this.names.length - NAMES_SHOWN)} more` });
    this.contentEl.createEl('p', { cls: 'ncrm-muted', text: 'One step: "Undo last change" takes it all back.' });
    new Setting(this.contentEl)
      .addButton((b) => b.setButtonText('Cancel').onClick(() => this.close()))
      .addButton((b) =>
        b
          .setButtonText(this.confirmText)
          .setCta()
          .onClick(() => {
            this.close();
            this.onConfirm();
          }),
      );
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

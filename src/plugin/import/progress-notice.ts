/** A notice that stays up during long work, shows "Importing 1,234 / 30,000…" and offers Cancel. */
import { Notice } from 'obsidian';
import { formatCount } from '../../core/text/format';

const UPDATE_EVERY_MS = 100;

export class ProgressNotice {
  private readonly notice: Notice;
  private readonly textEl: HTMLElement;
  private lastUpdate = 0;
  cancelled = false;

  constructor(
    total: number,
    private readonly verb = 'Importing',
  ) {
    const fragment = createFragment();
    const box = fragment.createDiv({ cls: 'ncrm-progress' });
    this.textEl = box.createDiv({ cls: 'ncrm-progress-text', text: `${verb} 0 / ${formatCount(total)}…` });
    const cancel = box.createEl('button', { text: 'Cancel', cls: 'ncrm-progress-cancel' });
    cancel.addEventListener('click', (evt) => {
      evt.stopPropagation(); // a click on a notice would otherwise dismiss it
      this.cancelled = true;
      cancel.disabled = true;
      cancel.setText('Cancelling…');
    });
    this.notice = new Notice(fragment, 0);
  }

  update(done: number, total: number): void {
    const now = Date.now();
    if (done !== total && now - this.lastUpdate < UPDATE_EVERY_MS) return;
    this.lastUpdate = now;
    this.textEl.setText(`${this.verb} ${formatCount(done)} / ${formatCount(total)}…`);
  }

  hide(): void {
    this.notice.hide();
  }
}

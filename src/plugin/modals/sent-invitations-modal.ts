/**
 * The invitations you sent that are still pending after N weeks, oldest first, with
 * "withdrawn on LinkedIn" and "keep waiting" for the ones you tick (or all of them), in one
 * undoable step. Withdrawing happens on LinkedIn, by hand (the plugin never contacts it):
 * the list links LinkedIn's page of sent invitations and each profile.
 */
import { Modal, Notice, Setting, type App } from 'obsidian';
import { linkableProfileUrl } from '../../core/identity/profile-url';
import type { SentItem } from '../../core/triage/sent-invitations';
import type { SentDecisionKind } from '../../core/triage/triage-state';
import { formatCount, plural } from '../../core/text/format';
import { spanOfDays } from '../../core/text/relative-time';
import type { CrmContext } from '../context';
import type { TriageActions } from '../views/triage-actions';

const SENT_PAGE = 'https://www.linkedin.com/mynetwork/invitation-manager/sent/';

export class SentInvitationsModal extends Modal {
  private readonly checked = new Set<string>();
  private items: SentItem[] = [];
  private buttons: Record<SentDecisionKind, HTMLButtonElement | null> = { withdrawn: null, waiting: null };
  private allBox!: HTMLInputElement;

  constructor(
    app: App,
    private readonly ctx: CrmContext,
    private readonly actions: TriageActions,
    private readonly sent: () => SentItem[],
  ) {
    super(app);
  }

  override onOpen(): void {
    this.items = this.sent();
    this.setTitle('Invitations you sent, still pending');
    this.modalEl.addClass('ncrm-sent-modal');
    const el = this.contentEl;
    const intro = el.createEl('p', {
      cls: 'ncrm-muted',
      text: `${plural(this.items.length, 'invitation')} pending for more than ${plural(this.ctx.settings.withdrawAfterWeeks, 'week')}, oldest first. Withdraw them on `,
    });
    intro.createEl('a', { text: "LinkedIn's sent invitations page", href: SENT_PAGE });
    intro.appendText(', then mark them here; or keep waiting (they come back after the same period).');
    const all = el.createEl('label', { cls: 'ncrm-sent-all' });
    this.allBox = all.createEl('input', { type: 'checkbox', cls: 'ncrm-sent-all-box' });
    all.appendText(' Select all');
    this.allBox.addEventListener('change', () => {
      for (const s of this.items)
        if (this.allBox.checked) this.checked.add(s.key);
        else this.checked.delete(s.key);
      list.querySelectorAll<HTMLInputElement>('input[data-key]').forEach((box) => (box.checked = this.allBox.checked));
      this.update();
    });
    const list = el.createDiv({ cls: 'ncrm-sent-list' });
    for (const s of this.items) {
      const row = list.createEl('label', { cls: 'ncrm-sent-row' });
      const box = row.createEl('input', { type: 'checkbox', attr: { 'data-key': s.key } });
      box.addEventListener('change', () => {
        if (box.checked) this.checked.add(s.key);
        else this.checked.delete(s.key);
        this.update();
      });
      row.createSpan({ cls: 'ncrm-name', text: s.name });
      row.createSpan({
        cls: 'ncrm-muted',
        text: ` · sent ${s.sentOn} (${spanOfDays(s.ageDays)} ago)${s.person ? ' · has a note' : ''}`,
      });
      if (s.profileUrl)
        row.createEl('a', { cls: 'ncrm-sent-profile', text: 'Profile', href: linkableProfileUrl(s.profileUrl) });
    }
    const bar = new Setting(el);
    bar.addButton((b) => b.setButtonText('Close').onClick(() => this.close()));
    bar.addButton((b) => {
      this.buttons.waiting = b.buttonEl;
      b.onClick(() => void this.apply('waiting'));
    });
    bar.addButton((b) => {
      this.buttons.withdrawn = b.buttonEl;
      b.setCta().onClick(() => void this.apply('withdrawn'));
    });
    this.update();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private update(): void {
    const n = this.checked.size;
    const count = n === 0 ? '' : ` (${formatCount(n)})`;
    this.buttons.withdrawn?.setText(`Withdrawn on LinkedIn${count}`);
    this.buttons.waiting?.setText(`Keep waiting${count}`);
    for (const b of Object.values(this.buttons)) if (b) b.disabled = n === 0;
    this.allBox.checked = n > 0 && n === this.items.length;
  }

  private async apply(decision: SentDecisionKind): Promise<void> {
    const chosen = this.items.filter((s) => this.checked.has(s.key));
    if (chosen.length === 0) return;
    this.close();
    await this.actions.decideSent(chosen, decision);
    new Notice(
      `${plural(chosen.length, 'sent invitation')} marked “${decision === 'withdrawn' ? 'withdrawn on LinkedIn' : 'keep waiting'}”. Undo puts them back.`,
    );
  }
}

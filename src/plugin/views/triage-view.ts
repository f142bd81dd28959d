/**
 * The triage view: one card at a time for invitations, new connections, job changes,
 * prune candidates and stale sent invitations. Keyboard first: the keys are on the card
 * and work while the view has focus (they are not global hotkeys).
 */
import { ItemView, Notice, type WorkspaceLeaf } from 'obsidian';
import { linkableProfileUrl } from '../../core/identity/profile-url';
import type { PersonRecord } from '../../core/people/person-record';
import { decisionEdit, decisionsFor, type TriageDecision } from '../../core/triage/actions';
import { fillReplyTemplate, knowledgeOf, TRIAGE_SECTIONS, triageQueue, type TriageItem } from '../../core/triage/queue';
import { formatCount } from '../../core/text/format';
import type { CrmContext } from '../context';
import { MetWhereModal } from '../modals/met-where-modal';
import { isTypingTarget } from '../ui/dom';
import { INDEXING_TITLE, indexingDetail } from '../ui/indexing';
import { TriageSession } from './triage-session';
import { renderWelcome, wantsWelcome } from './welcome';

export const TRIAGE_VIEW_TYPE = 'network-crm-triage';

interface KeyAction {
  key: string;
  label: string;
  run: (item: TriageItem) => void | Promise<void>;
}

export class TriageView extends ItemView {
  private session = new TriageSession();
  private queue: TriageItem[] = [];
  private current: TriageItem | null = null;
  private dirty = true;
  private unsubscribe: (() => void) | null = null;
  private cardEl!: HTMLElement;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly ctx: CrmContext,
  ) {
    super(leaf);
  }

  getViewType(): string {
    return TRIAGE_VIEW_TYPE;
  }

  getDisplayText(): string {
    return 'Triage';
  }

  override getIcon(): string {
    return 'inbox';
  }

  override async onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass('ncrm-triage-view');
    this.contentEl.setAttr('tabindex', '0');
    this.cardEl = this.contentEl.createDiv({ cls: 'ncrm-card' });
    this.registerDomEvent(this.contentEl, 'keydown', (evt) => this.onKey(evt));
    // One listener for the card's buttons and links: the card is redrawn after every decision.
    this.registerDomEvent(this.cardEl, 'click', (evt) => this.onCardClick(evt));
    this.unsubscribe = this.ctx.index.onChange(() => {
      this.dirty = true;
      if (this.containerEl.isShown()) this.render();
    });
    this.registerEvent(
      this.app.workspace.on('active-leaf-change', () => this.dirty && this.containerEl.isShown() && this.render()),
    );
    this.render(); // "Indexing your vault…" until the index is ready
    await this.ctx.index.whenReady();
    this.render();
    this.contentEl.focus();
  }

  override async onClose(): Promise<void> {
    this.unsubscribe?.();
    return Promise.resolve();
  }

  /** The card on screen, for tests and the browser harness. */
  currentItem(): TriageItem | null {
    return this.current;
  }

  private recompute(): void {
    const s = this.ctx.settings;
    this.queue = triageQueue(this.ctx.index.people(), {
      today: this.ctx.today(),
      pruneAfterYears: s.pruneAfterYears,
      withdrawAfterWeeks: s.withdrawAfterWeeks,
      unansweredThreshold: s.unansweredThreshold,
    });
    this.dirty = false;
  }

  render(): void {
    if (!this.ctx.index.ready) {
      this.current = null;
      this.cardEl.empty();
      this.cardEl.createDiv({ cls: 'ncrm-card-head ncrm-indexing', text: INDEXING_TITLE });
      this.cardEl.createEl('p', { cls: 'ncrm-card-done', text: indexingDetail(this.ctx.index) });
      return;
    }
    if (this.dirty) this.recompute();
    if (wantsWelcome(this.ctx)) {
      this.current = null;
      renderWelcome(this.cardEl, this.ctx);
      return;
    }
    const left = this.session.remaining(this.queue);
    this.current = left[0] ?? null;
    const el = this.cardEl;
    el.empty();
    const { position, total } = this.session.progress(left.length);
    const head = el.createDiv({ cls: 'ncrm-card-head' });
    head.createSpan({
      cls: 'ncrm-card-progress',
      text: total === 0 ? 'Nothing to triage' : `${formatCount(position)} of ${formatCount(total)}`,
    });
    if (!this.current) {
      el.createEl('p', {
        cls: 'ncrm-card-done',
        text:
          this.session.decisions > 0
            ? `All done: ${formatCount(this.session.decisions)} decisions this session.`
            : 'Nothing needs a decision right now. New invitations and connections arrive with the next import.',
      });
      this.legend(el, [this.undoKey()]);
      return;
    }
    const item = this.current;
    const p = item.person;
    head.createSpan({ cls: `ncrm-card-kind ncrm-kind-${item.kind}`, text: TRIAGE_SECTIONS[item.kind] });
    el.createEl('h2', { cls: 'ncrm-card-name', text: p.name });
    const job = [p.position, p.company].filter(Boolean).join(' at ');
    if (job !== '') el.createDiv({ cls: 'ncrm-card-job', text: job });
    el.createDiv({ cls: 'ncrm-card-reason', text: item.reason });

    if (item.kind === 'invitation') {
      if (p.invitationMessage === '') el.createDiv({ cls: 'ncrm-card-message ncrm-no-note', text: 'No note' });
      else el.createEl('blockquote', { cls: 'ncrm-card-message', text: p.invitationMessage });
      this.renderKnowledge(el, p);
    }
    const facts = el.createDiv({ cls: 'ncrm-card-facts' });
    const level =
      p.trust === null ? 'not set' : `${p.trust} · ${this.ctx.settings.trustLevels[p.trust - 1]?.name ?? ''}`;
    facts.createDiv({ text: `Trust: ${level}` });
    facts.createDiv({ text: `Met where: ${p.metWhere === '' ? 'not set' : p.metWhere}` });
    this.legend(el, this.keysFor(item));
  }

  private renderKnowledge(el: HTMLElement, p: PersonRecord): void {
    const mentions = Object.entries(this.app.metadataCache.resolvedLinks)
      .filter(([source, targets]) => source !== p.path && targets[p.path] !== undefined)
      .map(([source]) => source);
    const k = knowledgeOf(p, this.ctx.index.people(), mentions);
    const box = el.createDiv({ cls: 'ncrm-card-known' });
    box.createDiv({ cls: 'ncrm-card-known-title', text: 'What your vault knows' });
    const list = box.createEl('ul');
    for (const path of k.mentionedIn.slice(0, 5)) {
      const li = list.createEl('li', { text: 'Mentioned in ' });
      li.createEl('a', { text: path.replace(/\.md$/, ''), href: '#', attr: { 'data-open': path } });
    }
    if (k.trustedAtCompany.length > 0)
      list.createEl('li', {
        text: `You trust ${k.trustedAtCompany
          .slice(0, 3)
          .map((o) => o.name)
          .join(', ')} at ${p.company}`,
      });
    for (const o of k.sameNameMetWhere.slice(0, 3))
      list.createEl('li', { text: `A note named ${o.name} says you met at ${o.metWhere}` });
    if (list.childElementCount === 0) list.createEl('li', { cls: 'ncrm-muted', text: 'Nothing yet.' });
  }

  private legend(el: HTMLElement, keys: KeyAction[]): void {
    const bar = el.createDiv({ cls: 'ncrm-card-keys' });
    for (const k of keys) {
      const button = bar.createEl('button', { cls: 'ncrm-key', attr: { 'data-key': k.key } });
      button.createEl('kbd', { text: k.key === ' ' ? 'space' : k.key });
      button.createSpan({ text: k.label });
    }
  }

  private onCardClick(evt: MouseEvent): void {
    const target = evt.target as HTMLElement | null;
    const open = target?.closest<HTMLElement>('[data-open]')?.dataset.open;
    if (open !== undefined) {
      evt.preventDefault();
      void this.app.workspace.openLinkText(open, '', 'tab');
      return;
    }
    const key = target?.closest<HTMLElement>('[data-key]')?.dataset.key;
    if (key === undefined) return;
    const item = this.current;
    if (key === 'u') void this.undo();
    else if (item)
      void this.keysFor(item)
        .find((k) => k.key === key)
        ?.run(item);
    this.contentEl.focus();
  }

  private undoKey(): KeyAction {
    return { key: 'u', label: 'Undo', run: () => this.undo() };
  }

  private keysFor(item: TriageItem): KeyAction[] {
    const allowed = decisionsFor(item.kind);
    const keys: KeyAction[] = [];
    if (allowed.includes('trust')) {
      this.ctx.settings.trustLevels.forEach((l, i) =>
        keys.push({ key: String(i + 1), label: l.name, run: (it) => this.decide(it, { type: 'trust', level: i + 1 }) }),
      );
    }
    keys.push({ key: 'm', label: 'Met where', run: (it) => this.askMetWhere(it) });
    if (allowed.includes('accept')) keys.push({ key: 'a', label: 'Accept', run: (it) => this.accept(it) });
    if (allowed.includes('decline'))
      keys.push({
        key: 'd',
        label: item.kind === 'withdraw' ? 'Withdrawn' : 'Decline',
        run: (it) => this.decide(it, { type: 'decline' }),
      });
    if (item.kind === 'invitation') keys.push({ key: 'r', label: 'Copy reply', run: (it) => this.copyReply(it) });
    if (allowed.includes('prune'))
      keys.push({ key: 'p', label: 'Prune', run: (it) => this.decide(it, { type: 'prune' }) });
    if (allowed.includes('keep'))
      keys.push({
        key: 'k',
        label: item.kind === 'withdraw' ? 'Keep waiting' : 'Keep',
        run: (it) => this.decide(it, { type: 'keep' }),
      });
    keys.push({ key: 'o', label: 'Open note', run: (it) => this.openNote(it) });
    keys.push({ key: 'l', label: 'LinkedIn', run: (it) => this.openProfile(it) });
    keys.push({ key: 's', label: 'Skip', run: (it) => this.skip(it) });
    keys.push(this.undoKey());
    return keys;
  }

  private onKey(evt: KeyboardEvent): void {
    if (evt.ctrlKey || evt.metaKey || evt.altKey || evt.isComposing) return;
    if (isTypingTarget(evt.target)) return;
    const key = evt.key === ' ' ? 's' : evt.key.toLowerCase();
    if (key === 'u') {
      evt.preventDefault();
      void this.undo();
      return;
    }
    const item = this.current;
    if (!item) return;
    const action = this.keysFor(item).find((k) => k.key === key);
    if (!action) return;
    evt.preventDefault();
    void action.run(item);
  }

  private fileOf(item: TriageItem) {
    return this.app.vault.getFileByPath(item.person.path);
  }

  /** Records a decision, then shows the next card at once (the write lands in the background). */
  private async decide(item: TriageItem, decision: TriageDecision): Promise<void> {
    const file = this.fileOf(item);
    if (!file) return;
    this.session.decided(item);
    this.render();
    const s = this.ctx.settings;
    try {
      await this.ctx.editor.edit(
        file,
        {
          frontmatter: decisionEdit(decision, {
            kind: item.kind,
            today: this.ctx.today(),
            withdrawAfterWeeks: s.withdrawAfterWeeks,
          }),
        },
        `${decision.type} ${item.person.name}`,
      );
    } catch (e) {
      this.session.back();
      this.render();
      new Notice(`Could not update ${item.person.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private skip(item: TriageItem): void {
    this.session.skip(item);
    this.render();
  }

  private async undo(): Promise<void> {
    const undone = await this.ctx.undo.undo();
    if (undone && undone.restored.length + undone.merged.length > 0) this.session.back();
    this.dirty = true;
    this.render();
  }

  private askMetWhere(item: TriageItem): void {
    new MetWhereModal(
      this.app,
      item.person.name,
      item.person.metWhere,
      () => this.ctx.index.metWhereValues(),
      async (value) => {
        const file = this.fileOf(item);
        if (file)
          await this.ctx.editor.edit(
            file,
            {
              frontmatter: decisionEdit(
                { type: 'met-where', value },
                { kind: null, today: this.ctx.today(), withdrawAfterWeeks: 0 },
              ),
            },
            `set where you met ${item.person.name}`,
          );
        this.contentEl.focus();
      },
    ).open();
  }

  private async accept(item: TriageItem): Promise<void> {
    this.openProfile(item);
    await this.decide(item, { type: 'accept' });
  }

  private openProfile(item: TriageItem): void {
    if (item.person.profileUrl) window.open(linkableProfileUrl(item.person.profileUrl));
    else new Notice(`${item.person.name} has no LinkedIn profile URL in their note.`);
  }

  private openNote(item: TriageItem): void {
    const file = this.fileOf(item);
    if (file) void this.app.workspace.getLeaf('tab').openFile(file);
  }

  private async copyReply(item: TriageItem): Promise<void> {
    const text = fillReplyTemplate(this.ctx.settings.replyTemplate, item.person, this.ctx.settings.myName || 'me');
    try {
      await navigator.clipboard.writeText(text);
      new Notice('Reply copied. Paste it into LinkedIn.');
    } catch {
      new Notice('Could not copy to the clipboard.');
    }
  }
}

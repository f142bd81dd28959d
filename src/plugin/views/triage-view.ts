/**
 * The triage view: today's queue, one card at a time, one card per person (invitations,
 * answers to "have we met?", new connections, job changes, prune candidates, sent
 * invitations), then summary cards for the sent invitations and the backlog. The backlog
 * card opens "Rate your network": the same card and keys over the earlier connections,
 * ordered by signal. "Rate in bulk…" and the sent-invitations list are dialogs.
 * Keyboard first: the keys work while the view has focus (they are not global hotkeys).
 */
import { ItemView, Notice, type WorkspaceLeaf } from 'obsidian';
import { linkableProfileUrl } from '../../core/identity/profile-url';
import { decisionsFor, likelyDecisions, type TriageDecision } from '../../core/triage/actions';
import { fillReplyTemplate, replySigner } from '../../core/triage/ask';
import {
  isSummary,
  knowledgeOf,
  rateItems,
  SECTION_ORDER,
  triageOptions,
  triageQueue,
  type SummaryItem,
  type TriageCard,
  type TriageItem,
  type TriageKind,
  type TriageQueue,
} from '../../core/triage/queue';
import { formatCount, plural } from '../../core/text/format';
import type { CrmContext } from '../context';
import { BulkRateModal } from '../modals/bulk-rate-modal';
import { MetWhereModal } from '../modals/met-where-modal';
import { SentInvitationsModal } from '../modals/sent-invitations-modal';
import { isTypingTarget } from '../ui/dom';
import { INDEXING_TITLE, indexingDetail } from '../ui/indexing';
import { TriageActions } from './triage-actions';
import { renderKeys, renderPersonCard, renderSummaryCard, type KeyAction } from './triage-card';
import { TriageSession } from './triage-session';
import { renderWelcome, wantsWelcome } from './welcome';

export const TRIAGE_VIEW_TYPE = 'network-crm-triage';

/** What a section chip counts: one and many. */
const CHIPS: Record<TriageKind, readonly [string, string]> = {
  invitation: ['invitation', 'invitations'],
  answer: ['“have we met?” follow-up', '“have we met?” follow-ups'],
  'new-connection': ['new connection', 'new connections'],
  'job-change': ['job change', 'job changes'],
  prune: ['prune candidate', 'prune candidates'],
  'prune-summary': ['prune candidate', 'prune candidates'],
  withdraw: ['sent invitation', 'sent invitations'],
  'sent-summary': ['sent invitation', 'sent invitations'],
  backlog: ['earlier connection to rate', 'earlier connections to rate'],
  rate: ['to rate', 'to rate'],
};

/** Today's queue, "Rate your network" (the backlog), or every prune candidate. */
type Mode = 'queue' | 'rate' | 'prune';

export class TriageView extends ItemView {
  private readonly actions: TriageActions;
  private sessions: Record<Mode, TriageSession> = {
    queue: new TriageSession(),
    rate: new TriageSession(),
    prune: new TriageSession(),
  };
  private mode: Mode = 'queue';
  private queue: TriageQueue | null = null;
  private rateCards: TriageItem[] = [];
  private current: TriageCard | null = null;
  private dirty = true;
  private unsubscribe: (() => void) | null = null;
  private headerEl!: HTMLElement;
  private cardEl!: HTMLElement;

  constructor(
    leaf: WorkspaceLeaf,
    private readonly ctx: CrmContext,
  ) {
    super(leaf);
    this.actions = new TriageActions(ctx);
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

  override onOpen(): Promise<void> {
    this.contentEl.empty();
    this.contentEl.addClass('ncrm-triage-view');
    this.contentEl.setAttr('tabindex', '0');
    const column = this.contentEl.createDiv({ cls: 'ncrm-triage-column' });
    this.headerEl = column.createDiv({ cls: 'ncrm-triage-header' });
    this.cardEl = column.createDiv({ cls: 'ncrm-card' });
    this.registerDomEvent(this.contentEl, 'keydown', (evt) => this.onKey(evt));
    // One listener for the buttons and links: the card is redrawn after every decision.
    this.registerDomEvent(column, 'click', (evt) => this.onClick(evt));
    this.unsubscribe = this.ctx.index.onChange(() => {
      this.dirty = true;
      if (this.containerEl.isShown()) this.render();
    });
    this.registerEvent(
      this.app.workspace.on('active-leaf-change', () => this.dirty && this.containerEl.isShown() && this.render()),
    );
    this.render(); // "Indexing your vault…" until the index is ready (onChange then redraws)
    // The keys go to the cards. On a cold start the view does not wait for indexing (not
    // awaited), and takes the focus then only if the user is still here, not typing in a note
    // opened meanwhile.
    if (this.ctx.index.ready) this.contentEl.focus();
    else
      void this.ctx.index.whenReady().then(() => {
        if (this.app.workspace.getActiveViewOfType(TriageView) === this) this.contentEl.focus();
      });
    return Promise.resolve();
  }

  override async onClose(): Promise<void> {
    this.unsubscribe?.();
    return Promise.resolve();
  }

  /** The card on screen, for tests and the browser harness. */
  currentItem(): TriageCard | null {
    return this.current;
  }

  /** "Rate your network" (the backlog) or today's queue. */
  setMode(mode: Mode): void {
    this.mode = mode;
    this.dirty = true;
    this.render();
    this.contentEl.focus();
  }

  private recompute(): void {
    let vocabulary: ReturnType<TriageActions['vocabulary']> | undefined;
    this.queue = triageQueue(
      this.ctx.index.people(),
      triageOptions(
        this.ctx.settings,
        this.ctx.today(),
        this.ctx.state.triage,
        () => (vocabulary ??= this.actions.vocabulary()),
      ),
    );
    if (this.mode === 'rate') this.rateCards = rateItems(this.queue.backlog, this.actions.mentions());
    this.dirty = false;
  }

  render(): void {
    if (!this.ctx.index.ready) {
      this.current = null;
      this.headerEl.empty();
      this.cardEl.empty();
      this.cardEl.createDiv({ cls: 'ncrm-card-head ncrm-indexing', text: INDEXING_TITLE });
      this.cardEl.createEl('p', { cls: 'ncrm-card-done', text: indexingDetail(this.ctx.index) });
      return;
    }
    if (this.dirty || !this.queue) this.recompute();
    if (wantsWelcome(this.ctx)) {
      this.current = null;
      this.headerEl.empty();
      renderWelcome(this.cardEl, this.ctx);
      return;
    }
    const q = this.queue as TriageQueue;
    const session = this.sessions[this.mode];
    const left = session.remaining(this.mode === 'rate' ? this.rateCards : this.mode === 'prune' ? q.prune : q.cards);
    this.current = left[0] ?? null;
    this.renderHeader(q);
    const el = this.cardEl;
    el.empty();
    const { position, total } = session.progress(left.length);
    const progress = total === 0 ? 'Nothing to triage' : `${formatCount(position)} of ${formatCount(total)}`;
    const card = this.current;
    if (!card) {
      el.createDiv({ cls: 'ncrm-card-head' }).createSpan({ cls: 'ncrm-card-progress', text: progress });
      el.createEl('p', {
        cls: 'ncrm-card-done',
        text:
          this.mode === 'rate'
            ? 'Everyone in the backlog has a trust level now.'
            : this.mode === 'prune'
              ? 'No prune candidates left.'
              : session.decisions > 0
                ? `All done: ${formatCount(session.decisions)} decisions this session.`
                : 'Nothing needs a decision right now. New invitations and connections arrive with the next import.',
      });
      const keys = [this.undoKey()];
      if (this.mode !== 'queue') keys.unshift(this.backKey());
      renderKeys(el, keys);
      return;
    }
    const options = { progress, settings: this.ctx.settings, knowledge: null, keys: this.keysFor(card) };
    if (isSummary(card)) renderSummaryCard(el, card, options);
    else
      renderPersonCard(el, card, {
        ...options,
        knowledge:
          card.kind === 'invitation' || card.kind === 'answer'
            ? knowledgeOf(card.person, this.ctx.index.people(), this.actions.mentionedIn(card.person.path))
            : null,
      });
  }

  private renderHeader(q: TriageQueue): void {
    const el = this.headerEl;
    el.empty();
    if (this.mode === 'prune') {
      el.createEl('h3', { cls: 'ncrm-triage-title', text: 'Prune candidates' });
      el.createDiv({
        cls: 'ncrm-muted',
        text: `${plural(q.prune.length, 'person', 'people')} to consider removing on LinkedIn: people who never answer your messages first, then those you rated "Don't know" with nothing on record for ${plural(this.ctx.settings.pruneAfterYears, 'year')}.`,
      });
      const bar = el.createDiv({ cls: 'ncrm-triage-actions' });
      bar.createEl('button', { text: "Back to today's queue", attr: { 'data-action': 'queue' } });
      bar.createEl('button', { text: 'Prune in bulk…', attr: { 'data-action': 'prune-bulk' } });
      return;
    }
    if (this.mode === 'rate') {
      el.createEl('h3', { cls: 'ncrm-triage-title', text: 'Rate your network' });
      el.createDiv({
        cls: 'ncrm-muted',
        text: `${plural(q.backlog.length, 'earlier connection')} without a trust level: people you exchanged messages with first, then people your notes mention, then the newest.`,
      });
      const bar = el.createDiv({ cls: 'ncrm-triage-actions' });
      bar.createEl('button', { text: "Back to today's queue", attr: { 'data-action': 'queue' } });
      bar.createEl('button', { text: 'Rate in bulk…', attr: { 'data-action': 'bulk' } });
      return;
    }
    const chips = el.createDiv({ cls: 'ncrm-triage-sections' });
    for (const kind of SECTION_ORDER) {
      // A summary card stands for all the people of its section, cards included.
      const n =
        kind === 'backlog'
          ? q.backlog.length
          : kind === 'sent-summary'
            ? q.sent.length
            : kind === 'prune-summary'
              ? q.prune.length
              : q.counts[kind];
      if (n === 0) continue;
      // With a summary card, its chip counts the whole section; without one, the cards do.
      if (
        (kind === 'withdraw' || kind === 'prune') &&
        q.counts[kind === 'withdraw' ? 'sent-summary' : 'prune-summary'] > 0
      )
        continue;
      if ((kind === 'sent-summary' || kind === 'prune-summary') && q.counts[kind] === 0) continue;
      const chip = chips.createSpan({ cls: `ncrm-chip ncrm-kind-${kind}` });
      chip.createSpan({ cls: 'ncrm-chip-count', text: formatCount(n) });
      chip.appendText(` ${CHIPS[kind][n === 1 ? 0 : 1]}`);
    }
    if (q.waiting.length > 0) {
      const details = el.createEl('details', { cls: 'ncrm-waiting' });
      details.createEl('summary', {
        text: `${plural(q.waiting.length, 'person', 'people')} waiting for an answer to “have we met?”`,
      });
      const ul = details.createEl('ul');
      for (const w of q.waiting) {
        const li = ul.createEl('li');
        li.createEl('a', { text: w.person.name, href: '#', attr: { 'data-open': w.person.path } });
        li.appendText(` · asked ${w.askedOn}`);
      }
    }
    const bar = el.createDiv({ cls: 'ncrm-triage-actions' });
    if (q.backlog.length > 0) bar.createEl('button', { text: 'Rate your network', attr: { 'data-action': 'rate' } });
    if (q.backlog.length > 0) bar.createEl('button', { text: 'Rate in bulk…', attr: { 'data-action': 'bulk' } });
    if (q.sent.length > 0) bar.createEl('button', { text: 'Sent invitations…', attr: { 'data-action': 'sent' } });
  }

  private onClick(evt: MouseEvent): void {
    const target = evt.target as HTMLElement | null;
    const open = target?.closest<HTMLElement>('[data-open]')?.dataset.open;
    if (open !== undefined) {
      evt.preventDefault();
      void this.app.workspace.openLinkText(open, '', 'tab');
      return;
    }
    const action = target?.closest<HTMLElement>('[data-action]')?.dataset.action;
    if (action === 'rate' || action === 'queue') this.setMode(action);
    else if (action === 'bulk') this.openBulk();
    else if (action === 'prune-bulk') this.openPruneBulk();
    else if (action === 'sent') this.openSent();
    const key = target?.closest<HTMLElement>('[data-key]')?.dataset.key;
    if (key !== undefined) void this.runKey(key);
    if (action !== undefined || key !== undefined) this.contentEl.focus();
  }

  private onKey(evt: KeyboardEvent): void {
    if (evt.ctrlKey || evt.metaKey || evt.altKey || evt.isComposing) return;
    if (isTypingTarget(evt.target)) return;
    if ((evt.target as HTMLElement | null)?.closest('button') && evt.key === 'Enter') return;
    const key = evt.key === ' ' ? 's' : evt.key.toLowerCase();
    if (this.runKey(key)) evt.preventDefault();
  }

  /** Runs the key's action on the card on screen; false when the key means nothing here. */
  private runKey(key: string): boolean {
    if (key === 'u') {
      void this.undo();
      return true;
    }
    const keys = this.current ? this.keysFor(this.current) : this.mode !== 'queue' ? [this.backKey()] : [];
    const action = keys.find((k) => k.key === key);
    if (!action) return false;
    void action.run();
    return true;
  }

  private undoKey(): KeyAction {
    return { key: 'u', label: 'Undo', run: () => this.undo() };
  }

  private backKey(): KeyAction {
    return { key: 'escape', label: "Back to today's queue", run: () => this.setMode('queue') };
  }

  private keysFor(card: TriageCard): KeyAction[] {
    if (isSummary(card)) return this.summaryKeys(card);
    const allowed = decisionsFor(card.kind);
    const likely = likelyDecisions(card.kind);
    const keys: KeyAction[] = [];
    const add = (type: TriageDecision['type'], action: KeyAction) => {
      if (allowed.includes(type)) keys.push({ ...action, likely: likely.includes(type) });
    };
    const hasNote = card.person.path !== '';
    add('accept', { key: 'a', label: 'Accept', run: () => this.accept(card) });
    add('decline', {
      key: 'd',
      label: card.kind === 'withdraw' ? 'Withdrawn on LinkedIn' : 'Decline',
      run: () => this.decide(card, { type: 'decline' }),
    });
    if (card.kind === 'invitation')
      keys.push({ key: 'r', label: 'Ask “have we met?”', likely: true, run: () => this.ask(card) });
    if (card.kind === 'withdraw')
      add('keep', { key: 'k', label: 'Keep waiting', run: () => this.decide(card, { type: 'keep' }) });
    this.ctx.settings.trustLevels.forEach((l, i) =>
      add('trust', {
        key: String(i + 1),
        label: l.name,
        run: () => this.decide(card, { type: 'trust', level: i + 1 }),
      }),
    );
    if (hasNote) add('met-where', { key: 'm', label: 'Met where', run: () => this.askMetWhere(card) });
    add('prune', { key: 'p', label: 'Prune', run: () => this.decide(card, { type: 'prune' }) });
    if (card.kind !== 'withdraw')
      add('keep', { key: 'k', label: 'Keep', run: () => this.decide(card, { type: 'keep' }) });
    // Likely decisions first, in the order above; then the rest.
    keys.sort((a, b) => Number(b.likely ?? false) - Number(a.likely ?? false));
    if (hasNote) keys.push({ key: 'o', label: 'Open note', run: () => this.openNote(card) });
    keys.push({ key: 'l', label: 'LinkedIn', run: () => this.openProfile(card) });
    keys.push({ key: 's', label: 'Skip', run: () => this.skip(card) });
    if (this.mode === 'rate') keys.push({ key: 'b', label: 'Rate in bulk…', run: () => this.openBulk() });
    if (this.mode === 'prune') keys.push({ key: 'b', label: 'Prune in bulk…', run: () => this.openPruneBulk() });
    if (this.mode !== 'queue') keys.push(this.backKey());
    keys.push(this.undoKey());
    return keys;
  }

  private summaryKeys(card: SummaryItem): KeyAction[] {
    const keys: KeyAction[] =
      card.kind === 'backlog'
        ? [
            { key: 'enter', label: 'Rate your network', likely: true, run: () => this.setMode('rate') },
            { key: 'b', label: 'Rate in bulk…', likely: true, run: () => this.openBulk() },
          ]
        : card.kind === 'prune-summary'
          ? [
              { key: 'enter', label: 'Review them', likely: true, run: () => this.setMode('prune') },
              { key: 'b', label: 'Prune in bulk…', likely: true, run: () => this.openPruneBulk() },
            ]
          : [{ key: 'enter', label: 'Review the list', likely: true, run: () => this.openSent() }];
    keys.push({ key: 's', label: 'Skip', run: () => this.skip(card) }, this.undoKey());
    return keys;
  }

  private session(): TriageSession {
    return this.sessions[this.mode];
  }

  /** Records a decision, then shows the next card at once (the write lands in the background). */
  private async decide(card: TriageItem, decision: TriageDecision): Promise<void> {
    this.session().decided(card);
    this.render();
    try {
      await this.actions.decide(card, decision);
    } catch (e) {
      this.session().back();
      this.render();
      new Notice(`Could not update ${card.person.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private skip(card: TriageCard): void {
    this.session().skip(card);
    this.render();
  }

  private async undo(): Promise<void> {
    const undone = await this.ctx.undo.undo();
    if (undone && (undone.restored.length + undone.merged.length > 0 || undone.stateRestored)) this.session().back();
    this.dirty = true;
    this.render();
  }

  private openBulk(): void {
    new BulkRateModal(this.app, this.ctx, this.actions).open();
  }

  private openPruneBulk(): void {
    new BulkRateModal(this.app, this.ctx, this.actions, {
      kind: 'prune',
      candidates: () => this.queue?.prune.map((c) => c.person) ?? [],
    }).open();
  }

  private openSent(): void {
    new SentInvitationsModal(this.app, this.ctx, this.actions, () => this.queue?.sent ?? []).open();
  }

  private askMetWhere(card: TriageItem): void {
    new MetWhereModal(
      this.app,
      card.person.name,
      card.person.metWhere,
      () => this.ctx.index.metWhereValues(),
      async (value) => {
        await this.actions.decide({ ...card, kind: 'rate', sent: null }, { type: 'met-where', value });
        this.contentEl.focus();
      },
    ).open();
  }

  private async accept(card: TriageItem): Promise<void> {
    this.openProfile(card);
    await this.decide(card, { type: 'accept' });
  }

  private openProfile(card: TriageItem): void {
    if (card.person.profileUrl) window.open(linkableProfileUrl(card.person.profileUrl));
    else new Notice(`${card.person.name} has no LinkedIn profile URL in their note.`);
  }

  private openNote(card: TriageItem): void {
    const file = this.app.vault.getFileByPath(card.person.path);
    if (file) void this.app.workspace.getLeaf('tab').openFile(file);
  }

  /** `r`: copies the "have we met?" reply, records the ask, and the card waits for an answer. */
  private async ask(card: TriageItem): Promise<void> {
    const s = this.ctx.settings;
    const text = fillReplyTemplate(s.replyTemplate, card.person, replySigner(s.myName, this.ctx.state.owner?.name));
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      new Notice('Could not copy to the clipboard.');
      return;
    }
    this.session().decided(card);
    this.render();
    try {
      await this.actions.ask(card.person);
      new Notice(`Reply copied: paste it into LinkedIn. ${card.person.name} now waits for an answer.`);
    } catch (e) {
      this.session().back();
      this.render();
      new Notice(`Could not update ${card.person.name}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

/**
 * What the triage view and its dialogs do to the vault, each change one undoable step:
 * a decision on a card, the "have we met?" ask, decisions on sent invitations (kept in the
 * vault state, and on the invitee's note when there is one) and bulk rating. The rules are
 * the core's (actions.ts, ask.ts, bulk.ts, triage-state.ts); this only applies them.
 */
import type { TFile } from 'obsidian';
import { decisionEdit, type TriageDecision } from '../../core/triage/actions';
import { recordAsk } from '../../core/triage/ask';
import { bulkEdit, type BulkDecision } from '../../core/triage/bulk';
import { countMentions, generatedNote } from '../../core/triage/mentions';
import type { HintVocabulary } from '../../core/triage/note-hint';
import type { TriageItem } from '../../core/triage/queue';
import type { SentItem } from '../../core/triage/sent-invitations';
import {
  sentDecisionChanges,
  undoSentDecisions,
  withSentDecision,
  type SentDecisionKind,
} from '../../core/triage/triage-state';
import { vaultVocabulary } from '../../core/triage/vault-vocabulary';
import type { PersonRecord } from '../../core/people/person-record';
import type { CrmContext } from '../context';

/** The vault's names change slowly: the vocabulary is built again at most this often (ms). */
const VOCABULARY_TTL = 60_000;

export class TriageActions {
  private vocabularyCache: { at: number; size: number; vocabulary: HintVocabulary } | null = null;

  constructor(private readonly ctx: CrmContext) {}

  private file(path: string): TFile | null {
    return path === '' ? null : this.ctx.app.vault.getFileByPath(path);
  }

  /** A decision on a card. On a sent invitation, "decline" and "keep" are also kept in the vault state. */
  async decide(card: TriageItem, decision: TriageDecision): Promise<void> {
    const edit = decisionEdit(decision, {
      kind: card.kind,
      today: this.ctx.today(),
      withdrawAfterWeeks: this.ctx.settings.withdrawAfterWeeks,
    });
    if (card.sent && (decision.type === 'decline' || decision.type === 'keep')) {
      await this.decideSent([card.sent], decision.type === 'decline' ? 'withdrawn' : 'waiting');
      return;
    }
    const file = this.file(card.person.path);
    if (file) await this.ctx.editor.edit(file, { frontmatter: edit }, `${decision.type} ${card.person.name}`);
  }

  /** Records "have we met?": `asked-on` and a dated line under Interactions. */
  async ask(person: PersonRecord): Promise<void> {
    const file = this.file(person.path);
    if (!file) return;
    const today = this.ctx.today();
    await this.ctx.editor.edit(
      file,
      { frontmatter: recordAsk.frontmatter(today), body: recordAsk.body(today) },
      `ask ${person.name} “have we met?”`,
    );
  }

  /** "Withdrawn on LinkedIn" or "keep waiting" for these invitations, as one undoable step. */
  async decideSent(
    items: readonly SentItem[],
    decision: SentDecisionKind,
  ): Promise<{ changed: number; failed: string[] }> {
    const today = this.ctx.today();
    const keys = items.map((s) => s.key);
    const before = this.ctx.state.triage;
    const after = withSentDecision(before, keys, decision, today);
    await this.ctx.saveState({ ...this.ctx.state, triage: after });
    const changes = sentDecisionChanges(before, after, keys);
    // Undo puts back the decisions still as this left them (the same rule as network-crm undo).
    const restoreState = () =>
      this.ctx.saveState({ ...this.ctx.state, triage: undoSentDecisions(this.ctx.state.triage, changes).state });
    const files = items.map((s) => (s.person ? this.file(s.person.path) : null)).filter((f): f is TFile => f !== null);
    const edit = decisionEdit(
      { type: decision === 'withdrawn' ? 'decline' : 'keep' },
      { kind: 'withdraw', today, withdrawAfterWeeks: this.ctx.settings.withdrawAfterWeeks },
    );
    const label = `${decision === 'withdrawn' ? 'withdrawn' : 'keep waiting'}: ${items.length === 1 ? (items[0]?.name ?? '') : `${items.length} sent invitations`}`;
    return this.ctx.editor.editMany(files, () => ({ frontmatter: edit }), label, { restoreState });
  }

  /** One decision for every chosen person, one undoable step. */
  bulkRate(
    people: readonly PersonRecord[],
    decision: BulkDecision,
    onProgress?: (done: number) => void | Promise<void>,
  ): Promise<{ changed: number; failed: string[] }> {
    const files = people.map((p) => this.file(p.path)).filter((f): f is TFile => f !== null);
    const edit = bulkEdit(decision, this.ctx.today());
    const what = decision.type === 'trust' ? `trust ${decision.level}` : decision.type;
    return this.ctx.editor.editMany(files, () => ({ frontmatter: edit }), `${what} for ${files.length} people`, {
      onProgress,
    });
  }

  /** How many of your notes link each person, from the resolved links (no file is read). */
  mentions(): Map<string, number> {
    const links = Object.entries(this.ctx.app.metadataCache.resolvedLinks).map(
      ([source, targets]) => [source, Object.keys(targets)] as const,
    );
    return countMentions(links, this.ctx.settings.reportFolder);
  }

  /** Your notes that link a person (for the card on screen). */
  mentionedIn(path: string): string[] {
    const generated = generatedNote(this.ctx.settings.reportFolder);
    return Object.entries(this.ctx.app.metadataCache.resolvedLinks)
      .filter(([source, targets]) => source !== path && targets[path] !== undefined && !generated(source))
      .map(([source]) => source);
  }

  /**
   * The vault's names for the note hints. Building it looks at every person (a third of a
   * second at 30,000), so it is kept for a minute, or until the number of people changes (an
   * import), rather than rebuilt after every decision.
   */
  vocabulary(): HintVocabulary {
    const size = this.ctx.index.size();
    const cached = this.vocabularyCache;
    if (cached && cached.size === size && Date.now() - cached.at < VOCABULARY_TTL) return cached.vocabulary;
    const people = this.ctx.index.people();
    const names = this.ctx.app.vault
      .getMarkdownFiles()
      .filter((f) => this.ctx.index.get(f.path) === undefined)
      .map((f) => f.basename);
    const vocabulary = vaultVocabulary(people, names);
    this.vocabularyCache = { at: Date.now(), size, vocabulary };
    return vocabulary;
  }
}

/**
 * Draws one triage card: a person (invitation, answer, new connection, job change, prune,
 * sent invitation, or a backlog person in "Rate your network") or a summary card. The
 * likely decisions come first, as large buttons; the rest are grouped after them. Every
 * piece of text from the vault or the export goes in as text, never as HTML.
 */
import { HINT_LABELS, type HintSpan } from '../../core/triage/note-hint';
import {
  TRIAGE_SECTIONS,
  trustedAtCompanyLine,
  type SummaryItem,
  type TriageItem,
  type VaultKnowledge,
} from '../../core/triage/queue';
import type { NetworkCrmSettings } from '../../core/settings';
import { birthdayLabel } from '../../core/people/birthdays';
import { linkDisplayText } from '../../core/notes/links';

export interface KeyAction {
  /** What `KeyboardEvent.key` gives, lower-cased ("1", "a", "enter", "escape"). */
  key: string;
  label: string;
  /** Shown first and larger. */
  likely?: boolean;
  run: () => void | Promise<void>;
}

const KEY_NAMES: Record<string, string> = { enter: '↵', escape: 'esc', ' ': 'space' };

export function renderKeys(el: HTMLElement, keys: readonly KeyAction[]): void {
  const groups: Array<[string, KeyAction[]]> = [
    ['ncrm-card-keys ncrm-keys-likely', keys.filter((k) => k.likely)],
    ['ncrm-card-keys ncrm-keys-more', keys.filter((k) => !k.likely)],
  ];
  for (const [cls, group] of groups) {
    if (group.length === 0) continue;
    const bar = el.createDiv({ cls });
    for (const k of group) {
      const button = bar.createEl('button', {
        cls: k.likely ? 'ncrm-key ncrm-key-likely' : 'ncrm-key',
        attr: {
          'data-key': k.key,
          'aria-keyshortcuts': k.key.length === 1 ? k.key : k.key === 'enter' ? 'Enter' : 'Escape',
        },
      });
      button.createEl('kbd', { text: KEY_NAMES[k.key] ?? k.key });
      button.createSpan({ text: k.label });
    }
  }
}

/** The note as text, with the words that made the hint marked. */
function renderMessage(el: HTMLElement, text: string, spans: readonly HintSpan[]): void {
  const quote = el.createEl('blockquote', { cls: 'ncrm-card-message' });
  let at = 0;
  for (const s of spans) {
    if (s.start > at) quote.appendText(text.slice(at, s.start));
    quote.createEl('mark', { cls: 'ncrm-hint-word', text: text.slice(s.start, s.end) });
    at = s.end;
  }
  if (at < text.length) quote.appendText(text.slice(at));
}

function renderHint(el: HTMLElement, card: TriageItem): void {
  const p = card.person;
  const hint = card.hint;
  if (p.invitationMessage === '' || !hint) {
    el.createDiv({ cls: 'ncrm-card-message ncrm-no-note', text: 'No note' });
    return;
  }
  const line = el.createDiv({ cls: 'ncrm-card-hint' });
  line.createSpan({ cls: `ncrm-hint ncrm-hint-${hint.hint}`, text: HINT_LABELS[hint.hint] });
  if (hint.inVault.length > 0)
    line.createSpan({ cls: 'ncrm-muted', text: ` · your vault knows ${hint.inVault.slice(0, 3).join(', ')}` });
  renderMessage(el, p.invitationMessage, hint.spans);
}

function renderKnowledge(el: HTMLElement, card: TriageItem, k: VaultKnowledge): void {
  const nothing = k.mentionedIn.length === 0 && k.trustedAtCompany.length === 0 && k.sameNameMetWhere.length === 0;
  // The hint line already says which of the note's names the vault knows.
  if (nothing && (card.hint?.inVault.length ?? 0) > 0) return;
  const box = el.createDiv({ cls: 'ncrm-card-known' });
  box.createDiv({ cls: 'ncrm-card-known-title', text: 'What your vault knows' });
  const list = box.createEl('ul');
  for (const path of k.mentionedIn.slice(0, 5)) {
    const li = list.createEl('li', { text: 'Mentioned in ' });
    li.createEl('a', { text: path.replace(/\.md$/, ''), href: '#', attr: { 'data-open': path } });
  }
  const trusted = trustedAtCompanyLine(k, card.person.company);
  if (trusted !== null) list.createEl('li', { text: trusted });
  for (const o of k.sameNameMetWhere.slice(0, 3))
    list.createEl('li', { text: `A note named ${o.name} says you met at ${o.metWhere}` });
  if (list.childElementCount === 0) list.createEl('li', { cls: 'ncrm-muted', text: 'Nothing yet.' });
}

export interface CardOptions {
  progress: string;
  settings: NetworkCrmSettings;
  knowledge: VaultKnowledge | null;
  keys: readonly KeyAction[];
}

function head(el: HTMLElement, progress: string, kind: TriageItem['kind'] | SummaryItem['kind']): void {
  const h = el.createDiv({ cls: 'ncrm-card-head' });
  h.createSpan({ cls: 'ncrm-card-progress', text: progress });
  h.createSpan({ cls: `ncrm-card-kind ncrm-kind-${kind}`, text: TRIAGE_SECTIONS[kind] });
}

export function renderPersonCard(el: HTMLElement, card: TriageItem, options: CardOptions): void {
  const p = card.person;
  head(el, options.progress, card.kind);
  el.createEl('h2', { cls: 'ncrm-card-name', text: p.name });
  const job = [p.position, p.company].filter(Boolean).join(' at ');
  if (job !== '') el.createDiv({ cls: 'ncrm-card-job', text: job });
  el.createDiv({ cls: 'ncrm-card-reason', text: card.reason });
  if (card.kind === 'invitation' || card.kind === 'answer') renderHint(el, card);
  if (options.knowledge) renderKnowledge(el, card, options.knowledge);
  if (p.path !== '') {
    const facts = el.createDiv({ cls: 'ncrm-card-facts' });
    const level =
      p.trust === null ? 'not set' : `${p.trust} · ${options.settings.trustLevels[p.trust - 1]?.name ?? ''}`;
    facts.createDiv({ text: `Trust: ${level}` });
    facts.createDiv({ text: `Met where: ${p.metWhere === '' ? 'not set' : linkDisplayText(p.metWhere)}` });
    const birthday = birthdayLabel(p.birthday);
    if (birthday !== '') facts.createDiv({ text: `Birthday: ${birthday}` });
  } else
    el.createDiv({ cls: 'ncrm-card-facts ncrm-muted', text: 'No note in your vault: the invitation is all we know.' });
  renderKeys(el, options.keys);
}

export function renderSummaryCard(el: HTMLElement, card: SummaryItem, options: CardOptions): void {
  head(el, options.progress, card.kind);
  el.createEl('h2', { cls: 'ncrm-card-name', text: card.reason });
  el.createDiv({
    cls: 'ncrm-card-reason',
    text:
      card.kind === 'backlog'
        ? 'Rate them one by one, people you exchanged messages with first, or rate the quiet ones in bulk.'
        : card.kind === 'prune-summary'
          ? 'Review them one by one, strongest signal first, or mark them in bulk; then remove them on LinkedIn from the prune list.'
          : 'Withdraw the ones you no longer expect on LinkedIn, and mark them here, or keep waiting: in bulk from the list.',
  });
  renderKeys(el, options.keys);
}

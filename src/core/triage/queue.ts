/**
 * The daily triage queue: one card per person, the strongest reason first, in this order:
 *
 * 1. Invitations received, newest first, each with a note hint.
 * 2. Answers to your "have we met?" (or no answer after the wait): see ask.ts.
 * 3. New connections without a trust level, newest first (new-connections.ts).
 * 4. Job changes of people you rated 2 or more (a stranger's new job is not news).
 * 5. Prune candidates, strongest signal first (prune-rules.ts): the ten strongest as
 *    cards, and when there are more, one summary card for all of them (after bulk-rating
 *    the quiet backlog "Don't know", thousands qualify: they are reviewed or pruned in bulk).
 * 6. Invitations you sent, pending longer than N weeks (sent-invitations.ts): the five
 *    oldest as cards, and when there are more, one summary card that opens the list.
 * 7. One summary card for the backlog: earlier connections without a trust level, which
 *    "Rate your network" goes through (backlog.ts) and bulk rating settles.
 *
 * People asked "have we met?" and still in the wait are listed apart (`waiting`).
 */
import { compareDates, type IsoDate } from '../dates/iso-date';
import { nameKey } from '../identity/person-name';
import { personFromFrontmatter, type PersonRecord } from '../people/person-record';
import { FIELD } from '../notes/schema';
import type { NetworkCrmSettings } from '../settings';
import { formatCount, plural } from '../text/format';
import { spanOfDays } from '../text/relative-time';
import { askState } from './ask';
import { backlogOrder } from './backlog';
import { isNewConnection, isUntriaged, newConnectionWindow } from './new-connections';
import { noteHint, type HintResult, type HintVocabulary } from './note-hint';
import { pruneRules } from './prune-rules';
import { pendingSent, staleSent, type SentItem } from './sent-invitations';
import { EMPTY_TRIAGE_STATE, type TriageState } from './triage-state';

export type PersonKind = 'invitation' | 'answer' | 'new-connection' | 'job-change' | 'prune' | 'withdraw' | 'rate';
export type SummaryKind = 'prune-summary' | 'sent-summary' | 'backlog';
export type TriageKind = PersonKind | SummaryKind;

export const TRIAGE_SECTIONS: Record<TriageKind, string> = {
  invitation: 'Invitation received',
  answer: 'Have we met?',
  'new-connection': 'New connection',
  'job-change': 'Job change',
  prune: 'Prune candidate',
  'prune-summary': 'Prune candidates',
  withdraw: 'Sent invitation pending',
  'sent-summary': 'Sent invitations pending',
  backlog: 'Earlier connections',
  rate: 'Rate your network',
};

/** The order of the sections in the queue (and in `triage` output). */
export const SECTION_ORDER: readonly TriageKind[] = [
  'invitation',
  'answer',
  'new-connection',
  'job-change',
  'prune',
  'prune-summary',
  'withdraw',
  'sent-summary',
  'backlog',
];

/** Cards for the oldest sent invitations; beyond that, one summary card for all of them. */
export const SENT_CARDS_MAX = 5;
/** Cards for the strongest prune candidates; beyond that, one summary card for all of them. */
export const PRUNE_CARDS_MAX = 10;

export interface TriageItem {
  kind: PersonKind;
  /** For a sent invitation to someone without a note, a record with an empty `path`. */
  person: PersonRecord;
  reason: string;
  /** "Have we met?": when you asked and when they answered. */
  asked: IsoDate | null;
  answered: IsoDate | null;
  hint: HintResult | null;
  /** On a withdraw card, the invitation (its key keeps the decision when there is no note). */
  sent: SentItem | null;
}

export interface SummaryItem {
  kind: SummaryKind;
  person: null;
  count: number;
  reason: string;
}

export type TriageCard = TriageItem | SummaryItem;

export interface WaitingItem {
  person: PersonRecord;
  askedOn: IsoDate;
  days: number;
}

export interface TriageQueue {
  cards: TriageCard[];
  /** Asked "have we met?", no answer yet, still within the wait. */
  waiting: WaitingItem[];
  /** Earlier connections without a trust level and without a card (unordered: see backlogOrder). */
  backlog: PersonRecord[];
  /** Every pending sent invitation that asks for a decision, oldest first. */
  sent: SentItem[];
  /** Every prune candidate, strongest signal first (the cards show the first ones). */
  prune: TriageItem[];
  counts: Record<TriageKind, number>;
}

export interface TriageOptions {
  today: IsoDate;
  pruneAfterYears: number;
  withdrawAfterWeeks: number;
  unansweredThreshold: number;
  newConnectionDays: number;
  askWaitDays: number;
  /** The vault state's triage record (window, sent invitations, decisions). */
  state?: TriageState;
  /** Names the vault knows, for the note hints (built only when an invitation needs it). */
  vocabulary?: () => HintVocabulary;
}

/** The options both adapters build from the settings and the vault state. */
export function triageOptions(
  settings: NetworkCrmSettings,
  today: IsoDate,
  state?: TriageState,
  vocabulary?: () => HintVocabulary,
): TriageOptions {
  return {
    today,
    pruneAfterYears: settings.pruneAfterYears,
    withdrawAfterWeeks: settings.withdrawAfterWeeks,
    unansweredThreshold: settings.unansweredThreshold,
    newConnectionDays: settings.newConnectionDays,
    askWaitDays: settings.askWaitDays,
    state,
    vocabulary,
  };
}

export function isSummary(card: TriageCard): card is SummaryItem {
  return card.person === null;
}

/** Identifies a card across recomputations (a session remembers decided and skipped cards by it). */
export function itemKey(card: TriageCard): string {
  if (card.person === null) return card.kind;
  return `${card.kind}:${card.person.path || (card.sent?.key ?? card.person.name)}`;
}

function item(kind: PersonKind, person: PersonRecord, reason: string, extra: Partial<TriageItem> = {}): TriageItem {
  return { kind, person, reason, asked: null, answered: null, hint: null, sent: null, ...extra };
}

/** Ties by name, then path: a total order, so the plugin and the CLI list the same people in the same order. */
const byName = (a: TriageItem, b: TriageItem) =>
  a.person.name.localeCompare(b.person.name) || a.person.path.localeCompare(b.person.path);

const newestFirst = (get: (p: PersonRecord) => IsoDate | null) => (a: TriageItem, b: TriageItem) =>
  compareDates(get(b.person), get(a.person)) || byName(a, b);

/** "Rate your network": the backlog as cards, in signal order (`mentions`: how many of your notes link each person). */
export function rateItems(backlog: readonly PersonRecord[], mentions: ReadonlyMap<string, number>): TriageItem[] {
  return backlogOrder(backlog, mentions).map((e) => item('rate', e.person, e.reason));
}

/** A record for an invitee without a note, so a sent invitation can be a card like any other. */
function inviteeRecord(s: SentItem): PersonRecord {
  return personFromFrontmatter(
    '',
    {
      [FIELD.name]: s.name,
      [FIELD.linkedin]: s.profileUrl,
      [FIELD.status]: 'invitation-sent',
      [FIELD.invitedOn]: s.sentOn,
    },
    { levelNames: [], createdOn: null },
  );
}

/** A card for a pending invitation you sent (with or without a note for the invitee). */
export function withdrawItem(s: SentItem): TriageItem {
  return item(
    'withdraw',
    s.person ?? inviteeRecord(s),
    `You invited them ${spanOfDays(s.ageDays)} ago (${s.sentOn}); they have not accepted. Withdraw the invitation on LinkedIn?`,
    { sent: s },
  );
}

export function triageQueue(people: readonly PersonRecord[], options: TriageOptions): TriageQueue {
  const { today } = options;
  const state = options.state ?? EMPTY_TRIAGE_STATE;
  const sections: Record<PersonKind, TriageItem[]> = {
    invitation: [],
    answer: [],
    'new-connection': [],
    'job-change': [],
    prune: [],
    withdraw: [],
    rate: [],
  };
  const waiting: WaitingItem[] = [];
  const backlog: PersonRecord[] = [];
  const strength = new Map<TriageItem, number>();
  const window = newConnectionWindow(state, people, options.newConnectionDays);
  const pruneSignal = pruneRules(options);
  let vocabulary: HintVocabulary | undefined;
  const hintOf = (p: PersonRecord) => {
    if (p.invitationMessage !== '' && vocabulary === undefined) vocabulary = options.vocabulary?.();
    return noteHint(p.invitationMessage, { vocabulary, own: { name: p.name, company: p.company } });
  };

  for (const p of people) {
    if (p.status === 'invitation-received') {
      const ask = askState(p, today, options.askWaitDays);
      if (ask.state === 'waiting') {
        waiting.push({ person: p, askedOn: ask.askedOn, days: ask.days });
      } else if (ask.state === 'answered') {
        sections.answer.push(
          item('answer', p, `Answered on ${ask.answeredOn} (you asked on ${ask.askedOn})`, {
            asked: ask.askedOn,
            answered: ask.answeredOn,
            hint: hintOf(p),
          }),
        );
      } else if (ask.state === 'no-answer') {
        sections.answer.push(
          item('answer', p, `No answer in ${spanOfDays(ask.days)}: decline?`, { asked: ask.askedOn, hint: hintOf(p) }),
        );
      } else {
        const when = p.invitedOn ? `Invited you on ${p.invitedOn}` : 'Invited you';
        sections.invitation.push(
          item('invitation', p, `${when}, ${p.invitationMessage === '' ? 'with no note' : 'with a note'}`, {
            hint: hintOf(p),
          }),
        );
      }
      continue;
    }
    if (p.status !== 'connected') continue;
    if (isUntriaged(p)) {
      if (isNewConnection(p, window))
        sections['new-connection'].push(
          item('new-connection', p, p.connectedOn ? `Connected on ${p.connectedOn}` : 'Connected, date unknown'),
        );
      else backlog.push(p);
      continue;
    }
    if (
      p.trust !== null &&
      p.trust >= 2 &&
      p.jobChangedOn !== null &&
      (p.jobChangeSeen === null || p.jobChangeSeen < p.jobChangedOn)
    ) {
      sections['job-change'].push(
        item(
          'job-change',
          p,
          `Now ${[p.position, p.company].filter(Boolean).join(' at ') || 'somewhere new'} (found ${p.jobChangedOn})`,
        ),
      );
      continue;
    }
    const signal = pruneSignal(p);
    if (signal !== null) {
      const card = item('prune', p, signal.reason);
      strength.set(card, signal.strength);
      sections.prune.push(card);
    }
  }

  sections.invitation.sort(newestFirst((p) => p.invitedOn));
  sections.answer.sort((a, b) => compareDates(b.answered, a.answered) || newestFirst((p) => p.askedOn)(a, b));
  sections['new-connection'].sort(newestFirst((p) => p.connectedOn));
  sections['job-change'].sort(newestFirst((p) => p.jobChangedOn));
  sections.prune.sort((a, b) => (strength.get(b) ?? 0) - (strength.get(a) ?? 0) || byName(a, b));

  const sent = staleSent(pendingSent(people, state, today), state, today, options.withdrawAfterWeeks);
  sections.withdraw = sent.slice(0, SENT_CARDS_MAX).map(withdrawItem);
  const prune = sections.prune;
  sections.prune = prune.slice(0, PRUNE_CARDS_MAX);
  const summaries: SummaryItem[] = [];
  if (prune.length > PRUNE_CARDS_MAX)
    summaries.push({
      kind: 'prune-summary',
      person: null,
      count: prune.length,
      reason: `${formatCount(prune.length)} prune candidates in all: review them, or prune in bulk`,
    });
  if (sent.length > SENT_CARDS_MAX)
    summaries.push({
      kind: 'sent-summary',
      person: null,
      count: sent.length,
      reason: `${plural(sent.length, 'invitation')} you sent ${sent.length === 1 ? 'is' : 'are'} still pending after ${plural(options.withdrawAfterWeeks, 'week')}`,
    });
  if (backlog.length > 0)
    summaries.push({
      kind: 'backlog',
      person: null,
      count: backlog.length,
      reason: `${formatCount(backlog.length)} earlier ${backlog.length === 1 ? 'connection' : 'connections'} not rated yet`,
    });

  const cards: TriageCard[] = [];
  for (const kind of SECTION_ORDER) {
    if (kind === 'prune-summary' || kind === 'sent-summary' || kind === 'backlog')
      cards.push(...summaries.filter((s) => s.kind === kind));
    else cards.push(...sections[kind]);
  }
  const counts = Object.fromEntries(
    [...SECTION_ORDER, 'rate' as const].map((k) => [k, cards.filter((c) => c.kind === k).length]),
  ) as Record<TriageKind, number>;
  waiting.sort((a, b) => compareDates(a.askedOn, b.askedOn) || a.person.name.localeCompare(b.person.name));
  return { cards, waiting, backlog, sent, prune, counts };
}

/**
 * How many of the people you trust at an inviter's company a card names; the rest are
 * counted. A big employer can hold over a thousand of them (1,291 in a generated 30,000
 * network), and naming them all made `triage --json` 30 MB for a line that shows three.
 */
export const TRUSTED_SHOWN = 3;

export interface VaultKnowledge {
  /** Notes that link to this person's note. */
  mentionedIn: string[];
  /** The first {@link TRUSTED_SHOWN} people you trust (level 4 or 5) at the same company. */
  trustedAtCompany: PersonRecord[];
  /** How many people you trust there in all: more than `trustedAtCompany.length` when some are left out. */
  trustedAtCompanyCount: number;
  /** Another note with the same name that records where you met. */
  sameNameMetWhere: PersonRecord[];
}

/**
 * What the vault already knows about each person who invited you, for many cards at once
 * (`triage --json` lists every invitation): the people are grouped by company and by name
 * once, so each card costs two lookups instead of a pass over everyone. The lists keep
 * the order of `all`, as {@link knowledgeOf} gives them.
 */
export function vaultKnowledge(
  all: readonly PersonRecord[],
): (p: PersonRecord, mentionedIn: string[]) => VaultKnowledge {
  const trustedBy = new Map<string, PersonRecord[]>();
  const metBy = new Map<string, PersonRecord[]>();
  const push = (m: Map<string, PersonRecord[]>, key: string, o: PersonRecord) => {
    const list = m.get(key);
    if (list) list.push(o);
    else m.set(key, [o]);
  };
  for (const o of all) {
    if ((o.trust ?? 0) >= 4) push(trustedBy, o.company.trim().toLowerCase(), o);
    if (o.metWhere !== '') push(metBy, nameKey(o.name), o);
  }
  return (p, mentionedIn) => {
    const company = p.company.trim().toLowerCase();
    const trusted = company === '' ? [] : (trustedBy.get(company) ?? []);
    const shown: PersonRecord[] = [];
    for (const o of trusted) {
      if (shown.length === TRUSTED_SHOWN) break;
      if (o !== p) shown.push(o);
    }
    // Only someone you trust is in the list; the inviter rarely is, so the scan is rare too.
    const self = (p.trust ?? 0) >= 4 && trusted.includes(p) ? 1 : 0;
    return {
      mentionedIn,
      trustedAtCompany: shown,
      trustedAtCompanyCount: trusted.length - self,
      sameNameMetWhere: (metBy.get(nameKey(p.name)) ?? []).filter((o) => o !== p),
    };
  };
}

/** "You trust Ana, Bo, Cy and 1,288 more at Acme", or null when you trust no one there. */
export function trustedAtCompanyLine(k: VaultKnowledge, company: string): string | null {
  if (k.trustedAtCompany.length === 0) return null;
  const more = k.trustedAtCompanyCount - k.trustedAtCompany.length;
  const names = k.trustedAtCompany.map((o) => o.name).join(', ');
  return `You trust ${names}${more > 0 ? ` and ${formatCount(more)} more` : ''} at ${company}`;
}

/**
 * What the vault already knows about someone who invited you. Computed for the card on
 * screen only: it looks at every person, and at the notes that link to this one.
 */
export function knowledgeOf(p: PersonRecord, all: readonly PersonRecord[], mentionedIn: string[]): VaultKnowledge {
  return vaultKnowledge(all)(p, mentionedIn);
}

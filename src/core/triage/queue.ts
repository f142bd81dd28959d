/**
 * The triage queue: what needs a decision, one card at a time, in this order:
 *
 * 1. Invitations received, newest first, with what the vault already knows about them.
 * 2. New connections not yet triaged (no trust), newest connection first.
 * 3. Job changes found by imports and not yet seen.
 * 4. Prune candidates: trust at most 1 (or untriaged), connected at least N years ago and
 *    no interaction on record; or messages only one way: you wrote N times in a row and
 *    they never answered, with nothing else on record.
 * 5. Invitations you sent that have been pending longer than N weeks: withdraw them?
 */
import { daysBetween, type IsoDate } from '../dates/iso-date';
import { nameKey } from '../identity/person-name';
import type { PersonRecord } from '../people/person-record';
import { spanOfDays } from '../text/relative-time';

export type TriageKind = 'invitation' | 'new-connection' | 'job-change' | 'prune' | 'withdraw';

export const TRIAGE_SECTIONS: Record<TriageKind, string> = {
  invitation: 'Invitation received',
  'new-connection': 'New connection',
  'job-change': 'Job change',
  prune: 'Prune candidate',
  withdraw: 'Sent invitation pending',
};

export interface VaultKnowledge {
  /** Notes that link to this person's note. */
  mentionedIn: string[];
  /** People you trust (level 4 or 5) at the same company. */
  trustedAtCompany: PersonRecord[];
  /** Another note with the same name that records where you met. */
  sameNameMetWhere: PersonRecord[];
}

export interface TriageItem {
  kind: TriageKind;
  person: PersonRecord;
  reason: string;
}

export interface TriageOptions {
  today: IsoDate;
  pruneAfterYears: number;
  withdrawAfterWeeks: number;
  unansweredThreshold: number;
}

export function itemKey(item: Pick<TriageItem, 'kind' | 'person'>): string {
  return `${item.kind}:${item.person.path}`;
}

function nothingOnRecord(p: PersonRecord): boolean {
  return p.lastContactField === null && p.logLatest === null && p.dailyLatest === null;
}

/**
 * What the vault already knows about someone who invited you. Computed for the card on
 * screen only: it looks at every person, and at the notes that link to this one.
 */
export function knowledgeOf(p: PersonRecord, all: readonly PersonRecord[], mentionedIn: string[]): VaultKnowledge {
  const company = p.company.trim().toLowerCase();
  const key = nameKey(p.name);
  return {
    mentionedIn,
    trustedAtCompany:
      company === ''
        ? []
        : all.filter((o) => o !== p && (o.trust ?? 0) >= 4 && o.company.trim().toLowerCase() === company),
    sameNameMetWhere: all.filter((o) => o !== p && o.metWhere !== '' && nameKey(o.name) === key),
  };
}

function byDateDesc(get: (p: PersonRecord) => IsoDate | null) {
  return (a: TriageItem, b: TriageItem) =>
    (get(b.person) ?? '').localeCompare(get(a.person) ?? '') ||
    a.person.name.localeCompare(b.person.name) ||
    // A total order: the plugin and the CLI list the same people in the same order.
    a.person.path.localeCompare(b.person.path);
}

export function triageQueue(people: readonly PersonRecord[], options: TriageOptions): TriageItem[] {
  const invitations: TriageItem[] = [];
  const fresh: TriageItem[] = [];
  const jobs: TriageItem[] = [];
  const prune: TriageItem[] = [];
  const withdraw: TriageItem[] = [];
  const pruneDays = Math.round(options.pruneAfterYears * 365.25);

  for (const p of people) {
    if (p.status === 'invitation-received') {
      const when = p.invitedOn ? `Invited you on ${p.invitedOn}` : 'Invited you';
      invitations.push({
        kind: 'invitation',
        person: p,
        reason: `${when}, ${p.invitationMessage === '' ? 'with no note' : 'with a note'}`,
      });
      continue;
    }
    if (p.status === 'invitation-sent') {
      if (p.snoozeUntil !== null && p.snoozeUntil > options.today) continue;
      const age = p.invitedOn ? daysBetween(p.invitedOn, options.today) : null;
      if (age !== null && age > options.withdrawAfterWeeks * 7)
        withdraw.push({
          kind: 'withdraw',
          person: p,
          reason: `You invited them ${spanOfDays(age)} ago (${p.invitedOn}); they have not accepted. Withdraw the invitation on LinkedIn?`,
        });
      continue;
    }
    if (p.status === 'invitation-declined' || p.status === 'invitation-withdrawn') continue;
    if (p.trust === null && !p.prune && !p.kept && p.status === 'connected') {
      fresh.push({
        kind: 'new-connection',
        person: p,
        reason: p.connectedOn ? `Connected on ${p.connectedOn}` : 'Connected, date unknown',
      });
    }
    if (p.jobChangedOn !== null && (p.jobChangeSeen === null || p.jobChangeSeen < p.jobChangedOn)) {
      jobs.push({
        kind: 'job-change',
        person: p,
        reason: `Now ${[p.position, p.company].filter(Boolean).join(' at ') || 'somewhere new'} (found ${p.jobChangedOn})`,
      });
    }
    if (p.prune || p.kept || (p.trust !== null && p.trust > 1)) continue;
    const connectedDays = p.connectedOn ? daysBetween(p.connectedOn, options.today) : null;
    if (nothingOnRecord(p) && p.lastMessage === null && connectedDays !== null && connectedDays >= pruneDays) {
      prune.push({
        kind: 'prune',
        person: p,
        reason: `Connected ${spanOfDays(connectedDays)} ago, no interaction on record`,
      });
    } else if (nothingOnRecord(p) && p.lastMessageFrom === 'me' && (p.unanswered ?? 0) >= options.unansweredThreshold) {
      prune.push({ kind: 'prune', person: p, reason: `You wrote ${p.unanswered} times in a row; they never answered` });
    }
  }
  invitations.sort(byDateDesc((p) => p.invitedOn));
  fresh.sort(byDateDesc((p) => p.connectedOn));
  jobs.sort(byDateDesc((p) => p.jobChangedOn));
  prune.sort(byDateDesc((p) => p.connectedOn)).reverse();
  withdraw.sort(byDateDesc((p) => p.invitedOn)).reverse();
  return [...invitations, ...fresh, ...jobs, ...prune, ...withdraw];
}

/** `{first}`, `{name}`, `{company}` and `{my-name}` in the reply template. */
export function fillReplyTemplate(template: string, person: PersonRecord, myName: string): string {
  const first = person.name.split(' ')[0] ?? person.name;
  return template.replace(/\{(first|name|company|my-name)\}/g, (_m, key: string) => {
    if (key === 'first') return first;
    if (key === 'name') return person.name;
    if (key === 'company') return person.company;
    return myName;
  });
}

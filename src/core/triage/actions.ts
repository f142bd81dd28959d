/**
 * What each triage decision writes. Pure frontmatter edits, shared by the view and
 * `network-crm decide`. Any decision on a job-change card also marks the change as seen.
 */
import type { IsoDate } from '../dates/iso-date';
import { coerceDate } from '../people/coerce';
import { FIELD } from '../notes/schema';
import { applyTrust } from '../people/person-edits';
import type { TriageKind } from './queue';
import { waitingEnds } from './sent-invitations';

export type TriageDecision =
  | { type: 'trust'; level: number }
  | { type: 'met-where'; value: string }
  | { type: 'accept' }
  | { type: 'decline' }
  | { type: 'prune' }
  | { type: 'keep' };

export interface DecisionContext {
  kind: TriageKind | null;
  today: IsoDate;
  withdrawAfterWeeks: number;
}

export function decisionEdit(decision: TriageDecision, ctx: DecisionContext): (fm: Record<string, unknown>) => void {
  return (fm) => {
    switch (decision.type) {
      case 'trust':
        applyTrust(fm, decision.level);
        break;
      case 'met-where':
        fm[FIELD.metWhere] = decision.value === '' ? null : decision.value;
        break;
      case 'accept':
        // The date of acceptance, until an export's Connections.csv gives LinkedIn's own:
        // without it the next import would take them for someone who left.
        fm[FIELD.status] = 'connected';
        if (coerceDate(fm[FIELD.connectedOn]).value === null) fm[FIELD.connectedOn] = ctx.today;
        break;
      case 'decline':
        // On your own pending invitation, "decline" means you withdrew it.
        fm[FIELD.status] = ctx.kind === 'withdraw' ? 'invitation-withdrawn' : 'invitation-declined';
        break;
      case 'prune':
        fm[FIELD.prune] = true;
        break;
      case 'keep':
        if (ctx.kind === 'withdraw') fm[FIELD.snoozeUntil] = waitingEnds(ctx.today, ctx.withdrawAfterWeeks);
        else if (ctx.kind !== 'job-change') fm[FIELD.prune] = false;
        break;
    }
    if (ctx.kind === 'job-change' && decision.type !== 'met-where') fm[FIELD.jobChangeSeen] = ctx.today;
  };
}

/** Which decisions make sense on a card (the rest are hidden there). */
export function decisionsFor(kind: TriageKind): ReadonlyArray<TriageDecision['type']> {
  switch (kind) {
    case 'invitation':
      return ['trust', 'met-where', 'accept', 'decline', 'prune', 'keep'];
    case 'answer':
      return ['accept', 'decline', 'met-where', 'trust'];
    case 'withdraw':
      return ['decline', 'keep', 'met-where'];
    case 'prune-summary':
    case 'sent-summary':
    case 'backlog':
      return [];
    default:
      return ['trust', 'met-where', 'prune', 'keep'];
  }
}

/** The decisions a card puts first (the likely ones); the others are grouped after them. */
export function likelyDecisions(kind: TriageKind): ReadonlyArray<TriageDecision['type']> {
  switch (kind) {
    case 'invitation':
    case 'answer':
      return ['accept', 'decline'];
    case 'prune':
      return ['prune', 'keep'];
    case 'withdraw':
      return ['decline', 'keep'];
    case 'prune-summary':
    case 'sent-summary':
    case 'backlog':
      return [];
    default:
      return ['trust'];
  }
}

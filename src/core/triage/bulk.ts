/**
 * Bulk rating: one decision (a trust level, prune or keep) for every untriaged connection a
 * filter selects. The view previews who and how many before anything is written and applies
 * it as one undoable step; `network-crm decide --all-untriaged …` does the same, and its
 * flags are only a way to write the filter (`bulkFilter`).
 */
import type { IsoDate } from '../dates/iso-date';
import { filterValue, parseFilter, type FilterContext } from '../people/filter';
import type { PersonRecord } from '../people/person-record';
import { decisionEdit } from './actions';

export type BulkDecision = { type: 'trust'; level: number } | { type: 'prune' } | { type: 'keep' };

export interface BulkFlags {
  /** Whom the filter starts from: untriaged connections (the default), or anyone (prune candidates). */
  scope?: 'untriaged' | 'any';
  connectedBefore?: string;
  noContact?: boolean;
  company?: string;
  /** More terms in the filter language. */
  filter?: string;
}

/** The filter the bulk flags mean: `untriaged` (unless the scope is anyone), then each flag as a term. */
export function bulkFilter(flags: BulkFlags): string {
  const terms = flags.scope === 'any' ? [] : ['untriaged'];
  if (flags.connectedBefore !== undefined) terms.push(`connected-before:${filterValue(flags.connectedBefore)}`);
  if (flags.noContact) terms.push('no-contact');
  if (flags.company !== undefined) terms.push(`company:${filterValue(flags.company)}`);
  if (flags.filter !== undefined && flags.filter.trim() !== '') terms.push(flags.filter.trim());
  return terms.join(' ');
}

/** The people a bulk decision would change, by name. Throws FilterError on a bad term. */
export function selectForBulk(people: readonly PersonRecord[], filter: string, ctx: FilterContext): PersonRecord[] {
  const parsed = parseFilter(filter);
  return people
    .filter((p) => p.path !== '' && parsed.test(p, ctx))
    .sort((a, b) => a.name.localeCompare(b.name) || a.path.localeCompare(b.path));
}

/** The frontmatter edit for each selected person (the same as the key on a backlog card). */
export function bulkEdit(decision: BulkDecision, today: IsoDate): (fm: Record<string, unknown>) => void {
  return decisionEdit(decision, { kind: 'rate', today, withdrawAfterWeeks: 0 });
}

/** "trust 1 (Don't know)", "prune", "keep": what the decision does, in words. */
export function bulkDecisionLabel(decision: BulkDecision, levelNames: readonly string[]): string {
  if (decision.type === 'trust') {
    const name = levelNames[decision.level - 1];
    return `trust ${decision.level}${name ? ` (${name})` : ''}`;
  }
  return decision.type === 'prune' ? 'mark to prune' : 'keep';
}

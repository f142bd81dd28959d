/**
 * The keep-in-touch terms of the filter language (core/people/filter.ts), added to its
 * registry: the stale view's search box and `network-crm bulk --filter` use them together
 * with the shared ones (`untriaged`, `no-contact`, `company:`, `met-where:`,
 * `connected-before:`…). Import {@link parsePeopleFilter} from here, not `parseFilter`, so
 * the terms are registered before the text is read.
 *
 *     stale                due or overdue          trust:4   trust:3-5   trust:none
 *     due / overdue        one or the other        tag:mentor (nested tags too)
 *     drifting             silent much longer than usual
 *     follow-ups           an open task links them
 *     snoozed, birthday, owe-reply, waiting
 */
import { hasTag } from '../bulk/bulk-actions';
import { upcomingBirthdays } from '../people/birthdays';
import {
  FilterError,
  parseFilter,
  registerFilterKey,
  registerFilterWord,
  type FilterContext,
  type ParseOptions,
  type ParsedFilter,
} from '../people/filter';
import type { PersonRecord } from '../people/person-record';
import { normaliseTag } from '../settings';
import { hasFollowUps, type KeepInTouch } from './keep-in-touch';

declare module '../people/filter' {
  interface FilterContext {
    /** Each person's keep-in-touch state: the terms below read it (the view and the CLI pass it). */
    keepInTouch?: (p: PersonRecord) => KeepInTouch | undefined;
  }
}

/**
 * The person's keep-in-touch state. Where the caller knows none (triage's bulk rating reads
 * the same registry), a term that needs it is an error naming the term rather than a quiet
 * "nobody": `decide --all-untriaged --filter drifting` must not rate zero people on a guess.
 */
function state(term: string, p: PersonRecord, ctx: FilterContext): KeepInTouch | undefined {
  if (ctx.keepInTouch === undefined)
    throw new FilterError(
      term,
      `"${term}" needs the keep-in-touch lists: use it in the stale view's search box or network-crm bulk`,
    );
  return ctx.keepInTouch(p);
}

registerFilterWord('stale', {
  usage: 'stale (due or overdue: their keep-in-touch period has passed)',
  test: (p, ctx) => (state('stale', p, ctx)?.stale ?? null) !== null,
});
registerFilterWord('due', {
  usage: 'due (their period has passed, not yet by half again)',
  test: (p, ctx) => state('due', p, ctx)?.stale?.state === 'due',
});
registerFilterWord('overdue', {
  usage: 'overdue (their period has passed by half again)',
  test: (p, ctx) => state('overdue', p, ctx)?.stale?.state === 'overdue',
});
registerFilterWord('drifting', {
  usage: 'drifting (silent much longer than their usual gap)',
  test: (p, ctx) => (state('drifting', p, ctx)?.drift ?? null) !== null,
});
registerFilterWord('follow-ups', {
  usage: 'follow-ups (an open task links them)',
  test: (p, ctx) => {
    const k = state('follow-ups', p, ctx);
    return k !== undefined && hasFollowUps(k);
  },
});
registerFilterWord('snoozed', {
  usage: 'snoozed (snooze-until is still ahead)',
  test: (p, ctx) => ctx.keepInTouch?.(p)?.snoozed ?? (p.snoozeUntil !== null && p.snoozeUntil > ctx.today),
});
registerFilterWord('birthday', {
  usage: 'birthday (today or in the next six days)',
  test: (p, ctx) => p.birthday !== null && upcomingBirthdays([p], ctx.today, 7).length > 0,
});
registerFilterWord('owe-reply', {
  usage: 'owe-reply (they wrote last on LinkedIn)',
  test: (p, ctx) => state('owe-reply', p, ctx)?.whoseMove === 'you owe a reply',
});
registerFilterWord('waiting', {
  usage: 'waiting (you wrote last on LinkedIn)',
  test: (p, ctx) => state('waiting', p, ctx)?.whoseMove === 'waiting on them',
});

registerFilterKey('trust', {
  usage: 'trust:N, trust:N-M or trust:none (levels 1 to 5)',
  make: (value, bad) => {
    const v = value.trim().toLowerCase();
    if (v === 'none') return (p) => p.trust === null;
    const m = /^([1-5])(?:-([1-5]))?$/.exec(v);
    if (!m) return bad('is not a level (1 to 5, a range such as 3-5, or none)');
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return bad('is a range the wrong way round');
    return (p) => p.trust !== null && p.trust >= from && p.trust <= to;
  },
});
registerFilterKey('tag', {
  usage: 'tag:NAME (with or without #; nested tags such as #family/close count for family)',
  make: (value, bad) => {
    const tag = normaliseTag(value);
    if (tag === '' || /[\s,]/.test(tag)) return bad('is not a tag');
    return (p) => hasTag(p, tag) || p.tags.some((t) => normaliseTag(t).startsWith(`${tag}/`));
  },
});

/** The filter language with every term registered, keep-in-touch ones included. Throws FilterError. */
export function parsePeopleFilter(text: string, options: ParseOptions = {}): ParsedFilter {
  return parseFilter(text, options);
}

/** The people of `all` (with their state) that the filter selects, in the order given. */
export function filterKeepInTouch(
  all: readonly KeepInTouch[],
  filter: ParsedFilter,
  ctx: Omit<FilterContext, 'keepInTouch'>,
): KeepInTouch[] {
  const byPerson = new Map(all.map((k) => [k.person, k]));
  const full: FilterContext = { ...ctx, keepInTouch: (p) => byPerson.get(p) };
  return all.filter((k) => filter.test(k.person, full));
}

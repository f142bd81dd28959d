/**
 * The stale view's search box: the filter language (core/people/filter.ts with the
 * keep-in-touch terms of core/stale/filter-terms.ts). Words it does not know match name,
 * company or position; `trust:4 tag:mentor drifting` narrows by terms. A term it cannot use
 * is shown as an error while the list keeps the last filter that worked, so typing
 * `company:` on the way to `company:Acme` does not blank the list.
 */
import type { IsoDate } from '../../core/dates/iso-date';
import { FilterError, filterTerms, type ParsedFilter } from '../../core/people/filter';
import { filterKeepInTouch, parsePeopleFilter } from '../../core/stale/filter-terms';
import type { KeepInTouch } from '../../core/stale/keep-in-touch';

export interface ViewFilter {
  text: string;
  /** Why the text cannot be used as a filter, or null. */
  error: string | null;
  apply(list: readonly KeepInTouch[], today: IsoDate, mentions?: () => ReadonlyMap<string, number>): KeepInTouch[];
}

/** The search box's tooltip: every term the language knows. */
export function filterHelp(): string {
  return ['Words match name, company and position. Terms:', ...filterTerms().map((t) => `• ${t}`)].join('\n');
}

function compiled(text: string, parsed: ParsedFilter | null, error: string | null): ViewFilter {
  return {
    text,
    error,
    apply: (list, today, mentions) =>
      parsed === null || parsed.terms.length === 0
        ? (list as KeepInTouch[])
        : filterKeepInTouch(list, parsed, {
            today,
            // Counting every note's links costs a pass over the vault: only for the term that needs it.
            mentions: parsed.terms.some((t) => t.toLowerCase() === 'no-contact') ? mentions?.() : undefined,
          }),
  };
}

/** The filter for the text typed; on a bad term, the `previous` one with the error to show. */
export function compileViewFilter(text: string, previous: ViewFilter | null = null): ViewFilter {
  try {
    return compiled(text, parsePeopleFilter(text, { freeText: true }), null);
  } catch (e) {
    if (!(e instanceof FilterError)) throw e;
    const keep = previous ?? compiled('', null, null);
    return { ...keep, text, error: e.message };
  }
}

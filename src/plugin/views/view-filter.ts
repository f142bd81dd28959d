/**
 * The stale view's search box: words match name, company, position and where you met.
 * (The filter language's terms plug in here once the shared filter module is on main.)
 */
import type { IsoDate } from '../../core/dates/iso-date';
import type { KeepInTouch } from '../../core/stale/keep-in-touch';

export interface ViewFilter {
  /** Why the text cannot be used as a filter, or null. */
  error: string | null;
  apply(list: readonly KeepInTouch[], today: IsoDate): KeepInTouch[];
}

export const FILTER_HELP = 'Words match name, company, position and where you met.';

export function compileViewFilter(text: string): ViewFilter {
  const q = text.trim().toLowerCase();
  return {
    error: null,
    apply: (list) =>
      q === ''
        ? (list as KeepInTouch[])
        : list.filter(({ person: p }) =>
            `${p.name}\n${p.company}\n${p.position}\n${p.metWhere}`.toLowerCase().includes(q),
          ),
  };
}

/**
 * The stale list, computed from the person index once per index revision, day and
 * setting change, and shared by the view and the status bar (30,000 people: compute once).
 */
import { staleList, type StaleEntry } from '../../core/stale/stale-list';
import type { CrmContext } from '../context';

export class StaleModel {
  private key = '';
  private cached: StaleEntry[] = [];

  constructor(private readonly ctx: CrmContext) {}

  entries(): StaleEntry[] {
    const s = this.ctx.settings;
    const today = this.ctx.today();
    const key = JSON.stringify([
      this.ctx.index.revision,
      today,
      s.trustLevels,
      s.includeUntriagedInStale,
      s.useDailyNotes,
    ]);
    if (key !== this.key) {
      this.cached = staleList(this.ctx.index.people(), {
        today,
        trustLevels: s.trustLevels,
        includeUntriaged: s.includeUntriagedInStale,
        useDailyNotes: s.useDailyNotes,
      });
      this.key = key;
    }
    return this.cached;
  }
}

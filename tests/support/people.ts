/**
 * Test-data builders for PersonRecords: frontmatter as the note would have it, plus what
 * the index adds from the vault (log dates, daily notes, follow-ups, completed tasks).
 */
import type { FollowUp } from '../../src/core/followups/follow-ups';
import { personFromFrontmatter, type PersonRecord } from '../../src/core/people/person-record';
import { DEFAULT_SETTINGS, levelNames, type NetworkCrmSettings } from '../../src/core/settings';
import type { StaleOptions } from '../../src/core/stale/stale-list';

export interface IndexedExtras {
  logDates?: string[];
  dailyDates?: string[];
  doneDates?: string[];
  followUps?: Array<Partial<FollowUp>>;
  createdOn?: string | null;
  path?: string;
}

export function personWith(fm: Record<string, unknown>, extras: IndexedExtras = {}): PersonRecord {
  const name = typeof fm.name === 'string' ? fm.name : 'X';
  const p = personFromFrontmatter(
    extras.path ?? `People/${name}.md`,
    { name, ...fm },
    {
      levelNames: levelNames(DEFAULT_SETTINGS),
      createdOn: extras.createdOn === undefined ? '2020-01-01' : extras.createdOn,
    },
  );
  p.logDates = [...(extras.logDates ?? [])].sort();
  p.logLatest = p.logDates[p.logDates.length - 1] ?? null;
  p.dailyDates = [...(extras.dailyDates ?? [])].sort();
  p.dailyLatest = p.dailyDates[p.dailyDates.length - 1] ?? null;
  p.doneDates = [...(extras.doneDates ?? [])].sort();
  p.followUps = (extras.followUps ?? []).map((f, i) => ({
    path: 'Notes/Tasks.md',
    line: i,
    text: 'Follow up',
    since: null,
    due: null,
    review: false,
    ...f,
  }));
  return p;
}

export function staleOptions(today: string, more: Partial<StaleOptions & NetworkCrmSettings> = {}): StaleOptions {
  return {
    today,
    trustLevels: more.trustLevels ?? DEFAULT_SETTINGS.trustLevels,
    includeUntriaged: more.includeUntriaged ?? false,
    useDailyNotes: more.useDailyNotes ?? true,
    tagCadences: more.tagCadences ?? [],
  };
}

/** `n` dates `every` days apart, ending `endDaysAgo` before `today`, oldest first. */
export function everyDays(today: string, n: number, every: number, endDaysAgo: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`) - endDaysAgo * 86_400_000;
  return Array.from({ length: n }, (_, i) =>
    new Date(end - (n - 1 - i) * every * 86_400_000).toISOString().slice(0, 10),
  );
}

/** The counts the import preview and the report both show, labelled once. */
import { formatCount } from '../text/format';
import type { CountRow, ImportPlan, SourceSummary } from './plan-types';
import { CALENDAR_SOURCE_ID } from './sources/calendar';

export type { CountRow } from './plan-types';

/**
 * Everything after the created/updated/unchanged counts, which preview and report word
 * differently: the problems any import can have, then each source's own counts.
 */
export function problemAndInvitationCounts(plan: ImportPlan): CountRow[] {
  return [
    ['Skipped rows', plan.skipped.length],
    ['Ambiguous names', plan.ambiguous.length],
    ['Notes with unreadable frontmatter', plan.unreadable.length],
    ['Missing from this export', plan.missingFromExport.length],
    ...plan.bySource.flatMap((s) => s.counts),
  ];
}

/** The per-source table the preview and the report show: one row per source. */
export interface SourceTable {
  header: readonly string[];
  rows: string[][];
}

const SOURCE_HEADER = [
  'Source',
  'People',
  'New notes',
  'Updated',
  'Unchanged',
  'Matched by URL',
  'by e-mail',
  'by name',
  'Ambiguous',
  'No note',
] as const;

/**
 * What each source's people came to: new notes, updated, unchanged, matched by what, left
 * ambiguous, left without a note (a person several sources describe counts for each).
 * Null for an import from LinkedIn alone, whose counts above already say it all.
 */
export function sourceTable(plan: Pick<ImportPlan, 'bySource'>): SourceTable | null {
  const only = plan.bySource[0];
  if (only === undefined || (plan.bySource.length === 1 && only.id === 'linkedin')) return null;
  return {
    header: SOURCE_HEADER,
    rows: plan.bySource.map((s) =>
      [
        s.people,
        s.created,
        s.updated,
        s.unchanged,
        s.matched.profile,
        s.matched.email,
        s.matched.name,
        s.ambiguous,
        s.withoutNote,
      ].reduce<string[]>((row, n) => [...row, formatCount(n)], [s.label]),
    ),
  };
}

/**
 * The per-source counts once `made` notes were written for a calendar's attendees with no
 * note (`--create-attendees`) in the same run: the plan counted them as people with no note,
 * but the run wrote their notes, so the calendar's row counts them as new. Without this the
 * summary said "0 new … 1 with no note" beside the note it had just created.
 */
export function withAttendeeNotes<S extends Pick<SourceSummary, 'id' | 'created' | 'withoutNote'>>(
  bySource: readonly S[],
  made: number,
): S[] {
  if (made === 0) return [...bySource];
  return bySource.map((s) =>
    s.id === CALENDAR_SOURCE_ID
      ? { ...s, created: s.created + made, withoutNote: Math.max(0, s.withoutNote - made) }
      : s,
  );
}

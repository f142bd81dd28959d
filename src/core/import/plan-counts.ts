/** The counts the import preview and the report both show, labelled once. */
import type { SourceRef } from '../linkedin/records';
import { formatCount } from '../text/format';
import { sentInvitations } from './invitations-plan';
import type { CountRow, ImportPlan, PersonWithoutNote, SourceSummary } from './plan-types';
import {
  ATTENDEES_WITHOUT_NOTE,
  attendeesWithoutNote,
  CALENDAR_SOURCE_ID,
  describeAttendee,
  TOP_ATTENDEES,
} from './sources/calendar';
import { SENT_PENDING } from './sources/linkedin';

export type { CountRow } from './plan-types';

/**
 * Everything after the created/updated/unchanged counts, which preview and report word
 * differently: the problems any import can have, then each source's own counts (as
 * `shownBySource` says them: after `attendeeNotes`, without an older export's invitations).
 */
export function problemAndInvitationCounts(plan: ImportPlan, attendeeNotes: AttendeeNotes | null = null): CountRow[] {
  return [
    ['Skipped rows', plan.skipped.length],
    ['Ambiguous names', plan.ambiguous.length],
    ['Notes with unreadable frontmatter', plan.unreadable.length],
    ['Missing from this export', plan.missingFromExport.length],
    ...shownBySource(plan, attendeeNotes).flatMap((s) => s.counts),
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

/** What an older export's count of pending sent invitations says instead (see shownBySource). */
const SENT_LEFT_OUT = 'Invitations you sent, left out (older export)';

/**
 * What `--create-attendees` did once the import was written: the notes it made for the
 * calendar's attendees with no note, and the attendees who still have none.
 */
export interface AttendeeNotes {
  /** The notes written for attendees (created by this run like any other). */
  created: readonly string[];
  /** The attendees who still have no note, most meetings first (`attendeesWithoutNote`'s order). */
  left: readonly PersonWithoutNote[];
}

/**
 * The calendar's attendees with no note after notes were made for them by `follow` (the plan
 * of sources/met-people.ts), of which the notes at `written` were written: an attendee is left
 * without one when their note was not written (a failure) or the plan could make none (their
 * name fits several notes). One met by a note that appeared since the import was planned has
 * one.
 */
export function attendeesLeft(
  plan: Pick<ImportPlan, 'withoutNote'>,
  follow: Pick<ImportPlan, 'creates' | 'ambiguous' | 'withoutNote'>,
  written: readonly string[],
): PersonWithoutNote[] {
  const done = new Set(written);
  // By the SourceRef object itself, not its file and line: the attendees first met in one
  // event share a line. Each attendee has an object of their own (sources/calendar.ts), which
  // met-people.ts hands to the plan and every op of the plan keeps.
  const none = new Set<SourceRef>([
    ...follow.creates.filter((c) => !done.has(c.path)).map((c) => c.source),
    ...follow.ambiguous.map((a) => a.source),
    ...follow.withoutNote.map((p) => p.source),
  ]);
  return attendeesWithoutNote(plan.withoutNote).filter((p) => none.has(p.source));
}

/**
 * The per-source summaries as the preview, the report and the CLI's summary show them:
 * after `attendeeNotes` (see withAttendeeNotes), and with an older export's pending
 * invitations, which the import leaves out (invitations-plan.ts `sentInvitations`), counted
 * as left out rather than as pending.
 */
export function shownBySource(
  plan: Pick<ImportPlan, 'bySource' | 'withoutNote' | 'seen' | 'pendingInvitations'>,
  attendeeNotes: AttendeeNotes | null = null,
): SourceSummary[] {
  const bySource = attendeeNotes === null ? [...plan.bySource] : withAttendeeNotes(plan, attendeeNotes);
  if (sentInvitations(plan).leftOut === 0) return bySource;
  const leftOut = ([label, n]: CountRow): CountRow => (label === SENT_PENDING ? [SENT_LEFT_OUT, n] : [label, n]);
  return bySource.map((s) => (s.id === 'linkedin' ? { ...s, counts: s.counts.map(leftOut) } : s));
}

/**
 * The per-source summaries once notes were written for a calendar's attendees with no note
 * (`--create-attendees`) in the same run: the plan counted and listed them as people with no
 * note, but the run wrote their notes, so the calendar's row counts them as new, and its
 * count and list of attendees with no note hold only those still without one (none: no
 * list). Without this the summary said "0 new … 1 with no note" beside the note it had just
 * created, and then the report still listed that person under "Attendees with no note".
 */
function withAttendeeNotes(plan: Pick<ImportPlan, 'bySource' | 'withoutNote'>, notes: AttendeeNotes): SourceSummary[] {
  const { created, left } = notes;
  // The calendar's row may count people another source of the run described first; only
  // those who got a note leave it.
  const given = attendeesWithoutNote(plan.withoutNote).length - left.length;
  const list = {
    title: ATTENDEES_WITHOUT_NOTE,
    items: left.slice(0, TOP_ATTENDEES).map(describeAttendee),
    total: left.length,
  };
  return plan.bySource.map((s) =>
    s.id === CALENDAR_SOURCE_ID
      ? {
          ...s,
          created: s.created + created.length,
          withoutNote: Math.max(0, s.withoutNote - given),
          counts: s.counts.map(([label, n]): CountRow => [label, label === ATTENDEES_WITHOUT_NOTE ? left.length : n]),
          details: s.details.flatMap((d) => (d.title !== ATTENDEES_WITHOUT_NOTE ? [d] : left.length > 0 ? [list] : [])),
        }
      : s,
  );
}

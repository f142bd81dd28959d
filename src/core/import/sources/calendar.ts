/**
 * Calendars (.ics) as an import source: every person the owner met becomes a person with
 * one `- 2026-03-14 · meeting · <title>` line per meeting, identified by their address and
 * the name in `CN=` (the import's one matching rule finds their note). A calendar owns no
 * field: it only logs meetings, and it creates no note. Attendees with no note are listed
 * (most meetings first) so the user can create notes for them in one step
 * (sources/met-people.ts).
 *
 * Whose calendar it is comes from the addresses the user gave (a setting), the calendar's
 * name, and the name of the LinkedIn export's owner (the vault state, or an export
 * imported in the same run): see core/sources/calendar/meetings.ts.
 */
import { compareDates } from '../../dates/iso-date';
import type { CalendarRead } from '../../sources/calendar/read-calendar';
import { detectOwner, meetingsByAttendee, type CalendarMeetings } from '../../sources/calendar/meetings';
import { formatCount, plural } from '../../text/format';
import { IncomingSet, partsFromName } from '../incoming';
import type { PersonWithoutNote, SourceDetail } from '../plan-types';
import type { ImportSource } from '../source';

export const CALENDAR_SOURCE_ID = 'calendar';

/** How many of the attendees with no note the report and the preview name. */
export const TOP_ATTENDEES = 20;
/** The title of the calendar's count and list of attendees with no note (plan-counts.ts corrects both after `--create-attendees`). */
export const ATTENDEES_WITHOUT_NOTE = 'Attendees with no note';

export interface CalendarHints {
  /** The user's own addresses (the setting). */
  emails?: readonly string[];
  /** The LinkedIn export owner's name the vault remembers. */
  ownerName?: string | null;
}

/** "Jane Roe <jane@roe.example>: 12 meetings, the last on 2026-03-01". */
export function describeAttendee(p: PersonWithoutNote): string {
  const who = p.name && p.emails[0] ? `${p.name} <${p.emails[0]}>` : p.name || p.emails[0] || '(no name)';
  const last = p.interactions[p.interactions.length - 1]?.date;
  return `${who}: ${plural(p.interactions.length, 'meeting')}${last ? `, the last on ${last}` : ''}`;
}

/** The attendees with no note, most meetings first, then the most recent. */
export function attendeesWithoutNote(withoutNote: readonly PersonWithoutNote[]): PersonWithoutNote[] {
  const last = (p: PersonWithoutNote) => p.interactions[p.interactions.length - 1]?.date ?? null;
  return withoutNote
    .filter((p) => p.sourceId === CALENDAR_SOURCE_ID)
    .sort(
      (a, b) =>
        b.interactions.length - a.interactions.length ||
        compareDates(last(b), last(a)) ||
        (a.emails[0] ?? a.name).localeCompare(b.emails[0] ?? b.name),
    );
}

export function calendarSource(calendars: readonly CalendarRead[], hints: CalendarHints = {}): ImportSource {
  const outcomes: Array<{ cal: CalendarRead; meetings: CalendarMeetings }> = [];
  return {
    id: CALENDAR_SOURCE_ID,
    label: 'Calendar',
    files: calendars.map((c) => c.file),
    owns: [],
    skipped: [],
    warnings: calendars.flatMap((c) => c.problems.map((p) => ({ file: c.file, line: p.line, reason: p.reason }))),

    collect({ plan }) {
      // An export imported in the same run knows its owner's name before the vault does.
      const name = plan.owner?.name ?? hints.ownerName ?? null;
      const people = new IncomingSet();
      outcomes.length = 0;
      for (const cal of calendars) {
        const meetings = meetingsByAttendee(cal, detectOwner(cal, { emails: hints.emails, name }));
        outcomes.push({ cal, meetings });
        for (const a of meetings.attendees)
          people.merge({
            identity: { profileUrl: null, emails: a.email === '' ? [] : [a.email], name: a.name },
            parts: partsFromName(a.name || a.email),
            owned: {},
            interactions: a.lines,
            source: { file: cal.file, line: a.line },
            createIfMissing: false,
            isConnection: false,
          });
      }
      return people;
    },

    counts: (plan) => [
      ['Calendar occurrences up to today', calendars.reduce((n, c) => n + c.occurrences, 0)],
      ['Occurrences you declined (not counted)', outcomes.reduce((n, o) => n + o.meetings.declined, 0)],
      [ATTENDEES_WITHOUT_NOTE, attendeesWithoutNote(plan.withoutNote).length],
    ],

    details(plan) {
      const out: SourceDetail[] = [];
      const files = outcomes.map(({ cal, meetings }) => {
        const owner = meetings.owner;
        const yours =
          owner.emails.length > 0
            ? `yours: ${owner.emails.join(', ')} (from ${owner.evidence.join(', ')})`
            : 'whose calendar it is could not be told (give your addresses in the settings)';
        const ignored = Object.entries(cal.ignored).map(([k, n]) => `${formatCount(n)} ${k}`);
        return [
          `${cal.file}: ${plural(cal.occurrences, 'past occurrence')} of ${plural(cal.events, 'event')} in ${cal.timeZone}`,
          yours,
          `${formatCount(meetings.declined)} declined, ${formatCount(cal.cancelled)} cancelled, ${formatCount(meetings.alone)} with nobody else`,
          ...(ignored.length > 0 ? [`not events (left out): ${ignored.join(', ')}`] : []),
        ].join('; ');
      });
      if (files.length > 0) out.push({ title: 'Calendars', items: files, total: files.length });
      const attendees = attendeesWithoutNote(plan.withoutNote);
      if (attendees.length > 0)
        out.push({
          title: ATTENDEES_WITHOUT_NOTE,
          items: attendees.slice(0, TOP_ATTENDEES).map(describeAttendee),
          total: attendees.length,
        });
      return out;
    },
  };
}

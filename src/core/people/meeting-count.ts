/**
 * How often you met someone lately, from the meeting lines a calendar import logs under
 * `## Interactions` (`- 2026-03-14 · meeting · …`), for context such as "met 3 times since
 * March" beside a stale contact (the stale view's header belongs to the keeping-in-touch
 * work; this is the core it calls).
 */
import { addDays, MONTH_NAMES, type IsoDate } from '../dates/iso-date';
import { sectionLines } from '../notes/body-sections';
import { INTERACTIONS_HEADING } from '../notes/schema';

const MEETING = /^\s*[-*+]\s+(\d{4}-\d{2}-\d{2}) · meeting · /;

/** Dates of the meeting lines in a note body, newest first. */
export function meetingDates(body: string): IsoDate[] {
  const out: IsoDate[] = [];
  for (const line of sectionLines(body, INTERACTIONS_HEADING)) {
    const m = MEETING.exec(line);
    if (m) out.push(m[1] as IsoDate);
  }
  return out.sort().reverse();
}

export interface MeetingCount {
  count: number;
  /** The earliest meeting counted. */
  since: IsoDate | null;
}

/** Meetings in the `days` days up to today. */
export function recentMeetings(dates: readonly IsoDate[], today: IsoDate, days = 180): MeetingCount {
  const from = addDays(today, -days);
  const within = dates.filter((d) => d >= from && d <= today);
  return { count: within.length, since: within.length > 0 ? [...within].sort()[0]! : null };
}

/** "met 3 times since March", "met once in May 2025", or '' when there was no meeting. */
export function describeMeetings(m: MeetingCount, today: IsoDate): string {
  if (m.count === 0 || m.since === null) return '';
  const month = MONTH_NAMES[Number(m.since.slice(5, 7)) - 1] as string;
  const when = m.since.slice(0, 4) === today.slice(0, 4) ? month : `${month} ${m.since.slice(0, 4)}`;
  return m.count === 1 ? `met once, in ${when}` : `met ${m.count} times since ${when}`;
}

/** The words a keep-in-touch row shows, shared by the view and the CLI's text output. */
import { daysBetween, type IsoDate } from '../dates/iso-date';
import type { FollowUp } from '../followups/follow-ups';
import type { LastContact } from '../people/last-contact';
import { weekdayName } from '../dates/iso-week';
import type { UpcomingBirthday } from '../people/birthdays';
import { describeMeetings, recentMeetings } from '../people/meeting-count';
import type { PersonRecord } from '../people/person-record';
import { daysAgo, spanOfDays } from '../text/relative-time';
import { cadenceText } from './cadence';
import { hasFollowUps, type KeepInTouch, type Section } from './keep-in-touch';
import type { StaleEntry } from './stale-list';

/**
 * When a birthday this week is: "today", "tomorrow", "on Friday" (with the date when
 * `withDate`, for notes read later), and the age they turn when known.
 */
export function birthdayWhen(b: UpcomingBirthday, today: IsoDate, withDate = false): string {
  const day =
    b.date === today
      ? 'today'
      : b.inDays === 1 && !withDate
        ? 'tomorrow'
        : `on ${weekdayName(b.date)}${withDate ? ` ${b.date}` : ''}`;
  return b.turns === null ? day : `${day}, turns ${b.turns}`;
}

/** "met 3 times since March" from the meeting lines of the last six months, or ''. */
export function meetingsText(p: PersonRecord, today: IsoDate): string {
  if (p.meetingDates.length === 0) return '';
  return describeMeetings(recentMeetings(p.meetingDates, today), today);
}

export const NEVER_CONTACTED = 'never contacted';

/** " · via message", or '' for the bare `last-contact` field: where a last contact comes from, in every view. */
function viaText(c: LastContact): string {
  return c.source === 'field' ? '' : ` · via ${c.source}`;
}

/** "last contact 5 years ago · via message", or "never contacted": the stale view's and list's words. */
export function lastContactText(e: { lastContact: LastContact | null }, today: IsoDate): string {
  if (!e.lastContact) return NEVER_CONTACTED;
  return `last contact ${daysAgo(daysBetween(e.lastContact.date, today))}${viaText(e.lastContact)}`;
}

/**
 * "2019-11-02 · via message": the same last contact with its date instead of "5 years ago",
 * for text that is read later (the weekly review writes it into a note).
 */
export function lastContactOn(c: LastContact): string {
  return `${c.date}${viaText(c)}`;
}

/** "due 5 days ago" while only due, "4 months overdue" once overdue. */
export function overdueText(e: Pick<StaleEntry, 'daysOverdue' | 'state'>): string {
  if (e.state === 'due') return `due ${daysAgo(e.daysOverdue)}`;
  return `${spanOfDays(e.daysOverdue)} overdue`;
}

/** "Send the deck · open 2 weeks · due 2026-05-02" */
export function followUpText(f: FollowUp, today: IsoDate): string {
  const parts = [f.text === '' ? 'Open task' : f.text];
  if (f.since !== null) {
    const days = daysBetween(f.since, today);
    parts.push(days <= 0 ? 'open since today' : `open ${spanOfDays(days)}`);
  }
  if (f.due !== null) parts.push(`due ${f.due}`);
  return parts.join(' · ');
}

/** The row's "why": the section's own reason first, then the others. */
export function reasonsText(k: KeepInTouch, section: Section, today: IsoDate): string {
  const cadence = k.cadence ? cadenceText(k.cadence) : null;
  const drift = k.drift?.reason ?? null;
  const follow = k.person.followUps[0];
  const followText = follow
    ? `☐ ${followUpText(follow, today)}${k.person.followUps.length > 1 ? ` (+${k.person.followUps.length - 1})` : ''}`
    : null;
  const order =
    section === 'drifting'
      ? [drift, cadence, followText]
      : section === 'follow-ups'
        ? [followText, cadence, drift]
        : [cadence, drift, followText];
  const out = order.filter((t): t is string => t !== null);
  if (out.length === 0) return k.snoozed ? `snoozed until ${k.person.snoozeUntil}` : 'not tracked';
  return out.join(' · ');
}

/** The badge on the right of a row: due/overdue, else drifting, else a follow-up's age. */
export function statusText(k: KeepInTouch): {
  text: string;
  cls: 'due' | 'overdue' | 'drifting' | 'follow-up' | 'none';
} {
  if (k.stale) return { text: overdueText(k.stale), cls: k.stale.state };
  if (k.drift) return { text: 'drifting', cls: 'drifting' };
  if (hasFollowUps(k)) return { text: 'follow-up', cls: 'follow-up' };
  return { text: '', cls: 'none' };
}

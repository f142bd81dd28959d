/**
 * Drifting: the current silence is much longer than this person's own usual gap between
 * contacts, whatever their keep-in-touch period says.
 *
 * - Contacts are the days on record (see `contactDates`). Days within
 *   {@link DRIFT.burstDays} of a contact's first day are that contact: a conversation over
 *   a weekend, or a conference, is one time in touch, not four.
 * - The usual gap is the median of the gaps between the last
 *   {@link DRIFT.recentGaps} + 1 contacts (what the relationship is like now), and needs at
 *   least {@link DRIFT.minContacts} contacts.
 * - Drifting: the silence since the last contact is at least {@link DRIFT.factor} times the
 *   usual gap and at least {@link DRIFT.minExtraDays} days longer than it.
 */
import { dayNumber, type IsoDate } from '../dates/iso-date';
import { spanOfDays } from '../text/relative-time';

export const DRIFT = { minContacts: 4, burstDays: 3, recentGaps: 10, factor: 2.5, minExtraDays: 14 } as const;

export interface Drift {
  /** Contacts counted (bursts merged). */
  contacts: number;
  usualGap: number;
  silence: number;
  /** silence ÷ usual gap, for sorting. */
  ratio: number;
  /** "usually every 3 weeks; silent for 4 months" */
  reason: string;
}

function median(values: number[]): number {
  const sorted = values.sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * A person's rhythm: how many contacts, their usual gap, and the last one. It depends on
 * their dates only (not on today, but for dates after today, which are left out), so the
 * stale model keeps it while the person's notes are unchanged and a new day costs nothing.
 */
export interface Rhythm {
  contacts: number;
  usualGap: number;
  lastDay: number;
  /** Some dates were after `today` and left out: the rhythm holds for that day only. */
  futureLeftOut: boolean;
}

/** `dates`: contact days, oldest first, each once (as `contactDates` gives them). */
export function rhythmOf(dates: readonly IsoDate[], today: IsoDate): Rhythm | null {
  if (dates.length < DRIFT.minContacts) return null;
  // Each contact is its burst's last day; a burst runs up to burstDays from its first day.
  const contacts: number[] = [];
  let burstStart = -Infinity;
  let futureLeftOut = false;
  for (const d of dates) {
    if (d > today) {
      futureLeftOut = true; // a date in the future is a typo or a plan, not contact
      break;
    }
    const day = dayNumber(d);
    if (day - burstStart <= DRIFT.burstDays) contacts[contacts.length - 1] = day;
    else {
      contacts.push(day);
      burstStart = day;
    }
  }
  if (contacts.length < DRIFT.minContacts) return null;
  const gaps: number[] = [];
  for (let i = Math.max(1, contacts.length - DRIFT.recentGaps); i < contacts.length; i++)
    gaps.push((contacts[i] as number) - (contacts[i - 1] as number));
  return {
    contacts: contacts.length,
    usualGap: Math.round(median(gaps)),
    lastDay: contacts[contacts.length - 1] as number,
    futureLeftOut,
  };
}

/** Whether someone with this rhythm is drifting on `todayDay`, and why. */
export function driftFrom(rhythm: Rhythm | null, todayDay: number): Drift | null {
  if (rhythm === null) return null;
  const { usualGap } = rhythm;
  const silence = todayDay - rhythm.lastDay;
  if (silence < usualGap * DRIFT.factor || silence - usualGap < DRIFT.minExtraDays) return null;
  return {
    contacts: rhythm.contacts,
    usualGap,
    silence,
    ratio: silence / Math.max(usualGap, 1),
    reason: `usually every ${usualGap === 1 ? 'day' : spanOfDays(usualGap)}; silent for ${spanOfDays(silence)}`,
  };
}

export function driftOf(dates: readonly IsoDate[], today: IsoDate, todayDay = dayNumber(today)): Drift | null {
  return driftFrom(rhythmOf(dates, today), todayDay);
}

/**
 * The invitations you sent that are still pending. The newest export's list (kept in the
 * vault state) is the truth, so invitees need no notes; a note marked `invitation-sent` whose
 * invitation is gone from that list needs no card. Before any export listed invitations,
 * the notes marked `invitation-sent` are all we know.
 *
 * One pending longer than N weeks asks for a decision: "withdrawn on LinkedIn" hides it for
 * good, "keep waiting" for another N weeks; both are kept in the vault state (and, for an
 * invitee with a note, also written there).
 */
import { addDays, compareDates, daysBetween, type IsoDate } from '../dates/iso-date';
import { personKey } from '../identity/person-key';
import { nameKey } from '../identity/person-name';
import type { PersonRecord } from '../people/person-record';
import { sentKey, type TriageState } from './triage-state';

export interface SentItem {
  key: string;
  name: string;
  profileUrl: string | null;
  sentOn: IsoDate;
  ageDays: number;
  /** The invitee's note, when there is one. */
  person: PersonRecord | null;
}

function notesByKey(people: readonly PersonRecord[]): Map<string, PersonRecord> {
  const map = new Map<string, PersonRecord>();
  for (const p of people) {
    if (p.profileUrl !== null) map.set(p.profileUrl, p);
    else map.set(`name:${nameKey(p.name)}`, p);
  }
  return map;
}

/** Every pending sent invitation, oldest first. */
/**
 * The day a "keep waiting" on a sent invitation, decided on `on`, ends: its card comes back
 * then (the note's `snooze-until`, and the vault state's decision, both end that day).
 */
export function waitingEnds(on: IsoDate, withdrawAfterWeeks: number): IsoDate {
  return addDays(on, withdrawAfterWeeks * 7);
}

export function pendingSent(
  people: readonly PersonRecord[],
  state: Pick<TriageState, 'sentPending'>,
  today: IsoDate,
): SentItem[] {
  const items: SentItem[] = [];
  if (state.sentPending === null) {
    for (const p of people)
      if (p.status === 'invitation-sent' && p.invitedOn !== null)
        items.push({
          key: personKey(p.profileUrl, p.name),
          name: p.name,
          profileUrl: p.profileUrl,
          sentOn: p.invitedOn,
          ageDays: daysBetween(p.invitedOn, today),
          person: p,
        });
  } else {
    const notes = notesByKey(people);
    for (const s of state.sentPending) {
      const key = sentKey(s);
      const person = notes.get(key) ?? null;
      // Accepted, declined or withdrawn since, as the note says.
      if (person !== null && person.status !== '' && person.status !== 'invitation-sent') continue;
      items.push({ key, ...s, ageDays: daysBetween(s.sentOn, today), person });
    }
  }
  return items.sort((a, b) => compareDates(a.sentOn, b.sentOn) || a.name.localeCompare(b.name));
}

/** The pending invitations that ask for a decision today: older than N weeks, not decided. */
export function staleSent(
  items: readonly SentItem[],
  state: Pick<TriageState, 'sentDecisions'>,
  today: IsoDate,
  withdrawAfterWeeks: number,
): SentItem[] {
  const days = withdrawAfterWeeks * 7;
  return items.filter((s) => {
    if (s.ageDays <= days) return false;
    const d = state.sentDecisions[s.key];
    if (d?.decision === 'withdrawn') return false;
    if (d?.decision === 'waiting' && waitingEnds(d.on, withdrawAfterWeeks) > today) return false;
    const snooze = s.person?.snoozeUntil ?? null;
    return snooze === null || snooze <= today;
  });
}

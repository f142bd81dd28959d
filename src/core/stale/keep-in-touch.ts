/**
 * Everything the keep-in-touch side knows about one person, computed once per person per
 * index revision and shared by the stale view's sections, its filters, the weekly review,
 * the overview and the CLI: the period and its rule, due or overdue, drifting, follow-ups.
 */
import { dayNumber, type IsoDate } from '../dates/iso-date';
import { compareFollowUps, type FollowUp } from '../followups/follow-ups';
import { contactCount, contactDates, effectiveLastContact, type LastContact } from '../people/last-contact';
import type { PersonRecord } from '../people/person-record';
import { cadenceOf, isUntracked, type Cadence } from './cadence';
import { DRIFT, driftFrom, rhythmOf, type Drift, type Rhythm } from './drifting';
import {
  compareStale,
  isSnoozed,
  staleEntry,
  whoseMove,
  type StaleEntry,
  type StaleOptions,
  type WhoseMove,
} from './stale-list';

export interface KeepInTouch {
  person: PersonRecord;
  lastContact: LastContact | null;
  cadence: Cadence | null;
  /** Set when the period has passed (due or overdue) and they are not snoozed. */
  stale: StaleEntry | null;
  /** Set when the silence is much longer than their usual gap (and they are tracked, not snoozed). */
  drift: Drift | null;
  snoozed: boolean;
  whoseMove: WhoseMove | null;
}

/** The person's rhythm of contact (null with fewer than four dated contacts); see drifting.ts. */
export function rhythmFor(p: PersonRecord, options: StaleOptions): Rhythm | null {
  // Most people have too few dated contacts to have a usual gap: no need to gather them.
  if (contactCount(p, options) < DRIFT.minContacts) return null;
  return rhythmOf(contactDates(p, options), options.today);
}

/** `rhythm`, when the caller kept it from an earlier day, spares gathering the person's dates again. */
export function keepInTouch(
  p: PersonRecord,
  options: StaleOptions,
  todayDay = dayNumber(options.today),
  rhythm?: Rhythm | null,
): KeepInTouch {
  const lastContact = effectiveLastContact(p, options);
  const snoozed = isSnoozed(p, options.today);
  const quiet = snoozed || isUntracked(p);
  const stale = staleEntry(p, options, todayDay, lastContact);
  return {
    person: p,
    lastContact,
    cadence: stale ? stale.cadence : cadenceOf(p, options),
    stale,
    drift: quiet ? null : driftFrom(rhythm === undefined ? rhythmFor(p, options) : rhythm, todayDay),
    snoozed,
    whoseMove: whoseMove(p, lastContact),
  };
}

export function keepInTouchAll(people: Iterable<PersonRecord>, options: StaleOptions): KeepInTouch[] {
  const todayDay = dayNumber(options.today);
  const out: KeepInTouch[] = [];
  for (const p of people) out.push(keepInTouch(p, options, todayDay));
  return out;
}

/** The stale view's sections: each a list with its own order. */
export type Section = 'stale' | 'drifting' | 'follow-ups' | 'all';

export const SECTIONS: readonly Section[] = ['stale', 'drifting', 'follow-ups', 'all'];

export const SECTION_LABELS: Record<Section, string> = {
  stale: 'Due',
  drifting: 'Drifting',
  'follow-ups': 'Follow-ups',
  all: 'Everyone',
};

const byName = (a: KeepInTouch, b: KeepInTouch) =>
  a.person.name.localeCompare(b.person.name) || a.person.path.localeCompare(b.person.path);

const ORDER: Record<Section, (a: KeepInTouch, b: KeepInTouch) => number> = {
  stale: (a, b) => compareStale(a.stale as StaleEntry, b.stale as StaleEntry),
  drifting: (a, b) => (b.drift?.ratio ?? 0) - (a.drift?.ratio ?? 0) || byName(a, b),
  'follow-ups': (a, b) =>
    compareFollowUps(a.person.followUps[0] as FollowUp, b.person.followUps[0] as FollowUp) || byName(a, b),
  all: byName,
};

/** Open follow-ups count, except for people marked to prune: the prune list is their checklist. */
export function hasFollowUps(k: KeepInTouch): boolean {
  return k.person.followUps.length > 0 && !k.person.prune;
}

export function inSection(k: KeepInTouch, section: Section): boolean {
  if (section === 'stale') return k.stale !== null;
  if (section === 'drifting') return k.drift !== null;
  if (section === 'follow-ups') return hasFollowUps(k);
  return true;
}

/** The people in a section, in its order: most overdue, most adrift, oldest follow-up, or by name. */
export function sectionList(all: readonly KeepInTouch[], section: Section): KeepInTouch[] {
  return all.filter((k) => inSection(k, section)).sort(ORDER[section]);
}

export function sectionCounts(all: readonly KeepInTouch[]): Record<Section, number> {
  const counts: Record<Section, number> = { stale: 0, drifting: 0, 'follow-ups': 0, all: all.length };
  for (const k of all) {
    if (k.stale) counts.stale++;
    if (k.drift) counts.drifting++;
    if (hasFollowUps(k)) counts['follow-ups']++;
  }
  return counts;
}

/** For the CLI's JSON: what a row says, as data. */
export function keepInTouchJson(k: KeepInTouch, today: IsoDate) {
  return {
    name: k.person.name,
    path: k.person.path,
    trust: k.person.trust,
    cadence: k.cadence,
    lastContact: k.lastContact,
    state: k.stale?.state ?? null,
    dueDate: k.stale?.dueDate ?? null,
    daysOverdue: k.stale?.daysOverdue ?? null,
    whoseMove: k.whoseMove,
    drifting: k.drift,
    followUps: k.person.followUps.map((f) => ({
      ...f,
      openDays: f.since ? dayNumber(today) - dayNumber(f.since) : null,
    })),
  };
}

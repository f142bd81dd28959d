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
  return withStale(p, options, todayDay, lastContact, staleEntry(p, options, todayDay, lastContact), rhythm);
}

/** Drift is not shown for someone snoozed or not tracked. */
function mayDrift(p: PersonRecord, snoozed: boolean): boolean {
  return !snoozed && !isUntracked(p);
}

/** The rest of a person's state, once their last contact and stale entry are known. */
function withStale(
  p: PersonRecord,
  options: StaleOptions,
  todayDay: number,
  lastContact: LastContact | null,
  stale: StaleEntry | null,
  rhythm?: Rhythm | null,
): KeepInTouch {
  const snoozed = isSnoozed(p, options.today);
  return {
    person: p,
    lastContact,
    cadence: stale ? stale.cadence : cadenceOf(p, options),
    stale,
    drift: mayDrift(p, snoozed) ? driftFrom(rhythm === undefined ? rhythmFor(p, options) : rhythm, todayDay) : null,
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
  return followsUp(k.person);
}

function followsUp(p: PersonRecord): boolean {
  return p.followUps.length > 0 && !p.prune;
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

/**
 * A person's state when they are in `section`, else null, deciding from as little as decides
 * it: the due date for Due, the usual gap for Drifting, the open tasks for Follow-ups.
 */
function memberOf(p: PersonRecord, options: StaleOptions, todayDay: number, section: Section): KeepInTouch | null {
  switch (section) {
    case 'stale': {
      const lastContact = effectiveLastContact(p, options);
      const stale = staleEntry(p, options, todayDay, lastContact);
      return stale === null ? null : withStale(p, options, todayDay, lastContact, stale);
    }
    case 'drifting': {
      if (!mayDrift(p, isSnoozed(p, options.today))) return null;
      const rhythm = rhythmFor(p, options);
      return driftFrom(rhythm, todayDay) === null ? null : keepInTouch(p, options, todayDay, rhythm);
    }
    case 'follow-ups':
      return followsUp(p) ? keepInTouch(p, options, todayDay) : null;
    case 'all':
      return keepInTouch(p, options, todayDay);
  }
}

/**
 * `sectionList(keepInTouchAll(people, options), section)`, with the whole state made only for
 * the people in the section: the CLI prints one section, and the state of everyone else (14,000
 * of 30,000 people outside Due in the bench's vault) cost `stale --json` about 25 ms.
 */
export function sectionOf(people: Iterable<PersonRecord>, options: StaleOptions, section: Section): KeepInTouch[] {
  const todayDay = dayNumber(options.today);
  const out: KeepInTouch[] = [];
  for (const p of people) {
    const k = memberOf(p, options, todayDay, section);
    if (k !== null) out.push(k);
  }
  return out.sort(ORDER[section]);
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

/**
 * An event's recurrence set as RFC 5545 defines it (§3.8.5.2, §3.8.5.3): DTSTART, plus the
 * RRULE's instances, plus the RDATEs, minus the EXDATEs, each start once. ical.js expands
 * the rule and the dates; what it gets wrong is mended here:
 *
 * - With RDATEs and no RRULE it gives only the RDATEs, so the meeting at DTSTART itself was
 *   not counted. DTSTART is put back in its place (it is there with a rule: the rule's first
 *   instance).
 * - A start written twice (an RDATE repeating DTSTART or an instance of the rule) comes out
 *   twice: a moved meeting counted on its old date too (the first copy had used up its
 *   override). Each instant counts once here.
 * - It compares times by their wall clocks when it does not know their zone, which is every
 *   TZID (the file's VTIMEZONEs are never given to it): `RDATE:20240601T080000Z` was not the
 *   DTSTART at 10:00 in Berlin it repeats, an EXDATE in UTC removed nothing from a series in
 *   a zone, and an EXDATE at 10:00 in Berlin removed an RDATE at 10:00 UTC. Here starts are
 *   compared as instants, in the zones time-zones.ts resolves.
 * - Its EXDATEs are walked alongside the starts, one step per start, so EXDATEs that match
 *   nothing (another hour, a day without a meeting) hold back the one after them, which then
 *   removes nothing; and only the first copy of a start written twice is removed. ical.js is
 *   given the event without its EXDATEs, and they are applied here, to every start.
 *
 * With neither RDATE nor EXDATE, ical.js's expansion is the set and passes through untouched
 * (the common case, and the hot one). A DTSTART that is not an instance of its own rule
 * (RFC 5545 leaves that set undefined) stays as ical.js has it: not counted.
 */
import ICAL from 'ical.js';

/**
 * Where an occurrence starts. ical.js's iterator gives an RDATE period (`RDATE:
 * 20240603T100000Z/PT1H`) as the period itself, though it is typed as a time. Dated as a
 * time it has no fields: its meeting was lost, and its zone was taken for broken, so every
 * other event in that zone (UTC too) was then dated as written.
 */
export function occurrenceStart(step: ICAL.Time | ICAL.Period): ICAL.Time {
  return step instanceof ICAL.Period ? step.start : step;
}

/** A time's instant in ms, as the caller resolves its zone; the same for two writings of one moment. */
export type InstantOf = (t: ICAL.Time) => number;

/** The starts of an event's occurrences, oldest first, each once, without those an EXDATE removes. */
export function* recurrenceSet(event: ICAL.Event, instant: InstantOf): Generator<ICAL.Time> {
  const comp = event.component;
  if (!comp.hasProperty('rdate') && !comp.hasProperty('exdate')) {
    yield* starts(event.iterator());
    return;
  }
  const expanded = starts(new ICAL.RecurExpansion({ component: withoutExdates(comp), dtstart: event.startDate }));
  const excluded = exclusions(comp, instant);
  // A set, not the last start: ical.js orders starts by wall clock, so copies of one instant
  // written in two zones need not come out next to each other.
  const seen = new Set<number>();
  const counts = (t: ICAL.Time, at: number): boolean => {
    if (seen.has(at)) return false;
    seen.add(at);
    return !excluded(t, at);
  };
  // With a rule, DTSTART is the rule's first instance; without one ical.js leaves it out.
  let start: ICAL.Time | null = comp.hasProperty('rrule') ? null : event.startDate;
  const startAt = start === null ? 0 : instant(start);
  for (const t of expanded) {
    const at = instant(t);
    if (start !== null && at >= startAt) {
      if (counts(start, startAt)) yield start;
      start = null;
    }
    if (counts(t, at)) yield t;
  }
  if (start !== null && counts(start, startAt)) yield start;
}

function* starts(it: ICAL.RecurExpansion): Generator<ICAL.Time> {
  for (let step = it.next(); step; step = it.next()) yield occurrenceStart(step);
}

/** The event for ical.js to expand, its EXDATEs left to exclusions below. */
function withoutExdates(comp: ICAL.Component): ICAL.Component {
  if (!comp.hasProperty('exdate')) return comp;
  // A new list of the same property entries (jCal: [name, properties, components]); the event keeps its own.
  const [name, props, components] = comp.jCal as [string, unknown[][], unknown[]];
  return new ICAL.Component([name, props.filter((p) => p[0] !== 'exdate'), components]);
}

const dayOf = (t: ICAL.Time) => `${t.year}-${t.month}-${t.day}`;

/**
 * Whether an EXDATE removes a start: a date and time removes the start at that instant, a
 * date (VALUE=DATE) every start on that day, as ical.js reads them.
 */
function exclusions(comp: ICAL.Component, instant: InstantOf): (t: ICAL.Time, at: number) => boolean {
  const instants = new Set<number>();
  const days = new Set<string>();
  for (const prop of comp.getAllProperties('exdate'))
    for (const value of prop.getValues())
      if (value instanceof ICAL.Time) {
        if (value.isDate) days.add(dayOf(value));
        else instants.add(instant(value));
      }
  return (t, at) => instants.has(at) || (days.size > 0 && days.has(dayOf(t)));
}

/**
 * An event's recurrence set as RFC 5545 defines it (§3.8.5.2, §3.8.5.3): DTSTART, plus the
 * RRULE's instances, plus the RDATEs, minus the EXDATEs, each start once. ical.js expands
 * DTSTART and the rule; the RDATEs and EXDATEs are applied here, because with them it went
 * wrong:
 *
 * - With RDATEs and no RRULE it gave only the RDATEs, so the meeting at DTSTART itself was
 *   not counted.
 * - Of two RDATEs that read alike in two zones (23:00 in Berlin, 23:00 UTC) it kept one.
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
  // ical.js expands DTSTART and the rule only (given no RDATE, it gives DTSTART without a rule).
  // The RDATEs are merged in here by instant: ical.js compares them by wall clock, so of an
  // RDATE at 23:00 in Berlin and one at 23:00 UTC, two meetings, it dropped one.
  const expanded = starts(new ICAL.RecurExpansion({ component: withoutDates(comp), dtstart: event.startDate }));
  const rdates = rdateStarts(comp, instant);
  const excluded = exclusions(comp, instant);
  // A set, not the last start: copies of one instant written in two zones need not come out
  // next to each other (ical.js orders the rule's starts by wall clock).
  const seen = new Set<number>();
  const counts = (t: ICAL.Time, at: number): boolean => {
    if (seen.has(at)) return false;
    seen.add(at);
    return !excluded(t, at);
  };
  let next = 0;
  for (const t of expanded) {
    const at = instant(t);
    for (; next < rdates.length && (rdates[next] as Dated).at < at; next++) {
      const r = rdates[next] as Dated;
      if (counts(r.t, r.at)) yield r.t;
    }
    if (counts(t, at)) yield t;
  }
  for (const r of rdates.slice(next)) if (counts(r.t, r.at)) yield r.t;
}

interface Dated {
  t: ICAL.Time;
  at: number;
}

/** The RDATEs' starts (a period's start), by instant. */
function rdateStarts(comp: ICAL.Component, instant: InstantOf): Dated[] {
  const out: Dated[] = [];
  for (const prop of comp.getAllProperties('rdate'))
    for (const value of prop.getValues())
      if (value instanceof ICAL.Time || value instanceof ICAL.Period) {
        const t = occurrenceStart(value);
        out.push({ t, at: instant(t) });
      }
  return out.sort((a, b) => a.at - b.at);
}

function* starts(it: ICAL.RecurExpansion): Generator<ICAL.Time> {
  for (let step = it.next(); step; step = it.next()) yield occurrenceStart(step);
}

/** The event for ical.js to expand: DTSTART and its rule, the RDATEs and EXDATEs left to the code above. */
function withoutDates(comp: ICAL.Component): ICAL.Component {
  // A new list of the same property entries (jCal: [name, properties, components]); the event keeps its own.
  const [name, props, components] = comp.jCal as [string, unknown[][], unknown[]];
  return new ICAL.Component([name, props.filter((p) => p[0] !== 'exdate' && p[0] !== 'rdate'), components]);
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

/**
 * "Met at an event": the untriaged people who connected with you, or invited you, around
 * an event's dates. They are probably the people you met there.
 */
import { compareDates, type IsoDate } from '../dates/iso-date';
import type { PersonRecord } from '../people/person-record';

export function peopleInWindow(people: readonly PersonRecord[], from: IsoDate, to: IsoDate): PersonRecord[] {
  const inside = (d: IsoDate | null) => d !== null && d >= from && d <= to;
  return people
    .filter((p) => p.trust === null && !p.prune && (inside(p.connectedOn) || inside(p.invitedOn)))
    .sort(
      (a, b) =>
        compareDates(b.connectedOn ?? b.invitedOn, a.connectedOn ?? a.invitedOn) || a.name.localeCompare(b.name),
    );
}

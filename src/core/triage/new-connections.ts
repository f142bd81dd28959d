/**
 * Which connections are new (see triage-state.ts for how the window is remembered).
 *
 * After a later import, new means connected after the previous import's newest connection
 * day, or on that day but not yet in that import. After the first import (or with no import
 * recorded, on a vault made by hand or by an older version), new means within the last N
 * days before the newest `connected-on` (the "new connection days" setting).
 *
 * A connection without a date is new only when it was an invitation you just accepted.
 */
import { addDays, type IsoDate } from '../dates/iso-date';
import { personKey } from '../identity/person-key';
import type { PersonRecord } from '../people/person-record';
import type { TriageState } from './triage-state';

export interface NewConnectionWindow {
  /** Connections after this day are new; null when no connection has a date. */
  after: IsoDate | null;
  /** On the `after` day itself, these people were already known. */
  knownOnBoundary: ReadonlySet<string> | null;
}

export function newConnectionWindow(
  state: Pick<TriageState, 'newSince' | 'newSinceKnown' | 'newestSeen'>,
  people: readonly PersonRecord[],
  days: number,
): NewConnectionWindow {
  if (state.newSince !== null) return { after: state.newSince, knownOnBoundary: new Set(state.newSinceKnown) };
  let newest = state.newestSeen;
  if (newest === null)
    for (const p of people)
      if (p.status === 'connected' && p.connectedOn !== null && (newest === null || p.connectedOn > newest))
        newest = p.connectedOn;
  return { after: newest === null ? null : addDays(newest, -days), knownOnBoundary: null };
}

export function isNewConnection(p: PersonRecord, window: NewConnectionWindow): boolean {
  if (p.connectedOn === null) return p.invitedOn !== null;
  if (window.after === null) return false;
  if (p.connectedOn > window.after) return true;
  return (
    p.connectedOn === window.after &&
    window.knownOnBoundary !== null &&
    !window.knownOnBoundary.has(personKey(p.profileUrl, p.name))
  );
}

/** No trust level, not marked to prune or to keep: the person still needs a decision. */
export function isUntriaged(p: PersonRecord): boolean {
  return p.status === 'connected' && p.trust === null && !p.prune && !p.kept;
}

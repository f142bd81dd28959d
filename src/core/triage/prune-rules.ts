/**
 * Who is worth removing from your LinkedIn network, strongest signal first:
 *
 * 1. You wrote N times in a row and they never answered (the unanswered-messages setting),
 *    for people you rated "Don't know" or "Met", with nothing you logged since.
 * 2. People you rated "Don't know" with nothing on record for N years (the prune setting):
 *    connected that long ago and no contact of any kind since.
 *
 * People without a trust level are never prune candidates one by one: they are the backlog,
 * which bulk rating is for. Marked (`prune: true`) and kept (`prune: false`) people are done.
 */
import { addDays, daysBetween, type IsoDate } from '../dates/iso-date';
import { effectiveLastContact } from '../people/last-contact';
import { neverAnswered, type PersonRecord } from '../people/person-record';
import { spanOfDays } from '../text/relative-time';

export interface PruneOptions {
  today: IsoDate;
  pruneAfterYears: number;
  unansweredThreshold: number;
}

export interface PruneSignal {
  /** Higher first: never-answering people (by messages unanswered), then the longest silent. */
  strength: number;
  reason: string;
}

function latestOther(p: PersonRecord): IsoDate | null {
  let best: IsoDate | null = null;
  for (const d of [p.logLatest, p.dailyLatest, p.lastContactField])
    if (d !== null && (best === null || d > best)) best = d;
  return best;
}

/** The prune rules for one day and one set of settings (the dates are worked out once, not per person). */
export function pruneRules(options: PruneOptions): (p: PersonRecord) => PruneSignal | null {
  const limit = addDays(options.today, -Math.round(options.pruneAfterYears * 365.25));
  return (p) => pruneSignal(p, options, limit);
}

export function pruneSignal(
  p: PersonRecord,
  options: PruneOptions,
  limit = addDays(options.today, -Math.round(options.pruneAfterYears * 365.25)),
): PruneSignal | null {
  if (p.prune || p.kept || p.status !== 'connected' || p.trust === null || p.trust > 2) return null;
  const unanswered = p.unanswered ?? 0;
  const other = latestOther(p);
  if (
    p.lastMessageFrom === 'me' &&
    unanswered >= options.unansweredThreshold &&
    (other === null || (p.lastMessage !== null && other < p.lastMessage))
  ) {
    return {
      strength: 1_000_000 + unanswered * 1000 + (neverAnswered(p) ? 500 : 0),
      reason: neverAnswered(p)
        ? `You wrote ${unanswered} times in a row; they never answered`
        : `You wrote ${unanswered} times in a row since their last answer (${p.lastReply})`,
    };
  }
  if (p.trust !== 1 || p.connectedOn === null || p.connectedOn > limit) return null;
  const last = effectiveLastContact(p, { useDailyNotes: true });
  if (last !== null && last.date > limit) return null;
  const silent = daysBetween(last?.date ?? p.connectedOn, options.today);
  return {
    strength: silent,
    reason:
      last === null
        ? `Don't know · connected ${spanOfDays(daysBetween(p.connectedOn, options.today))} ago, nothing on record`
        : `Don't know · last contact ${spanOfDays(silent)} ago (${last.date})`,
  };
}

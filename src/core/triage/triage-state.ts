/**
 * What triage remembers between imports, inside the vault state (`state.triage` in the
 * plugin's data.json, shared by the plugin and the CLI):
 *
 * - **The new-connection window.** "New" means connected since the previous import that
 *   brought newer connections; on the first import, within the last N days (a setting)
 *   before the newest `connected-on` in the export. An import of the same or an older
 *   export (a re-run, the complete archive after the basic one) leaves the window alone,
 *   so re-running an import never turns new connections into backlog.
 * - **Your pending sent invitations**, as the newest export with Invitations.csv lists
 *   them, so invitees need no notes; one gone from the newest export is gone for triage.
 * - **"Keep waiting" and "withdrawn on LinkedIn"** decisions about them, kept while the
 *   invitation is pending, whatever the next import says.
 *
 * Keys are `personKey` strings (profile URL, else `name:` + name key).
 */
import { isIsoDate, type IsoDate } from '../dates/iso-date';
import { personKey } from '../identity/person-key';

export interface SentInvitation {
  name: string;
  profileUrl: string | null;
  sentOn: IsoDate;
}

export type SentDecisionKind = 'waiting' | 'withdrawn';

export interface SentDecision {
  decision: SentDecisionKind;
  on: IsoDate;
}

export interface TriageState {
  /** The newest `connected-on` of every import so far, and who connected that day. */
  newestSeen: IsoDate | null;
  newestSeenKeys: string[];
  /**
   * Connections after this day are new; null after the first import only, when the window
   * is `newestSeen` minus the "new connection days" setting (so changing it applies at once).
   */
  newSince: IsoDate | null;
  /** People already known on the `newSince` day: someone who connected later that day is still new. */
  newSinceKnown: string[];
  /** Pending invitations you sent, from the newest export with Invitations.csv; null before one. */
  sentPending: SentInvitation[] | null;
  sentDecisions: Record<string, SentDecision>;
}

export const EMPTY_TRIAGE_STATE: TriageState = {
  newestSeen: null,
  newestSeenKeys: [],
  newSince: null,
  newSinceKnown: [],
  sentPending: null,
  sentDecisions: {},
};

/** What an import tells triage about the export (see `ImportPlan.seen`). */
export interface ExportSeen {
  /** Newest `connected-on` in Connections.csv, or null without one. */
  newestConnectedOn: IsoDate | null;
  /** Keys of the connections on that day. */
  onNewestDay: string[];
  /** Whether the export had Invitations.csv (else the pending list stays as it was). */
  invitationsFile: boolean;
}

const isoOrNull = (v: unknown): IsoDate | null => (typeof v === 'string' && isIsoDate(v) ? v : null);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);
const asRecord = (v: unknown): Record<string, unknown> | null =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;

function sanitizeSent(v: unknown): SentInvitation | null {
  const r = asRecord(v);
  const sentOn = isoOrNull(r?.sentOn);
  const name = typeof r?.name === 'string' ? r.name : '';
  const profileUrl = typeof r?.profileUrl === 'string' && r.profileUrl !== '' ? r.profileUrl : null;
  if (sentOn === null || (name === '' && profileUrl === null)) return null;
  return { name, profileUrl, sentOn };
}

/** A stored decision as it was written, or null when it is not one. */
export function sanitizeSentDecision(v: unknown): SentDecision | null {
  const d = asRecord(v);
  const on = isoOrNull(d?.on);
  return on !== null && (d?.decision === 'waiting' || d?.decision === 'withdrawn')
    ? { decision: d.decision, on }
    : null;
}

export function sanitizeTriageState(loaded: unknown): TriageState {
  const raw = asRecord(loaded);
  if (!raw) return { ...EMPTY_TRIAGE_STATE };
  const decisions: Record<string, SentDecision> = {};
  for (const [key, value] of Object.entries(asRecord(raw.sentDecisions) ?? {})) {
    const d = sanitizeSentDecision(value);
    if (d !== null) decisions[key] = d;
  }
  const newestSeen = isoOrNull(raw.newestSeen);
  const newSince = isoOrNull(raw.newSince);
  return {
    newestSeen,
    newestSeenKeys: newestSeen === null ? [] : strings(raw.newestSeenKeys),
    newSince,
    newSinceKnown: newSince === null ? [] : strings(raw.newSinceKnown),
    sentPending: Array.isArray(raw.sentPending)
      ? raw.sentPending.map(sanitizeSent).filter((s): s is SentInvitation => s !== null)
      : null,
    sentDecisions: decisions,
  };
}

/** The key a sent invitation's decisions are kept under. */
export const sentKey = (s: SentInvitation): string => personKey(s.profileUrl, s.name);

/** The triage state after an import of an export that looked like `seen`. */
export function recordExportSeen(
  state: TriageState,
  seen: ExportSeen,
  pending: readonly SentInvitation[],
): TriageState {
  const next: TriageState = { ...state };
  const newest = seen.newestConnectedOn;
  if (newest !== null) {
    if (state.newestSeen === null) {
      next.newestSeen = newest;
      next.newestSeenKeys = [...seen.onNewestDay];
    } else if (newest > state.newestSeen) {
      next.newSince = state.newestSeen;
      next.newSinceKnown = state.newestSeenKeys;
      next.newestSeen = newest;
      next.newestSeenKeys = [...seen.onNewestDay];
    } else if (newest === state.newestSeen) {
      next.newestSeenKeys = [...new Set([...state.newestSeenKeys, ...seen.onNewestDay])];
    }
  }
  if (seen.invitationsFile) {
    next.sentPending = pending.map((p) => ({ name: p.name, profileUrl: p.profileUrl, sentOn: p.sentOn }));
    // A decision is about one pending invitation: it goes when the invitation does.
    const still = new Set(next.sentPending.map(sentKey));
    next.sentDecisions = Object.fromEntries(Object.entries(state.sentDecisions).filter(([k]) => still.has(k)));
  }
  return next;
}

/** Records "keep waiting" or "withdrawn on LinkedIn" for these invitees (one undoable state change). */
export function withSentDecision(
  state: TriageState,
  keys: readonly string[],
  decision: SentDecisionKind | null,
  today: IsoDate,
): TriageState {
  const sentDecisions = { ...state.sentDecisions };
  for (const key of keys) {
    if (decision === null) delete sentDecisions[key];
    else sentDecisions[key] = { decision, on: today };
  }
  return { ...state, sentDecisions };
}

/** What a change did to one invitation's decision (null: none), as an undo entry keeps it. */
export interface SentDecisionChange {
  before: SentDecision | null;
  after: SentDecision | null;
}

/** What a change from `before` to `after` did to these invitations' decisions, for its undo. */
export function sentDecisionChanges(
  before: TriageState,
  after: TriageState,
  keys: readonly string[],
): Record<string, SentDecisionChange> {
  return Object.fromEntries(
    keys.map((k) => [k, { before: before.sentDecisions[k] ?? null, after: after.sentDecisions[k] ?? null }]),
  );
}

const sameDecision = (a: SentDecision | null, b: SentDecision | null): boolean =>
  a === b || (a !== null && b !== null && a.decision === b.decision && a.on === b.on);

/**
 * Undoes recorded decision changes, by the one undo rule: a decision still as the change left
 * it goes back to what it was; one decided again since is kept (`kept` lists its key), so a
 * later decision is never thrown away. Used by the plugin's and the CLI's undo.
 */
export function undoSentDecisions(
  state: TriageState,
  changes: Readonly<Record<string, SentDecisionChange>>,
): { state: TriageState; kept: string[] } {
  const sentDecisions = { ...state.sentDecisions };
  const kept: string[] = [];
  for (const [key, change] of Object.entries(changes)) {
    if (!sameDecision(sentDecisions[key] ?? null, change.after)) kept.push(key);
    else if (change.before === null) delete sentDecisions[key];
    else sentDecisions[key] = change.before;
  }
  return { state: { ...state, sentDecisions }, kept };
}

/**
 * What Invitations.csv adds to an import.
 *
 * The file is recent invitation history, accepted ones included. An invitation whose
 * other side is a connection (in this export, or a note already marked connected) was
 * accepted: its message, either direction, goes into their Interactions log once, and
 * nothing else changes. Otherwise it is pending: an incoming one becomes (or updates) a
 * note marked `invitation-received`; an outgoing one marks an existing note
 * `invitation-sent` (or creates one when the setting asks) and is listed in the report.
 * Without profile URLs (exports before 2024) people are matched by exact name only, and a
 * name that fits several people is reported with every candidate, never guessed.
 */
import { daysBetween, type IsoDate } from '../dates/iso-date';
import { invitationCounterpart } from '../linkedin/invitations';
import type { LinkedInExport } from '../linkedin/read-export';
import type { InvitationRecord } from '../linkedin/records';
import { escapeMarkdown } from '../notes/markdown-escape';
import { FIELD } from '../notes/schema';
import { coerceText } from '../people/coerce';
import { nameKey } from '../identity/person-name';
import { describeCandidate } from './ambiguity';
import { addInteractions, NO_INTERACTIONS, partsFromName, type IncomingPerson, type IncomingSet } from './incoming';
import { noteName, type NoteMatcher } from './note-matcher';
import type { AmbiguousPerson, ImportPlan, PendingInvitation } from './plan-types';

export interface InvitationOptions {
  today: IsoDate;
  createNotesForPendingInvitees: boolean;
}

export interface InvitationOutcome {
  pendingOutgoing: PendingInvitation[];
  pendingIncoming: number;
  accepted: number;
  ambiguous: AmbiguousPerson[];
}

export function acceptedLine(inv: InvitationRecord): string {
  const who = inv.direction === 'incoming' ? 'invitation from them' : 'invitation from you';
  return `- ${inv.sentOn} · ${who} · ${escapeMarkdown(inv.message.replace(/\s+/g, ' ').trim())}`;
}

/** Newest invitation per counterpart (the file may hold several, e.g. after a withdrawal). */
function latestPerPerson(exp: LinkedInExport): InvitationRecord[] {
  const latest = new Map<string, InvitationRecord>();
  for (const file of exp.invitations) {
    for (const inv of file.records) {
      const other = invitationCounterpart(inv);
      const key = `${inv.direction}|${other.profileUrl ?? `name:${nameKey(other.name)}`}`;
      const seen = latest.get(key);
      if (!seen || inv.sentAt > seen.sentAt) latest.set(key, inv);
    }
  }
  return [...latest.values()].sort((a, b) => b.sentAt - a.sentAt);
}

export function addInvitations(
  set: IncomingSet,
  exp: LinkedInExport,
  matcher: NoteMatcher,
  options: InvitationOptions,
): InvitationOutcome {
  const out: InvitationOutcome = { pendingOutgoing: [], pendingIncoming: 0, accepted: 0, ambiguous: [] };
  for (const inv of latestPerPerson(exp)) {
    const other = invitationCounterpart(inv);
    if (other.name === '' && other.profileUrl === null) continue;
    const found = set.find(other.profileUrl, other.name, inv.source);
    if (found.kind === 'ambiguous') {
      out.ambiguous.push({
        name: other.name,
        source: inv.source,
        candidates: found.candidates.map((c) => describeCandidate(c, matcher)),
        reason: found.reason,
      });
      continue;
    }
    const inExport = found.kind === 'found' ? found.person : null;
    if (inExport !== null && inExport.isConnection) {
      // Accepted; their connection row finds their note. Only a message is worth keeping.
      if (inv.message.trim() === '') continue;
      out.accepted++;
      addInteractions(inExport, [{ date: inv.sentOn, line: acceptedLine(inv) }]);
      continue;
    }
    const note = matcher.peek({ profileUrl: other.profileUrl, name: other.name });
    if (note.kind === 'ambiguous') {
      out.ambiguous.push({
        name: other.name,
        source: inv.source,
        candidates: note.candidates.map((n) => ({ path: n.path, description: noteName(n) })),
        reason: note.reason,
      });
      continue;
    }
    const noteConnected = note.kind === 'found' && coerceText(note.note.frontmatter?.[FIELD.status]) === 'connected';

    if (noteConnected) {
      // Accepted (their note says so), though not in this export's connections.
      if (inv.message.trim() === '') continue;
      out.accepted++;
      const line = { date: inv.sentOn, line: acceptedLine(inv) };
      if (inExport !== null) addInteractions(inExport, [line]);
      else
        set.add({
          identity: { profileUrl: other.profileUrl, name: other.name },
          parts: partsFromName(other.name),
          owned: {},
          interactions: [line],
          source: inv.source,
          createIfMissing: false,
          isConnection: false,
        });
      continue;
    }
    if (inExport !== null) continue; // already covered by another invitation row

    if (inv.direction === 'incoming') {
      out.pendingIncoming++;
      set.add({
        identity: { profileUrl: other.profileUrl, name: other.name },
        parts: partsFromName(other.name),
        owned: {
          [FIELD.name]: other.name,
          [FIELD.linkedin]: other.profileUrl,
          [FIELD.status]: 'invitation-received',
          [FIELD.invitedOn]: inv.sentOn,
          [FIELD.invitationMessage]: inv.message.replace(/\s+/g, ' ').trim(),
        },
        interactions: [],
        source: inv.source,
        createIfMissing: true,
        isConnection: false,
      });
    } else {
      const hasNote = note.kind === 'found';
      out.pendingOutgoing.push({
        name: other.name,
        profileUrl: other.profileUrl,
        sentOn: inv.sentOn,
        ageDays: daysBetween(inv.sentOn, options.today),
        notePath: hasNote ? note.note.path : null,
        source: inv.source,
      });
      if (!hasNote && !options.createNotesForPendingInvitees) continue;
      set.add({
        identity: { profileUrl: other.profileUrl, name: other.name },
        parts: partsFromName(other.name),
        owned: {
          [FIELD.name]: other.name,
          [FIELD.linkedin]: other.profileUrl,
          [FIELD.status]: 'invitation-sent',
          [FIELD.invitedOn]: inv.sentOn,
        },
        interactions: [],
        source: inv.source,
        createIfMissing: options.createNotesForPendingInvitees,
        isConnection: false,
      });
    }
  }
  return out;
}

/**
 * Invitations received that a newer export no longer lists, as people whose note is marked
 * `invitation-withdrawn`: the sender withdrew it, or it was ignored or declined on LinkedIn.
 * Either way it is no longer pending, and left `invitation-received` it stayed on the triage
 * queue for good (a real-scale trial: 15 of 243 cards after one month).
 *
 * Invitations.csv covers a few months only: an invitation is known to be gone only when a file
 * of the export lists invitations received both before it and on or after its day (strictly
 * after the file's oldest, whose day the file may cover in part). An invitation outside every
 * file's span, or between two merged exports' spans, may still be pending. Only from files
 * with URLs (2024 and later) that were read whole (a row that could not be read may be its
 * row), and only notes with a profile URL: a name alone could be someone else's. Anyone the
 * export still names (a connection, a message, an invitation) is left to that row. `people`:
 * everyone this export describes, invitations included.
 */
export function goneInvitations(exp: LinkedInExport, people: IncomingSet, matcher: NoteMatcher): IncomingPerson[] {
  if (exp.invitations.some((f) => f.skipped.length > 0)) return [];
  // Each file's span of invitations received, as the file's own rows say.
  const spans: Array<{ from: IsoDate; to: IsoDate }> = [];
  for (const f of exp.invitations) {
    let from: IsoDate | null = null;
    let to: IsoDate | null = null;
    for (const inv of f.records) {
      if (inv.direction !== 'incoming' || invitationCounterpart(inv).profileUrl === null) continue;
      if (from === null || inv.sentOn < from) from = inv.sentOn;
      if (to === null || inv.sentOn > to) to = inv.sentOn;
    }
    if (from !== null && to !== null) spans.push({ from, to });
  }
  if (spans.length === 0) return [];
  const file = exp.invitations[0]?.file ?? 'Invitations.csv';
  const gone: IncomingPerson[] = [];
  for (const { profileUrl, name, invitedOn } of matcher.receivedInvitations()) {
    const on = invitedOn;
    if (on === null || !spans.some((s) => s.from < on && on <= s.to)) continue;
    // By URL, or by name for a file without URLs (a 2023 Connections.csv): as the plan would find them.
    if (people.findSame({ profileUrl, name }) !== null) continue;
    gone.push({
      identity: { profileUrl, name },
      parts: partsFromName(name),
      owned: { [FIELD.status]: 'invitation-withdrawn' },
      interactions: NO_INTERACTIONS,
      source: { file, line: 0 },
      createIfMissing: false,
      isConnection: false,
    });
  }
  return gone;
}

/** How many notes an update list marks as no longer invited (received → withdrawn: only {@link goneInvitations} does that). */
export function invitationsGone(
  updates: ReadonlyArray<{ changes: ReadonlyArray<{ field: string; from: unknown; to: unknown }> }>,
): number {
  let n = 0;
  for (const u of updates)
    if (
      u.changes.some(
        (c) => c.field === FIELD.status && c.from === 'invitation-received' && c.to === 'invitation-withdrawn',
      )
    )
      n++;
  return n;
}

/**
 * The status a note should end up with. Connected wins (LinkedIn says so); a decline the
 * user recorded stands until a newer invitation arrives; otherwise the export's state.
 */
export function mergeStatus(
  current: string,
  wanted: string,
  currentInvitedOn: IsoDate | null,
  wantedInvitedOn: IsoDate | null,
): string {
  if (wanted === 'connected') return wanted;
  if (current === 'connected') return current;
  if (current === 'invitation-declined' && wanted === 'invitation-received') {
    return wantedInvitedOn !== null && (currentInvitedOn === null || wantedInvitedOn > currentInvitedOn)
      ? wanted
      : current;
  }
  return wanted;
}

/** The pending sent invitations an import takes, and how many of its export's it leaves out. */
export interface SentInvitations {
  taken: readonly PendingInvitation[];
  leftOut: number;
}

/**
 * The pending sent invitations this import takes: the vault state keeps an import's list only
 * when `plan.seen.invitationsFile` (triage-state.ts `recordExportSeen`, by record-import.ts),
 * and sources/linkedin.ts clears that flag for an export older than the vault's (export-age.ts).
 * Such an export's list is left out, so the summary, the preview and the report must not show
 * it as pending: they said "2 invitations pending" while triage kept the vault's own list.
 */
export function sentInvitations(plan: Pick<ImportPlan, 'seen' | 'pendingInvitations'>): SentInvitations {
  return plan.seen.invitationsFile || plan.pendingInvitations.length === 0
    ? { taken: plan.pendingInvitations, leftOut: 0 }
    : { taken: [], leftOut: plan.pendingInvitations.length };
}

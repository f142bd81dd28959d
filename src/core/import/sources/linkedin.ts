/**
 * The LinkedIn export as an import source: connections, invitations and messages become
 * people (identified by profile URL, or by name in exports before 2023, a URL another
 * file of the export shows being learned by name), LinkedIn owns its fields
 * (`LINKEDIN_OWNED`), a recorded decline or connection is not undone by an old invitation,
 * and connections no longer in Connections.csv are reported as missing. An export older
 * than what the vault holds only fills what a note leaves empty (export-age.ts). The owner,
 * the invitation and the message details go into the plan's LinkedIn sections.
 */
import { compareDates } from '../../dates/iso-date';
import { personKey } from '../../identity/person-key';
import { withRecords } from '../../linkedin/compact-rows';
import { coerceDate, coerceText } from '../../people/coerce';
import type { LinkedInExport } from '../../linkedin/read-export';
import type { ConnectionRecord, SourceRef } from '../../linkedin/records';
import { linkedInHeadLine, type OwnedValues } from '../../notes/compose-note';
import { FIELD, LINKEDIN_OWNED } from '../../notes/schema';
import {
  exportDateOfFiles,
  fillOnlyRules,
  daysNotIn,
  isOlderThanVault,
  olderExportWarning,
  type ExportAge,
} from '../export-age';
import { findOwner, ownMessageTest } from '../export-owner';
import { addConnections, IncomingSet, profilesByName } from '../incoming';
import { addInvitations, goneInvitations, invitationsGone, mergeStatus } from '../invitations-plan';
import { addMessages } from '../messages-plan';
import { missingFromExport, unreadableUrlsOf, type ConnectionsSeen } from '../missing-from-export';
import { rowSettler } from '../settled-rows';
import type { NoteMatcher, PersonIdentity } from '../note-matcher';
import type { ImportPlan, ImportSettings } from '../plan-types';
import type { ImportSource } from '../source';

/** The status a note keeps: a recorded decline or a connection is not undone by an old invitation. */
export function settleLinkedInStatus(current: Readonly<Record<string, unknown>>, incoming: OwnedValues): OwnedValues {
  const wanted = incoming[FIELD.status];
  if (typeof wanted !== 'string') return incoming;
  // A connection, or the status the note already has, stands as it is (mergeStatus would say
  // so too); this is every person of an unchanged re-import, so it is answered first.
  if (wanted === 'connected' || current[FIELD.status] === wanted) return incoming;
  const status = mergeStatus(
    coerceText(current[FIELD.status]).toLowerCase(),
    wanted,
    coerceDate(current[FIELD.invitedOn]).value,
    coerceDate(incoming[FIELD.invitedOn]).value,
  );
  return status === wanted ? incoming : { ...incoming, [FIELD.status]: status };
}

/**
 * The newest connection day of Connections.csv, and who connected then (triage's
 * new-connection window), fed the rows in file order.
 */
export class NewestDay {
  day: string | null = null;
  who: string[] = [];
  /** The first row of that day, in the order rows were added (its index, and its row when given). */
  firstIndex = -1;
  firstSource: SourceRef | null = null;
  private added = 0;

  add(c: Pick<ConnectionRecord, 'name' | 'profileUrl' | 'connectedOn'> & { source?: SourceRef }): void {
    const index = this.added++;
    if (c.connectedOn === null) return;
    if (this.day === null || c.connectedOn > this.day) {
      this.day = c.connectedOn;
      this.who = [];
      this.firstIndex = index;
      this.firstSource = c.source ?? null;
    }
    if (c.connectedOn === this.day) this.who.push(personKey(c.profileUrl, c.name));
  }
}

/** The files that tell an export's age: Connections, Invitations and messages (not Profile.csv). */
function dataFiles(exp: Pick<LinkedInExport, 'connections' | 'invitations' | 'messages'>): string[] {
  return [...exp.connections, ...exp.invitations, ...exp.messages].map((f) => f.file);
}

/** An export older than what the vault holds: how old it is, the vault's newest connection and export date. */
export interface OlderExport {
  age: ExportAge;
  vaultNewest: string | null;
  vaultDate: string | null;
}

/**
 * Whether this export is older than what the vault holds (export-age.ts), null when not.
 * `newest`: the newest Connected On of its whole Connections.csv; `inExport`: which of
 * these people are among its connections (asked only about notes connected after `newest`,
 * and only when the vault state does not say).
 */
export function olderExport(
  exp: Pick<LinkedInExport, 'connections' | 'invitations' | 'messages'>,
  newest: string | null,
  settings: ImportSettings,
  notes: NoteMatcher,
  inExport: (who: readonly PersonIdentity[]) => readonly boolean[],
): OlderExport | null {
  const age: ExportAge = { newest, date: exportDateOfFiles(dataFiles(exp)) };
  if (age.newest === null && age.date === null) return null; // nothing tells its age
  // The vault's connections after the export's newest that it lacks: made after it, or gone since.
  const missing =
    (settings.vaultNewestConnectedOn ?? null) !== null && age.date !== null
      ? []
      : daysNotIn(notes.connectedAfter(newest), inExport);
  const vaultNewest = settings.vaultNewestConnectedOn ?? missing[0] ?? null;
  const vaultDate = settings.vaultExportDate ?? null;
  return isOlderThanVault(age, vaultNewest, missing.length, vaultDate) ? { age, vaultNewest, vaultDate } : null;
}

/** Which of these people are among the export's connections (for {@link olderExport}), as the plan finds a person. */
export function amongConnections(people: IncomingSet): (who: readonly PersonIdentity[]) => boolean[] {
  return (who) =>
    who.map((w) => {
      const found = people.findSame(w);
      return Array.isArray(found) ? found.some((p) => p.isConnection) : found !== null && found.isConnection;
    });
}

/** What an export older than the vault may write: only what a note leaves empty. */
const FILL_ONLY = fillOnlyRules(LINKEDIN_OWNED);

/** The count of pending sent invitations (plan-counts.ts words it otherwise for an older export, which leaves them out). */
export const SENT_PENDING = 'Invitations you sent, not accepted';

export interface LinkedInSourceOptions {
  /**
   * For a part of an export planned in parts (parts.ts): whether the whole export is older
   * than the vault, which only the whole file tells. The plan of the parts warns once, itself.
   */
  older?: OlderExport | null;
  /**
   * Whether rows that change nothing skip the plan (settled-rows.ts; default true). Off, every
   * row goes the long way: the tests compare the two.
   */
  settle?: boolean;
}

/** The row that tells an export's age (its newest connection), else its first file. */
function whereAgeIsTold(exp: LinkedInExport, newest: NewestDay): SourceRef {
  return newest.firstSource ?? { file: dataFiles(exp)[0] ?? exp.sources[0] ?? '', line: 0 };
}

/** The exports whose one Connections.csv is held compactly, by their source (see {@link compactExportOf}). */
const compactExports = new WeakMap<ImportSource, LinkedInExport>();

/**
 * The export behind a LinkedIn source whose one Connections.csv was held compactly
 * (more people than the reader's `compactAbove`), for an import planned in parts
 * (core/import/parts.ts); null for any other source.
 */
export function compactExportOf(source: ImportSource): LinkedInExport | null {
  return compactExports.get(source) ?? null;
}

/**
 * Leaves out the rows of profiles merged into another note (`linkedin-merged`, written by
 * `merge`), each reported as skipped: made again, the merged note would come back at every
 * import. A profile that is some note's own `linkedin` is never left out.
 */
function skipMergedProfiles(exp: LinkedInExport, notes: NoteMatcher, plan: ImportPlan): void {
  for (const file of exp.connections)
    file.records = file.records.filter((c) => {
      const into = c.profileUrl === null ? null : notes.mergedInto(c.profileUrl);
      if (into === null) return true;
      plan.skipped.push({
        ...c.source,
        reason: `a profile merged into ${into.path} (its linkedin-merged); not made again`,
      });
      return false;
    });
}

/**
 * The LinkedIn source of one import run. It lets go of the export's records once its people
 * are collected (a source is collected once): at 1,000,000 rows, or 200,000 messages, the
 * records were as much memory again as the people the plan is made of.
 */
export function linkedInSource(data: LinkedInExport, options: LinkedInSourceOptions = {}): ImportSource {
  let held: LinkedInExport | null = data;
  /** What `missing` needs of Connections.csv, kept when the records are let go. */
  let connections: ConnectionsSeen | null = null;
  const source: ImportSource = {
    id: 'linkedin',
    label: 'LinkedIn',
    files: data.sources,
    owns: LINKEDIN_OWNED,
    skipped: [
      ...data.connections.flatMap((f) => f.skipped),
      ...data.invitations.flatMap((f) => f.skipped),
      ...data.messages.flatMap((f) => f.skipped),
    ],
    warnings: [...data.connections.flatMap((f) => f.warnings), ...data.profiles.flatMap((f) => f.warnings)],

    collect({ notes, settings, plan, alone }) {
      if (held === null) throw new Error('a LinkedIn import source is collected once');
      // A compact Connections.csv planned in one pass (by a caller that does not plan parts) is made records again.
      const exp = { ...held, connections: held.connections.map(withRecords) };
      held = null;
      const stats = plan.stats;
      stats.connectionRows = exp.connections.reduce((n, f) => n + f.records.length + f.skipped.length, 0);
      stats.blankMemberRows = exp.connections.reduce((n, f) => n + f.blankMemberRows, 0);
      stats.invitationRows = exp.invitations.reduce((n, f) => n + f.records.length + f.skipped.length, 0);
      const newest = new NewestDay();
      for (const file of exp.connections) for (const c of file.records) newest.add(c);
      stats.newestConnectedOn = newest.day;
      stats.exportDate = exportDateOfFiles(dataFiles(exp));
      plan.seen.onNewestDay = newest.who;
      plan.seen.invitationsFile = exp.invitations.length > 0;

      plan.mergedExports = exp.merged ?? null;
      const owner = findOwner(exp);
      plan.owner = owner.owner;
      plan.messages.ownerUrl = owner.owner?.profileUrl ?? null;
      plan.messages.ownerRule = owner.rule;
      const people = new IncomingSet(profilesByName(exp, ownMessageTest(owner.owner)));
      const inParts = options.older !== undefined;
      // A first import (no note has a URL) has no row to settle: the test of every row is skipped.
      const settles = alone === true && !inParts && options.settle !== false && notes.anyUrl;
      skipMergedProfiles(exp, notes, plan);
      addConnections(people, exp, settles ? rowSettler(exp, (url) => notes.notesWithUrl(url)) : null);
      const invitations = addInvitations(people, exp, notes, {
        today: settings.today,
        createNotesForPendingInvitees: settings.createNotesForPendingInvitees ?? false,
      });
      plan.pendingInvitations = invitations.pendingOutgoing.sort((a, b) => compareDates(a.sentOn, b.sentOn));
      stats.pendingIncoming = invitations.pendingIncoming;
      stats.acceptedWithMessage = invitations.accepted;
      plan.ambiguous.push(...invitations.ambiguous);
      const messages = addMessages(people, exp, notes, owner, { logMessageDays: settings.logMessageDays ?? false });
      plan.messages = messages.outcome;
      plan.ambiguous.push(...messages.ambiguous);
      connections =
        exp.connections.length > 0
          ? { newest: stats.newestConnectedOn, unreadableUrls: unreadableUrlsOf(exp.connections) }
          : null;
      const older = inParts
        ? (options.older ?? null)
        : olderExport(exp, newest.day, settings, notes, amongConnections(people));
      if (older !== null) {
        // Nothing goes back: values only fill empty fields, and the pending invitations the
        // vault state keeps are not replaced by this export's older list (record-import.ts).
        source.rules = FILL_ONLY;
        plan.seen.invitationsFile = false;
        // Nor are notes made for them (--create-pending-invitees): the summary says they were left out.
        for (const p of people.all())
          if (!p.isConnection && p.owned[FIELD.status] === 'invitation-sent') p.createIfMissing = false;
        if (!inParts)
          plan.warnings.push(
            olderExportWarning(older.age, older.vaultNewest, whereAgeIsTold(exp, newest), older.vaultDate),
          );
      } else if (!inParts) {
        // Not from a part, whose people are not the whole export's: one of another part could still
        // be the invitation's sender, connected since.
        for (const person of goneInvitations(exp, people, notes)) people.add(person);
      }
      return people;
    },

    settle: settleLinkedInStatus,

    missing: (notes, accounted) => missingFromExport(connections, notes, accounted),

    counts: (plan) => [
      ['Invitations received, waiting for you', plan.stats.pendingIncoming],
      ['Invitations received no longer on LinkedIn (withdrawn, or declined there)', invitationsGone(plan.updates)],
      [SENT_PENDING, plan.pendingInvitations.length],
      ['People with LinkedIn messages', plan.messages.matched],
    ],

    headLine: linkedInHeadLine,
  };
  if (data.connections.length === 1 && data.connections[0]?.compact !== undefined) compactExports.set(source, data);
  return source;
}

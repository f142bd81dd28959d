/**
 * Export + vault → plan. Pure and deterministic: the same export and vault give the same
 * plan, which the CLI prints or applies and the plugin previews, then applies.
 *
 * Because people are matched by identity (profile URL, else exact name), a plan made after
 * an interrupted run sees the notes the first run created as existing and unchanged, so
 * running the import again finishes the job without duplicates.
 */
import type { IsoDate } from '../dates/iso-date';
import type { LinkedInExport } from '../linkedin/read-export';
import { composePersonNote } from '../notes/compose-note';
import { PathClaimer, personBaseName } from '../notes/file-name';
import { aliasesForName, mergeAliases } from '../notes/name-cleanup';
import { FIELD, INTERACTIONS_HEADING, LINKEDIN_OWNED } from '../notes/schema';
import { sectionLines } from '../notes/body-sections';
import { coerceDate, coerceText } from '../people/coerce';
import { detectJobChange, diffOwned, historyLine } from './field-diff';
import { findOwner, ownMessageTest } from './export-owner';
import { ambiguousCandidates } from './ambiguity';
import { addConnections, IncomingSet, ownedFor, profilesByName, type IncomingPerson } from './incoming';
import { addInvitations, mergeStatus } from './invitations-plan';
import { addMessages } from './messages-plan';
import { missingFromExport } from './missing-from-export';
import { NoteMatcher, noteName } from './note-matcher';
import type { ImportPlan, ImportSettings } from './plan-types';
import type { ExistingNote, VaultSnapshot } from './vault-snapshot';

function newestConnectedOn(exp: LinkedInExport): IsoDate | null {
  let newest: IsoDate | null = null;
  for (const file of exp.connections)
    for (const c of file.records)
      if (c.connectedOn !== null && (newest === null || c.connectedOn > newest)) newest = c.connectedOn;
  return newest;
}

function emptyPlan(exp: LinkedInExport, settings: ImportSettings): ImportPlan {
  return {
    sources: exp.sources,
    folder: settings.folder,
    today: settings.today,
    creates: [],
    updates: [],
    unchanged: [],
    skipped: [
      ...exp.connections.flatMap((f) => f.skipped),
      ...exp.invitations.flatMap((f) => f.skipped),
      ...exp.messages.flatMap((f) => f.skipped),
    ],
    warnings: [...exp.connections.flatMap((f) => f.warnings), ...exp.profiles.flatMap((f) => f.warnings)],
    owner: null,
    ambiguous: [],
    unreadable: [],
    missingFromExport: [],
    pendingInvitations: [],
    stats: {
      connectionRows: exp.connections.reduce((n, f) => n + f.records.length + f.skipped.length, 0),
      blankMemberRows: exp.connections.reduce((n, f) => n + f.blankMemberRows, 0),
      invitationRows: exp.invitations.reduce((n, f) => n + f.records.length + f.skipped.length, 0),
      pendingIncoming: 0,
      acceptedWithMessage: 0,
      newestConnectedOn: newestConnectedOn(exp),
    },
    messages: {
      ownerUrl: null,
      ownerRule: 'none',
      messages: 0,
      skippedDrafts: 0,
      skippedSponsored: 0,
      counterparts: 0,
      matched: 0,
    },
  };
}

export async function planImport(
  exp: LinkedInExport,
  vault: VaultSnapshot,
  settings: ImportSettings,
): Promise<ImportPlan> {
  const plan = emptyPlan(exp, settings);
  const matcher = new NoteMatcher(vault.notes);
  const owner = findOwner(exp);
  plan.owner = owner.owner;
  plan.messages.ownerUrl = owner.owner?.profileUrl ?? null;
  plan.messages.ownerRule = owner.rule;
  const isOwn = ownMessageTest(owner.owner);
  const people = new IncomingSet(profilesByName(exp, isOwn));
  addConnections(people, exp);
  const invitations = addInvitations(people, exp, matcher, {
    today: settings.today,
    createNotesForPendingInvitees: settings.createNotesForPendingInvitees ?? false,
  });
  plan.pendingInvitations = invitations.pendingOutgoing.sort((a, b) => a.sentOn.localeCompare(b.sentOn));
  plan.stats.pendingIncoming = invitations.pendingIncoming;
  plan.stats.acceptedWithMessage = invitations.accepted;
  plan.ambiguous.push(...invitations.ambiguous);
  const messages = addMessages(people, exp, matcher, owner, { logMessageDays: settings.logMessageDays ?? false });
  plan.messages = messages.outcome;
  plan.ambiguous.push(...messages.ambiguous);

  const paths = new PathClaimer(vault.paths);
  const reportedUnreadable = new Set<string>();
  const bySource = new Map(people.all().map((p) => [p.source, p]));
  // Notes whose connection is in this export's Connections.csv, or may be (an ambiguous row).
  const accounted = new Set<ExistingNote>();
  const namesakesOf = new Map<IncomingPerson, IncomingPerson[]>();
  for (const person of people.all()) {
    const namesakes = people.namesakes(person);
    if (namesakes.length === 0) continue;
    namesakesOf.set(person, namesakes);
    person.identity.sharesName = true;
  }
  for (const person of people.all()) {
    const namesakes = namesakesOf.get(person) ?? [];
    const match = matcher.match(person.identity, person.source);
    if (match.kind === 'ambiguous') {
      plan.ambiguous.push({
        name: person.identity.name,
        source: person.source,
        candidates: ambiguousCandidates(match, namesakes, bySource, matcher),
        reason: match.reason,
      });
      if (person.isConnection) for (const n of match.candidates) accounted.add(n);
      continue;
    }
    if (match.kind === 'none') {
      if (!person.createIfMissing) continue;
      const profileUrl = IncomingSet.urlOf(person);
      const base = personBaseName(settings.fileNameFormat, person.parts, profileUrl);
      const path = paths.claim(settings.folder, base, person.parts.company);
      const log = [...person.interactions].sort((a, b) => b.date.localeCompare(a.date)).map((i) => i.line);
      plan.creates.push({
        path,
        name: person.identity.name,
        text: composePersonNote(ownedFor(person, null), {
          tag: settings.tag,
          interactions: log,
          aliases: aliasesForName(person.identity.name),
        }),
        profileUrl,
        source: person.source,
      });
      continue;
    }
    if (person.isConnection) accounted.add(match.note);
    const note = match.note;
    if (note.yamlError !== undefined) {
      if (!reportedUnreadable.has(note.path)) {
        reportedUnreadable.add(note.path);
        plan.unreadable.push({ path: note.path, error: note.yamlError });
      }
      continue;
    }
    await planUpdate(plan, note, person, vault, settings);
  }

  plan.missingFromExport = missingFromExport(exp, vault.notes, accounted);
  return plan;
}

/** The owned values after the status rule: a recorded decline or a connection is not undone by an old invitation. */
function ownedAfterStatusRule(
  current: Record<string, unknown>,
  owned: IncomingPerson['owned'],
  person: IncomingPerson,
): IncomingPerson['owned'] {
  const wanted = owned[FIELD.status];
  if (typeof wanted !== 'string') return owned;
  const status = mergeStatus(
    coerceText(current[FIELD.status]).toLowerCase(),
    wanted,
    coerceDate(current[FIELD.invitedOn]).value,
    coerceDate(person.owned[FIELD.invitedOn]).value,
  );
  return status === wanted ? owned : { ...owned, [FIELD.status]: status };
}

async function planUpdate(
  plan: ImportPlan,
  note: ExistingNote,
  person: IncomingPerson,
  vault: VaultSnapshot,
  settings: ImportSettings,
): Promise<void> {
  const current = note.frontmatter ?? {};
  const changes = diffOwned(current, ownedAfterStatusRule(current, ownedFor(person, current), person), LINKEDIN_OWNED);
  const jobChange = detectJobChange(current, changes);
  if (jobChange)
    changes.push({ field: FIELD.jobChangedOn, from: current[FIELD.jobChangedOn] ?? null, to: settings.today });
  const aliases = mergeAliases(current[FIELD.aliases], aliasesForName(person.identity.name));
  if (aliases !== null)
    changes.push({ field: FIELD.aliases, from: current[FIELD.aliases] ?? null, to: aliases as string[] });
  let interactions = person.interactions;
  if (interactions.length > 0) {
    const body = await vault.readBody(note.path);
    const existing = sectionLines(body, INTERACTIONS_HEADING).map((l) => l.trim());
    interactions = interactions.filter(
      (i) => !existing.some((l) => l === i.line.trim() || (i.key !== undefined && l.startsWith(i.key))),
    );
  }
  const name = person.identity.name || noteName(note);
  if (changes.length === 0 && interactions.length === 0) {
    plan.unchanged.push({ path: note.path, name });
    return;
  }
  plan.updates.push({
    path: note.path,
    name,
    changes,
    jobChange,
    history: jobChange ? historyLine(settings.today, jobChange) : null,
    interactions,
  });
}

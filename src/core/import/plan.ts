/**
 * Export + vault → plan. Pure and deterministic: the same export and vault give the same
 * plan, which the CLI prints or applies and the plugin previews, then applies.
 *
 * Because people are matched by identity (profile URL, else exact name), a plan made after
 * an interrupted run sees the notes the first run created as existing and unchanged, so
 * running the import again finishes the job without duplicates.
 */
import type { LinkedInExport } from '../linkedin/read-export';
import { composePersonNote } from '../notes/compose-note';
import { PathClaimer, personBaseName } from '../notes/file-name';
import { FIELD, INTERACTIONS_HEADING, LINKEDIN_OWNED } from '../notes/schema';
import { sectionLines } from '../notes/body-sections';
import { coerceDate, coerceText } from '../people/coerce';
import { detectJobChange, diffOwned, historyLine } from './field-diff';
import { addConnections, IncomingSet, type IncomingPerson } from './incoming';
import { addInvitations, mergeStatus } from './invitations-plan';
import { addMessages } from './messages-plan';
import { NoteMatcher, noteName } from './note-matcher';
import type { ImportPlan, ImportSettings } from './plan-types';
import type { ExistingNote, VaultSnapshot } from './vault-snapshot';

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
    warnings: exp.connections.flatMap((f) => f.warnings),
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
  const people = new IncomingSet();
  addConnections(people, exp);
  const invitations = addInvitations(people, exp, matcher, {
    today: settings.today,
    createNotesForPendingInvitees: settings.createNotesForPendingInvitees ?? false,
  });
  plan.pendingInvitations = invitations.pendingOutgoing.sort((a, b) => a.sentOn.localeCompare(b.sentOn));
  plan.stats.pendingIncoming = invitations.pendingIncoming;
  plan.stats.acceptedWithMessage = invitations.accepted;
  plan.ambiguous.push(...invitations.ambiguous);
  plan.messages = addMessages(people, exp, matcher, { logMessageDays: settings.logMessageDays ?? false });

  const paths = new PathClaimer(vault.paths);
  const reportedUnreadable = new Set<string>();
  for (const person of people.all()) {
    const match = matcher.match(person.identity);
    if (match.kind === 'ambiguous') {
      plan.ambiguous.push({
        name: person.identity.name,
        source: person.source,
        candidates: match.candidates.map((n) => n.path),
        reason: match.reason,
      });
      continue;
    }
    if (match.kind === 'none') {
      if (!person.createIfMissing) continue;
      const base = personBaseName(settings.fileNameFormat, person.parts, person.identity.profileUrl);
      const path = paths.claim(settings.folder, base, person.parts.company);
      const log = [...person.interactions].sort((a, b) => b.date.localeCompare(a.date)).map((i) => i.line);
      plan.creates.push({
        path,
        name: person.identity.name,
        text: composePersonNote(person.owned, { tag: settings.tag, interactions: log }),
        profileUrl: person.identity.profileUrl,
        source: person.source,
      });
      continue;
    }
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

  if (exp.connections.length > 0) {
    for (const note of vault.notes) {
      if (!matcher.isClaimed(note) && note.frontmatter && coerceText(note.frontmatter[FIELD.status]) === 'connected') {
        plan.missingFromExport.push({ path: note.path, name: noteName(note) });
      }
    }
  }
  return plan;
}

/** The owned values after the status rule: a recorded decline or a connection is not undone by an old invitation. */
function ownedAfterStatusRule(current: Record<string, unknown>, person: IncomingPerson) {
  const wanted = person.owned[FIELD.status];
  if (typeof wanted !== 'string') return person.owned;
  const status = mergeStatus(
    coerceText(current[FIELD.status]).toLowerCase(),
    wanted,
    coerceDate(current[FIELD.invitedOn]).value,
    coerceDate(person.owned[FIELD.invitedOn]).value,
  );
  return status === wanted ? person.owned : { ...person.owned, [FIELD.status]: status };
}

async function planUpdate(
  plan: ImportPlan,
  note: ExistingNote,
  person: IncomingPerson,
  vault: VaultSnapshot,
  settings: ImportSettings,
): Promise<void> {
  const current = note.frontmatter ?? {};
  const changes = diffOwned(current, ownedAfterStatusRule(current, person), LINKEDIN_OWNED);
  const jobChange = detectJobChange(current, changes);
  if (jobChange)
    changes.push({ field: FIELD.jobChangedOn, from: current[FIELD.jobChangedOn] ?? null, to: settings.today });
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

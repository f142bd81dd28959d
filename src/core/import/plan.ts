/**
 * Export + vault → plan. Pure and deterministic: the same export and vault give the same
 * plan, which the CLI prints or applies and the plugin previews, then applies.
 *
 * Because people are matched by identity (profile URL, else exact name), a plan made after
 * an interrupted run sees the notes the first run created as existing and unchanged, so
 * running the import again finishes the job without duplicates.
 */
import { fullName } from '../identity/person-name';
import type { LinkedInExport } from '../linkedin/read-export';
import type { SourceRef } from '../linkedin/records';
import { composePersonNote, type OwnedValues } from '../notes/compose-note';
import { PathClaimer, personBaseName, type NameParts } from '../notes/file-name';
import { FIELD, INTERACTIONS_HEADING, LINKEDIN_OWNED } from '../notes/schema';
import { sectionHasLine } from '../notes/body-sections';
import { coerceText } from '../people/coerce';
import { detectJobChange, diffOwned, historyLine } from './field-diff';
import { NoteMatcher, noteName, type PersonIdentity } from './note-matcher';
import type { ImportPlan, ImportSettings } from './plan-types';
import type { ExistingNote, VaultSnapshot } from './vault-snapshot';

/** One person as this export describes them. */
export interface IncomingPerson {
  identity: PersonIdentity;
  parts: NameParts;
  owned: OwnedValues;
  /** Interaction lines to add once (newest first). */
  interactions: string[];
  source: SourceRef;
}

export function incomingFromConnections(exp: LinkedInExport): IncomingPerson[] {
  const people: IncomingPerson[] = [];
  for (const file of exp.connections) {
    for (const c of file.records) {
      people.push({
        identity: { profileUrl: c.profileUrl, name: c.name, connectedOn: c.connectedOn },
        parts: { first: c.firstName, last: c.lastName, name: c.name || fullName(c.firstName, c.lastName), company: c.company },
        owned: {
          [FIELD.name]: c.name,
          [FIELD.linkedin]: c.profileUrl,
          [FIELD.company]: c.company,
          [FIELD.position]: c.position,
          [FIELD.email]: c.email,
          [FIELD.connectedOn]: c.connectedOn,
          [FIELD.status]: 'connected',
        },
        interactions: [],
        source: c.source,
      });
    }
  }
  return people;
}

function emptyPlan(exp: LinkedInExport, settings: ImportSettings): ImportPlan {
  return {
    sources: exp.sources,
    folder: settings.folder,
    today: settings.today,
    creates: [],
    updates: [],
    unchanged: [],
    skipped: exp.connections.flatMap((f) => f.skipped),
    warnings: exp.connections.flatMap((f) => f.warnings),
    ambiguous: [],
    unreadable: [],
    missingFromExport: [],
    stats: {
      connectionRows: exp.connections.reduce((n, f) => n + f.records.length + f.skipped.length, 0),
      blankMemberRows: exp.connections.reduce((n, f) => n + f.blankMemberRows, 0),
    },
  };
}

export async function planImport(exp: LinkedInExport, vault: VaultSnapshot, settings: ImportSettings): Promise<ImportPlan> {
  const plan = emptyPlan(exp, settings);
  const matcher = new NoteMatcher(vault.notes);
  const paths = new PathClaimer(vault.paths);
  const reportedUnreadable = new Set<string>();

  for (const person of incomingFromConnections(exp)) {
    const match = matcher.match(person.identity);
    if (match.kind === 'ambiguous') {
      plan.ambiguous.push({ name: person.identity.name, source: person.source, candidates: match.candidates.map((n) => n.path), reason: match.reason });
      continue;
    }
    if (match.kind === 'none') {
      const base = personBaseName(settings.fileNameFormat, person.parts, person.identity.profileUrl);
      const path = paths.claim(settings.folder, base, person.parts.company);
      plan.creates.push({
        path,
        name: person.identity.name,
        text: composePersonNote(person.owned, { tag: settings.tag, interactions: person.interactions }),
        profileUrl: person.identity.profileUrl,
        source: person.source,
      });
      continue;
    }
    const note = match.note;
    if (note.yamlError !== undefined || note.frontmatter === null) {
      if (note.yamlError !== undefined && !reportedUnreadable.has(note.path)) {
        reportedUnreadable.add(note.path);
        plan.unreadable.push({ path: note.path, error: note.yamlError });
      }
      if (note.yamlError !== undefined) continue;
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

async function planUpdate(plan: ImportPlan, note: ExistingNote, person: IncomingPerson, vault: VaultSnapshot, settings: ImportSettings): Promise<void> {
  const current = note.frontmatter ?? {};
  const changes = diffOwned(current, person.owned, LINKEDIN_OWNED);
  const jobChange = detectJobChange(current, changes);
  if (jobChange) changes.push({ field: FIELD.jobChangedOn, from: current[FIELD.jobChangedOn] ?? null, to: settings.today });
  let interactions: string[] = [];
  if (person.interactions.length > 0) {
    const body = await vault.readBody(note.path);
    interactions = person.interactions.filter((line) => !sectionHasLine(body, INTERACTIONS_HEADING, line));
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


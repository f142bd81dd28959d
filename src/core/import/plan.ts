/**
 * Sources + vault → plan. Pure and deterministic: the same inputs and vault give the same
 * plan, which the CLI prints or applies and the plugin previews, then applies.
 *
 * Each source (source.ts; LinkedIn is sources/linkedin.ts) says who its people are and
 * which fields it owns; everything else is decided here, the same for every source:
 * matching by identity (profile URL, then email, then exact name, never on a guess),
 * creating or updating, the ownership rule (only owned fields are written, an empty
 * value never clears one), aliases, the job-change line, and interactions logged once.
 *
 * Because people are matched by identity, a plan made after an interrupted run sees the
 * notes the first run created as existing and unchanged, so running the import again
 * finishes the job without duplicates.
 */
import type { LinkedInExport } from '../linkedin/read-export';
import { composePersonNote, type OwnedValues } from '../notes/compose-note';
import { PathClaimer, personBaseName } from '../notes/file-name';
import { aliasesForName, mergeAliases } from '../notes/name-cleanup';
import { FIELD, INTERACTIONS_HEADING } from '../notes/schema';
import { sectionLines } from '../notes/body-sections';
import { detectJobChange, diffOwned } from './field-diff';
import { ambiguousCandidates } from './ambiguity';
import { IncomingSet, ownedFor, type IncomingPerson } from './incoming';
import { NoteMatcher, noteName } from './note-matcher';
import type { ImportPlan, ImportSettings } from './plan-types';
import { keepOwned, type ImportSource } from './source';
import { linkedInSource } from './sources/linkedin';
import type { ExistingNote, VaultSnapshot } from './vault-snapshot';
import { historyToAdd } from './update-note';

function emptyPlan(sources: readonly ImportSource[], settings: ImportSettings): ImportPlan {
  return {
    sources: sources.flatMap((s) => s.files),
    bySource: [],
    folder: settings.folder,
    today: settings.today,
    creates: [],
    updates: [],
    unchanged: [],
    skipped: sources.flatMap((s) => s.skipped),
    warnings: sources.flatMap((s) => s.warnings),
    owner: null,
    ambiguous: [],
    unreadable: [],
    missingFromExport: [],
    pendingInvitations: [],
    stats: {
      connectionRows: 0,
      blankMemberRows: 0,
      invitationRows: 0,
      pendingIncoming: 0,
      acceptedWithMessage: 0,
      newestConnectedOn: null,
    },
    seen: { onNewestDay: [], invitationsFile: false },
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

function isSourceList(input: LinkedInExport | readonly ImportSource[]): input is readonly ImportSource[] {
  return Array.isArray(input);
}

/** Who described a person, for the fields, rules and head line that apply to them. */
type Contributors = Map<IncomingPerson, ImportSource[]>;

/** Every source's people as one set: one source's as they are, several merged per person. */
function collectPeople(
  sources: readonly ImportSource[],
  plan: ImportPlan,
  matcher: NoteMatcher,
  settings: ImportSettings,
): { people: IncomingSet; contributors: Contributors } {
  const contributors: Contributors = new Map();
  let people: IncomingSet | null = null;
  for (const source of sources) {
    const own = source.collect({ notes: matcher, settings, today: settings.today, plan });
    const owns = new Set(source.owns);
    for (const person of own.all()) keepOwned(owns, person.owned);
    plan.bySource.push({ id: source.id, label: source.label, people: own.all().length, counts: [] });
    // With one source (the common case) every person is its own: no per-person bookkeeping.
    if (sources.length === 1) return { people: own, contributors };
    people ??= new IncomingSet();
    for (const person of own.all()) {
      const kept = people.merge(person);
      contributors.set(kept, [...(contributors.get(kept) ?? []), source]);
    }
  }
  return { people: people ?? new IncomingSet(), contributors };
}

/**
 * The plan for these sources (a LinkedIn export is taken as its source). Sources are
 * collected in order; a person several sources describe is one person (see
 * IncomingSet.merge), whose fields come from the sources that own them.
 */
export async function planImport(
  input: LinkedInExport | readonly ImportSource[],
  vault: VaultSnapshot,
  settings: ImportSettings,
): Promise<ImportPlan> {
  const sources = isSourceList(input) ? input : [linkedInSource(input)];
  const plan = emptyPlan(sources, settings);
  const matcher = new NoteMatcher(vault.notes);
  const { people, contributors } = collectPeople(sources, plan, matcher, settings);

  const paths = new PathClaimer(vault.paths);
  const reportedUnreadable = new Set<string>();
  const bySource = new Map(people.all().map((p) => [p.source, p]));
  // Notes whose person is in a source's complete list (`isConnection`), or may be (an ambiguous row).
  const accounted = new Set<ExistingNote>();
  const namesakesOf = new Map<IncomingPerson, IncomingPerson[]>();
  for (const person of people.all()) {
    const namesakes = people.namesakes(person);
    if (namesakes.length === 0) continue;
    namesakesOf.set(person, namesakes);
    person.identity.sharesName = true;
  }
  for (const person of people.all()) {
    const from = sources.length === 1 ? sources : (contributors.get(person) ?? []);
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
      const owned = ownedFor(person, null);
      plan.creates.push({
        path,
        name: person.identity.name,
        text: composePersonNote(owned, {
          tag: settings.tag,
          interactions: log,
          aliases: aliasesForName(person.identity.name),
          headLine: headLine(from, owned),
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
    await planUpdate(plan, note, person, from, vault, settings);
  }

  for (const source of sources)
    if (source.missing) plan.missingFromExport.push(...source.missing(vault.notes, accounted));
  sources.forEach((s, i) => ((plan.bySource[i] as { counts: unknown }).counts = s.counts(plan)));
  return plan;
}

/** The line under a new note's frontmatter: the first contributing source's, or none. */
function headLine(from: readonly ImportSource[], owned: OwnedValues): string | null {
  for (const s of from) {
    const line = s.headLine?.(owned);
    if (line) return line;
  }
  return null;
}

/** The fields the person's sources own, in source order: the only ones an update may touch. */
function ownedFields(from: readonly ImportSource[]): readonly string[] {
  if (from.length === 1) return (from[0] as ImportSource).owns;
  return [...new Set(from.flatMap((s) => s.owns))];
}

async function planUpdate(
  plan: ImportPlan,
  note: ExistingNote,
  person: IncomingPerson,
  from: readonly ImportSource[],
  vault: VaultSnapshot,
  settings: ImportSettings,
): Promise<void> {
  const current = note.frontmatter ?? {};
  let wanted = ownedFor(person, current);
  for (const s of from) if (s.settle) wanted = s.settle(current, wanted);
  const fields = ownedFields(from);
  const changes = diffOwned(current, wanted, fields);
  const jobChange = detectJobChange(current, changes);
  if (jobChange && fields.includes(FIELD.jobChangedOn))
    changes.push({ field: FIELD.jobChangedOn, from: current[FIELD.jobChangedOn] ?? null, to: settings.today });
  // Aliases are offered when the note is made and when LinkedIn's name for the person changes;
  // an alias the user deleted under an unchanged name stays deleted.
  const nameChanged = changes.some((c) => c.field === FIELD.name);
  const aliases = nameChanged ? mergeAliases(current[FIELD.aliases], aliasesForName(person.identity.name)) : null;
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
  // Derived from the note too, so a line an interrupted older version never wrote is added now.
  const history =
    jobChange || fields.includes(FIELD.jobChangedOn)
      ? await historyToAdd(current, jobChange, settings.today, () => vault.readBody(note.path))
      : null;
  if (changes.length === 0 && interactions.length === 0 && history === null) {
    plan.unchanged.push({ path: note.path, name });
    return;
  }
  plan.updates.push({ path: note.path, name, changes, jobChange, history, interactions });
}

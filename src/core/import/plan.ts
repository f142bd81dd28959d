/**
 * Sources + vault → plan. Pure and deterministic: the same inputs and vault give the same
 * plan, which the CLI prints or applies and the plugin previews, then applies.
 *
 * Each source (source.ts: LinkedIn, address books, calendars) says who its people are and
 * which fields it owns; everything else is decided here, the same for every source:
 * matching by identity (note-matcher.ts: profile URL, then e-mail, then an exact name
 * nothing contradicts, then a connection's changed profile URL, never on a guess),
 * creating or updating, the ownership rule (only owned fields are written, by the rule of
 * the source whose value it is, and an empty value never clears one), aliases, the
 * job-change line, sections and interactions added once, and what each source's rows came
 * to (created, updated, matched by what, ambiguous).
 *
 * Because people are matched by identity, a plan made after an interrupted run sees the
 * notes the first run created as existing and unchanged, so running the import again
 * finishes the job without duplicates.
 */
import { compareDates } from '../dates/iso-date';
import type { LinkedInExport } from '../linkedin/read-export';
import type { SourceRef } from '../linkedin/records';
import { composePersonNote, type OwnedValues } from '../notes/compose-note';
import { PathClaimer, personBaseName } from '../notes/file-name';
import { aliasesForName, mergeAliases } from '../notes/name-cleanup';
import { FIELD, INTERACTIONS_HEADING } from '../notes/schema';
import { hasSection, sectionLines } from '../notes/body-sections';
import { emailKeys } from '../identity/email';
import { nameKey } from '../identity/person-name';
import { isEmptyValue } from '../people/coerce';
import { detectJobChange, diffOwned, type FieldChange, type JobChange } from './field-diff';
import { ambiguousCandidates, describeCandidate } from './ambiguity';
import { IncomingSet, NO_INTERACTIONS, ownedFor, type DatedLine, type IncomingPerson } from './incoming';
import { LoggedLines } from './logged-lines';
import { NoteMatcher, noteName, noteProfileUrl } from './note-matcher';
import type { CreateOp, ImportPlan, ImportSettings, SourceSummary } from './plan-types';
import { keepOwned, type FieldRule, type ImportSource } from './source';
import { linkedInSource } from './sources/linkedin';
import type { ExistingNote, VaultSnapshot } from './vault-snapshot';
import { historyToAdd, historyWithoutBody } from './update-note';

export function emptyPlan(sources: readonly ImportSource[], settings: ImportSettings): ImportPlan {
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
    withoutNote: [],
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

function emptySummary(source: ImportSource, people: number): SourceSummary {
  return {
    id: source.id,
    label: source.label,
    people,
    created: 0,
    updated: 0,
    unchanged: 0,
    matched: { profile: 0, email: 0, name: 0 },
    ambiguous: 0,
    withoutNote: 0,
    counts: [],
    details: [],
  };
}

/**
 * Who described each person (several sources: in source order), and which source gave
 * each owned value, so the value is written by its own source's rule. Empty with one
 * source: every person and value is that source's.
 */
interface Provenance {
  contributors: Map<IncomingPerson, ImportSource[]>;
  valueFrom: Map<IncomingPerson, Map<string, ImportSource>>;
}

/** Every source's people as one set: one source's as they are, several merged per person. */
function collectPeople(
  sources: readonly ImportSource[],
  plan: ImportPlan,
  matcher: NoteMatcher,
  settings: ImportSettings,
  summaries: SourceSummary[],
  whole: boolean,
): { people: IncomingSet; provenance: Provenance } {
  const provenance: Provenance = { contributors: new Map(), valueFrom: new Map() };
  let people: IncomingSet | null = null;
  const alone = whole && sources.length === 1;
  for (const source of sources) {
    const ambiguousBefore = plan.ambiguous.length;
    const own = source.collect({ notes: matcher, settings, today: settings.today, plan, alone });
    const owns = new Set(source.owns);
    for (const person of own.all()) keepOwned(owns, person.owned);
    const summary = emptySummary(source, own.all().length + own.settled().length);
    summary.ambiguous = plan.ambiguous.length - ambiguousBefore; // rows the source itself found ambiguous
    summaries.push(summary);
    // With one source (the common case) every person is its own: no per-person bookkeeping.
    if (sources.length === 1) return { people: own, provenance };
    people ??= new IncomingSet();
    for (const person of own.all()) {
      const kept = people.merge(person);
      provenance.contributors.set(kept, [...(provenance.contributors.get(kept) ?? []), source]);
      let from = provenance.valueFrom.get(kept);
      if (!from) provenance.valueFrom.set(kept, (from = new Map<string, ImportSource>()));
      // A value is the first source's that gave one (a later list joins it: same rule).
      for (const [field, value] of Object.entries(person.owned)) {
        if (from.has(field) || isEmptyValue(value)) continue;
        if (kept.owned[field] === value || Array.isArray(kept.owned[field])) from.set(field, source);
      }
    }
  }
  return { people: people ?? new IncomingSet(), provenance };
}

/**
 * What the parts of one import share (core/import/parts.ts): who has claimed which note,
 * the paths taken, and the notes accounted for. With it, a part's plan leaves out the
 * notes missing from the export: only the whole import can tell.
 */
export interface PlanShared {
  matcher: NoteMatcher;
  paths: PathClaimer;
  accounted: Set<ExistingNote>;
}

/** A fresh {@link PlanShared} for one import of `vault`. */
export function sharedPlanState(vault: VaultSnapshot): PlanShared {
  return { matcher: new NoteMatcher(vault.notes), paths: new PathClaimer(vault.paths), accounted: new Set() };
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
  shared?: PlanShared,
): Promise<ImportPlan> {
  const sources = isSourceList(input) ? input : [linkedInSource(input)];
  const plan = emptyPlan(sources, settings);
  const { matcher, paths, accounted } = shared ?? sharedPlanState(vault);
  const summaries: SourceSummary[] = [];
  const { people, provenance } = collectPeople(sources, plan, matcher, settings, summaries, shared === undefined);
  // A changed profile URL is told by the old one being gone from the whole connection list,
  // which a part of an import (`shared`) does not know: no rule there rather than a wrong one.
  if (shared === undefined) matcher.setConnectionUrls(() => connectionUrls(people));
  let sameDay: Map<string, number> | null = null;
  /** Another connection of this import has this person's name and connection day (made on the first need). */
  const sameDayNamesake = (p: IncomingPerson) => {
    sameDay ??= connectionDays(people);
    return (sameDay.get(dayKey(p)) ?? 0) > 1;
  };
  const summaryOf = new Map(sources.map((s, i) => [s, summaries[i] as SourceSummary]));
  const fromOf = (person: IncomingPerson) =>
    sources.length === 1 ? sources : (provenance.contributors.get(person) ?? []);
  const count = (from: readonly ImportSource[], bump: (s: SourceSummary) => void) => {
    for (const s of from) bump(summaryOf.get(s) as SourceSummary);
  };

  const reportedUnreadable = new Set<string>();
  // Who each row is, for an ambiguous row's candidates only: made when the first one needs it.
  let bySourceMap: Map<unknown, IncomingPerson> | null = null;
  const bySource = () => (bySourceMap ??= new Map(people.all().map((p) => [p.source, p])));
  // `accounted`: notes whose person is in a source's complete list (`isConnection`), or may be (an ambiguous row).
  const namesakesOf = new Map<IncomingPerson, IncomingPerson[]>();
  people.markSharedNames();
  for (const person of people.all()) {
    const namesakes = people.namesakes(person);
    if (namesakes.length > 0) namesakesOf.set(person, namesakes);
  }
  // Rows that change nothing (settled-rows.ts): what the update path below would come to for each.
  for (const { note, record } of people.settled()) {
    matcher.claimSettled(note, record.source);
    count(sources, (s) => (s.matched.profile++, s.unchanged++));
    accounted.add(note);
    plan.unchanged.push(note.path);
  }
  for (const person of people.all()) {
    const from = fromOf(person);
    let match = matcher.match(person.identity, person.source);
    // Only a connection row no note was found for (a re-import, found by URL, never gets here),
    // and not one another source's namesakes leave in doubt (reported as ambiguous below).
    if (match.kind === 'none' && person.isConnection && person.couldBe === undefined) {
      const moved = matcher.matchChangedUrl(person.identity, person.source, () => sameDayNamesake(person));
      if (moved !== null) match = moved;
      if (moved?.kind === 'found') plan.warnings.push({ ...person.source, reason: changedUrlText(moved.note, person) });
    }
    if (match.kind === 'ambiguous') {
      plan.ambiguous.push({
        name: person.identity.name || emailKeys(person.identity.emails)[0] || '(no name)',
        source: person.source,
        candidates: ambiguousCandidates(match, namesakesOf.get(person) ?? [], bySource(), matcher),
        reason: match.reason,
      });
      count(from, (s) => s.ambiguous++);
      if (person.isConnection) for (const n of match.candidates) accounted.add(n);
      continue;
    }
    if (match.kind === 'none' && person.couldBe !== undefined) {
      // Another source of this run has several people by this name: it could be any of them.
      plan.ambiguous.push({
        name: person.identity.name,
        source: person.source,
        candidates: person.couldBe.map((p) => describeCandidate({ person: p }, matcher)),
        reason: `${person.couldBe.length} people in this import are named "${person.identity.name}" and nothing tells which one this is`,
      });
      count(from, (s) => s.ambiguous++);
      continue;
    }
    if (match.kind === 'none') {
      if (!person.createIfMissing) {
        plan.withoutNote.push({
          sourceId: (from[0] as ImportSource).id,
          name: person.identity.name,
          emails: emailKeys(person.identity.emails),
          parts: person.parts,
          interactions: uniqueLines(person.interactions).sort((a, b) => compareDates(a.date, b.date)),
          source: person.source,
        });
        count(from, (s) => s.withoutNote++);
        continue;
      }
      if (match.reason) plan.warnings.push({ ...person.source, reason: `${match.reason}: a new note is made` });
      planCreate(plan, person, from, provenance, paths, settings);
      count(from, (s) => s.created++);
      continue;
    }
    count(from, (s) => s.matched[match.by]++);
    if (person.isConnection) accounted.add(match.note);
    const note = match.note;
    if (note.yamlError !== undefined) {
      if (!reportedUnreadable.has(note.path)) {
        reportedUnreadable.add(note.path);
        plan.unreadable.push({ path: note.path, error: note.yamlError });
      }
      continue;
    }
    const decided = planUpdate(plan, note, person, from, provenance, vault, settings);
    const changed = typeof decided === 'boolean' ? decided : await decided;
    count(from, (s) => (changed ? s.updated++ : s.unchanged++));
  }

  if (shared === undefined)
    for (const source of sources)
      if (source.missing) plan.missingFromExport.push(...source.missing(vault.notes, accounted));
  plan.bySource = summaries;
  sources.forEach((s, i) => {
    const summary = summaries[i] as SourceSummary;
    summary.counts = s.counts(plan);
    summary.details = s.details?.(plan) ?? [];
  });
  return plan;
}

/** Why a row with a new profile URL updates a note with another, in the report's words. */
function changedUrlText(note: ExistingNote, person: IncomingPerson): string {
  return `${note.path}: the LinkedIn profile URL changed from ${noteProfileUrl(note)} to ${person.identity.profileUrl}; the same name and connection date say it is the same person, so this note is updated (not a new one)`;
}

/** A connection's name and day, as one key. */
function dayKey(person: IncomingPerson): string {
  return rowDayKey(person.identity.connectedOn ?? null, person.identity.name);
}

function rowDayKey(connectedOn: string | null, name: string): string {
  return `${connectedOn ?? ''}|${nameKey(name)}`;
}

/** How many connections of the import (settled rows too) have each name and day (see {@link dayKey}). */
function connectionDays(people: IncomingSet): Map<string, number> {
  const days = new Map<string, number>();
  const add = (key: string) => days.set(key, (days.get(key) ?? 0) + 1);
  for (const p of people.all()) if (p.isConnection) add(dayKey(p));
  for (const { record } of people.settled()) add(rowDayKey(record.connectedOn, record.name));
  return days;
}

/** The URLs of a source's complete list (`isConnection`): a note with one of them is not someone's old one. */
function connectionUrls(people: IncomingSet): Set<string> {
  const urls = new Set<string>();
  for (const person of people.all()) {
    const url = person.isConnection ? IncomingSet.urlOf(person) : null;
    if (url !== null) urls.add(url);
  }
  for (const { record } of people.settled()) urls.add(record.profileUrl);
  return urls;
}

/** Each line once (two calendars, or a series and its moved occurrence on one day). */
function uniqueLines(lines: readonly DatedLine[]): DatedLine[] {
  if (lines.length < 2) return [...lines];
  const seen = new Set<string>();
  return lines.filter((l) => !seen.has(l.line) && (seen.add(l.line), true));
}

/** The rule for a field: that of the source whose value it is. */
function ruleFor(
  person: IncomingPerson,
  field: string,
  from: readonly ImportSource[],
  provenance: Provenance,
): FieldRule | undefined {
  const source = from.length === 1 ? from[0] : provenance.valueFrom.get(person)?.get(field);
  return source?.rules?.[field];
}

/**
 * The values to write, each passed through its source's rule against `current` (the note's
 * frontmatter; for a new note, the other values it is made with).
 */
function applyRules(
  person: IncomingPerson,
  wanted: OwnedValues,
  current: Readonly<Record<string, unknown>> | null,
  from: readonly ImportSource[],
  provenance: Provenance,
): OwnedValues {
  if (!from.some((s) => s.rules)) return wanted;
  let out: OwnedValues | null = null;
  for (const field of Object.keys(wanted)) {
    const rule = ruleFor(person, field, from, provenance);
    const value = wanted[field];
    if (!rule || value === undefined) continue;
    out ??= { ...wanted };
    const against = current ?? { ...wanted, [field]: undefined };
    const ruled = rule(against, value);
    if (ruled === undefined) delete out[field];
    else out[field] = ruled;
  }
  return out ?? wanted;
}

function planCreate(
  plan: ImportPlan,
  person: IncomingPerson,
  from: readonly ImportSource[],
  provenance: Provenance,
  paths: PathClaimer,
  settings: ImportSettings,
): void {
  const profileUrl = IncomingSet.urlOf(person);
  const base = personBaseName(settings.fileNameFormat, person.parts, profileUrl);
  const path = paths.claim(settings.folder, base, person.parts.company);
  const owned = applyRules(person, ownedFor(person, null), null, from, provenance);
  const { interactions, sections } = person;
  plan.creates.push(
    new NewNote(
      path,
      person.identity.name,
      profileUrl,
      person.source,
      owned,
      interactions.length > 0 ? interactions : NO_INTERACTIONS,
      sections,
      from,
      settings.tag,
    ),
  );
}

/**
 * A new note as the plan keeps it until it is written, when its text is composed from only
 * what it needs. A closure over the incoming person kept the person, its identity and its name
 * parts alive until then, with a closure and its context for each note: 10 MB of a
 * 30,000-person first import's heap once planned (36 MB against 26).
 */
class NewNote implements CreateOp {
  constructor(
    readonly path: string,
    readonly name: string,
    readonly profileUrl: string | null,
    readonly source: SourceRef,
    private readonly owned: OwnedValues,
    private readonly interactions: readonly DatedLine[],
    private readonly sections: IncomingPerson['sections'],
    private readonly from: readonly ImportSource[],
    private readonly tag: string,
  ) {}

  text(): string {
    return composePersonNote(this.owned, {
      tag: this.tag,
      interactions: uniqueLines(this.interactions)
        .sort((a, b) => compareDates(b.date, a.date))
        .map((i) => i.line),
      aliases: aliasesForName(this.name),
      headLine: headLine(this.from, this.owned),
      sections: this.sections ?? [],
    });
  }
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

/** What an update decided before it may need the note's body. */
interface Decided {
  note: ExistingNote;
  name: string;
  changes: FieldChange[];
  jobChange: JobChange | null;
}

/**
 * Plans the update of a matched note; false when it is unchanged. Synchronous unless the
 * note's body is needed (lines to add, or a recorded job change whose history line may be
 * missing): on an unchanged re-import that is almost no one, and 30,000 promises and their
 * turns of the microtask queue were a tenth of the plan's time and garbage.
 */
function planUpdate(
  plan: ImportPlan,
  note: ExistingNote,
  person: IncomingPerson,
  from: readonly ImportSource[],
  provenance: Provenance,
  vault: VaultSnapshot,
  settings: ImportSettings,
): boolean | Promise<boolean> {
  const current = note.frontmatter ?? {};
  let wanted = ownedFor(person, current);
  for (const s of from) if (s.settle) wanted = s.settle(current, wanted);
  wanted = applyRules(person, wanted, current, from, provenance);
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
  const decided: Decided = { note, name: person.identity.name || noteName(note), changes, jobChange };
  // Derived from the note too, so a line an interrupted older version never wrote is added now.
  const tracksHistory = jobChange !== null || fields.includes(FIELD.jobChangedOn);
  const history = tracksHistory ? historyWithoutBody(current, jobChange, settings.today) : null;
  const sections = person.sections ?? [];
  if (person.interactions.length === 0 && sections.length === 0 && history !== undefined)
    return recordUpdate(plan, decided, history, person.interactions, sections);
  return planUpdateWithBody(plan, decided, person, history, vault, settings);
}

/** The rest of {@link planUpdate} for a note whose body decides what to add. */
async function planUpdateWithBody(
  plan: ImportPlan,
  decided: Decided,
  person: IncomingPerson,
  known: string | null | undefined,
  vault: VaultSnapshot,
  settings: ImportSettings,
): Promise<boolean> {
  const { note } = decided;
  let interactions = person.interactions;
  let sections = person.sections ?? [];
  if (interactions.length > 0 || sections.length > 0) {
    const body = await vault.readBody(note.path);
    if (interactions.length > 0) {
      const logged = new LoggedLines(sectionLines(body, INTERACTIONS_HEADING));
      interactions = uniqueLines(interactions).filter((i) => !logged.has(i));
    }
    sections = sections.filter((s) => !hasSection(body, s.heading));
  }
  const history =
    known !== undefined
      ? known
      : await historyToAdd(note.frontmatter ?? {}, decided.jobChange, settings.today, () => vault.readBody(note.path));
  return recordUpdate(plan, decided, history, interactions, sections);
}

/** Files the decided update, or the note as unchanged when there is nothing to write. */
function recordUpdate(
  plan: ImportPlan,
  { note, name, changes, jobChange }: Decided,
  history: string | null,
  interactions: readonly DatedLine[],
  sections: Array<{ heading: string; text: string }>,
): boolean {
  if (changes.length === 0 && interactions.length === 0 && sections.length === 0 && history === null) {
    plan.unchanged.push(note.path);
    return false;
  }
  plan.updates.push({
    path: note.path,
    name,
    changes,
    jobChange,
    history,
    interactions,
    ...(sections.length > 0 ? { sections } : {}),
  });
  return true;
}

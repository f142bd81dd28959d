/**
 * An import planned a part at a time, so that its memory does not grow with the people of a
 * huge Connections.csv. LinkedIn caps a network at 30,000 connections; a file with more than
 * {@link PART_ROWS} people is odd or hostile (a 1,000,000-row file took 2 GB planned at once).
 * Its rows are held compactly (core/linkedin/compact-rows.ts), and each part becomes people,
 * a plan and written notes before the next one is made.
 *
 * Parts are chosen so that a part's plan is what the whole plan says about its people:
 * - everyone the export's other files name (invitations, messages: by URL or by name), with
 *   those files, is in part 0, so a message still finds its connection;
 * - people who share a name are in one part (namesakes make each other ambiguous), placed by
 *   a hash of the name (of the URL for someone without a name);
 * - the parts share one matcher (a note claimed once), one set of paths and one account of
 *   the notes the export covers (see PlanShared), and what only the whole file tells (the
 *   rows, the newest connection, the notes missing from the export) is decided here.
 * A note that people of two parts fit (an e-mail address on two rows, a renamed person who
 * also writes in messages.csv) is promised beforehand to the one the plan at once meets
 * first (see reserveContested). What differs, only on such files, comes from the order
 * people are planned in (part by part, file order within a part): notes and warnings come in
 * that order, and a file-name clash between two different names can give the `(2)` to the
 * other. An import stopped part-way lists no one as missing from the export.
 */
import { emailKeys, normaliseEmail } from '../identity/email';
import { nameKey } from '../identity/person-name';
import type { LinkedInExport } from '../linkedin/read-export';
import type { CompactConnections, ConnectionsFile, SourceRef } from '../linkedin/records';
import { connectionPerson, IncomingSet } from './incoming';
import { missingFromExport, unreadableUrlsOf } from './missing-from-export';
import type { NoteMatcher, PersonIdentity } from './note-matcher';
import { emptyPlan, planImport, sharedPlanState } from './plan';
import type { CreateOp, ImportPlan, ImportSettings, SourceSummary } from './plan-types';
import { amongConnections, linkedInSource, NewestDay, olderExport } from './sources/linkedin';
import { olderExportWarning } from './export-age';
import type { ImportSource } from './source';
import type { ExistingNote, VaultSnapshot } from './vault-snapshot';

/**
 * The size past which a Connections.csv is planned in parts: far above LinkedIn's cap, so
 * that no real export pays for planning twice (the CLI plans the parts once for the brake,
 * then again as it writes).
 */
export const PART_ROWS = 200_000;

/** People per part: a part's plan holds about 1.3 KB a person while it is made and written. */
export const PART_SIZE = 50_000;

export interface PartsOptions {
  /** People per part of the file's unlinked people (`PART_SIZE`; tests use small parts). */
  partSize?: number;
  /**
   * Called with each part's plan, in order, before the next part is made (the CLI writes it
   * then). Returning false stops: the plan returned covers the parts made so far.
   */
  onPart?: (plan: ImportPlan) => Promise<boolean>;
}

/** Every URL and name key the export's other files give, whose connection must be with them. */
function linkedKeys(exp: LinkedInExport): { urls: Set<string>; names: Set<string> } {
  const urls = new Set<string>();
  const names = new Set<string>();
  const add = (url: string | null, name: string) => {
    if (url) urls.add(url);
    const key = nameKey(name);
    if (key !== '') names.add(key);
  };
  for (const f of exp.invitations)
    for (const inv of f.records) {
      add(inv.inviterUrl, inv.from);
      add(inv.inviteeUrl, inv.to);
    }
  for (const { records: m } of exp.messages)
    for (let i = 0; i < m.length; i++) {
      add(m.senderUrl(i), m.from(i));
      add(null, m.to(i));
      for (const url of m.recipientUrls(i)) urls.add(url);
    }
  return { urls, names };
}

/** FNV-1a: a stable spread of name keys over the parts. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

interface Placement {
  /** Row indices of each part, in file order. */
  parts: number[][];
  newest: string | null;
  onNewestDay: string[];
  /** The row index of the first connection on the newest day (-1: none). */
  newestRow: number;
}

function place(rows: CompactConnections, exp: LinkedInExport, partSize: number): Placement {
  const linked = linkedKeys(exp);
  const keys: string[] = [];
  const isLinked: boolean[] = [];
  const newest = new NewestDay();
  for (let i = 0; i < rows.length; i++) {
    const row = rows.identity(i);
    const { name, profileUrl } = row;
    const key = nameKey(name);
    keys.push(key || (profileUrl as string));
    const byUrl = profileUrl !== null && linked.urls.has(profileUrl);
    // A connection another file names by URL takes its namesakes with it into part 0.
    if (byUrl && key !== '') linked.names.add(key);
    isLinked.push(byUrl);
    newest.add(row);
  }
  const unlinked = keys.filter((k, i) => !isLinked[i] && !linked.names.has(k)).length;
  const count = Math.max(1, Math.ceil(unlinked / partSize));
  const parts: number[][] = Array.from({ length: count + 1 }, () => []);
  keys.forEach((key, i) => {
    const part = isLinked[i] || linked.names.has(key) ? 0 : 1 + (hash(key) % count);
    (parts[part] as number[]).push(i);
  });
  return { parts, newest: newest.day, onNewestDay: newest.who, newestRow: newest.firstIndex };
}

/**
 * Which of these people are among the file's connections, for `olderExport`, as the plan at
 * once tells (`amongConnections`: a row with their URL, else one of their e-mails, else their
 * name with nothing contradicting it, so a note without a LinkedIn URL is found by its name).
 * Asked about a few notes (those connected after the file's newest connection), the rows are
 * read once and only those that could be one of them (the same URL, e-mail or name) are made
 * people: the answer is the same as over every row, holding no more than those.
 */
function inFile(rows: CompactConnections): (who: readonly PersonIdentity[]) => boolean[] {
  return (who) => {
    const urls = new Set<string>();
    const emails = new Set<string>();
    const names = new Set<string>();
    for (const w of who) {
      if (w.profileUrl) urls.add(w.profileUrl);
      for (const e of emailKeys(w.emails)) emails.add(e);
      const key = nameKey(w.name);
      if (key !== '') names.add(key);
    }
    const candidates = new IncomingSet();
    for (let i = 0; i < rows.length; i++) {
      const row = rows.record(i);
      const email = row.email === null ? '' : normaliseEmail(row.email);
      const could =
        (row.profileUrl !== null && urls.has(row.profileUrl)) ||
        (email !== '' && emails.has(email)) ||
        names.has(nameKey(row.name));
      if (could) candidates.add(connectionPerson(row));
    }
    return amongConnections(candidates)(who);
  };
}

/** Part `p`'s export: its people; the other files and the file's rows not imported go with part 0. */
function partExport(
  exp: LinkedInExport,
  file: ConnectionsFile,
  rows: CompactConnections,
  indices: number[],
  p: number,
) {
  const connections: ConnectionsFile = {
    file: file.file,
    hasUrlColumn: file.hasUrlColumn,
    records: indices.map((i) => rows.record(i)),
    skipped: p === 0 ? file.skipped : [],
    warnings: p === 0 ? file.warnings : [],
    blankMemberRows: p === 0 ? file.blankMemberRows : 0,
    unreadableUrls: p === 0 ? (file.unreadableUrls ?? []) : [],
  };
  if (p === 0) return { ...exp, connections: [connections] };
  return {
    sources: exp.sources,
    connections: [connections],
    invitations: [],
    messages: [],
    profiles: [],
    merged: null,
  };
}

function notComposed(): string {
  throw new Error('a note of an import planned in parts is composed when its part is written');
}

/** Where a kept create came from: not kept (see `made`). */
const NO_ROW: SourceRef = Object.freeze({ file: '', line: 0 });

/**
 * A create of a part already made, as the plan returned keeps it: its path, what the CLI's
 * summary lists (the report lists the notes written). Its name, URL and row are let go: a
 * stub holding them took ~160 MB of a 1,000,000-row import.
 */
function made(c: CreateOp): CreateOp {
  return { path: c.path, name: '', profileUrl: null, source: NO_ROW, text: notComposed };
}

function addSummary(into: SourceSummary, s: SourceSummary): void {
  into.people += s.people;
  into.created += s.created;
  into.updated += s.updated;
  into.unchanged += s.unchanged;
  into.matched.profile += s.matched.profile;
  into.matched.email += s.matched.email;
  into.matched.name += s.matched.name;
  into.ambiguous += s.ambiguous;
  into.withoutNote += s.withoutNote;
  into.counts = into.counts.map(([label, n], i) => [label, n + (s.counts[i]?.[1] ?? 0)] as const);
}

/** Adds a later part's plan to the plan so far (part 0's gave the export-wide sections). */
function absorb(into: ImportPlan, part: ImportPlan): void {
  for (const c of part.creates) into.creates.push(c);
  for (const u of part.updates) into.updates.push(u);
  for (const u of part.unchanged) into.unchanged.push(u);
  for (const a of part.ambiguous) into.ambiguous.push(a);
  // The file's own rows went with part 0; a later part's are the plan's ("a new note is made").
  for (const w of part.warnings) into.warnings.push(w);
  for (const w of part.withoutNote) into.withoutNote.push(w);
  const unreadable = new Set(into.unreadable.map((u) => u.path));
  for (const u of part.unreadable) if (!unreadable.has(u.path)) into.unreadable.push(u);
  part.bySource.forEach((s, i) => {
    const mine = into.bySource[i];
    if (mine) addSummary(mine, s);
  });
}

/**
 * Promises each note that people of several parts fit to the one a plan made at once meets
 * first: a connection before anyone only the other files name, connections by their line.
 * Every part's people are made for this (not planned), so only a vault with notes pays.
 */
function reserveContested(
  count: number,
  partOf: (p: number) => ImportSource,
  matcher: NoteMatcher,
  settings: ImportSettings,
): void {
  const first = new Map<ExistingNote, { order: number; source: SourceRef }>();
  for (let p = 0; p < count; p++) {
    const source = partOf(p);
    const people = source.collect({
      notes: matcher,
      settings,
      today: settings.today,
      plan: emptyPlan([source], settings),
    });
    people.markSharedNames();
    let others = 0;
    for (const person of people.all()) {
      // The plan at once meets the connections in file order, then the people the other files add.
      const order = person.isConnection ? person.source.line : Number.MAX_SAFE_INTEGER / 2 + others++;
      const found = matcher.peek(person.identity);
      if (found.kind !== 'found') continue;
      const known = first.get(found.note);
      if (known === undefined || order < known.order) first.set(found.note, { order, source: person.source });
    }
  }
  for (const [note, { source }] of first) matcher.reserve(note, source);
}

/**
 * The plan of a LinkedIn export whose one Connections.csv is held compactly, made (and,
 * with `onPart`, written) a part at a time. The plan returned is the whole import's, but
 * its creates keep only their path (`made`): each was handed to `onPart` with its part.
 */
export async function planInParts(
  exp: LinkedInExport,
  vault: VaultSnapshot,
  settings: ImportSettings,
  options: PartsOptions = {},
): Promise<ImportPlan> {
  const file = exp.connections[0];
  const rows = file?.compact;
  if (exp.connections.length !== 1 || file === undefined || rows === undefined)
    throw new Error('planInParts needs an export with one compact Connections.csv');
  const { parts, newest, onNewestDay, newestRow } = place(rows, exp, options.partSize ?? PART_SIZE);
  const shared = sharedPlanState(vault);
  // Whether the export is older than the vault: the whole file tells, once, for every part.
  const older = olderExport(exp, newest, settings, shared.matcher, inFile(rows));
  const partOf = (p: number) => linkedInSource(partExport(exp, file, rows, parts[p] as number[], p), { older });
  if (vault.notes.length > 0) reserveContested(parts.length, partOf, shared.matcher, settings);
  let whole: ImportPlan | null = null;
  let complete = true;
  for (let p = 0; p < parts.length; p++) {
    const indices = parts[p] as number[];
    if (p > 0 && indices.length === 0) continue;
    const plan = await planImport([partOf(p)], vault, settings, shared);
    const go = options.onPart ? await options.onPart(plan) : true;
    plan.creates = plan.creates.map(made);
    if (whole === null) whole = plan;
    else absorb(whole, plan);
    if (!go) {
      complete = false;
      break;
    }
  }
  const plan = whole as ImportPlan;
  // Only the whole file tells who is missing from it.
  if (complete)
    plan.missingFromExport = missingFromExport(
      { newest, unreadableUrls: unreadableUrlsOf([file]) },
      vault.notes,
      shared.accounted,
    );
  plan.stats.connectionRows = rows.length + file.skipped.length;
  plan.stats.blankMemberRows = file.blankMemberRows;
  plan.stats.newestConnectedOn = newest;
  plan.seen.onNewestDay = onNewestDay;
  if (older !== null) {
    // Where the plan at once has it: after the files' own warnings, before the people's.
    const at = newestRow >= 0 ? rows.record(newestRow).source : { file: file.file, line: 0 };
    const filesOwn = file.warnings.length + exp.profiles.reduce((n, f) => n + f.warnings.length, 0);
    plan.warnings.splice(filesOwn, 0, olderExportWarning(older.age, older.vaultNewest, at, older.vaultDate));
  }
  return plan;
}

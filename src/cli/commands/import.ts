/**
 * `network-crm import <zip|folder|csv…> --vault DIR`: the plugin's import on a vault
 * folder, with the vault's settings. Whatever happens after the plan is made (a full disk,
 * a folder that cannot be created, Ctrl-C), the summary is printed, `--json` included,
 * with what failed; People.base and the vault state follow the same core rules as in the
 * plugin.
 */
import { ambiguousText } from '../../core/import/ambiguity';
import { applyPlan, isOutOfSpace, type ApplyResult } from '../../core/import/apply';
import { importSources } from '../../core/import/mixed-inputs';
import { planImport } from '../../core/import/plan';
import { PART_ROWS, PART_SIZE, planInParts, type PartsOptions } from '../../core/import/parts';
import type { ImportSource } from '../../core/import/source';
import { compactExportOf } from '../../core/import/sources/linkedin';
import { attendeesWithoutNote, TOP_ATTENDEES } from '../../core/import/sources/calendar';
import { metPeopleSource } from '../../core/import/sources/met-people';
import { attendeesLeft, shownBySource, sourceTable, type AttendeeNotes } from '../../core/import/plan-counts';
import { invitationsGone, sentInvitations } from '../../core/import/invitations-plan';
import type { ImportPlan, ImportSettings, UpdateOp } from '../../core/import/plan-types';
import { CalendarCancelled } from '../../core/sources/calendar/read-calendar';
import { recordImport } from '../../core/import/record-import';
import type { VaultState } from '../../core/vault-state';
import { brakeCanTrip, sanityBrake, type SanityBrake } from '../../core/import/sanity-brake';
import { describeMerge } from '../../core/linkedin/merge-exports';
import { composeImportReport } from '../../core/import/report';
import { isUpToDate, reportPath } from '../../core/import/report-path';
import type { ExportInput } from '../../core/linkedin/read-export';
import type { RowIssue } from '../../core/linkedin/records';
import { composeBaseFile } from '../../core/notes/base-file';
import { baseFileDecision } from '../../core/notes/base-file-rule';
import { reportFolderOf } from '../../core/people/person-note';
import { formatCount, plural } from '../../core/text/format';
import { UsageError, type ParsedArgs } from '../args';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { importSettings, openVault, SETTING_FLAG_HELP, type VaultSession } from '../options';
import { NoteReads, vaultSnapshot } from '../person-notes';
import { readInputs } from '../read-inputs';
import { zlibInflater } from '../zlib-inflater';
import { updateVaultState } from '../vault-config';
import { CliEditor } from '../cli-edits';
import { failureLine } from '../failures';
import { mayWrite } from '../write-lock';

export type ImportSummary = ReturnType<typeof importSummary>;

/** The updates that were written, found through a set (a list's `includes` is quadratic in the updates). */
function written(updates: UpdateOp[], paths: string[]): UpdateOp[] {
  const done = new Set(paths);
  return updates.filter((u) => done.has(u.path));
}

/** Exit code when the sanity brake held the import back (nothing written; `--yes` goes on). */
export const EXIT_BRAKE = 3;

interface Failure {
  path: string;
  error: string;
}

export function importSummary(
  plan: ImportPlan,
  result: ApplyResult | null,
  extra: {
    baseFile?: string | null;
    reportFile?: string | null;
    failed?: Failure[];
    stateSaved?: string | null;
    brake?: SanityBrake | null;
    /** What --create-attendees did; null or absent when it did not run. */
    attendeeNotes?: AttendeeNotes | null;
    /** A write after the notes failed for want of room. */
    outOfSpace?: boolean;
    /** Ctrl-C stopped the notes for attendees (the import's own notes were all written). */
    cancelled?: boolean;
  } = {},
) {
  // Notes made by --create-attendees were written by this run like any other: they are in
  // its count of created notes and its list, and their calendar's "By source" row counts
  // them as new rather than as people with no note. `createdForAttendees` says which they
  // are; the attendees with no note are those who still have none.
  const attendeeNotes = extra.attendeeNotes ?? null;
  const forAttendees = attendeeNotes?.created ?? [];
  const attendees = attendeeNotes?.left ?? attendeesWithoutNote(plan.withoutNote);
  const createdNotes = [...(result ? result.created : plan.creates.map((c) => c.path)), ...forAttendees];
  // An older export's pending invitations are not taken (the vault keeps its own list): not claimed as pending.
  const invitations = sentInvitations(plan);
  return {
    dryRun: result === null,
    // The import's notes, or the notes for attendees after them.
    cancelled: result?.cancelled === true || extra.cancelled === true,
    /** The disk filled up: the import stopped at the note that failed (the next run finishes). */
    diskFull: result?.outOfSpace === true || extra.outOfSpace === true,
    // Notes made for attendees are a change: then it was not "already up to date".
    upToDate: isUpToDate(plan, result) && forAttendees.length === 0,
    folder: plan.folder,
    sources: plan.sources,
    mergedExports: plan.mergedExports ?? null,
    created: createdNotes.length,
    updated: result ? result.updated.length : plan.updates.length,
    unchanged: plan.unchanged.length,
    skipped: plan.skipped,
    warnings: plan.warnings,
    ambiguous: plan.ambiguous,
    unreadable: plan.unreadable,
    missingFromExport: plan.missingFromExport,
    /** The pending invitations you sent that this import takes (the vault state keeps them for triage). */
    pendingInvitations: invitations.taken,
    /** How many of the export's pending invitations were left out: it is older than what the vault holds. */
    pendingInvitationsLeftOut: invitations.leftOut,
    messages: plan.messages,
    owner: plan.owner,
    failed: [...(result?.failed ?? []), ...(extra.failed ?? [])],
    createdNotes,
    updatedNotes: (result ? written(plan.updates, result.updated) : plan.updates).map((u) => ({
      path: u.path,
      changes: u.changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
      jobChange: u.jobChange,
      interactionsAdded: u.interactions.length,
    })),
    stats: plan.stats,
    /** Per source: people, created, updated, unchanged, matched by URL/e-mail/name, ambiguous, without a note, its own counts and lists. */
    bySource: shownBySource(plan, attendeeNotes),
    /** Calendar attendees with no note (after --create-attendees, those it could not make one for): how many, and the first 20 by number of meetings. */
    attendeesWithoutNote: {
      count: attendees.length,
      top: attendees.slice(0, TOP_ATTENDEES).map((p) => ({
        name: p.name,
        email: p.emails[0] ?? null,
        meetings: p.interactions.length,
        lastMet: p.interactions[p.interactions.length - 1]?.date ?? null,
      })),
    },
    /** Notes made for them with --create-attendees (also in `created` and `createdNotes`). */
    createdForAttendees: [...forAttendees],
    /** Whether --create-attendees ran (then `attendeesWithoutNote` is who it left without a note). */
    attendeeNotesMade: attendeeNotes !== null,
    baseFile: extra.baseFile ?? null,
    reportFile: extra.reportFile ?? null,
    /** data.json when this run saved the vault state there. */
    stateSaved: extra.stateSaved ?? null,
    /** Set when the sanity brake tripped (see core/import/sanity-brake.ts). */
    brake: extra.brake ?? null,
  };
}

function printBrake(io: CliIo, brake: SanityBrake): void {
  io.err(`network-crm: ${brake.message}`);
  for (const e of brake.examples) io.err(`  ${e.name}: ${e.from} → ${e.to}  (${e.path})`);
}

/** How many warnings the text summary spells out; `--json` has them all. */
export const WARNINGS_SHOWN = 5;

/** `Connections.csv:12: reason`, as a compiler names a line; a warning about a whole file has no line. */
function issueLine(issue: RowIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}` : issue.file;
  return where === '' ? issue.reason : `${where}: ${issue.reason}`;
}

function printHuman(io: CliIo, summary: ImportSummary, vault: string): void {
  if (summary.upToDate && summary.failed.length === 0) {
    io.out(`Already up to date: ${plural(summary.unchanged, 'note')} unchanged in ${vault}/${summary.folder}`);
  } else {
    const line = (n: number, text: string, extra = '') => io.out(`  ${formatCount(n).padStart(7)} ${text}${extra}`);
    const would = summary.dryRun ? 'would be ' : '';
    // A run stopped part-way says so first: its counts are of the notes written before the stop.
    const done = summary.dryRun
      ? 'Dry run, nothing written'
      : summary.cancelled
        ? 'Interrupted part-way; written so far'
        : 'Imported';
    io.out(`${done} into ${vault}/${summary.folder}`);
    const notes = (n: number) => (n === 1 ? 'note' : 'notes');
    line(summary.created, `${notes(summary.created)} ${would}created`);
    const jobChanges = summary.updatedNotes.filter((u) => u.jobChange).length;
    line(
      summary.updated,
      `${notes(summary.updated)} ${would}updated`,
      jobChanges ? ` (${plural(jobChanges, 'job change')})` : '',
    );
    line(summary.unchanged, `${notes(summary.unchanged)} unchanged`);
  }
  if (summary.mergedExports) io.out(`  ${describeMerge(summary.mergedExports)}`);
  const line = (n: number, one: string, many: string, extra = '') =>
    io.out(`  ${formatCount(n).padStart(7)} ${n === 1 ? one : many}${extra}`);
  // What the user must know about their data (a row skipped, an export older than the vault,
  // a note whose YAML is broken) is spelled out, the first few: a bare count hid what it was.
  const listed = <T>(items: readonly T[], text: (item: T) => string) => {
    for (const item of items.slice(0, WARNINGS_SHOWN)) io.out(`          ${text(item)}`);
    if (items.length > WARNINGS_SHOWN)
      io.out(`          …and ${formatCount(items.length - WARNINGS_SHOWN)} more (--json lists them all)`);
  };
  if (summary.skipped.length) {
    line(summary.skipped.length, 'row skipped', 'rows skipped');
    listed(summary.skipped, issueLine);
  }
  if (summary.warnings.length) {
    line(summary.warnings.length, 'warning', 'warnings');
    listed(summary.warnings, issueLine);
  }
  if (summary.ambiguous.length) {
    line(
      summary.ambiguous.length,
      'ambiguous name',
      'ambiguous names',
      ' (not imported; two of the notes are one person? merge them: network-crm merge --keep A --into B)',
    );
    listed(summary.ambiguous, ambiguousText);
  }
  if (summary.unreadable.length) {
    line(summary.unreadable.length, 'unreadable note', 'unreadable notes', ' (YAML cannot be parsed; left untouched)');
    listed(summary.unreadable, (u) => `${u.path}: ${u.error}`);
  }
  if (summary.missingFromExport.length) {
    line(
      summary.missingFromExport.length,
      'connection missing from the export',
      'connections missing from the export',
      ' (removed on LinkedIn, or their profile is hidden; their notes are left as they are)',
    );
    listed(summary.missingFromExport, (m) => `${m.name} (${m.path})`);
  }
  const gone = invitationsGone(summary.updatedNotes);
  if (gone > 0)
    line(
      gone,
      'invitation received no longer on LinkedIn',
      'invitations received no longer on LinkedIn',
      ' (withdrawn, or declined there: marked invitation-withdrawn)',
    );
  if (summary.pendingInvitations.length)
    line(
      summary.pendingInvitations.length,
      'invitation pending',
      'invitations pending',
      ' (sent by you, not accepted)',
    );
  if (summary.pendingInvitationsLeftOut)
    line(
      summary.pendingInvitationsLeftOut,
      'invitation you sent, left out',
      'invitations you sent, left out',
      ' (this export is older than what the vault holds)',
    );
  if (summary.messages.messages)
    line(
      summary.messages.messages,
      'message read',
      'messages read',
      ` (${plural(summary.messages.matched, 'person', 'people')} with a note; your account${summary.owner?.name ? `: ${summary.owner.name},` : ''} from ${summary.messages.ownerRule})`,
    );
  const table = sourceTable(summary);
  if (table !== null) {
    io.out('  By source:');
    for (const [label, people, created, updated, unchanged, url, email, name, ambiguous, none] of table.rows)
      io.out(
        `    ${label}: ${people} people; ${created} new, ${updated} updated, ${unchanged} unchanged; matched by URL ${url}, e-mail ${email}, name ${name}; ${ambiguous} ambiguous${none !== '0' ? `; ${none} with no note` : ''}`,
      );
  }
  if (summary.createdForAttendees.length > 0)
    line(
      summary.createdForAttendees.length,
      'note created for people you met',
      'notes created for people you met',
      ' (undo takes them back)',
    );
  const att = summary.attendeesWithoutNote;
  if (att.count > 0) {
    // After --create-attendees, only those it could not make a note for (a failed write is listed below).
    if (summary.attendeeNotesMade) line(att.count, 'attendee still with no note', 'attendees still with no note');
    else
      line(att.count, 'attendee with no note', 'attendees with no note', ' (--create-attendees makes notes for them)');
    for (const a of att.top.slice(0, 5))
      io.out(`          ${a.name || a.email}: ${plural(a.meetings, 'meeting')}, the last on ${a.lastMet}`);
  }
  if (summary.failed.length) {
    line(summary.failed.length, 'failure', 'failures');
    for (const f of summary.failed.slice(0, 10)) io.err(`  ${failureLine(f)}`);
    if (summary.failed.length > 10) io.err(`  …and ${formatCount(summary.failed.length - 10)} more (see --json)`);
  }
  if (summary.reportFile) io.out(`  Report: ${summary.reportFile}`);
  if (summary.baseFile) io.out(`  Open ${summary.baseFile} in Obsidian for a table of your network.`);
  if (summary.cancelled) io.out('Interrupted. Run the same command again to finish; nothing will be duplicated.');
  if (summary.diskFull)
    io.err('The disk is full. Free some space, then run the same command again to finish; nothing will be duplicated.');
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** What the import writes after the notes; each step's failure is reported, none stops the summary. */
class AfterImport {
  readonly failed: Failure[] = [];
  /** A step failed for want of room (People.base, the report). */
  outOfSpace = false;
  baseFile: string | null = null;
  reportFile: string | null = null;
  stateSaved: string | null = null;
  attendeeNotes: AttendeeNotes | null = null;

  constructor(
    private readonly session: VaultSession,
    private readonly plan: ImportPlan,
  ) {}

  async step(path: string, work: () => Promise<void> | void): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.failed.push({ path, error: errorText(e) });
      if (isOutOfSpace(e)) this.outOfSpace = true;
    }
  }

  /** People.base by the core rule: first import, or repair of a missing/empty one never written. */
  async writeBaseFile(): Promise<boolean> {
    const { vault, settings } = this.session;
    const decision = baseFileDecision({
      folder: this.plan.folder,
      enabled: settings.createBaseFile,
      basesSupported: true,
      created: this.session.config.state.baseFileCreated,
      onDisk: (p) => {
        const size = vault.size(p);
        return size === null ? 'missing' : size === 0 ? 'empty' : 'present';
      },
    });
    if (decision === null) return this.session.config.state.baseFileCreated;
    if (!decision.write) return decision.createdAfter;
    let ok = false;
    await this.step(decision.path, async () => {
      await vault
        .writer()
        .create(
          decision.path,
          composeBaseFile(this.plan.folder, { trustLevels: settings.trustLevels, tag: settings.defaultTag }),
        );
      this.baseFile = decision.path;
      ok = true;
    });
    return ok ? decision.createdAfter : this.session.config.state.baseFileCreated;
  }

  async writeReport(result: ApplyResult): Promise<void> {
    // Notes made for attendees are a change worth a report, even when the import itself found nothing to do.
    if (isUpToDate(this.plan, result) && (this.attendeeNotes?.created.length ?? 0) === 0) return;
    const { vault, today } = this.session;
    const folder = reportFolderOf(this.session.settings.reportFolder);
    const path = reportPath(folder, this.plan, (p) => vault.exists(p));
    await this.step(path, async () => {
      const writer = vault.writer();
      if (folder !== '') await writer.ensureFolder(folder);
      await writer.create(
        path,
        composeImportReport(this.plan, { date: today, result, attendeeNotes: this.attendeeNotes }),
      );
      this.reportFile = path;
    });
  }

  async saveState(result: ApplyResult, baseFileCreated: boolean): Promise<void> {
    const { config, today } = this.session;
    // Applied to the state as it is now: a command run while this import ran keeps what it saved.
    const change = (current: VaultState): VaultState => {
      const state = { ...current, baseFileCreated };
      return result.cancelled ? state : recordImport(state, this.plan, today);
    };
    await this.step(config.dataPath, () => {
      if (updateVaultState(config, change).written) this.stateSaved = config.dataPath;
    });
  }
}

/** The device's time zone (the process's, TZ included): meetings are logged on its dates, as in the plugin. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export interface PrepareOptions {
  /** The bundled read-ahead worker (see CliIo). */
  workerScript?: string;
  lap?: (phase: string) => void;
  /** Ctrl-C while calendars are read, a way to let it through, and the progress line. */
  io?: Pick<CliIo, 'interrupted' | 'breathe' | 'progress'>;
}

/**
 * What the import has once its inputs are read and the vault is known: the plan, or (for a
 * Connections.csv too large to plan at once, see core/import/parts.ts) a way to plan it a
 * part at a time, written as each part is made.
 */
interface Prepared {
  /** The plan made at once; null for an import planned in parts. */
  plan: ImportPlan | null;
  /** For an import planned in parts: plans it (again), handing each part to `onPart`. */
  inParts: ((onPart?: PartsOptions['onPart']) => Promise<ImportPlan>) | null;
  /** Person notes the vault had before the import. */
  notes: number;
}

/**
 * The plan for these inputs, in any mix (LinkedIn, address books, calendars), as the CLI
 * makes it: the person notes are read on a worker thread (`workerScript`, the bundled CLI)
 * while this thread parses the files. `inputs` is emptied once the files are read, so their
 * bytes are not held through the plan.
 */
export async function prepareImport(
  session: VaultSession,
  settings: ImportSettings,
  inputs: ExportInput[],
  options: PrepareOptions = {},
): Promise<ImportPlan> {
  const prepared = await prepare(session, settings, inputs, options);
  return prepared.plan ?? (await (prepared.inParts as NonNullable<Prepared['inParts']>)());
}

async function prepare(
  session: VaultSession,
  settings: ImportSettings,
  inputs: ExportInput[],
  options: PrepareOptions,
): Promise<Prepared> {
  const lap = options.lap ?? (() => undefined);
  // The export is parsed first (~300 ms at 30,000): the worker may read up to 256 batches of
  // 256 notes (~64 MB, all of a 30,000-note vault) meanwhile. With the default window it
  // waited for the parsing and the parsing then waited for it (~260 ms).
  const reads = new NoteReads(session, { workerScript: options.workerScript, window: 256 });
  try {
    return await planFromInputs(session, settings, inputs, options, lap, reads);
  } finally {
    // A bad input stops the import before the notes are read: the worker must not wait for a reader forever.
    reads.close();
  }
}

async function planFromInputs(
  session: VaultSession,
  settings: ImportSettings,
  inputs: ExportInput[],
  options: PrepareOptions,
  lap: (phase: string) => void,
  reads: NoteReads,
): Promise<Prepared> {
  const { vault } = session;
  const io = options.io;
  const sources = await importSources(inputs, {
    today: settings.today,
    timeZone: localTimeZone,
    myEmails: session.settings.myEmails,
    ownerName: session.config.state.owner?.name ?? null,
    shouldStop: io ? () => io.interrupted() : undefined,
    // Calendars take seconds: say how far, and let a Ctrl-C through.
    onProgress: io
      ? (file, fraction) => {
          io.progress?.(`Reading ${file}… ${Math.floor(fraction * 100)}%`);
          return io.breathe();
        }
      : undefined,
    compactAbove: PART_ROWS,
  }).finally(() => io?.progress?.(null));
  lap('read');
  // The files' bytes are read: let them go (a 1,000,000-row Connections.csv is 100 MB of them).
  inputs.length = 0;
  vault.cleanTempFiles();
  const snapshot = vaultSnapshot(session, reads);
  lap('snapshot');
  const exp = sources.length === 1 ? compactExportOf(sources[0] as ImportSource) : null;
  if (exp !== null)
    return {
      plan: null,
      inParts: (onPart) => planInParts(exp, snapshot, settings, { onPart, partSize: PART_SIZE }),
      notes: snapshot.notes.length,
    };
  const plan = await planImport(sources, snapshot, settings);
  lap('plan');
  return { plan, inParts: null, notes: snapshot.notes.length };
}

/**
 * `--create-attendees`: notes for the calendar's attendees with no note, made by the same
 * plan (metPeopleSource), recorded for `undo` as one change (journaled as they are written,
 * so a kill part-way is one change too); and the attendees still without one (their note
 * failed, or a Ctrl-C stopped the loop), whom the summary and the report then list.
 */
async function createAttendeeNotes(
  session: VaultSession,
  settings: ImportSettings,
  plan: ImportPlan,
  io: CliIo,
): Promise<AttendeeNotes & { failed: Failure[]; outOfSpace: boolean; cancelled: boolean }> {
  const people = attendeesWithoutNote(plan.withoutNote);
  if (people.length === 0) return { created: [], left: [], failed: [], outOfSpace: false, cancelled: false };
  const follow = await planImport([metPeopleSource(people)], vaultSnapshot(session), settings);
  const editor = new CliEditor(session, 'create notes for people you met');
  const failed: Failure[] = [];
  let outOfSpace = false;
  let cancelled = false;
  try {
    for (const [i, op] of follow.creates.entries()) {
      // Ctrl-C is seen between two notes, as in the import's own loop.
      if (i % ATTENDEE_BREATHE === 0) await io.breathe();
      if (io.interrupted()) {
        cancelled = true;
        break;
      }
      try {
        await editor.write(op.path, op.text());
      } catch (e) {
        failed.push({ path: op.path, error: errorText(e) });
        // Every note left would fail the same way.
        if (isOutOfSpace(e)) {
          outOfSpace = true;
          break;
        }
      }
    }
  } finally {
    // Whatever was created is one undo step, even if a write failed part-way.
    editor.commit(`create notes for ${plural(editor.changed.length, 'person', 'people')} you met`);
  }
  const created = editor.changed.map((c) => c.path);
  return { created, left: attendeesLeft(plan, follow, created), failed, outOfSpace, cancelled };
}

/** Attendee notes written between two looks at Ctrl-C (the import's own loop looks every 250). */
const ATTENDEE_BREATHE = 50;

export async function runImport(args: ParsedArgs, io: CliIo): Promise<number> {
  if (args.positional.length === 0)
    throw new UsageError(
      'import needs files: a LinkedIn export (.zip, folder or CSV files), address books (.vcf, Google or Outlook CSV) or calendars (.ics)',
      'import',
    );
  const session = openVault(args);
  if (!(await mayWrite(session, 'import', io, !args.flags.has('dry-run')))) return 1;
  const { vault } = session;
  const settings = importSettings(session);
  const folder = settings.folder;
  vault.checkWritable(folder);
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    if (process.env.NETWORK_CRM_PERF === '1') phases[`${name}RssMb`] = Math.round(process.memoryUsage.rss() / 1e6);
    mark = now;
  };
  let prepared: Prepared;
  try {
    prepared = await prepare(session, settings, readInputs(args.positional, zlibInflater(io.workerScript)), {
      workerScript: io.workerScript,
      lap,
      io,
    });
  } catch (e) {
    if (!(e instanceof CalendarCancelled)) throw e;
    io.out('Interrupted while reading the calendar; nothing was written.');
    return 130;
  }
  const dryRun = args.flags.has('dry-run');
  const { inParts } = prepared;
  let plan = prepared.plan;
  // An import planned in parts is planned whole first when the dry run shows it or the brake
  // could trip, then again as it is written.
  if (plan === null && inParts !== null && (dryRun || brakeCanTrip(prepared.notes))) {
    plan = await inParts();
    lap('plan');
  }

  let result: ApplyResult | null = null;
  const brake = plan === null ? null : sanityBrake(plan);
  if (plan !== null && brake && !dryRun && !args.flags.has('yes')) {
    printBrake(io, brake);
    // On a terminal the user is asked, as the plugin's preview asks; a script gets the exit code.
    const ask = args.flags.has('json') ? undefined : io.confirm;
    if (!ask || !(await ask('Import anyway?'))) {
      if (args.flags.has('json'))
        io.out(JSON.stringify({ ...importSummary(plan, null, { brake }), dryRun: false, stopped: true }, null, 2));
      io.err('Nothing was written. Run the same command with --yes to import anyway.');
      return EXIT_BRAKE;
    }
  } else if (brake) printBrake(io, brake);
  // A Ctrl-C pressed while the files were read or the plan made is seen here, before the first
  // note is written (the writing loop would see it only at its first pause, 250 notes on).
  await io.breathe();
  if (!dryRun && io.interrupted()) {
    io.out('Interrupted before any note was written; nothing was changed.');
    return 130;
  }
  // Set when the people folder cannot be made: the parts after it would only fail the same way.
  let folderFailed = false;
  const apply = async (part: ImportPlan): Promise<ApplyResult> => {
    try {
      return await applyPlan(part, vault.writer(), {
        shouldStop: () => io.interrupted(),
        // Yield to the event loop now and then so Ctrl-C is noticed between two notes.
        onProgress: (done) => (done % 250 === 0 ? io.breathe() : undefined),
      });
    } catch (e) {
      // Only the folder creation can throw here (notes fail one by one inside applyPlan).
      folderFailed = true;
      return { created: [], updated: [], failed: [{ path: folder, error: errorText(e) }], cancelled: false };
    }
  };
  let attendeeNotes: Awaited<ReturnType<typeof createAttendeeNotes>> | null = null;
  if (!dryRun) {
    if (inParts !== null) {
      const all: ApplyResult = { created: [], updated: [], failed: [], cancelled: false };
      plan = null; // the brake's plan, let go before the parts are made again
      plan = await inParts(async (part) => {
        const r = await apply(part);
        for (const p of r.created) all.created.push(p);
        for (const p of r.updated) all.updated.push(p);
        for (const f of r.failed) all.failed.push(f);
        all.cancelled = r.cancelled;
        if (r.outOfSpace) all.outOfSpace = true;
        return !r.cancelled && !r.outOfSpace && !folderFailed;
      });
      result = all;
    } else result = await apply(plan as ImportPlan);
    if (args.flags.has('create-attendees') && !result.cancelled && !result.outOfSpace)
      attendeeNotes = await createAttendeeNotes(session, settings, plan as ImportPlan, io);
  }
  const whole = plan as ImportPlan;
  const after = new AfterImport(session, whole);
  if (attendeeNotes !== null) {
    after.attendeeNotes = { created: attendeeNotes.created, left: attendeeNotes.left };
    after.failed.push(...attendeeNotes.failed);
    if (attendeeNotes.outOfSpace) after.outOfSpace = true;
  }
  if (result !== null) {
    const baseFileCreated = await after.writeBaseFile();
    if (args.flags.has('report')) await after.writeReport(result);
    await after.saveState(result, baseFileCreated);
  }
  lap('write');
  // For `npm run bench`: where the time went, on stderr.
  if (process.env.NETWORK_CRM_PERF === '1') io.err(JSON.stringify({ phases }));
  const summary = importSummary(whole, result, {
    baseFile: after.baseFile,
    reportFile: after.reportFile,
    failed: after.failed,
    stateSaved: after.stateSaved,
    brake,
    attendeeNotes: after.attendeeNotes,
    outOfSpace: after.outOfSpace,
    cancelled: attendeeNotes?.cancelled === true,
  });
  if (args.flags.has('json')) io.out(JSON.stringify(summary, null, 2));
  else printHuman(io, summary, vault.root);
  if (summary.cancelled) return 130;
  return summary.failed.length > 0 ? 1 : 0;
}

export const IMPORT: CommandSpec = {
  name: 'import',
  args: '<zip|folder|csv|vcf|ics…>',
  summary:
    'Import a LinkedIn data export (the .zip, the unzipped folder, or CSV files), address books (.vcf, Google or Outlook contacts CSV) and calendars (.ics), in any mix, into person notes.',
  details: [
    'Files are told apart by their content: a vCard, a calendar, a contacts CSV by its header; the rest is read as LinkedIn export files.',
    'Calendars log past meetings (up to --today) with the people who have a note; whose calendar it is comes from --my-emails (the setting) and your name.',
    "Uses the vault's Network CRM settings (see show-settings); the flags below change them for this run only.",
    'The first import also adds People.base beside the people folder (and repairs one left missing or empty).',
    'After an import the vault state (last import, People.base written) is saved in the plugin data file.',
    'Interrupt it with Ctrl-C and run it again: it finishes without duplicates.',
    'One command writes a vault at a time: one started meanwhile waits a few seconds, then stops, names the one writing, and writes nothing.',
    'An import that would change the company of more than 10% of the people (and more than 50) stops first, with examples (exit code 3).',
  ],
  flags: [
    ...VAULT_FLAGS,
    FLAG.dryRun,
    FLAG.json,
    { name: 'report', help: 'also write the report note (Network CRM/Imports/LinkedIn import DATE.md)' },
    SETTING_FLAG_HELP['report-folder']!,
    SETTING_FLAG_HELP.format!,
    SETTING_FLAG_HELP['no-base']!,
    SETTING_FLAG_HELP['create-pending-invitees']!,
    SETTING_FLAG_HELP['log-message-days']!,
    {
      name: 'yes',
      help: 'import even when the sanity brake stops it (a mass change of companies); a terminal is asked',
    },
    SETTING_FLAG_HELP['my-emails']!,
    {
      name: 'create-attendees',
      help: 'also create notes for the calendar attendees with no note (undo takes them back)',
    },
    FLAG.help,
  ],
  run: runImport,
};

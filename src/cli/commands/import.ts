/**
 * `network-crm import <zip|folder|csv…> --vault DIR [--folder People] [--dry-run] [--json]`
 */
import { applyPlan, type ApplyResult } from '../../core/import/apply';
import { planImport } from '../../core/import/plan';
import type { ImportPlan } from '../../core/import/plan-types';
import { composeImportReport } from '../../core/import/report';
import { readExport } from '../../core/linkedin/read-export';
import { DEFAULT_SETTINGS } from '../../core/settings';
import { formatCount } from '../../core/text/format';
import { baseFilePath, composeBaseFile } from '../../core/notes/base-file';
import { joinPath } from '../../core/notes/file-name';
import { checkFlags, requireFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import { FsVault } from '../fs-vault';
import { folderOption, todayOption } from '../options';
import { readInputs } from '../read-inputs';
import type { CliIo } from '../io';

export const IMPORT_FLAGS = [
  'vault',
  'folder',
  'dry-run',
  'json',
  'today',
  'format',
  'tag',
  'report',
  'report-folder',
  'create-pending-invitees',
  'log-message-days',
  'no-base',
];

export type ImportSummary = ReturnType<typeof importSummary>;

export function importSummary(plan: ImportPlan, result: ApplyResult | null, baseFile: string | null = null) {
  return {
    dryRun: result === null,
    cancelled: result?.cancelled ?? false,
    folder: plan.folder,
    sources: plan.sources,
    created: result ? result.created.length : plan.creates.length,
    updated: result ? result.updated.length : plan.updates.length,
    unchanged: plan.unchanged.length,
    skipped: plan.skipped,
    warnings: plan.warnings,
    ambiguous: plan.ambiguous,
    unreadable: plan.unreadable,
    missingFromExport: plan.missingFromExport,
    pendingInvitations: plan.pendingInvitations,
    messages: plan.messages,
    owner: plan.owner,
    failed: result?.failed ?? [],
    createdNotes: result ? result.created : plan.creates.map((c) => c.path),
    updatedNotes: (result ? plan.updates.filter((u) => result.updated.includes(u.path)) : plan.updates).map((u) => ({
      path: u.path,
      changes: u.changes.map((c) => ({ field: c.field, from: c.from, to: c.to })),
      jobChange: u.jobChange,
      interactionsAdded: u.interactions.length,
    })),
    stats: plan.stats,
    baseFile,
  };
}

function printHuman(io: CliIo, summary: ReturnType<typeof importSummary>, vault: string): void {
  const line = (label: string, n: number, extra = '') =>
    io.out(`  ${label.padEnd(22)} ${formatCount(n).padStart(7)}${extra}`);
  io.out(`${summary.dryRun ? 'Dry run, nothing written' : 'Imported'} into ${vault}/${summary.folder}`);
  line(summary.dryRun ? 'would create' : 'created', summary.created);
  line(
    summary.dryRun ? 'would update' : 'updated',
    summary.updated,
    summary.updatedNotes.some((u) => u.jobChange)
      ? ` (${summary.updatedNotes.filter((u) => u.jobChange).length} job changes)`
      : '',
  );
  line('unchanged', summary.unchanged);
  line(
    'skipped rows',
    summary.skipped.length,
    summary.skipped.length ? ' (--json lists them with file, line and reason)' : '',
  );
  if (summary.warnings.length) line('warnings', summary.warnings.length);
  if (summary.ambiguous.length) line('ambiguous names', summary.ambiguous.length);
  if (summary.unreadable.length)
    line('unreadable notes', summary.unreadable.length, ' (YAML cannot be parsed; left untouched)');
  if (summary.missingFromExport.length) line('missing from export', summary.missingFromExport.length);
  if (summary.pendingInvitations.length)
    line('invitations pending', summary.pendingInvitations.length, ' (sent by you, not accepted)');
  if (summary.messages.messages)
    line(
      'messages read',
      summary.messages.messages,
      ` (${summary.messages.matched} people with a note; your account${summary.owner?.name ? `: ${summary.owner.name},` : ''} from ${summary.messages.ownerRule})`,
    );
  if (summary.failed.length) {
    line('failed', summary.failed.length);
    for (const f of summary.failed.slice(0, 10)) io.err(`  ${f.path}: ${f.error}`);
  }
  if (summary.baseFile) io.out(`  Open ${summary.baseFile} in Obsidian for a table of your network.`);
  if (summary.cancelled) io.out('Interrupted. Run the same command again to finish; nothing will be duplicated.');
}

/** People.base beside the people folder, unless a file of that name is already there. */
async function createBaseFile(vault: FsVault, folder: string): Promise<string | null> {
  const path = baseFilePath(folder);
  if (vault.exists(path)) return null;
  await vault.writer().create(path, composeBaseFile(folder));
  return path;
}

export async function runImport(args: ParsedArgs, io: CliIo): Promise<number> {
  checkFlags(args, IMPORT_FLAGS);
  if (args.positional.length === 0)
    throw new UsageError('import needs a LinkedIn export: a .zip, a folder or CSV files');
  const vault = new FsVault(requireFlag(args, 'vault'));
  const folder = folderOption(args);
  const today = todayOption(args);
  const settings = {
    folder,
    today,
    fileNameFormat: stringFlag(args, 'format') ?? DEFAULT_SETTINGS.fileNameFormat,
    tag: stringFlag(args, 'tag') ?? DEFAULT_SETTINGS.defaultTag,
    createNotesForPendingInvitees: args.flags.has('create-pending-invitees'),
    logMessageDays: args.flags.has('log-message-days'),
  };
  const phases: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  // The person notes are read on a worker thread while this thread parses the export.
  const notesRead = vault.startReadAhead(folder);
  const exp = readExport(readInputs(args.positional));
  lap('read');
  vault.cleanTempFiles(folder);
  await notesRead;
  const snapshot = vault.snapshot(folder, settings.tag);
  lap('snapshot');
  const plan = await planImport(exp, snapshot, settings);
  lap('plan');
  // The CLI keeps no state, so "the first import" is the one that creates the people folder:
  // a People.base the user deleted later is not brought back by the next run.
  const firstImport = !vault.exists(folder);

  let result: ApplyResult | null = null;
  let baseFile: string | null = null;
  if (!args.flags.has('dry-run')) {
    result = await applyPlan(plan, vault.writer(), {
      shouldStop: () => io.interrupted(),
      // Yield to the event loop now and then so Ctrl-C is noticed between two notes.
      onProgress: (done) => (done % 250 === 0 ? io.breathe() : undefined),
    });
    if (firstImport && !args.flags.has('no-base')) baseFile = await createBaseFile(vault, folder);
    if (args.flags.has('report')) {
      const reportFolder = folderOption(args, 'report-folder', DEFAULT_SETTINGS.reportFolder);
      const writer = vault.writer();
      await writer.ensureFolder(reportFolder);
      let path = joinPath(reportFolder, `LinkedIn import ${today}`);
      for (let n = 2; vault.exists(path); n++) path = joinPath(reportFolder, `LinkedIn import ${today} ${n}`);
      await writer.create(path, composeImportReport(plan, { date: today, result }));
    }
  }
  lap('write');
  // For `npm run bench`: where the time went, on stderr.
  if (process.env.NETWORK_CRM_PERF === '1') io.err(JSON.stringify({ phases }));
  const summary = importSummary(plan, result, baseFile);
  if (args.flags.has('json')) io.out(JSON.stringify(summary, null, 2));
  else printHuman(io, summary, vault.root);
  if (result?.cancelled) return 130;
  return result && result.failed.length > 0 ? 1 : 0;
}

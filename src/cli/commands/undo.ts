/** `network-crm undo --vault DIR`: undoes the last change a CLI command made, as the plugin's undo does. */
import { plural } from '../../core/text/format';
import type { ParsedArgs } from '../args';
import { undoLastChange } from '../cli-edits';
import { FLAG, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault } from '../options';
import { mayWrite } from '../write-lock';

async function runUndo(args: ParsedArgs, io: CliIo): Promise<number> {
  const session = openVault(args);
  if (!(await mayWrite(session, 'undo', io))) return 1;
  const outcome = await undoLastChange(session);
  if (args.flags.has('json'))
    io.out(JSON.stringify(outcome ?? { label: null, restored: [], merged: [], skipped: [], sentDecisions: 0 }));
  else if (outcome === null) io.out('Nothing to undo.');
  else {
    // A note whose later changes were kept was taken back too: counting only the ones
    // restored whole said "0 notes restored" of an undo that did its work.
    const notes = outcome.restored.length + outcome.merged.length;
    const parts = [
      ...(notes > 0 || !outcome.sentDecisions ? [plural(notes, 'note')] : []),
      ...(outcome.sentDecisions ? [plural(outcome.sentDecisions, 'sent-invitation decision')] : []),
    ];
    io.out(`Undone: ${outcome.label} (${parts.join(' and ')} taken back).`);
    if (outcome.merged.length > 0) {
      io.out(`${plural(outcome.merged.length, 'note')} had changed since; the later changes were kept:`);
      for (const p of outcome.merged) io.out(`  ${p}`);
    }
    if (outcome.skipped.length > 0) {
      io.out(`${plural(outcome.skipped.length, 'note')} left alone:`);
      for (const s of outcome.skipped) io.out(`  ${s.path}: ${s.reason}`);
    }
  }
  return outcome !== null && outcome.skipped.length > 0 ? 1 : 0;
}

export const UNDO: CommandSpec = {
  name: 'undo',
  summary:
    'Undo the last change a CLI command made (log, decide, met-at-event, prune-list, review --write, bulk, merge, import --create-attendees); again for the one before.',
  details: [
    "A note edited since (by you, Obsidian, sync or an import) keeps those later edits: only the command's own",
    'keys and lines are taken back. If one of those was changed since, the note is left as it is and listed',
    'with the reason; exits 1 then.',
    'Decisions on invitations you sent (withdrawn, keep waiting), kept in the vault state, are put back too.',
    'The last 10 changes are kept in <config folder>/plugins/network-crm/cli-undo.json.',
  ],
  flags: [FLAG.vault, FLAG.configDir, FLAG.json, FLAG.help],
  run: runUndo,
};

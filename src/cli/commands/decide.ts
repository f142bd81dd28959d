/**
 * `network-crm decide`: one triage decision, or one decision for many people.
 *
 *   decide --vault DIR --person P (--trust N | --met-where TEXT | --prune | --decline | --keep | --accept | --asked)
 *   decide --vault DIR --all-untriaged [--connected-before D] [--no-contact] [--company NAME] [--filter TERMS]
 *          (--trust N | --prune | --keep) [--dry-run] [--json]
 *   decide --vault DIR --all-prune-candidates [same filters] (--prune | --keep | --trust N) [--dry-run] [--json]
 *   decide --vault DIR --all-sent [--sent-before D] (--decline | --keep) [--dry-run] [--json]
 *
 * A decision means what it means on the person's card: `--keep` on an invitation you sent
 * is "keep waiting", `--decline` there is "withdrawn on LinkedIn". Those two are kept in
 * the vault state, so invitees without a note can be decided too, and a re-import does not
 * bring the card back.
 */
import { isIsoDate } from '../../core/dates/iso-date';
import { editBody } from '../../core/notes/note-text';
import { FilterError } from '../../core/people/filter';
import type { PersonRecord } from '../../core/people/person-record';
import { decisionEdit, type TriageDecision } from '../../core/triage/actions';
import { fillReplyTemplate, recordAsk, replySigner } from '../../core/triage/ask';
import { bulkDecisionLabel, bulkEdit, bulkFilter, selectForBulk, type BulkDecision } from '../../core/triage/bulk';
import { isSummary, type TriageItem } from '../../core/triage/queue';
import type { SentItem } from '../../core/triage/sent-invitations';
import { withSentDecision } from '../../core/triage/triage-state';
import { levelNames } from '../../core/settings';
import { formatCount, plural } from '../../core/text/format';
import { checkFlags, requireFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import type { CliIo } from '../io';
import { openTriageContext, type TriageContext } from '../triage-context';
import { writeVaultState } from '../vault-data';

type Decision = TriageDecision | { type: 'asked' };

function decisionFrom(args: ParsedArgs): Decision {
  const chosen: Decision[] = [];
  const trust = stringFlag(args, 'trust');
  if (trust !== undefined) {
    const level = Number(trust);
    if (!/^\d+$/.test(trust) || level < 1 || level > 5)
      throw new UsageError(`--trust "${trust}" must be a level from 1 to 5`);
    chosen.push({ type: 'trust', level });
  }
  const metWhere = stringFlag(args, 'met-where');
  if (metWhere !== undefined) chosen.push({ type: 'met-where', value: metWhere.trim() });
  for (const type of ['prune', 'decline', 'keep', 'accept', 'asked'] as const)
    if (args.flags.has(type)) chosen.push({ type });
  if (chosen.length !== 1)
    throw new UsageError(
      'give exactly one decision: --trust N, --met-where TEXT, --prune, --decline, --keep, --accept or --asked',
    );
  return chosen[0] as Decision;
}

function dateFlag(args: ParsedArgs, name: string): string | undefined {
  const v = stringFlag(args, name);
  if (v !== undefined && !isIsoDate(v)) throw new UsageError(`--${name} "${v}" is not a date (expected YYYY-MM-DD)`);
  return v;
}

function describe(decision: Decision): string {
  return decision.type === 'trust' ? `trust ${decision.level}` : decision.type;
}

/** Records a decision on a sent invitation in the vault state (and returns the state written). */
function saveSentDecision(ctx: TriageContext, items: readonly SentItem[], decision: 'decline' | 'keep'): void {
  const state = ctx.data.state;
  const triage = withSentDecision(
    state.triage,
    items.map((s) => s.key),
    decision === 'decline' ? 'withdrawn' : 'waiting',
    ctx.today,
  );
  writeVaultState(ctx.vault, { ...state, triage });
  ctx.data.state = { ...state, triage };
}

async function decideOne(args: ParsedArgs, io: CliIo, ctx: TriageContext, decision: Decision): Promise<number> {
  const query = requireFlag(args, 'person');
  const queue = ctx.queue();
  const json = args.flags.has('json');
  let person: PersonRecord | null = null;
  try {
    person = ctx.people.find(query);
  } catch (e) {
    // Someone you invited has no note: the pending invitation is all we know of them.
    const sent = queue.sent.find((s) => s.profileUrl === query || s.name.toLowerCase() === query.toLowerCase());
    if (!sent || sent.person !== null) throw e;
    if (decision.type !== 'decline' && decision.type !== 'keep')
      throw new UsageError(`${sent.name} has no note: only --decline (withdrawn) or --keep (keep waiting) apply`);
    saveSentDecision(ctx, [sent], decision.type);
    if (json) io.out(JSON.stringify({ path: null, name: sent.name, decision, card: 'withdraw' }));
    else
      io.out(
        `${sent.name}: ${decision.type === 'decline' ? 'withdrawn on LinkedIn' : 'keep waiting'} (no note; kept in the vault state)`,
      );
    return 0;
  }
  const card = queue.cards.find((c): c is TriageItem => !isSummary(c) && c.person.path === person.path);
  const sent = card?.sent ?? queue.sent.find((s) => s.person?.path === person.path) ?? null;
  const writer = ctx.vault.writer();
  if (decision.type === 'asked') {
    if (person.status !== 'invitation-received')
      throw new UsageError(
        `--asked is for an invitation you received; ${person.name} is ${person.status || 'not an invitation'}`,
      );
    await writer.updateFrontmatter(person.path, recordAsk.frontmatter(ctx.today));
    await writer.process(person.path, (text) => editBody(text, recordAsk.body(ctx.today)));
    const s = ctx.data.settings;
    const reply = fillReplyTemplate(s.replyTemplate, person, replySigner(s.myName, ctx.data.state.owner?.name));
    if (json)
      io.out(JSON.stringify({ path: person.path, decision, card: card?.kind ?? null, asked: ctx.today, reply }));
    else io.out(`${person.name}: asked “have we met?” on ${ctx.today} (${person.path}). Send them:\n\n${reply}`);
    return 0;
  }
  const kind = sent !== null ? 'withdraw' : (card?.kind ?? null);
  const edit = decisionEdit(decision, {
    kind,
    today: ctx.today,
    withdrawAfterWeeks: ctx.data.settings.withdrawAfterWeeks,
  });
  // What the decision cleared (a trust level clears `prune: true`), said so it can be put back.
  const cleared: Array<{ field: string; was: unknown }> = [];
  await writer.updateFrontmatter(person.path, (fm) => {
    const before = { ...fm };
    edit(fm);
    for (const key of Object.keys(before)) if (!(key in fm)) cleared.push({ field: key, was: before[key] });
  });
  if (sent !== null && (decision.type === 'decline' || decision.type === 'keep'))
    saveSentDecision(ctx, [sent], decision.type);
  if (json) io.out(JSON.stringify({ path: person.path, decision, card: kind, cleared }));
  else
    io.out(
      `${person.name}: ${describe(decision)} (${person.path})${cleared.map((c) => `; cleared ${c.field}: ${JSON.stringify(c.was)}`).join('')}`,
    );
  return 0;
}

function bulkDecision(decision: Decision, mode: string): BulkDecision {
  if (decision.type === 'trust' || decision.type === 'prune' || decision.type === 'keep') return decision;
  throw new UsageError(`--${mode} takes --trust N, --prune or --keep`);
}

function printPeople(io: CliIo, names: readonly string[]): void {
  for (const name of names.slice(0, 20)) io.out(`  ${name}`);
  if (names.length > 20) io.out(`  … and ${formatCount(names.length - 20)} more (--json lists them all)`);
}

/** One decision for the untriaged connections, or the prune candidates, the filters select. */
async function decideMany(
  args: ParsedArgs,
  io: CliIo,
  ctx: TriageContext,
  decision: Decision,
  scope: 'untriaged' | 'prune',
): Promise<number> {
  const bulk = bulkDecision(decision, scope === 'prune' ? 'all-prune-candidates' : 'all-untriaged');
  const filter = bulkFilter({
    scope: scope === 'prune' ? 'any' : 'untriaged',
    connectedBefore: stringFlag(args, 'connected-before'),
    noContact: args.flags.has('no-contact'),
    company: stringFlag(args, 'company'),
    filter: stringFlag(args, 'filter'),
  });
  let chosen: PersonRecord[];
  try {
    const base = scope === 'prune' ? ctx.queue().prune.map((c) => c.person) : ctx.people.records;
    chosen = selectForBulk(base, filter, {
      today: ctx.today,
      mentions: filter.includes('no-contact') ? ctx.mentions() : undefined,
    });
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(e.message);
    throw e;
  }
  const dryRun = args.flags.has('dry-run');
  const label = bulkDecisionLabel(bulk, levelNames(ctx.data.settings));
  const changed: PersonRecord[] = [];
  const failed: Array<{ path: string; error: string }> = [];
  if (!dryRun) {
    const writer = ctx.vault.writer();
    const edit = bulkEdit(bulk, ctx.today);
    for (const p of chosen) {
      if (io.interrupted()) break;
      try {
        await writer.updateFrontmatter(p.path, edit);
        changed.push(p);
      } catch (e) {
        failed.push({ path: p.path, error: e instanceof Error ? e.message : String(e) });
      }
      if (changed.length % 250 === 0) await io.breathe();
    }
  }
  const people = (dryRun ? chosen : changed).map((p) => ({ name: p.name, path: p.path }));
  if (args.flags.has('json'))
    io.out(
      JSON.stringify(
        { filter, decision: bulk, dryRun, count: people.length, matched: chosen.length, people, failed },
        null,
        2,
      ),
    );
  else {
    io.out(
      `${dryRun ? 'Dry run, nothing written: would' : 'Done:'} ${label} for ${plural(people.length, 'person', 'people')} (${scope === 'prune' ? `prune candidates${filter ? `, filter: ${filter}` : ''}` : `filter: ${filter}`})`,
    );
    printPeople(
      io,
      people.map((p) => p.name),
    );
    for (const f of failed) io.err(`  ${f.path}: ${f.error}`);
    if (!dryRun && changed.length < chosen.length - failed.length)
      io.out(`Interrupted after ${formatCount(changed.length)}; run the same command again for the rest.`);
  }
  return failed.length > 0 ? 1 : 0;
}

async function decideSent(args: ParsedArgs, io: CliIo, ctx: TriageContext, decision: Decision): Promise<number> {
  if (decision.type !== 'decline' && decision.type !== 'keep')
    throw new UsageError('--all-sent takes --decline (withdrawn on LinkedIn) or --keep (keep waiting)');
  const before = dateFlag(args, 'sent-before');
  const chosen = ctx.queue().sent.filter((s) => before === undefined || s.sentOn < before);
  const dryRun = args.flags.has('dry-run');
  if (!dryRun && chosen.length > 0) {
    saveSentDecision(ctx, chosen, decision.type);
    const writer = ctx.vault.writer();
    const edit = decisionEdit(decision, {
      kind: 'withdraw',
      today: ctx.today,
      withdrawAfterWeeks: ctx.data.settings.withdrawAfterWeeks,
    });
    for (const s of chosen) if (s.person !== null) await writer.updateFrontmatter(s.person.path, edit);
  }
  const what = decision.type === 'decline' ? 'withdrawn on LinkedIn' : 'keep waiting';
  if (args.flags.has('json'))
    io.out(
      JSON.stringify(
        {
          decision: what,
          dryRun,
          count: chosen.length,
          invitations: chosen.map((s) => ({
            name: s.name,
            linkedin: s.profileUrl,
            sentOn: s.sentOn,
            path: s.person?.path ?? null,
          })),
        },
        null,
        2,
      ),
    );
  else {
    io.out(
      `${dryRun ? 'Dry run, nothing written: would mark' : 'Marked'} ${plural(chosen.length, 'sent invitation')} “${what}”`,
    );
    printPeople(
      io,
      chosen.map((s) => `${s.name} (sent ${s.sentOn})`),
    );
  }
  return 0;
}

export async function runDecide(args: ParsedArgs, io: CliIo): Promise<number> {
  checkFlags(args, [
    'vault',
    'person',
    'trust',
    'met-where',
    'prune',
    'decline',
    'keep',
    'accept',
    'asked',
    'today',
    'folder',
    'json',
    'all-untriaged',
    'all-prune-candidates',
    'connected-before',
    'no-contact',
    'company',
    'filter',
    'dry-run',
    'all-sent',
    'sent-before',
  ]);
  const decision = decisionFrom(args);
  const modes = ['person', 'all-untriaged', 'all-prune-candidates', 'all-sent'].filter((m) => args.flags.has(m));
  if (modes.length !== 1)
    throw new UsageError('give --person P, --all-untriaged, --all-prune-candidates or --all-sent');
  const many = args.flags.has('all-untriaged') || args.flags.has('all-prune-candidates');
  for (const flag of ['connected-before', 'no-contact', 'company', 'filter'])
    if (args.flags.has(flag) && !many)
      throw new UsageError(`--${flag} goes with --all-untriaged or --all-prune-candidates`);
  if (args.flags.has('sent-before') && !args.flags.has('all-sent'))
    throw new UsageError('--sent-before goes with --all-sent');
  if (args.flags.has('dry-run') && args.flags.has('person'))
    throw new UsageError('--dry-run goes with --all-untriaged, --all-prune-candidates or --all-sent');
  dateFlag(args, 'connected-before');
  const ctx = openTriageContext(args, io);
  if (args.flags.has('all-untriaged')) return decideMany(args, io, ctx, decision, 'untriaged');
  if (args.flags.has('all-prune-candidates')) return decideMany(args, io, ctx, decision, 'prune');
  if (args.flags.has('all-sent')) return decideSent(args, io, ctx, decision);
  return decideOne(args, io, ctx, decision);
}

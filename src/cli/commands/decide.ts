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
import { nameKey, sharedNameKeys } from '../../core/identity/person-name';
import { FilterError } from '../../core/people/filter';
import type { PersonRecord } from '../../core/people/person-record';
import { decisionEdit, type TriageDecision } from '../../core/triage/actions';
import { fillReplyTemplate, recordAsk, replySigner } from '../../core/triage/ask';
import { bulkDecisionLabel, bulkEdit, bulkFilter, selectForBulk, type BulkDecision } from '../../core/triage/bulk';
import { isSummary, type TriageItem } from '../../core/triage/queue';
import { waitingEnds, type SentItem } from '../../core/triage/sent-invitations';
import { sentDecisionChanges, withSentDecision } from '../../core/triage/triage-state';
import { levelNames } from '../../core/settings';
import { formatCount, plural } from '../../core/text/format';
import { filterFlag, requireFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import { CliEditor } from '../cli-edits';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openTriageContext, type TriageContext } from '../triage-context';
import { failureLine } from '../failures';
import { openVault } from '../options';
import { mayWrite } from '../write-lock';

type Decision = TriageDecision | { type: 'asked' };

function decisionFrom(args: ParsedArgs): Decision {
  const chosen: Decision[] = [];
  const trust = stringFlag(args, 'trust');
  if (trust !== undefined) {
    const level = Number(trust);
    if (!/^\d+$/.test(trust) || level < 1 || level > 5)
      throw new UsageError(`--trust "${trust}" must be a level from 1 to 5`, 'decide');
    chosen.push({ type: 'trust', level });
  }
  const metWhere = stringFlag(args, 'met-where')?.replace(/\s+/g, ' ').trim();
  // As met-at-event: an empty place would clear met-where, which is not what "where we met" asks.
  if (metWhere === '') throw new UsageError('--met-where needs a place or an event', 'decide');
  if (metWhere !== undefined) chosen.push({ type: 'met-where', value: metWhere });
  for (const type of ['prune', 'decline', 'keep', 'accept', 'asked'] as const)
    if (args.flags.has(type)) chosen.push({ type });
  if (chosen.length !== 1)
    throw new UsageError(
      'give exactly one decision: --trust N, --met-where TEXT, --prune, --decline, --keep, --accept or --asked',
      'decide',
    );
  return chosen[0] as Decision;
}

function dateFlag(args: ParsedArgs, name: string): string | undefined {
  const v = stringFlag(args, name);
  if (v !== undefined && !isIsoDate(v))
    throw new UsageError(`--${name} "${v}" is not a date (expected YYYY-MM-DD)`, 'decide');
  return v;
}

function describe(decision: Decision): string {
  return decision.type === 'trust' ? `trust ${decision.level}` : decision.type;
}

/**
 * Records a decision on sent invitations in the vault state (where invitees without a note
 * can have one), and what it replaced in `editor`, so `network-crm undo` puts it back.
 */
function saveSentDecision(
  ctx: TriageContext,
  items: readonly SentItem[],
  decision: 'decline' | 'keep',
  editor: CliEditor,
): void {
  const keys = items.map((s) => s.key);
  const status = decision === 'decline' ? 'withdrawn' : 'waiting';
  const { before, after } = ctx.updateState((current) => ({
    ...current,
    triage: withSentDecision(current.triage, keys, status, ctx.today),
  }));
  editor.recordSentDecisions(sentDecisionChanges(before.triage, after.triage, keys));
}

/**
 * Applies the edits one command makes and records them for `network-crm undo`; `also` runs
 * after the notes, before the change is stored (a decision kept in the vault state joins it).
 */
async function editNotes(
  ctx: TriageContext,
  label: string,
  edits: ReadonlyArray<{ path: string; edit: Parameters<CliEditor['edit']>[1] }>,
  io?: CliIo,
  also?: (editor: CliEditor) => void,
): Promise<{ changed: string[]; failed: CliEditor['failed'] }> {
  const editor = new CliEditor(ctx.session, label);
  const changed: string[] = [];
  try {
    for (const { path, edit } of edits) {
      if (io?.interrupted()) break;
      if (await editor.edit(path, edit)) changed.push(path);
      if (io && changed.length % 250 === 0) await io.breathe();
    }
    also?.(editor);
  } finally {
    editor.commit(label);
  }
  return { changed, failed: editor.failed };
}

async function decideOne(args: ParsedArgs, io: CliIo, ctx: TriageContext, decision: Decision): Promise<number> {
  const query = requireFlag(args, 'person');
  const queue = ctx.queue();
  const json = args.flags.has('json');
  // Someone you invited who has no note: the pending invitation is all we know of them.
  /** `namesake`: the path of a note of the same name that was left alone, to say so. */
  const withoutNote = async (sent: SentItem, namesake: string | null = null): Promise<number> => {
    if (decision.type !== 'decline' && decision.type !== 'keep')
      throw new UsageError(
        `${sent.name} has no note: only --decline (withdrawn) or --keep (keep waiting) apply`,
        'decide',
      );
    const type = decision.type;
    await editNotes(ctx, `${type === 'decline' ? 'withdrawn' : 'keep waiting'}: ${sent.name}`, [], undefined, (ed) =>
      saveSentDecision(ctx, [sent], type, ed),
    );
    if (json)
      io.out(
        JSON.stringify({
          path: null,
          name: sent.name,
          decision,
          card: 'withdraw',
          ...(namesake !== null ? { leftAlone: namesake } : {}),
        }),
      );
    else
      io.out(
        `${sent.name}: ${type === 'decline' ? 'withdrawn on LinkedIn' : `keep waiting; the card comes back on ${backOn()}`} (no note; kept in the vault state)${namesake !== null ? ` (${namesake}, a namesake, was left alone)` : ''}`,
      );
    return 0;
  };
  /** When a "keep waiting" decided today ends. */
  const backOn = () => waitingEnds(ctx.today, ctx.session.settings.withdrawAfterWeeks);
  const sentByName = queue.sent.filter((s) => s.person === null && s.name.toLowerCase() === query.toLowerCase());
  let person: PersonRecord | null = null;
  /** Notes of that name with a pending invitation (received or sent), but the one at `except`. */
  const pendingNotes = (except: string | null) =>
    ctx.people.records.filter(
      (p) =>
        p.path !== except &&
        p.name.toLowerCase() === query.toLowerCase() &&
        (p.status === 'invitation-received' || p.status === 'invitation-sent'),
    );
  const choose = (pending: readonly PersonRecord[]) =>
    [...pending.map((p) => p.path), ...sentByName.map((s) => s.profileUrl ?? `${s.name} (no URL)`)].join(', ');
  try {
    person = ctx.people.find(query);
  } catch (e) {
    const byUrl = queue.sent.find((s) => s.profileUrl === query);
    const sent = byUrl ?? sentByName[0];
    if (!sent || sent.person !== null) throw e;
    // The name is several notes' (none taken): an invitation without a note is meant only when
    // it is the one pending invitation of that name.
    const pending = byUrl === undefined ? pendingNotes(null) : [];
    if (byUrl === undefined && (sentByName.length > 1 || pending.length > 0))
      throw new UsageError(
        `"${query}" is the name of several notes; pending invitations of that name: ${choose(pending)}; give one of them to --person`,
        'decide',
      );
    return withoutNote(sent);
  }
  const card = queue.cards.find((c): c is TriageItem => !isSummary(c) && c.person.path === person.path);
  const sent = card?.sent ?? queue.sent.find((s) => s.person?.path === person.path) ?? null;
  // --accept and --decline, like --asked, answer a pending invitation: on a connection, a
  // decline would mark them `invitation-declined` and drop them from stale and the overview.
  if (decision.type === 'accept' && person.status !== 'invitation-received')
    throw new UsageError(
      `--accept is for a pending invitation you received; ${person.name} has none (linkedin-status: ${person.status || 'none'})`,
      'decide',
    );
  if (decision.type === 'decline' && person.status !== 'invitation-received' && sent === null) {
    // The name is also that of someone you invited who has no note (the card the user sees):
    // a decline can only be meant for that invitation, as this note has none, unless another
    // note of the name has a pending invitation too; then the user must say which.
    const pending = pendingNotes(person.path);
    if (sentByName.length === 1 && pending.length === 0) return withoutNote(sentByName[0] as SentItem, person.path);
    const others = choose(pending);
    throw new UsageError(
      `--decline is for a pending invitation, received or sent; ${person.name} has none (linkedin-status: ${person.status || 'none'})${others !== '' ? `; other pending invitations of that name: ${others}; give one of them to --person` : ''}`,
      'decide',
    );
  }
  // A received invitation is answered, not kept: --keep would write `prune: false` and leave its card.
  if (decision.type === 'keep' && person.status === 'invitation-received')
    throw new UsageError(
      `--keep is for a prune candidate or an invitation you sent; ${person.name} sent you an invitation: answer it with --accept, --decline or --asked`,
      'decide',
    );
  if (decision.type === 'asked') {
    if (person.status !== 'invitation-received')
      throw new UsageError(
        `--asked is for an invitation you received; ${person.name} is ${person.status || 'not an invitation'}`,
        'decide',
      );
    const done = await editNotes(ctx, `ask ${person.name} “have we met?”`, [
      { path: person.path, edit: { frontmatter: recordAsk.frontmatter(ctx.today), body: recordAsk.body(ctx.today) } },
    ]);
    if (done.failed[0]) throw new Error(failureLine(done.failed[0]));
    const s = ctx.session.settings;
    const reply = fillReplyTemplate(s.replyTemplate, person, replySigner(s.myName, ctx.state().owner?.name));
    if (json)
      io.out(JSON.stringify({ path: person.path, decision, card: card?.kind ?? null, asked: ctx.today, reply }));
    else io.out(`${person.name}: asked “have we met?” on ${ctx.today} (${person.path}). Send them:\n\n${reply}`);
    return 0;
  }
  const kind = sent !== null ? 'withdraw' : (card?.kind ?? null);
  const edit = decisionEdit(decision, {
    kind,
    today: ctx.today,
    withdrawAfterWeeks: ctx.session.settings.withdrawAfterWeeks,
  });
  // What the decision cleared (a trust level clears `prune: true`), said so it can be put back.
  const cleared: Array<{ field: string; was: unknown }> = [];
  const type = decision.type;
  const done = await editNotes(
    ctx,
    `${decision.type} ${person.name}`,
    [
      {
        path: person.path,
        edit: {
          frontmatter: (fm) => {
            const before = { ...fm };
            edit(fm);
            for (const key of Object.keys(before)) if (!(key in fm)) cleared.push({ field: key, was: before[key] });
          },
        },
      },
    ],
    undefined,
    // The invitation's decision joins the note's edit in one undo step, when the note was written.
    (ed) => {
      if (ed.failed.length === 0 && sent !== null && (type === 'decline' || type === 'keep'))
        saveSentDecision(ctx, [sent], type, ed);
    },
  );
  if (done.failed[0]) throw new Error(failureLine(done.failed[0]));
  if (json) io.out(JSON.stringify({ path: person.path, decision, card: kind, cleared }));
  else
    io.out(
      `${person.name}: ${describe(decision)}${sent !== null && type === 'keep' ? ` waiting; the card comes back on ${backOn()}` : ''} (${person.path})${cleared.map((c) => `; cleared ${c.field}: ${JSON.stringify(c.was)}`).join('')}`,
    );
  return 0;
}

function bulkDecision(decision: Decision, mode: string): BulkDecision {
  if (decision.type === 'trust' || decision.type === 'prune' || decision.type === 'keep') return decision;
  throw new UsageError(`--${mode} takes --trust N, --prune or --keep`, 'decide');
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
    filter: filterFlag(args),
  });
  let chosen: PersonRecord[];
  try {
    const base = scope === 'prune' ? ctx.queue().prune.map((c) => c.person) : ctx.people.records;
    chosen = selectForBulk(base, filter, {
      today: ctx.today,
      mentions: filter.includes('no-contact') ? ctx.mentions() : undefined,
    });
  } catch (e) {
    if (e instanceof FilterError) throw new UsageError(e.message, args.command);
    throw e;
  }
  const dryRun = args.flags.has('dry-run');
  const label = bulkDecisionLabel(bulk, levelNames(ctx.session.settings));
  let changed: PersonRecord[] = [];
  let failed: Array<{ path: string; error: string }> = [];
  if (!dryRun) {
    // One undo step for all of them (network-crm undo).
    const edit = bulkEdit(bulk, ctx.today);
    const done = await editNotes(
      ctx,
      `${label} for ${plural(chosen.length, 'person', 'people')}`,
      chosen.map((p) => ({ path: p.path, edit: { frontmatter: edit } })),
      io,
    );
    const paths = new Set(done.changed);
    changed = chosen.filter((p) => paths.has(p.path));
    failed = [...done.failed];
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
    // Namesakes are told apart by their notes, so the list can be checked before it is run.
    const shared = sharedNameKeys(ctx.people.records);
    printPeople(
      io,
      people.map((p) => (shared.has(nameKey(p.name)) ? `${p.name} (${p.path})` : p.name)),
    );
    for (const f of failed) io.err(`  ${failureLine(f)}`);
    if (!dryRun && io.interrupted())
      io.out(`Interrupted after ${formatCount(changed.length)}; run the same command again for the rest.`);
  }
  return failed.length > 0 ? 1 : 0;
}

async function decideSent(args: ParsedArgs, io: CliIo, ctx: TriageContext, decision: Decision): Promise<number> {
  if (decision.type !== 'decline' && decision.type !== 'keep')
    throw new UsageError('--all-sent takes --decline (withdrawn on LinkedIn) or --keep (keep waiting)', 'decide');
  const before = dateFlag(args, 'sent-before');
  const chosen = ctx.queue().sent.filter((s) => before === undefined || s.sentOn < before);
  const dryRun = args.flags.has('dry-run');
  if (!dryRun && chosen.length > 0) {
    const type = decision.type;
    const edit = decisionEdit(decision, {
      kind: 'withdraw',
      today: ctx.today,
      withdrawAfterWeeks: ctx.session.settings.withdrawAfterWeeks,
    });
    const withNotes = chosen.flatMap((s) => (s.person ? [{ path: s.person.path, edit: { frontmatter: edit } }] : []));
    await editNotes(
      ctx,
      `${type === 'decline' ? 'withdrawn' : 'keep waiting'}: ${plural(chosen.length, 'sent invitation')}`,
      withNotes,
      undefined,
      (ed) => saveSentDecision(ctx, chosen, type, ed),
    );
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
    const back =
      decision.type === 'keep'
        ? `; their cards come back on ${waitingEnds(ctx.today, ctx.session.settings.withdrawAfterWeeks)}`
        : '';
    io.out(
      `${dryRun ? 'Dry run, nothing written: would mark' : 'Marked'} ${plural(chosen.length, 'sent invitation')} “${what}”${back}`,
    );
    printPeople(
      io,
      chosen.map((s) => `${s.name} (sent ${s.sentOn})`),
    );
  }
  return 0;
}

async function runDecide(args: ParsedArgs, io: CliIo): Promise<number> {
  const decision = decisionFrom(args);
  const modes = ['person', 'all-untriaged', 'all-prune-candidates', 'all-sent'].filter((m) => args.flags.has(m));
  if (modes.length !== 1)
    throw new UsageError('give --person P, --all-untriaged, --all-prune-candidates or --all-sent', 'decide');
  const many = args.flags.has('all-untriaged') || args.flags.has('all-prune-candidates');
  for (const flag of ['connected-before', 'no-contact', 'company', 'filter'])
    if (args.flags.has(flag) && !many)
      throw new UsageError(`--${flag} goes with --all-untriaged or --all-prune-candidates`, 'decide');
  if (args.flags.has('sent-before') && !args.flags.has('all-sent'))
    throw new UsageError('--sent-before goes with --all-sent', 'decide');
  if (args.flags.has('dry-run') && args.flags.has('person'))
    throw new UsageError('--dry-run goes with --all-untriaged, --all-prune-candidates or --all-sent', 'decide');
  dateFlag(args, 'connected-before');
  filterFlag(args);
  if (!(await mayWrite(openVault(args), 'decide', io, !args.flags.has('dry-run')))) return 1;
  const ctx = openTriageContext(args, io);
  if (args.flags.has('all-untriaged')) return decideMany(args, io, ctx, decision, 'untriaged');
  if (args.flags.has('all-prune-candidates')) return decideMany(args, io, ctx, decision, 'prune');
  if (args.flags.has('all-sent')) return decideSent(args, io, ctx, decision);
  return decideOne(args, io, ctx, decision);
}

export const DECIDE: CommandSpec = {
  name: 'decide',
  summary:
    'Record one triage decision on a person, as the triage view does, or one decision for many (undo with network-crm undo).',
  details: [
    'One person: --person and one of --trust, --met-where, --prune, --decline, --keep, --accept, --asked.',
    'Many: --all-untriaged or --all-prune-candidates with filters, then --trust, --prune or --keep; --all-sent with --decline or --keep.',
    'Filters are terms joined by spaces, all of which must hold: untriaged, no-contact, connected-before:YYYY-MM-DD, connected-after:YYYY-MM-DD, company:NAME, met-where:"Web Summit 2024".',
  ],
  flags: [
    ...VAULT_FLAGS,
    FLAG.person,
    { name: 'trust', value: 'N', help: 'set the trust level, 1 to 5' },
    { name: 'met-where', value: 'TEXT', help: 'set where you met' },
    { name: 'prune', help: 'mark to remove on LinkedIn' },
    { name: 'decline', help: 'decline the invitation, or withdrawn on LinkedIn (an invitation you sent)' },
    { name: 'keep', help: 'keep (a prune candidate), or keep waiting (an invitation you sent)' },
    { name: 'accept', help: 'accept the invitation (then accept it on LinkedIn too)' },
    { name: 'asked', help: 'record that you asked "have we met?" (an invitation you received) and print the reply' },
    { name: 'all-untriaged', help: 'every connection without a trust level that the filters select' },
    { name: 'all-prune-candidates', help: 'every prune candidate that the filters select' },
    { name: 'connected-before', value: 'YYYY-MM-DD', help: 'only people connected before this day' },
    { name: 'no-contact', help: 'only people with no message, no interaction, no daily note and no note linking them' },
    { name: 'company', value: 'NAME', help: 'only people at this company (whole words, any case)' },
    { name: 'filter', value: 'TERMS', help: 'more filter terms, all of which must hold' },
    { name: 'all-sent', help: 'every invitation you sent that is pending for more than the withdraw period' },
    { name: 'sent-before', value: 'YYYY-MM-DD', help: 'only invitations sent before this day (with --all-sent)' },
    FLAG.dryRun,
    FLAG.json,
    FLAG.help,
  ],
  run: runDecide,
};

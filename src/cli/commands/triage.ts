/**
 * `network-crm triage --vault DIR [--today] --json`: the triage queue in the view's order.
 * `network-crm decide --vault DIR --person … --trust N | --prune | --decline | --keep | --accept | --met-where TEXT`
 */
import { decisionEdit, type TriageDecision } from '../../core/triage/actions';
import { knowledgeOf, TRIAGE_SECTIONS, triageQueue } from '../../core/triage/queue';
import { checkFlags, requireFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import { FsVault } from '../fs-vault';
import type { CliIo } from '../io';
import { folderOption, todayOption } from '../options';
import { VaultPeople } from '../vault-people';

function queueFor(people: VaultPeople, today: string) {
  const s = people.settings;
  return triageQueue(people.records, {
    today,
    pruneAfterYears: s.pruneAfterYears,
    withdrawAfterWeeks: s.withdrawAfterWeeks,
    unansweredThreshold: s.unansweredThreshold,
  });
}

export function runTriage(args: ParsedArgs, io: CliIo): Promise<number> {
  checkFlags(args, ['vault', 'today', 'json', 'folder']);
  const people = new VaultPeople(new FsVault(requireFlag(args, 'vault')), { folder: folderOption(args) });
  const today = todayOption(args);
  const queue = queueFor(people, today);
  const backlinks = queue.some((i) => i.kind === 'invitation') ? people.backlinks() : new Map<string, string[]>();
  const rows = queue.map((item) => {
    const row: Record<string, unknown> = {
      kind: item.kind,
      section: TRIAGE_SECTIONS[item.kind],
      person: { name: item.person.name, path: item.person.path, linkedin: item.person.profileUrl },
      reason: item.reason,
    };
    if (item.kind === 'invitation') {
      const k = knowledgeOf(item.person, people.records, backlinks.get(item.person.path) ?? []);
      row.message = item.person.invitationMessage;
      row.knowledge = {
        mentionedIn: k.mentionedIn,
        trustedAtCompany: k.trustedAtCompany.map((p) => p.name),
        sameNameMetWhere: k.sameNameMetWhere.map((p) => p.metWhere),
      };
    }
    return row;
  });
  if (args.flags.has('json')) io.out(JSON.stringify({ today, count: rows.length, queue: rows }, null, 2));
  else {
    io.out(`${rows.length} to triage on ${today}`);
    for (const item of queue)
      io.out(`  ${TRIAGE_SECTIONS[item.kind].padEnd(24)} ${item.person.name.padEnd(28)} ${item.reason}`);
  }
  return Promise.resolve(0);
}

function decisionFrom(args: ParsedArgs): TriageDecision {
  const chosen: TriageDecision[] = [];
  const trust = stringFlag(args, 'trust');
  if (trust !== undefined) {
    const level = Number(trust);
    if (!Number.isInteger(level) || level < 1 || level > 5)
      throw new UsageError(`--trust "${trust}" must be a level from 1 to 5`);
    chosen.push({ type: 'trust', level });
  }
  const metWhere = stringFlag(args, 'met-where');
  if (metWhere !== undefined) chosen.push({ type: 'met-where', value: metWhere.trim() });
  for (const type of ['prune', 'decline', 'keep', 'accept'] as const) if (args.flags.has(type)) chosen.push({ type });
  if (chosen.length !== 1)
    throw new UsageError(
      'give exactly one decision: --trust N, --met-where TEXT, --prune, --decline, --keep or --accept',
    );
  return chosen[0] as TriageDecision;
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
    'today',
    'folder',
    'json',
  ]);
  const decision = decisionFrom(args);
  const vault = new FsVault(requireFlag(args, 'vault'));
  const people = new VaultPeople(vault, { folder: folderOption(args) });
  const person = people.find(requireFlag(args, 'person'));
  const today = todayOption(args);
  // The decision means what it means on the person's card (keep on a pending invitation = keep waiting).
  const card = queueFor(people, today).find((i) => i.person.path === person.path);
  const edit = decisionEdit(decision, {
    kind: card?.kind ?? null,
    today,
    withdrawAfterWeeks: people.settings.withdrawAfterWeeks,
  });
  // What the decision changed, so a field it cleared (a trust level clears `prune: true`) can be put back.
  const cleared: Array<{ field: string; was: unknown }> = [];
  await vault.writer().updateFrontmatter(person.path, (fm) => {
    const before = { ...fm };
    edit(fm);
    for (const key of Object.keys(before)) if (!(key in fm)) cleared.push({ field: key, was: before[key] });
  });
  if (args.flags.has('json'))
    io.out(JSON.stringify({ path: person.path, decision, card: card?.kind ?? null, cleared }));
  else
    io.out(
      `${person.name}: ${decision.type}${decision.type === 'trust' ? ` ${decision.level}` : ''} (${person.path})${cleared.map((c) => `; cleared ${c.field}: ${JSON.stringify(c.was)}`).join('')}`,
    );
  return 0;
}

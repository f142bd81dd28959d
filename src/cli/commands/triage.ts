/**
 * `network-crm triage --vault DIR [--today] --json`: the triage queue in the view's order.
 * `network-crm decide --vault DIR --person … --trust N | --prune | --decline | --keep | --accept | --met-where TEXT`
 */
import { decisionEdit, type TriageDecision } from '../../core/triage/actions';
import { knowledgeOf, TRIAGE_SECTIONS, triageQueue } from '../../core/triage/queue';
import { requireFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import { CliEditor } from '../cli-edits';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { openVault } from '../options';
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

function runTriage(args: ParsedArgs, io: CliIo): Promise<number> {
  const session = openVault(args);
  const people = new VaultPeople(session);
  const { today } = session;
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
      throw new UsageError(`--trust "${trust}" must be a level from 1 to 5`, 'decide');
    chosen.push({ type: 'trust', level });
  }
  const metWhere = stringFlag(args, 'met-where');
  if (metWhere !== undefined) chosen.push({ type: 'met-where', value: metWhere.trim() });
  for (const type of ['prune', 'decline', 'keep', 'accept'] as const) if (args.flags.has(type)) chosen.push({ type });
  if (chosen.length !== 1)
    throw new UsageError(
      'give exactly one decision: --trust N, --met-where TEXT, --prune, --decline, --keep or --accept',
      'decide',
    );
  return chosen[0] as TriageDecision;
}

async function runDecide(args: ParsedArgs, io: CliIo): Promise<number> {
  const decision = decisionFrom(args);
  const session = openVault(args);
  const people = new VaultPeople(session);
  const person = people.find(requireFlag(args, 'person'));
  const { today } = session;
  // The decision means what it means on the person's card (keep on a pending invitation = keep waiting).
  const card = queueFor(people, today).find((i) => i.person.path === person.path);
  const edit = decisionEdit(decision, {
    kind: card?.kind ?? null,
    today,
    withdrawAfterWeeks: people.settings.withdrawAfterWeeks,
  });
  // What the decision changed, so a field it cleared (a trust level clears `prune: true`) can be put back.
  const cleared: Array<{ field: string; was: unknown }> = [];
  const editor = new CliEditor(session);
  await editor.edit(person.path, {
    frontmatter: (fm) => {
      const before = { ...fm };
      edit(fm);
      for (const key of Object.keys(before)) if (!(key in fm)) cleared.push({ field: key, was: before[key] });
    },
  });
  if (editor.failed[0]) throw new Error(`${editor.failed[0].path}: ${editor.failed[0].error}`);
  editor.commit(`${decision.type} ${person.name}`);
  if (args.flags.has('json'))
    io.out(JSON.stringify({ path: person.path, decision, card: card?.kind ?? null, cleared }));
  else
    io.out(
      `${person.name}: ${decision.type}${decision.type === 'trust' ? ` ${decision.level}` : ''} (${person.path})${cleared.map((c) => `; cleared ${c.field}: ${JSON.stringify(c.was)}`).join('')}`,
    );
  return 0;
}

export const TRIAGE: CommandSpec = {
  name: 'triage',
  summary:
    'The triage queue, in the order of the triage view: invitations, new connections, job changes, people to prune, invitations to withdraw.',
  details: ["Uses the vault's settings (prune after, withdraw after, unanswered threshold); see show-settings."],
  flags: [...VAULT_FLAGS, FLAG.json, FLAG.help],
  run: runTriage,
};

export const DECIDE: CommandSpec = {
  name: 'decide',
  summary: 'Record one triage decision on a person, as the triage view does (undo with network-crm undo).',
  flags: [
    ...VAULT_FLAGS,
    { ...FLAG.person, help: `${FLAG.person.help} (required)` },
    { name: 'trust', value: 'N', help: 'set the trust level, 1 to 5' },
    { name: 'met-where', value: 'TEXT', help: 'set where you met' },
    { name: 'prune', help: 'mark to remove on LinkedIn' },
    { name: 'decline', help: 'decline the invitation' },
    { name: 'keep', help: 'keep (a prune candidate), or keep waiting (an invitation you sent)' },
    { name: 'accept', help: 'accept the invitation (then accept it on LinkedIn too)' },
    FLAG.json,
    FLAG.help,
  ],
  run: runDecide,
};

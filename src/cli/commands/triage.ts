/**
 * `network-crm triage --vault DIR [--today D] [--kind KIND] [--limit N] [--backlog] [--json]`:
 * the daily queue in the view's order, section by section; `--backlog` lists "Rate your
 * network" instead. `--kind withdraw` lists every sent invitation waiting for a decision,
 * even when the queue shows them as one summary card.
 */
import { HINT_LABELS } from '../../core/triage/note-hint';
import {
  isSummary,
  rateItems,
  SECTION_ORDER,
  TRIAGE_SECTIONS,
  type TriageCard,
  type TriageItem,
  type TriageKind,
  trustedAtCompanyLine,
  vaultKnowledge,
  withdrawItem,
} from '../../core/triage/queue';
import { nameKey, sharedNameKeys } from '../../core/identity/person-name';
import { formatCount, plural } from '../../core/text/format';
import { limitFlag, stringFlag, UsageError, type ParsedArgs } from '../args';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { JsonList, printJson } from '../json-out';
import { openTriageContext, type TriageContext } from '../triage-context';
import { printTable, type TableRow } from '../text-table';

const KINDS: readonly string[] = [...SECTION_ORDER, 'rate'];

function kindOption(args: ParsedArgs): TriageKind | null {
  const raw = stringFlag(args, 'kind');
  if (raw === undefined) return null;
  if (!KINDS.includes(raw)) throw new UsageError(`--kind "${raw}" must be one of ${KINDS.join(', ')}`, 'triage');
  return raw as TriageKind;
}

/** The vault's knowledge of the people on cards, indexed on first use (only invitation cards need it). */
type Knowledge = () => ReturnType<typeof vaultKnowledge>;
/** Whether another person note has this person's name (then a card names its note: `--person` needs it). */
type Namesake = (p: TriageItem['person']) => boolean;

function cardJson(card: TriageCard, ctx: TriageContext, knowledge: Knowledge): Record<string, unknown> {
  if (isSummary(card))
    return {
      kind: card.kind,
      section: TRIAGE_SECTIONS[card.kind],
      person: null,
      count: card.count,
      reason: card.reason,
    };
  const p = card.person;
  const row: Record<string, unknown> = {
    kind: card.kind,
    section: TRIAGE_SECTIONS[card.kind],
    person: {
      name: p.name,
      path: p.path === '' ? null : p.path,
      linkedin: p.profileUrl,
      company: p.company,
      position: p.position,
    },
    reason: card.reason,
    asked: card.asked,
    answered: card.answered,
  };
  if (card.kind === 'invitation' || card.kind === 'answer') {
    row.message = p.invitationMessage;
    row.noteHint = card.hint?.hint ?? 'none';
    row.hintWords = card.hint?.words ?? [];
    row.hintInVault = card.hint?.inVault ?? [];
    const k = knowledge()(p, ctx.backlinks().get(p.path) ?? []);
    row.knowledge = {
      mentionedIn: k.mentionedIn,
      // The first TRUSTED_SHOWN names, as the plugin's card shows them, and how many more.
      trustedAtCompany: k.trustedAtCompany.map((o) => o.name),
      trustedAtCompanyMore: k.trustedAtCompanyCount - k.trustedAtCompany.length,
      sameNameMetWhere: k.sameNameMetWhere.map((o) => o.metWhere),
    };
  }
  if (card.sent) row.sentOn = card.sent.sentOn;
  return row;
}

function hintCell(card: TriageItem): string {
  // No hint: the reason already says "with no note" (saying it twice was noise).
  if (!card.hint || card.hint.hint === 'none') return '';
  const words = [...card.hint.inVault, ...card.hint.words.filter((w) => !card.hint?.inVault.includes(w))];
  return `${HINT_LABELS[card.hint.hint].toLowerCase()}${words.length ? `: ${words.slice(0, 4).join(', ')}` : ''}`;
}

/** A card as a table row; an invitation's note and who you trust at the company go under it, as on the plugin's card. */
function rowOf(card: TriageItem, ctx: TriageContext, knowledge: Knowledge, namesake: Namesake): TableRow {
  const p = card.person;
  const details: string[] = [];
  if (namesake(p)) details.push(`${p.path} (another note has this name)`);
  if (card.kind === 'invitation' || card.kind === 'answer') {
    const note = p.invitationMessage.split(/\r?\n/)[0] ?? '';
    if (note !== '') details.push(`“${note}”`);
    const trusted = trustedAtCompanyLine(knowledge()(p, ctx.backlinks().get(p.path) ?? []), p.company);
    if (trusted !== null) details.push(trusted);
  }
  return { cells: [p.name, [p.company, p.position].filter(Boolean).join(' · '), card.reason, hintCell(card)], details };
}

function runTriage(args: ParsedArgs, io: CliIo): Promise<number> {
  // The options first: a mistyped one is said at once, not after the vault is read.
  const limit = limitFlag(args) ?? null;
  const kind = kindOption(args);
  const ctx = openTriageContext(args, io);
  const q = ctx.queue();
  const json = args.flags.has('json');
  let index: ReturnType<typeof vaultKnowledge> | null = null;
  const knowledge: Knowledge = () => (index ??= vaultKnowledge(ctx.people.records));
  let shared: Set<string> | null = null;
  const namesake: Namesake = (p) => (shared ??= sharedNameKeys(ctx.people.records)).has(nameKey(p.name));

  if (args.flags.has('backlog') || kind === 'rate') {
    const order = rateItems(q.backlog, ctx.mentions());
    const shown = order.slice(0, limit ?? order.length);
    if (json)
      printJson(io, {
        today: ctx.today,
        count: order.length,
        queue: new JsonList(shown, (i) => cardJson(i, ctx, knowledge)),
      });
    else {
      io.out(
        `Rate your network: ${formatCount(order.length)} earlier connections without a trust level, most signal first`,
      );
      printTable(
        io,
        shown.map((c) => rowOf(c, ctx, knowledge, namesake)),
      );
      if (shown.length < order.length) io.out(`  … and ${formatCount(order.length - shown.length)} more (--limit)`);
    }
    return Promise.resolve(0);
  }

  let cards: TriageCard[] = q.cards;
  // A section with a summary card lists all its people when asked for by name.
  if (kind === 'withdraw') {
    cards = q.sent.map(withdrawItem);
  } else if (kind === 'prune') {
    cards = q.prune;
  } else if (kind !== null) cards = cards.filter((c) => c.kind === kind);
  const shown = cards.slice(0, limit ?? cards.length);

  if (json) {
    printJson(io, {
      today: ctx.today,
      count: cards.length,
      sections: q.counts,
      queue: new JsonList(shown, (c) => cardJson(c, ctx, knowledge)),
      waiting: q.waiting.map((w) => ({ name: w.person.name, path: w.person.path, asked: w.askedOn, days: w.days })),
    });
    return Promise.resolve(0);
  }
  // Summary cards count the people they stand for.
  const sizes = new Map<string, number>(q.cards.filter(isSummary).map((c) => [c.kind, c.count]));
  const summary = SECTION_ORDER.filter((k) => q.counts[k] > 0)
    .map((k) => `${TRIAGE_SECTIONS[k].toLowerCase()} ${formatCount(sizes.get(k) ?? q.counts[k])}`)
    .join(' · ');
  io.out(`${plural(q.cards.length, 'card')} to triage on ${ctx.today}${summary ? ` (${summary})` : ''}`);
  let section: string | null = null;
  let rows: TableRow[] = [];
  const flush = () => {
    if (rows.length) printTable(io, rows);
    rows = [];
  };
  for (const card of shown) {
    if (card.kind !== section) {
      flush();
      section = card.kind;
      const n = kind === 'withdraw' || kind === 'prune' ? cards.length : q.counts[card.kind];
      io.out('');
      io.out(isSummary(card) ? TRIAGE_SECTIONS[card.kind] : `${TRIAGE_SECTIONS[card.kind]} (${formatCount(n)})`);
    }
    if (isSummary(card)) {
      const how =
        card.kind === 'backlog'
          ? 'network-crm triage --backlog'
          : card.kind === 'prune-summary'
            ? 'network-crm triage --kind prune'
            : 'network-crm triage --kind withdraw';
      io.out(`  ${card.reason} (${how} lists them)`);
    } else rows.push(rowOf(card, ctx, knowledge, namesake));
  }
  flush();
  if (kind !== null && cards.length === 0) {
    io.out('');
    io.out(`${TRIAGE_SECTIONS[kind]}: none today.`);
  }
  if (shown.length < cards.length) io.out(`  … and ${plural(cards.length - shown.length, 'more card')} (--limit)`);
  if (q.waiting.length > 0 && kind === null) {
    io.out('');
    io.out(
      `Waiting for an answer to “have we met?” (${q.waiting.length}): ${q.waiting.map((w) => `${w.person.name} (asked ${w.askedOn})`).join(', ')}`,
    );
  }
  return Promise.resolve(0);
}

export const TRIAGE: CommandSpec = {
  name: 'triage',
  summary:
    'The daily queue, one card per person: invitations, answers to "have we met?", new connections, job changes, prune candidates, sent invitations, then the backlog.',
  details: [
    "Uses the vault's settings (new connection days, prune after, withdraw after, unanswered threshold, wait for an answer) and the vault state (the new-connection window, your pending sent invitations); see show-settings.",
    '--kind withdraw and --kind prune list every one of theirs, beyond the cards; --backlog lists "Rate your network".',
  ],
  flags: [
    ...VAULT_FLAGS,
    { name: 'kind', value: 'KIND', help: `only this section: ${KINDS.join(', ')}` },
    FLAG.limit,
    { name: 'backlog', help: 'list the earlier connections without a trust level, most signal first' },
    FLAG.json,
    FLAG.help,
  ],
  run: runTriage,
};

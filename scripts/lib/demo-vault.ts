/**
 * The demo vault: a realistic network (realistic-network.ts) imported twice with the CLI,
 * with a few weeks of use in between, so every feature has something to show: people at each
 * trust level (some stale), a daily note and an event note that link people, invitations
 * with no note, a generic note, a pitch and a real context note, an answered and an
 * unanswered "have we met?", a job change, a contact who never answers, sent invitations to
 * withdraw, and a backlog of earlier connections. `npm run demo` writes it to ./demo-vault;
 * the browser tests build it in a temp folder for the README screenshots.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { openVault } from '../../src/cli/options';
import { runCli } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { VaultPeople } from '../../src/cli/vault-people';
import { addDays } from '../../src/core/dates/iso-date';
import { editBody } from '../../src/core/notes/note-text';
import { advanceLastContact, logInteractionBody } from '../../src/core/people/person-edits';
import { decisionEdit, type TriageDecision } from '../../src/core/triage/actions';
import { advanceNetwork, generateNetwork, networkCounts, zipNetwork, type Network } from './realistic-network';

export interface DemoVault {
  /** What the demo did, a line per step, for the summary it prints. */
  log: string[];
  network: Network;
}

function quietIo(log: string[]): CliIo {
  return {
    out: () => undefined,
    err: (line) => log.push(`  ! ${line}`),
    interrupted: () => false,
    breathe: () => new Promise((resolve) => setImmediate(resolve)),
  };
}

/** Builds the demo vault in `vault` (which must exist), as of `today`. */
export async function buildDemoVault(vault: string, today: string, exportDir: string): Promise<DemoVault> {
  const log: string[] = [];
  const io = quietIo(log);
  const run = async (...argv: string[]) => {
    const code = await runCli(argv, io);
    if (code !== 0) throw new Error(`network-crm ${argv.join(' ')} failed (${code}): ${log.join('\n')}`);
  };
  // The first export came a week ago; the second one today.
  const first = addDays(today, -7);
  const net = generateNetwork({ newest: addDays(first, -1) });
  const counts = networkCounts(net);
  const zip = (n: Network) => {
    const z = zipNetwork(n);
    const file = path.join(exportDir, z.name);
    fs.writeFileSync(file, z.bytes);
    return file;
  };
  const pending = counts.pendingReceived;
  // Asked a month ago, never answered; asked last week, answered since.
  const silent = pending[pending.length - 1]?.person;
  const answering = pending.find((i) => i.kind === 'none' && i.person !== silent)?.person;
  if (!silent || !answering) throw new Error('the generated network has too few pending invitations');
  const later = advanceNetwork(net, {
    days: 7,
    answers: [{ url: answering.url, on: addDays(today, -2) }],
    keepPending: [silent.url, answering.url],
  });

  await run('import', zip(net), '--vault', vault, '--today', first, '--report');
  log.push(
    `First export (${first}): ${counts.connections} connections, ${counts.received} invitations received, ${counts.sent} sent, ${counts.messages} messages`,
  );

  // A few weeks of use, written the way the view writes (the core's edits): people rated at
  // every level, where you met them, contacts logged. One read of the vault, not one per edit.
  const session = openVault(
    parseArgs(
      'demo',
      ['--vault', vault, '--today', first],
      [
        { name: 'vault', value: 'DIR', help: '' },
        { name: 'today', value: 'YYYY-MM-DD', help: '' },
      ],
    ),
  );
  const people = new VaultPeople(session);
  const writer = session.vault.writer();
  const decide = async (url: string, decision: TriageDecision) => {
    const p = people.find(url);
    await writer.updateFrontmatter(
      p.path,
      decisionEdit(decision, { kind: 'rate', today: first, withdrawAfterWeeks: 4 }),
    );
  };
  const older = net.connections.filter((c) => c.connectedOn < addDays(first, -60));
  const wrote = new Set(net.messages.filter((m) => !m.mine).map((m) => m.person.url));
  const known = older.filter((c) => wrote.has(c.url) && !net.ghosts.includes(c)).slice(0, 60);
  for (const [i, c] of known.entries()) {
    await decide(c.url, { type: 'trust', level: 2 + (i % 4) });
    // Half of them last heard from long ago: the stale list has people in it.
    const date = addDays(first, -(i % 2 === 0 ? 400 + i * 5 : 10 + i));
    const path = people.find(c.url).path;
    await writer.updateFrontmatter(path, (fm) => advanceLastContact(fm, date));
    await writer.process(path, (text) =>
      editBody(text, (body) =>
        logInteractionBody(body, { date, channel: i % 3 ? 'call' : 'meeting', note: 'caught up' }),
      ),
    );
  }
  const maria = net.connections.find((c) => c.name === 'Maria Lundgren');
  if (maria) {
    await decide(maria.url, { type: 'trust', level: 5 });
    await decide(maria.url, { type: 'met-where', value: '[[Web Summit 2024]]' });
  }
  for (const c of older.filter((o) => !known.includes(o) && !wrote.has(o.url)).slice(0, 15))
    await decide(c.url, { type: 'trust', level: 1 });
  // Someone you rated who never answers your messages.
  const ghost = net.ghosts[0];
  if (ghost) await decide(ghost.url, { type: 'trust', level: 2 });
  // Someone you know well who is about to change jobs.
  const mover = later.jobChanges[0];
  if (mover) await decide(mover.url, { type: 'trust', level: 4 });
  // "Have we met?" asked of two people who invited you.
  await run('decide', '--vault', vault, '--person', silent.url, '--asked', '--today', addDays(today, -25));
  await run('decide', '--vault', vault, '--person', answering.url, '--asked', '--today', addDays(today, -4));

  // A daily note and an event note that link people.
  const note = (p: { first: string; last: string }) => `[[${p.first} ${p.last}]]`;
  fs.mkdirSync(path.join(vault, 'Daily'), { recursive: true });
  fs.writeFileSync(
    path.join(vault, 'Daily', `${addDays(today, -3)}.md`),
    `# ${addDays(today, -3)}\n\n- Coffee with ${known[1] ? note(known[1]) : ''} about the hiring plan.\n- Call with ${maria ? note(maria) : ''}: she is organising the next meetup.\n`,
  );
  const summit = net.connections.filter(
    (c) => c.connectedOn >= addDays(net.asOf, -34) && c.connectedOn <= addDays(net.asOf, -31),
  );
  fs.mkdirSync(path.join(vault, 'Events'), { recursive: true });
  fs.writeFileSync(
    path.join(vault, 'Events', 'Web Summit 2024.md'),
    `# Web Summit 2024\n\nLisbon, four days. People I met:\n\n${summit
      .slice(0, 6)
      .map((p) => `- ${note(p)}${p.company ? ` (${p.company})` : ''}`)
      .join('\n')}\n`,
  );

  await run('import', zip(later.network), '--vault', vault, '--today', today, '--report');
  log.push(
    `Second export (${today}): ${later.newConnections.length} new connections, ${later.jobChanges.length} job changes, an answer from ${answering.name}`,
  );
  return { log, network: net };
}

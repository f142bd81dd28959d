/**
 * Issue 11's "Done when", end to end through the CLI on a generated export shaped like the
 * real one (3,716 connections over five years, 51 invitations received, 1,545 sent, 2,143
 * messages): the first import gives a daily queue of a few hundred cards with every pending
 * invitation received, each person once, nothing older than the window outside the backlog;
 * one bulk command rates the quiet backlog; a second import with 20 new connections shows
 * exactly those 20 as new; and a "have we met?" asked before it comes back answered because
 * the second export's messages.csv holds their answer.
 */
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates/iso-date';
import {
  advanceNetwork,
  generateNetwork,
  networkCounts,
  zipNetwork,
  type Network,
} from '../../scripts/lib/realistic-network';
import { cli } from '../support/cli';

interface Item {
  kind: string;
  person: { name: string; path: string | null; linkedin: string | null } | null;
  count?: number;
  reason: string;
  answered?: string | null;
  noteHint?: string;
}
interface Queue {
  count: number;
  sections: Record<string, number>;
  queue: Item[];
  waiting: Array<{ name: string }>;
}

const net = generateNetwork();
const counts = networkCounts(net);
const first = addDays(net.asOf, 1);
let vault = '';

// One vault for the whole story (the support's temp dirs are removed after each test).
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ncrm-network-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function writeZip(n: Network): string {
  const z = zipNetwork(n);
  const file = path.join(fs.mkdtempSync(path.join(root, 'export-')), z.name);
  fs.writeFileSync(file, z.bytes);
  return file;
}

async function triage(today: string, ...flags: string[]): Promise<Queue> {
  return (await cli('triage', '--vault', vault, '--today', today, '--json', ...flags)).json<Queue>();
}

function sizes(q: Queue): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of q.queue) out[i.kind] = (out[i.kind] ?? 0) + 1;
  for (const i of q.queue) if (i.count !== undefined) out[`${i.kind} (people)`] = i.count;
  return out;
}

beforeAll(async () => {
  vault = fs.mkdtempSync(path.join(root, 'vault-'));
  const r = await cli('import', writeZip(net), '--vault', vault, '--today', first, '--json');
  expect(r.code).toBe(0);
}, 120_000);

describe('a real-sized network, first import', () => {
  it('has the shape of the export in the issue', () => {
    expect([counts.connections, counts.received, counts.sent, counts.messages]).toEqual([3716, 51, 1545, 2143]);
    expect([counts.pendingReceived.length, counts.pendingSent.length]).toEqual([11, 543]);
  });

  it('gives a daily queue of a few hundred cards: every pending invitation, each person once, new means the last 30 days', async () => {
    const q = await triage(first);
    console.log(`first import, queue by section: ${JSON.stringify(sizes(q))}`);
    expect(q.count).toBeLessThan(400);
    const invited = q.queue.filter((i) => i.kind === 'invitation').map((i) => i.person?.linkedin);
    expect(invited.sort()).toEqual(counts.pendingReceived.map((i) => i.person.url).sort());
    expect(q.queue.slice(0, invited.length).every((i) => i.kind === 'invitation')).toBe(true);
    const paths = q.queue.filter((i) => i.person).map((i) => i.person?.path ?? i.person?.linkedin);
    expect(new Set(paths).size).toBe(paths.length);
    const windowStart = addDays(net.asOf, -30);
    const fresh = net.connections.filter((c) => c.connectedOn > windowStart).map((c) => c.url);
    expect(
      q.queue
        .filter((i) => i.kind === 'new-connection')
        .map((i) => i.person?.linkedin)
        .sort(),
    ).toEqual(fresh.sort());
    expect(q.queue.find((i) => i.kind === 'backlog')?.count).toBe(counts.connections - fresh.length);
    expect(q.queue.filter((i) => i.kind === 'withdraw')).toHaveLength(5);
    expect(q.queue.find((i) => i.kind === 'sent-summary')?.reason).toMatch(
      /^\d{3} invitations you sent are still pending after 4 weeks$/,
    );
    expect(q.queue.filter((i) => i.kind === 'prune')).toEqual([]);
    // The notes the export had: a context note, two pitches (one mentions Web Summit), generic ones.
    expect(
      q.queue
        .filter((i) => i.kind === 'invitation')
        .map((i) => i.noteHint)
        .sort(),
    ).toEqual(['context', 'generic', 'generic', 'generic', 'none', 'none', 'none', 'none', 'none', 'pitch', 'pitch']);
  });

  it('rates the quiet backlog with one bulk command, leaving those with messages or mentions to rate by hand', async () => {
    const before = addDays(net.asOf, -29);
    const r = await cli(
      'decide',
      '--vault',
      vault,
      '--all-untriaged',
      '--connected-before',
      before,
      '--no-contact',
      '--trust',
      '1',
      '--json',
      '--today',
      first,
    );
    const done = r.json<{ count: number }>();
    const q = await triage(first);
    const backlog = q.queue.find((i) => i.kind === 'backlog')?.count ?? 0;
    console.log(
      `bulk rating: ${done.count} people rated "Don't know"; backlog left ${backlog}; queue ${JSON.stringify(sizes(q))}`,
    );
    expect(done.count).toBeGreaterThan(3000);
    expect(backlog).toBeGreaterThan(0);
    expect(backlog).toBeLessThan(400);
    const rate = await triage(first, '--backlog', '--limit', '3');
    expect(rate.queue.every((i) => i.kind === 'rate' && /^(They wrote|You wrote|You exchanged)/.test(i.reason))).toBe(
      true,
    );
  }, 60_000);

  it('a second import with 20 new connections shows exactly those 20 as new, and the answer to "have we met?"', async () => {
    const inviter = counts.pendingReceived.find((i) => i.message === '')!.person;
    const asked = await cli('decide', '--vault', vault, '--person', inviter.url, '--asked', '--today', first);
    expect(asked.code).toBe(0);
    expect((await triage(first)).waiting.map((w) => w.name)).toEqual([inviter.name]);
    const answeredOn = addDays(net.asOf, 3);
    const later = advanceNetwork(net, {
      newConnections: 20,
      answers: [{ url: inviter.url, on: answeredOn }],
      keepPending: [inviter.url],
    });
    const second = addDays(net.asOf, 8);
    expect((await cli('import', writeZip(later.network), '--vault', vault, '--today', second)).code).toBe(0);
    const q = await triage(second);
    console.log(`second import, queue by section: ${JSON.stringify(sizes(q))}`);
    expect(
      q.queue
        .filter((i) => i.kind === 'new-connection')
        .map((i) => i.person?.linkedin)
        .sort(),
    ).toEqual(later.newConnections.map((c) => c.url).sort());
    expect(q.queue.find((i) => i.kind === 'answer')).toMatchObject({
      person: { name: inviter.name },
      answered: answeredOn,
      reason: `Answered on ${answeredOn} (you asked on ${first})`,
    });
    expect(q.waiting).toEqual([]);
  }, 120_000);
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

function vault(): string {
  const dir = tempDir();
  writeTree(dir, {
    'People/Ivy.md':
      '---\nname: Ivy Stone\nlinkedin-status: invitation-received\ninvited-on: 2026-11-20\ninvitation-message: Hello!\ncompany: Acme\n---\n',
    'People/Ann.md': '---\nname: Ann New\nlinkedin-status: connected\nconnected-on: 2026-11-01\n---\n',
    'People/Sent.md': '---\nname: Sent Long Ago\nlinkedin-status: invitation-sent\ninvited-on: 2026-08-01\n---\n',
    'People/Friend.md': '---\nname: Friend\nlinkedin-status: connected\ntrust: 5\ncompany: Acme\n---\n',
    'Notes/Coffee.md': 'Coffee with [[Ivy]]',
  });
  return dir;
}

interface Queue {
  count: number;
  queue: Array<{ kind: string; person: { name: string; path: string }; reason: string; knowledge?: unknown }>;
}

describe('network-crm triage / decide', () => {
  it('prints the queue in the view order with what the vault knows', async () => {
    const q = (await cli('triage', '--vault', vault(), '--today', '2026-11-26', '--json')).json<Queue>();
    expect(q.queue.map((i) => [i.kind, i.person.name])).toEqual([
      ['invitation', 'Ivy Stone'],
      ['new-connection', 'Ann New'],
      ['withdraw', 'Sent Long Ago'],
    ]);
    expect(q.queue[0]).toMatchObject({
      reason: 'Invited you on 2026-11-20, with a note',
      message: 'Hello!',
      knowledge: { mentionedIn: ['Notes/Coffee.md'], trustedAtCompany: ['Friend'], sameNameMetWhere: [] },
    });
  });

  it('records one decision, meaning what it means on that card', async () => {
    const dir = vault();
    expect(
      (await cli('decide', '--vault', dir, '--person', 'Ann New', '--trust', '4', '--today', '2026-11-26')).out,
    ).toBe('Ann New: trust 4 (People/Ann.md)\n');
    expect(fs.readFileSync(path.join(dir, 'People/Ann.md'), 'utf8')).toContain('trust: 4\n');
    await cli('decide', '--vault', dir, '--person', 'People/Sent.md', '--keep', '--today', '2026-11-26');
    expect(fs.readFileSync(path.join(dir, 'People/Sent.md'), 'utf8')).toContain('snooze-until: 2026-12-24\n');
    await cli('decide', '--vault', dir, '--person', 'Ivy Stone', '--decline');
    expect(fs.readFileSync(path.join(dir, 'People/Ivy.md'), 'utf8')).toContain(
      'linkedin-status: invitation-declined\n',
    );
    const q = (await cli('triage', '--vault', dir, '--today', '2026-11-26', '--json')).json<Queue>();
    expect(q.count).toBe(0);
  });

  it('asks for exactly one valid decision', async () => {
    const dir = vault();
    expect((await cli('decide', '--vault', dir, '--person', 'Ann New', '--prune', '--keep')).err).toContain(
      'give exactly one decision',
    );
    expect((await cli('decide', '--vault', dir, '--person', 'Ann New', '--trust', '9')).err).toContain(
      '--trust "9" must be a level from 1 to 5',
    );
  });
});

/**
 * Messages from real exports: owner detection, direction, groups, drafts and sponsored rows,
 * and (2022) conversation partners reaching their connection by exact name when
 * Connections.csv has no URL.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOwner } from '../../src/core/import/export-owner';
import { aggregateMessages } from '../../src/core/import/messages-plan';
import { applyPlan } from '../../src/core/import/apply';
import { planImport } from '../../src/core/import/plan';
import { readExport } from '../../src/core/linkedin/read-export';
import { MemoryVault } from '../support/memory-vault';
import { SAMPLES } from '../support/paths';

const present = fs.existsSync(path.join(SAMPLES, 'README.md'));
const read = (...names: string[]) =>
  readExport(names.map((n) => ({ name: n, bytes: fs.readFileSync(path.join(SAMPLES, n)), origin: 'picked' as const })));

describe.skipIf(!present)('messages from real exports', () => {
  it('2022: owner is the most frequent sender; the last two messages were hers, unanswered', () => {
    const exp = read('2022-09_messages.head.csv');
    const owner = findOwner(exp);
    expect(owner).toEqual({
      owner: { name: 'Sajiah Naqib', profileUrl: 'https://www.linkedin.com/in/sajiah-naqib-5275a513a' },
      rule: 'most frequent sender',
    });
    const s = aggregateMessages(exp, owner.owner).get('https://www.linkedin.com/in/md-rahman');
    expect(s).toMatchObject({
      lastDate: '2022-09-08',
      lastFrom: 'me',
      sent: 2,
      received: 1,
      unanswered: 2,
      name: 'Muhammad M Rahman',
    });
  });

  it('2024: the owner comes from sent invitations; a group message counts for its sender only, by URL', () => {
    const exp = read('2024-12_messages.sponsored-draft-group.csv', '2024-12_Invitations.head.csv');
    const owner = findOwner(exp);
    expect(owner).toEqual({
      owner: { name: 'Sarhang Said', profileUrl: 'https://www.linkedin.com/in/sarhangsaid' },
      rule: 'invitations',
    });
    const stats = aggregateMessages(exp, owner.owner);
    expect([...stats.keys()]).toEqual(['https://www.linkedin.com/in/sotg-founder']);
    expect(stats.get('https://www.linkedin.com/in/sotg-founder')).toMatchObject({
      lastFrom: 'them',
      received: 1,
      name: 'Trent Simmons',
    });
    // Without the invitations, the only sender left after drafts and sponsored rows would be taken for the owner.
    expect(findOwner(read('2024-12_messages.sponsored-draft-group.csv')).rule).toBe('most frequent sender');
  });

  it('2018: direction comes from the Direction column; senders without URL are known by name', () => {
    const exp = read('2018-11_Messages.head.csv');
    expect(findOwner(exp)).toEqual({ owner: null, rule: 'message direction column' });
    expect(aggregateMessages(exp, null).get('name:angela from')).toMatchObject({
      received: 2,
      lastFrom: 'them',
      lastDate: '2018-10-16',
    });
  });

  it('2022: the partner reaches his connection by exact name, his URL is filled, and a re-import is quiet', async () => {
    // The excerpt's partner is not among its first 48 connections: one row in the same shape is added for him.
    const connections = Buffer.concat([
      fs.readFileSync(path.join(SAMPLES, '2022-09_Connections.head-to-first-blank-row.csv')),
      Buffer.from('Muhammad M,Rahman,,Amazon,Software Development Engineer,01 Sep 2022'),
    ]);
    const inputs = [
      { name: 'Connections.csv', bytes: connections, origin: 'picked' as const },
      ...['2022-09_messages.head.csv', '2022-09_Invitations.head.csv'].map((n) => ({
        name: n,
        bytes: fs.readFileSync(path.join(SAMPLES, n)),
        origin: 'picked' as const,
      })),
    ];
    const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2022-09-12' };
    const vault = new MemoryVault();
    const plan = await planImport(readExport(inputs), vault.snapshot(), settings);
    expect([plan.owner, plan.messages.ownerRule]).toEqual([
      { name: 'Sajiah Naqib', profileUrl: 'https://www.linkedin.com/in/sajiah-naqib-5275a513a' },
      'invitations',
    ]);
    expect(plan.ambiguous).toEqual([]);
    await applyPlan(plan, vault.writer());
    expect(vault.files.get('People/Muhammad M Rahman.md')).toContain(
      'linkedin: https://www.linkedin.com/in/md-rahman\ncompany: Amazon\n',
    );
    expect(vault.files.get('People/Muhammad M Rahman.md')).toContain(
      'last-message: 2022-09-08\nlast-message-from: me\nunanswered: 2\n',
    );
    const again = await planImport(readExport(inputs), vault.snapshot(), settings);
    expect([again.creates.length, again.updates.length, again.ambiguous.length]).toEqual([0, 0, 0]);
  });
});

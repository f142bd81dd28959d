/**
 * Whose export it is decides the direction of every message since 2021 (the file only names
 * senders), so `last-message-from` and `unanswered` flip when the owner is wrong. Pins the
 * order of evidence: Profile.csv, then the invitations (inviter of outgoing, invitee of
 * incoming, by URL or name), and the most frequent sender only when nothing else exists,
 * including the two-message file where that last rule picks the other person.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { findOwner } from '../../../src/core/import/export-owner';
import { planImport } from '../../../src/core/import/plan';
import type { ExportInput } from '../../../src/core/linkedin/read-export';
import { connections, exportOf, invitations, messages2021, profile, url } from '../../support/export-builder';
import { MemoryVault } from '../../support/memory-vault';

const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-26' };
const ME = { name: 'Sam Owner', profileUrl: url('sam-owner') };
const ADA = { name: 'Ada Lane', profileUrl: url('ada-lane') };

// Two messages, one each way: each sender wrote once, so "most frequent" cannot tell, and
// the tie goes to the URL that sorts first: Ada's.
const TWO_MESSAGES = messages2021([
  { conversation: 'c1', from: 'Ada Lane', fromUrl: ADA.profileUrl, to: 'Sam Owner', at: '2026-01-01 09:00:00 UTC' },
  { conversation: 'c1', from: 'Sam Owner', fromUrl: ME.profileUrl, to: 'Ada Lane', at: '2026-01-02 09:00:00 UTC' },
]);
const ADA_CONNECTION = connections([{ first: 'Ada', last: 'Lane', on: '01 Jan 2020' }]);

async function adaAfterImport(...inputs: ExportInput[]) {
  const vault = new MemoryVault();
  const plan = await planImport(exportOf(ADA_CONNECTION, TWO_MESSAGES, ...inputs), vault.snapshot(), settings);
  await applyPlan(plan, vault.writer());
  return { plan, note: vault.files.get('People/Ada Lane.md') ?? '' };
}

describe('the export owner', () => {
  it('with nothing but a two-message file, the most frequent sender is a coin toss and picks the wrong person', () => {
    const found = findOwner(exportOf(TWO_MESSAGES));
    expect(found.rule).toBe('most frequent sender');
    expect(found.owner).toEqual(ADA);
  });

  it('Profile.csv names the owner; their URL comes from their own messages; Ada wrote first, I answered last', async () => {
    expect(findOwner(exportOf(TWO_MESSAGES, profile('Sam', 'Owner')))).toEqual({ owner: ME, rule: 'Profile.csv' });
    const { plan, note } = await adaAfterImport(profile('Sam', 'Owner'));
    expect(plan.owner).toEqual(ME);
    expect(note).toContain('last-message: 2026-01-02\nlast-message-from: me\nunanswered: 1\n');
  });

  it('the invitee URL of an incoming invitation is the owner', () => {
    const inv = invitations([
      {
        from: 'Ada Lane',
        to: 'Sam Owner',
        at: '1/1/20, 9:00 AM',
        direction: 'INCOMING',
        inviterUrl: ADA.profileUrl,
        inviteeUrl: ME.profileUrl,
      },
    ]);
    expect(findOwner(exportOf(TWO_MESSAGES, inv))).toEqual({ owner: ME, rule: 'invitations' });
  });

  it('the inviter URL of an outgoing invitation is the owner', () => {
    const inv = invitations([
      {
        from: 'Sam Owner',
        to: 'Bo Kim',
        at: '1/1/20, 9:00 AM',
        direction: 'OUTGOING',
        inviterUrl: ME.profileUrl,
        inviteeUrl: url('bo-kim'),
      },
    ]);
    expect(findOwner(exportOf(TWO_MESSAGES, inv))).toEqual({ owner: ME, rule: 'invitations' });
  });

  it('before 2024 the invitations name the owner (no URLs): the name finds their sender URL', async () => {
    const inv = invitations([{ from: 'Sam Owner', to: 'Bo Kim', at: '1/1/20, 9:00 AM', direction: 'OUTGOING' }]);
    expect(findOwner(exportOf(TWO_MESSAGES, inv))).toEqual({ owner: ME, rule: 'invitations' });
    const { note } = await adaAfterImport(inv);
    expect(note).toContain('last-message-from: me\n');
  });

  it('an owner who never wrote is known by name: every message is from the others', async () => {
    const fromAda = messages2021([
      {
        conversation: 'c1',
        from: 'Ada Lane',
        fromUrl: ADA.profileUrl,
        to: 'Sam Owner',
        at: '2026-01-01 09:00:00 UTC',
      },
    ]);
    const exp = exportOf(ADA_CONNECTION, fromAda, profile('Sam', 'Owner'));
    expect(findOwner(exp)).toEqual({ owner: { name: 'Sam Owner', profileUrl: null }, rule: 'Profile.csv' });
    const vault = new MemoryVault();
    await applyPlan(await planImport(exp, vault.snapshot(), settings), vault.writer());
    expect(vault.files.get('People/Ada Lane.md')).toContain('last-message-from: them\nunanswered: 0\n');
  });

  it('an export with no messages still names its owner on the plan; with no evidence at all, none', async () => {
    const withProfile = await planImport(
      exportOf(ADA_CONNECTION, profile('Sam', 'Owner')),
      new MemoryVault().snapshot(),
      settings,
    );
    expect([withProfile.owner, withProfile.messages.ownerRule]).toEqual([
      { name: 'Sam Owner', profileUrl: null },
      'Profile.csv',
    ]);
    const bare = await planImport(exportOf(ADA_CONNECTION), new MemoryVault().snapshot(), settings);
    expect([bare.owner, bare.messages.ownerRule]).toEqual([null, 'none']);
  });
});

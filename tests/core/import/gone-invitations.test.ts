/**
 * An invitation received that a newer export no longer lists is no longer pending: the sender
 * withdrew it, or it was ignored or declined on LinkedIn. Found in a real-scale trial: such
 * notes kept `linkedin-status: invitation-received`, so their cards stayed on the triage queue
 * for good (15 of 243 after one month), while the import's own count said 231 were waiting.
 * Pins the rule (invitations-plan.ts `goneInvitations`): marked `invitation-withdrawn`, and
 * nothing else of the note changes; not when the invitation is older than the file's oldest row
 * (Invitations.csv covers a few months), nor when the export still names the person (listed
 * again, a connection now, a message), nor from a file without profile URLs, nor from an export
 * older than the vault.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { planImport } from '../../../src/core/import/plan';
import {
  connections,
  exportOf,
  invitations,
  messages2021,
  url,
  type InvitationRow,
} from '../../support/export-builder';
import { MemoryVault } from '../../support/memory-vault';

const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-27' };

const HEIDI = 'People/Heidi Andersson.md';
const heidiNote = (invitedOn = '2026-10-01') =>
  `---\nname: Heidi Andersson\nlinkedin: ${url('heidi-a')}\nlinkedin-status: invitation-received\ninvited-on: ${invitedOn}\ninvitation-message: Hello\ntrust: 2\nmet-where: Slush\ntags: [person]\n---\n\n## Interactions\n\nAsked around about her.\n`;

/** An invitation from someone else: it says how far back the file goes (its oldest row). */
const other = (at: string): InvitationRow => ({
  from: 'Ola Nordmann',
  to: 'Sam Owner',
  at,
  direction: 'INCOMING',
  inviterUrl: url('ola'),
});
const fromHeidi: InvitationRow = {
  from: 'Heidi Andersson',
  to: 'Sam Owner',
  at: '10/1/26, 9:00 AM',
  message: 'Hello',
  direction: 'INCOMING',
  inviterUrl: url('heidi-a'),
};
const ANN = { first: 'Ann', last: 'Lee', url: url('ann'), on: '01 Nov 2026' };

async function importInto(vault: MemoryVault, ...inputs: Parameters<typeof exportOf>) {
  const plan = await planImport(exportOf(...inputs), vault.snapshot(), settings);
  expect((await applyPlan(plan, vault.writer())).failed).toEqual([]);
  return plan;
}

describe('an invitation received that a newer export no longer lists', () => {
  it('is marked invitation-withdrawn, counted, and nothing else of the note changes', async () => {
    const vault = new MemoryVault({ [HEIDI]: heidiNote() });
    const before = vault.files.get(HEIDI) ?? '';
    const plan = await importInto(vault, connections([ANN]), invitations([other('9/1/26, 8:00 AM')]));

    expect(plan.updates.map((u) => [u.path, u.changes])).toEqual([
      [HEIDI, [{ field: 'linkedin-status', from: 'invitation-received', to: 'invitation-withdrawn' }]],
    ]);
    expect(plan.stats.invitationsGone).toBe(1);
    expect(plan.bySource[0]?.counts).toContainEqual([
      'Invitations received no longer on LinkedIn (withdrawn, or declined there)',
      1,
    ]);
    expect(vault.files.get(HEIDI)).toBe(
      before.replace('linkedin-status: invitation-received', 'linkedin-status: invitation-withdrawn'),
    );
    expect(plan.creates.map((c) => c.name)).toEqual(['Ann Lee', 'Ola Nordmann']);
  });

  it('stays pending when it is older than the oldest row of the file, which may not reach back to it', async () => {
    const vault = new MemoryVault({ [HEIDI]: heidiNote('2026-05-27') });
    const plan = await importInto(vault, connections([ANN]), invitations([other('9/1/26, 8:00 AM')]));
    expect(plan.updates).toEqual([]);
    expect(plan.stats.invitationsGone).toBe(0);
  });

  it('stays pending when the file still lists it, and becomes connected when she is a connection now', async () => {
    const listed = new MemoryVault({ [HEIDI]: heidiNote() });
    const plan = await importInto(listed, connections([ANN]), invitations([other('9/1/26, 8:00 AM'), fromHeidi]));
    expect(plan.updates).toEqual([]);
    expect(plan.unchanged).toContain(HEIDI);

    const accepted = new MemoryVault({ [HEIDI]: heidiNote() });
    const heidiRow = { first: 'Heidi', last: 'Andersson', url: url('heidi-a'), on: '20 Nov 2026' };
    const again = await importInto(accepted, connections([ANN, heidiRow]), invitations([other('9/1/26, 8:00 AM')]));
    expect(again.updates.find((u) => u.path === HEIDI)?.changes).toContainEqual({
      field: 'linkedin-status',
      from: 'invitation-received',
      to: 'connected',
    });
    expect(again.stats.invitationsGone).toBe(0);
  });

  it('is left alone when the export still names her in its messages', async () => {
    const vault = new MemoryVault({ [HEIDI]: heidiNote() });
    const plan = await importInto(
      vault,
      connections([ANN]),
      invitations([other('9/1/26, 8:00 AM')]),
      messages2021([
        {
          conversation: 'c1',
          from: 'Heidi Andersson',
          fromUrl: url('heidi-a'),
          to: 'Sam Owner',
          at: '2026-11-02 10:00:00 UTC',
        },
      ]),
    );
    expect(plan.updates.find((u) => u.path === HEIDI)?.changes ?? []).not.toContainEqual(
      expect.objectContaining({ field: 'linkedin-status' }),
    );
    expect(plan.stats.invitationsGone).toBe(0);
  });

  it('is not decided from a file without profile URLs, nor from an export older than the vault', async () => {
    const noUrls = new MemoryVault({ [HEIDI]: heidiNote() });
    const { inviterUrl: _dropped, ...withoutUrl } = other('9/1/26, 8:00 AM');
    const plan = await importInto(noUrls, connections([ANN]), invitations([withoutUrl]));
    expect(plan.updates.filter((u) => u.path === HEIDI)).toEqual([]);

    // Older: the vault holds three connections made after this export's newest (export-age.ts).
    const later = Object.fromEntries(
      ['10', '12', '15'].map((d) => [
        `People/Later ${d}.md`,
        `---\nname: Later ${d}\nlinkedin: ${url(`later-${d}`)}\nlinkedin-status: connected\nconnected-on: 2026-11-${d}\n---\n`,
      ]),
    );
    const older = new MemoryVault({ [HEIDI]: heidiNote(), ...later });
    const planOlder = await planImport(
      exportOf(connections([ANN]), invitations([other('9/1/26, 8:00 AM')])),
      older.snapshot(),
      { ...settings, vaultNewestConnectedOn: '2026-11-15' },
    );
    expect(planOlder.warnings.map((w) => w.reason).join()).toContain('older');
    expect(planOlder.updates.filter((u) => u.path === HEIDI)).toEqual([]);
    expect(planOlder.stats.invitationsGone).toBe(0);
  });
});

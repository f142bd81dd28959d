/**
 * Invitations.csv in the import: pending invitations become (or mark) notes, accepted ones
 * leave their message in the log once, and a re-import changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { planImport } from '../../../src/core/import/plan';
import { readExport } from '../../../src/core/linkedin/read-export';
import { MemoryVault } from '../../support/memory-vault';

const enc = (s: string) => new TextEncoder().encode(s);
const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-26' };
const CONN = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
const INV = 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n';
const ME = 'https://www.linkedin.com/in/me';

function exportOf(connections: string, invitations: string) {
  return readExport([
    { name: 'Connections.csv', bytes: enc(CONN + connections), origin: 'picked' },
    { name: 'Invitations.csv', bytes: enc(INV + invitations), origin: 'picked' },
  ]);
}

async function run(
  vault: MemoryVault,
  exp: ReturnType<typeof exportOf>,
  extra: Partial<typeof settings & { createNotesForPendingInvitees: boolean }> = {},
) {
  const plan = await planImport(exp, vault.snapshot(), { ...settings, ...extra });
  await applyPlan(plan, vault.writer());
  return plan;
}

const EXPORT = exportOf(
  `Ann,Lee,https://www.linkedin.com/in/ann-lee,,Acme,CTO,20 Nov 2026\n`,
  [
    `Ann Lee,Me,"11/19/26, 9:00 AM","Great meeting you at Web Summit, let's talk",INCOMING,https://www.linkedin.com/in/ann-lee,${ME}`,
    `Bo Kim,Me,"11/25/26, 8:00 PM",,INCOMING,https://www.linkedin.com/in/bo-kim,${ME}`,
    `Cy Fox,Me,"11/24/26, 8:00 PM","I'm a <b>recruiter</b>",INCOMING,https://www.linkedin.com/in/cy-fox,${ME}`,
    `Me,Di Ray,"9/1/26, 8:00 AM",,OUTGOING,${ME},https://www.linkedin.com/in/di-ray`,
    `Me,Ed Wu,"11/1/26, 8:00 AM",Hello Ed,OUTGOING,${ME},https://www.linkedin.com/in/ed-wu`,
  ].join('\n'),
);

describe('invitations in the import', () => {
  it('creates notes for pending incoming invitations and logs an accepted one once', async () => {
    const vault = new MemoryVault();
    const plan = await run(vault, EXPORT);
    expect(plan.creates.map((c) => c.path)).toEqual(['People/Ann Lee.md', 'People/Bo Kim.md', 'People/Cy Fox.md']);
    expect(vault.files.get('People/Bo Kim.md')).toContain(
      'linkedin-status: invitation-received\nname: Bo Kim\ninvited-on: 2026-11-25\ninvitation-message:\nmet-where:',
    );
    expect(vault.files.get('People/Cy Fox.md')).toContain("invitation-message: I'm a <b>recruiter</b>\n");
    expect(vault.files.get('People/Ann Lee.md')).toContain('linkedin-status: connected\nname: Ann Lee\nmet-where:');
    expect(vault.files.get('People/Ann Lee.md')).toMatch(
      /## Interactions\n\n- 2026-11-19 · invitation from them · Great meeting you at Web Summit, let's talk\n$/,
    );
    expect(plan.pendingInvitations.map((p) => [p.name, p.ageDays, p.notePath])).toEqual([
      ['Di Ray', 86, null],
      ['Ed Wu', 25, null],
    ]);
    expect(plan.stats).toMatchObject({ pendingIncoming: 2, acceptedWithMessage: 1 });

    vault.writes.length = 0;
    const again = await run(vault, EXPORT);
    expect(again.creates).toEqual([]);
    expect(again.updates).toEqual([]);
    expect(vault.writes).toEqual([]);
  });

  it('adds the accepted message to an existing log in date order, once', async () => {
    const vault = new MemoryVault({
      'People/Ann Lee.md':
        '---\nname: Ann Lee\nlinkedin: https://www.linkedin.com/in/ann-lee\nlinkedin-status: connected\n---\n\n## Interactions\n\n- 2026-11-22 · call · follow-up\n',
    });
    await run(vault, EXPORT);
    expect(vault.files.get('People/Ann Lee.md')).toContain(
      "## Interactions\n\n- 2026-11-22 · call · follow-up\n- 2026-11-19 · invitation from them · Great meeting you at Web Summit, let's talk\n",
    );
    vault.writes.length = 0;
    await run(vault, EXPORT);
    expect(vault.writes).toEqual([]);
  });

  it('marks an invitee who has a note as invitation-sent; creates notes for all pending invitees only when asked', async () => {
    const vault = new MemoryVault({
      'Friends/Di.md': '---\nname: Di Ray\nlinkedin: https://www.linkedin.com/in/di-ray\ntags: [person]\n---\nmine\n',
    });
    const plan = await run(vault, EXPORT);
    expect(vault.files.get('Friends/Di.md')).toBe(
      '---\nname: Di Ray\nlinkedin: https://www.linkedin.com/in/di-ray\ntags: [person]\nlinkedin-status: invitation-sent\ninvited-on: 2026-09-01\n---\nmine\n',
    );
    expect(plan.pendingInvitations.find((p) => p.name === 'Di Ray')?.notePath).toBe('Friends/Di.md');
    expect(vault.files.has('People/Ed Wu.md')).toBe(false);
    const all = new MemoryVault();
    await run(all, EXPORT, { createNotesForPendingInvitees: true });
    expect(all.files.get('People/Ed Wu.md')).toContain(
      'linkedin-status: invitation-sent\nname: Ed Wu\ninvited-on: 2026-11-01\n',
    );
  });

  it('keeps a decline the user recorded, until a newer invitation arrives', async () => {
    const vault = new MemoryVault({
      'People/Bo Kim.md':
        '---\nname: Bo Kim\nlinkedin: https://www.linkedin.com/in/bo-kim\nlinkedin-status: invitation-declined\ninvited-on: 2026-11-25\n---\n',
    });
    const plan = await run(vault, EXPORT);
    expect(plan.updates.find((u) => u.path === 'People/Bo Kim.md')).toBeUndefined();
    const newer = exportOf(
      '',
      `Bo Kim,Me,"12/20/26, 8:00 PM",try again,INCOMING,https://www.linkedin.com/in/bo-kim,${ME}`,
    );
    await run(vault, newer);
    expect(vault.files.get('People/Bo Kim.md')).toContain(
      'linkedin-status: invitation-received\ninvited-on: 2026-12-20\n',
    );
  });

  it('matches by exact name without URLs (before 2024) and never guesses between two people', async () => {
    const exp = readExport([
      {
        name: 'Connections.csv',
        bytes: enc(
          'First Name,Last Name,Email Address,Company,Position,Connected On\nAnn,Lee,,A,,01 Jan 2020\nBo,Kim,,X,,01 Jan 2020\nBo,Kim,,Y,,02 Jan 2020',
        ),
        origin: 'picked',
      },
      {
        name: 'Invitations.csv',
        bytes: enc(
          'From,To,Sent At,Message,Direction\nAnn  Lee,Me,"1/1/20, 9:00 AM",hi from Ann,INCOMING\nBo Kim,Me,"1/1/20, 9:00 AM",which Bo?,INCOMING\nNew Person,Me,"1/1/20, 9:00 AM",,INCOMING',
        ),
        origin: 'picked',
      },
    ]);
    const vault = new MemoryVault();
    const plan = await run(vault, exp);
    expect(vault.files.get('People/Ann Lee.md')).toContain('- 2020-01-01 · invitation from them · hi from Ann');
    expect(plan.ambiguous).toEqual([
      {
        name: 'Bo Kim',
        source: { file: 'Invitations.csv', line: 3 },
        candidates: [
          { path: null, description: 'Bo Kim, X (Connections.csv, line 3)' },
          { path: null, description: 'Bo Kim, Y (Connections.csv, line 4)' },
        ],
        reason: '2 people in this export are named "Bo Kim" and the row has no profile URL to tell them apart',
      },
    ]);
    expect(vault.files.get('People/New Person.md')).toContain('linkedin-status: invitation-received');
  });
});

/**
 * Invitations from real exports through the CLI: 2018 and 2022 files have no profile URLs
 * (names only), the 2024 file has them. Skipped with a message when the samples are absent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../src/cli/commands/import';
import { cli } from '../support/cli';
import { SAMPLES } from '../support/paths';
import { tempDir } from '../support/temp-dir';

const present = fs.existsSync(path.join(SAMPLES, 'README.md'));
const sample = (name: string) => path.join(SAMPLES, name);

interface Queue {
  queue: Array<{ kind: string; person: { name: string }; reason: string; message?: string }>;
}

describe.skipIf(!present)('invitations from real exports', () => {
  it('2018 (no URLs): pending incoming become notes, matched by exact name; the connected invitee stays as is', async () => {
    const vault = tempDir();
    const r = await cli(
      'import',
      sample('2018-11_Connections.urn-in-email.csv'),
      sample('2018-11_Invitations.csv'),
      '--vault',
      vault,
      '--json',
      '--today',
      '2018-11-04',
    );
    const s = r.json<ImportSummary>();
    expect(s.created).toBe(2 + 7);
    expect(s.pendingInvitations.map((p) => p.name)).toEqual(['Shivam Agarwal', 'Shikha Saxena', 'Saurabh Kumar']);
    const meekha = fs.readFileSync(path.join(vault, 'People/Meekha E . Saji.md'), 'utf8');
    expect(meekha).toContain(
      'linkedin-status: invitation-received\nname: Meekha E . Saji\ninvited-on: 2018-07-10\ninvitation-message:\n',
    );
    expect(fs.readFileSync(path.join(vault, 'People/Yugam Parashar.md'), 'utf8')).toContain(
      'linkedin-status: connected\nname: Yugam Parashar\nmet-where:',
    );

    const q = (await cli('triage', '--vault', vault, '--json', '--today', '2018-11-04')).json<Queue>().queue;
    expect(q.filter((i) => i.kind === 'invitation').map((i) => i.person.name)).toEqual([
      'PAWAN GUPTA',
      'Sudhanshu Singh',
      'Paridhi Sugan',
      'Vidit kumar',
      'Nguyễn Xuân Chính',
      'Rashi Rastogi',
      'Meekha E . Saji',
    ]);
    // New means the last 30 days before the newest connection; SAPNA RAI connected earlier: the backlog.
    expect(q.filter((i) => i.kind === 'new-connection').map((i) => i.person.name)).toEqual(['Yugam Parashar']);
    expect(q.find((i) => i.kind === 'backlog')?.reason).toBe('1 earlier connection not rated yet');

    const again = (
      await cli(
        'import',
        sample('2018-11_Connections.urn-in-email.csv'),
        sample('2018-11_Invitations.csv'),
        '--vault',
        vault,
        '--json',
        '--today',
        '2018-11-04',
      )
    ).json<ImportSummary>();
    expect([again.created, again.updated]).toEqual([0, 0]);
  });

  it('2022 (no URLs): invitations to people now among the connections were accepted, matched by exact name', async () => {
    const vault = tempDir();
    const s = (
      await cli(
        'import',
        sample('2022-09_Connections.head-to-first-blank-row.csv'),
        sample('2022-09_Invitations.head.csv'),
        '--vault',
        vault,
        '--json',
        '--today',
        '2022-09-12',
      )
    ).json<ImportSummary>();
    // Aatif Belal, Pranav Reddy and Smitha Ithal were invited on 26 Aug and connected on 27 Aug.
    expect(s.created).toBe(48);
    expect(s.pendingInvitations).toEqual([]);
    expect(fs.readFileSync(path.join(vault, 'People/Aatif Belal.md'), 'utf8')).toContain(
      'connected-on: 2022-08-27\nlinkedin-status: connected\nname: Aatif Belal\nmet-where:',
    );
    // Without URLs an invitee who is not a connection would be listed; here a made-up one is.
    const extra = path.join(vault, '..', 'Invitations.csv');
    fs.writeFileSync(
      extra,
      `${fs.readFileSync(sample('2022-09_Invitations.head.csv'), 'utf8')}Sajiah Naqib,Not Connected,"8/1/22, 8:56 PM",,OUTGOING\n`,
    );
    const again = (
      await cli(
        'import',
        sample('2022-09_Connections.head-to-first-blank-row.csv'),
        extra,
        '--vault',
        vault,
        '--json',
        '--today',
        '2022-09-12',
      )
    ).json<ImportSummary>();
    expect(again.pendingInvitations.map((p) => [p.name, p.ageDays])).toEqual([['Not Connected', 42]]);
    expect([again.created, again.updated]).toEqual([0, 0]);
  });

  it('2024 (URLs): pending invitees with a note are marked invitation-sent; stale ones show in triage', async () => {
    const vault = tempDir();
    fs.mkdirSync(path.join(vault, 'People'));
    fs.writeFileSync(
      path.join(vault, 'People/David.md'),
      '---\nname: David Hovstadius\nlinkedin: https://www.linkedin.com/in/davidhovstadius\n---\nWe met at the conference.\n',
    );
    const s = (
      await cli(
        'import',
        sample('2024-12_Connections.head.csv'),
        sample('2024-12_Invitations.head.csv'),
        '--vault',
        vault,
        '--json',
        '--today',
        '2025-02-01',
      )
    ).json<ImportSummary>();
    expect(s.pendingInvitations.map((p) => [p.name, p.notePath])).toEqual([
      ['David Hovstadius', 'People/David.md'],
      ['Jacob Dunafon', null],
      ['Biza Barzo', null],
    ]);
    expect(fs.readFileSync(path.join(vault, 'People/David.md'), 'utf8')).toBe(
      '---\nname: David Hovstadius\nlinkedin: https://www.linkedin.com/in/davidhovstadius\nlinkedin-status: invitation-sent\ninvited-on: 2024-12-15\n---\nWe met at the conference.\n',
    );
    const q = (await cli('triage', '--vault', vault, '--json', '--today', '2025-02-01')).json<Queue>().queue;
    // The invitees without a note are known from the vault state: all three are cards, oldest first.
    expect(q.map((i) => [i.kind, i.person.name])).toEqual([
      ['new-connection', 'Amalie Jularbo'],
      ['new-connection', 'Bernard Reger'],
      ['withdraw', 'Biza Barzo'],
      ['withdraw', 'David Hovstadius'],
      ['withdraw', 'Jacob Dunafon'],
    ]);
  });
});

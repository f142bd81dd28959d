/**
 * What a newer export no longer holds, in `network-crm import`'s text summary: the connections
 * missing from it by name (the summary gave only a count, the names were in --json and the
 * report alone), and the invitations received it no longer lists, which the import marks
 * `invitation-withdrawn` (they stayed on the triage queue for good). Found in a real-scale trial.
 */
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

const CONNECTIONS = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const INVITATIONS = 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl';
const u = (slug: string) => `https://www.linkedin.com/in/${slug}`;

describe('import: what the export no longer holds', () => {
  it('names the connections missing from it and counts the invitations it marks withdrawn', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    writeTree(vault, {
      'People/Sophie Ali.md': `---\nname: Sophie Ali\nlinkedin: ${u('sophie')}\nlinkedin-status: connected\nconnected-on: 2020-01-01\n---\n`,
      'People/Heidi Andersson.md': `---\nname: Heidi Andersson\nlinkedin: ${u('heidi')}\nlinkedin-status: invitation-received\ninvited-on: 2026-10-01\n---\n`,
    });
    const zip = path.join(dir, 'Complete_LinkedInDataExport_11-27-2026.zip');
    fs.writeFileSync(
      zip,
      zipSync({
        'Connections.csv': strToU8(`${CONNECTIONS}\nAnn,Lee,${u('ann')},,Acme,CTO,01 Nov 2026\n`),
        // Invitations received from September to late November: Heidi's of October is not among them.
        'Invitations.csv': strToU8(
          `${INVITATIONS}\nOla Nordmann,Sam Owner,"11/20/26, 8:00 AM",,INCOMING,${u('ola')},\nPer Persson,Sam Owner,"9/1/26, 8:00 AM",,INCOMING,${u('per')},\n`,
        ),
      }),
    );
    const r = await cli('import', zip, '--vault', vault, '--today', '2026-11-27');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      '        1 connection missing from the export (removed on LinkedIn, or their profile is hidden; their notes are left as they are)\n          Sophie Ali (People/Sophie Ali.md)\n',
    );
    expect(r.out).toContain(
      '        1 invitation received no longer on LinkedIn (withdrawn, or declined there: marked invitation-withdrawn)\n',
    );
    expect(fs.readFileSync(path.join(vault, 'People/Heidi Andersson.md'), 'utf8')).toContain(
      'linkedin-status: invitation-withdrawn\n',
    );
    const triage = await cli('triage', '--vault', vault, '--today', '2026-11-27', '--kind', 'invitation', '--json');
    expect(triage.json<{ queue: Array<{ person: { name: string } }> }>().queue.map((c) => c.person.name)).toEqual([
      'Ola Nordmann',
      'Per Persson',
    ]);
  });
});

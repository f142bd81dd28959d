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

  it('accepting records the day, and the next import completes the fields and does not call them missing', async () => {
    const dir = vault();
    await cli('decide', '--vault', dir, '--person', 'Ivy Stone', '--accept', '--today', '2026-11-26');
    const ivy = fs.readFileSync(path.join(dir, 'People/Ivy.md'), 'utf8');
    expect(ivy).toContain('linkedin-status: connected\n');
    expect(ivy).toContain('connected-on: 2026-11-26\n');
    // An export made before the acceptance: Ivy is not in it yet, and not missing from it.
    const exportDir = tempDir();
    const header = 'First Name,Last Name,Email Address,Company,Position,Connected On\n';
    fs.writeFileSync(path.join(exportDir, 'Connections.csv'), `${header}Ann,New,,,,01 Nov 2026`);
    const older = await cli('import', exportDir, '--vault', dir, '--json', '--today', '2026-11-27');
    expect(older.json<{ missingFromExport: Array<{ name: string }> }>().missingFromExport.map((m) => m.name)).toEqual([
      'Friend',
    ]);
    // The next one has her: LinkedIn's date and her job complete the note.
    fs.writeFileSync(
      path.join(exportDir, 'Connections.csv'),
      `${header}Ivy,Stone,,Acme,CTO,25 Nov 2026\nAnn,New,,,,01 Nov 2026`,
    );
    const newer = (await cli('import', exportDir, '--vault', dir, '--json', '--today', '2026-12-01')).json<{
      missingFromExport: Array<{ name: string }>;
      updatedNotes: Array<{ path: string; changes: Array<{ field: string; to: unknown }> }>;
    }>();
    expect(newer.missingFromExport.map((m) => m.name)).toEqual(['Friend']);
    expect(newer.updatedNotes.find((u) => u.path === 'People/Ivy.md')?.changes).toEqual([
      { field: 'position', from: null, to: 'CTO' },
      { field: 'connected-on', from: '2026-11-26', to: '2026-11-25' },
    ]);
  });

  it('a trust level of 2 or more clears a prune mark and says what it cleared', async () => {
    const dir = vault();
    fs.writeFileSync(
      path.join(dir, 'People/Old.md'),
      '---\nname: Old Pal\nlinkedin-status: connected\ntrust: 1\nprune: true\n---\n',
    );
    const r = await cli('decide', '--vault', dir, '--person', 'Old Pal', '--trust', '3', '--json');
    expect(r.json<{ cleared: unknown }>().cleared).toEqual([{ field: 'prune', was: true }]);
    expect(fs.readFileSync(path.join(dir, 'People/Old.md'), 'utf8')).toBe(
      '---\nname: Old Pal\nlinkedin-status: connected\ntrust: 3\n---\n',
    );
    fs.writeFileSync(path.join(dir, 'People/Old.md'), '---\nname: Old Pal\ntrust: 1\nprune: true\n---\n');
    expect((await cli('decide', '--vault', dir, '--person', 'Old Pal', '--trust', '2')).out).toBe(
      'Old Pal: trust 2 (People/Old.md); cleared prune: true\n',
    );
  });
});

/**
 * Pins `network-crm triage` and `network-crm decide` on small vaults: the queue in the
 * view's order with the JSON fields scripts rely on, the text output (sections, aligned
 * columns, note hint and first line of the note), --kind / --limit / --backlog, one
 * decision meaning what it means on the card, --asked, bulk rating with its filters and
 * --dry-run, and decisions about sent invitations kept in the vault state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

const TODAY = '2026-11-26';
const DATA = '.obsidian/plugins/network-crm/data.json';

const note = (fm: string) => `---\n${fm}\n---\n\n## Interactions\n\n`;

function vault(extra: Record<string, string> = {}): string {
  const dir = tempDir();
  writeTree(dir, {
    'People/Ivy.md': note(
      'name: Ivy Stone\nlinkedin: https://www.linkedin.com/in/ivy\nlinkedin-status: invitation-received\ninvited-on: 2026-11-20\ninvitation-message: "Hi Alex, we met at the Acme booth at Web Summit 2024!\\nSee you."\ncompany: Acme',
    ),
    'People/Pitch.md': note(
      'name: Pat Seller\nlinkedin-status: invitation-received\ninvited-on: 2026-11-19\ninvitation-message: I help founders raise money, book a call https://cal.com/pat',
    ),
    'People/Ann.md': note(
      'name: Ann New\nlinkedin-status: connected\nconnected-on: 2026-11-01\ncompany: Globex\nposition: CTO',
    ),
    'People/Old.md': note('name: Olaf Old\nlinkedin-status: connected\nconnected-on: 2021-03-01\ncompany: Acme Corp'),
    'People/Older.md': note('name: Olga Older\nlinkedin-status: connected\nconnected-on: 2019-03-01'),
    'People/Talked.md': note(
      'name: Tal Ked\nlinkedin-status: connected\nconnected-on: 2020-03-01\nlast-message: 2025-01-01\nlast-message-from: them',
    ),
    'People/Sent.md': note('name: Sent Long Ago\nlinkedin-status: invitation-sent\ninvited-on: 2026-08-01'),
    'People/Friend.md': note(
      'name: Friend\nlinkedin-status: connected\ntrust: 5\ncompany: Acme\nmet-where: "[[Web Summit 2024]]"',
    ),
    'Notes/Coffee.md': 'Coffee with [[Ivy]]',
    ...extra,
  });
  return dir;
}

interface Item {
  kind: string;
  person: { name: string; path: string | null } | null;
  reason: string;
  count?: number;
  noteHint?: string;
  hintWords?: string[];
  hintInVault?: string[];
  asked?: string | null;
  answered?: string | null;
  knowledge?: unknown;
}
interface Queue {
  count: number;
  sections: Record<string, number>;
  queue: Item[];
  waiting: Array<{ name: string; asked: string }>;
}

const triage = async (dir: string, ...flags: string[]) =>
  (await cli('triage', '--vault', dir, '--today', TODAY, '--json', ...flags)).json<Queue>();

describe('network-crm triage', () => {
  it('prints the queue in the view order, with note hints, what the vault knows and the backlog as one card', async () => {
    const q = await triage(vault());
    expect(q.queue.map((i) => [i.kind, i.person?.name ?? i.count])).toEqual([
      ['invitation', 'Ivy Stone'],
      ['invitation', 'Pat Seller'],
      ['new-connection', 'Ann New'],
      ['withdraw', 'Sent Long Ago'],
      ['backlog', 3],
    ]);
    expect(q.queue[0]).toMatchObject({
      reason: 'Invited you on 2026-11-20, with a note',
      noteHint: 'context',
      // Acme is Ivy's own company: not a place you share.
      hintWords: ['we met', 'Web Summit 2024'],
      hintInVault: ['Web Summit 2024'],
      asked: null,
      answered: null,
      knowledge: {
        mentionedIn: ['Notes/Coffee.md'],
        trustedAtCompany: ['Friend'],
        trustedAtCompanyMore: 0,
        sameNameMetWhere: [],
      },
    });
    expect(q.queue[1]).toMatchObject({
      noteHint: 'pitch',
      hintWords: ['I help', 'raise money', 'book a call', 'https://cal.com/pat'],
    });
    expect(q.queue[4]).toEqual({
      kind: 'backlog',
      section: 'Earlier connections',
      person: null,
      count: 3,
      reason: '3 earlier connections not rated yet',
    });
    expect(q.sections).toMatchObject({ invitation: 2, 'new-connection': 1, withdraw: 1, backlog: 1 });
  });

  it('counts a person note that links someone among the notes mentioning them, as read with the others', async () => {
    // Person notes are read once; their links (frontmatter or body) come from that read.
    const dir = vault({
      'People/Friend.md': note(
        'name: Friend\nlinkedin-status: connected\ntrust: 5\ncompany: Acme\nintroduced: "[[Pitch]]"',
      ).concat('- 2026-01-05 · call · told me about [[Ivy]]\n'),
    });
    const q = await triage(dir);
    const knowledge = (name: string) => q.queue.find((i) => i.person?.name === name)?.knowledge;
    expect(knowledge('Ivy Stone')).toMatchObject({ mentionedIn: ['Notes/Coffee.md', 'People/Friend.md'] });
    expect(knowledge('Pat Seller')).toMatchObject({ mentionedIn: ['People/Friend.md'] });
  });

  it('finds the notes that mention someone by a link to their note’s name, whatever its letters', async () => {
    // A capital sigma ends a word as `ς` in lower case: the name of `ΝΙΚΟΣ.md` without `.md`
    // and the link `[[ΝΙΚΟΣ]]` are the same key only if `.md` comes off before the lower-casing.
    const dir = vault({
      'People/ΝΙΚΟΣ.md': note('name: Νίκος Παππάς\nlinkedin-status: invitation-received\ninvited-on: 2026-11-21'),
      'Notes/Lunch.md': 'Lunch with [[ΝΙΚΟΣ]], then [[Ivy]] (see [[Ivy.md|Ivy again]]).\n',
    });
    const q = await triage(dir);
    const knowledge = (name: string) => q.queue.find((i) => i.person?.name === name)?.knowledge;
    expect(knowledge('Νίκος Παππάς')).toMatchObject({ mentionedIn: ['Notes/Lunch.md'] });
    // A note that links someone twice mentions them once.
    expect(knowledge('Ivy Stone')).toMatchObject({ mentionedIn: ['Notes/Coffee.md', 'Notes/Lunch.md'] });
  });

  it('prints text a person reads: sections, aligned columns, the hint, the first line of the note and who you trust there', async () => {
    const { out } = await cli('triage', '--vault', vault(), '--today', TODAY);
    expect(out).toBe(
      [
        '5 cards to triage on 2026-11-26 (invitation received 2 · new connection 1 · sent invitation pending 1 · earlier connections 3)',
        '',
        'Invitation received (2)',
        '  Ivy Stone   Acme  Invited you on 2026-11-20, with a note  context: Web Summit 2024, we met',
        '              “Hi Alex, we met at the Acme booth at Web Summit 2024!”',
        '              You trust Friend at Acme',
        '  Pat Seller        Invited you on 2026-11-19, with a note  sales pitch?: I help, raise money, book a call, https://cal.com/pat',
        '              “I help founders raise money, book a call https://cal.com/pat”',
        '',
        'New connection (1)',
        '  Ann New  Globex · CTO  Connected on 2026-11-01',
        '',
        'Sent invitation pending (1)',
        '  Sent Long Ago  You invited them 4 months ago (2026-08-01); they have not accepted. Withdraw the invitation on LinkedIn?',
        '',
        'Earlier connections',
        '  3 earlier connections not rated yet (network-crm triage --backlog lists them)',
        '',
      ].join('\n'),
    );
  });

  it('says once that an invitation came with no note', async () => {
    const dir = vault({
      'People/Noel.md': note('name: Noel Nonote\nlinkedin-status: invitation-received\ninvited-on: 2026-11-18'),
    });
    const { out } = await cli('triage', '--vault', dir, '--today', TODAY, '--kind', 'invitation');
    const line = out.split('\n').find((l) => l.includes('Noel Nonote'));
    expect(line?.trimEnd()).toMatch(/Invited you on 2026-11-18, with no note$/);
    expect(out.match(/no note/g)).toHaveLength(1);
  });

  it('says a section asked for is empty, and a mistyped kind before reading the vault', async () => {
    const { out } = await cli('triage', '--vault', vault(), '--today', TODAY, '--kind', 'prune');
    expect(out.trimEnd().split('\n').at(-1)).toBe('Prune candidate: none today.');
    // A vault that does not exist: the mistyped kind is what is said.
    const bad = await cli('triage', '--vault', '/nonexistent/vault', '--kind', 'prunes');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('--kind "prunes" must be one of') as string]);
  });

  it('filters by kind, limits, and lists the backlog by signal', async () => {
    const dir = vault();
    expect((await triage(dir, '--kind', 'invitation', '--limit', '1')).queue.map((i) => i.person?.name)).toEqual([
      'Ivy Stone',
    ]);
    expect((await triage(dir, '--kind', 'invitation')).count).toBe(2);
    const backlog = await triage(dir, '--backlog');
    expect(backlog.queue.map((i) => [i.kind, i.person?.name, i.reason])).toEqual([
      ['rate', 'Tal Ked', 'They wrote last, on 2025-01-01'],
      ['rate', 'Olaf Old', 'Connected on 2021-03-01'],
      ['rate', 'Olga Older', 'Connected on 2019-03-01'],
    ]);
    const text = (await cli('triage', '--vault', dir, '--today', TODAY, '--backlog', '--limit', '2')).out;
    expect(text).toContain('Rate your network: 3 earlier connections without a trust level, most signal first');
    expect(text).toContain('  … and 1 more (--limit)');
    expect((await cli('triage', '--vault', dir, '--kind', 'nope')).err).toContain(
      '--kind "nope" must be one of invitation, answer, new-connection',
    );
    expect((await cli('triage', '--vault', dir, '--limit', '0')).err).toContain('--limit "0" must be a whole number');
  });
});

describe('network-crm decide', () => {
  it('records one decision, meaning what it means on that card', async () => {
    const dir = vault();
    expect((await cli('decide', '--vault', dir, '--person', 'Ann New', '--trust', '4', '--today', TODAY)).out).toBe(
      'Ann New: trust 4 (People/Ann.md)\n',
    );
    expect(fs.readFileSync(path.join(dir, 'People/Ann.md'), 'utf8')).toContain('trust: 4\n');
    await cli('decide', '--vault', dir, '--person', 'People/Sent.md', '--keep', '--today', TODAY);
    expect(fs.readFileSync(path.join(dir, 'People/Sent.md'), 'utf8')).toContain('snooze-until: 2026-12-24\n');
    await cli('decide', '--vault', dir, '--person', 'Pat Seller', '--decline');
    expect(fs.readFileSync(path.join(dir, 'People/Pitch.md'), 'utf8')).toContain(
      'linkedin-status: invitation-declined\n',
    );
    const q = await triage(dir);
    expect(q.queue.map((i) => i.kind)).toEqual(['invitation', 'backlog']);
  });

  it('--asked records "have we met?", prints the reply signed by the export owner, and the card waits', async () => {
    const dir = vault({ [DATA]: JSON.stringify({ state: { owner: { name: 'Alex Martin', profileUrl: null } } }) });
    const r = await cli('decide', '--vault', dir, '--person', 'Ivy Stone', '--asked', '--today', TODAY);
    expect(r.out).toMatch(
      /^Ivy Stone: asked “have we met\?” on 2026-11-26 \(People\/Ivy\.md\)\. Send them:\n\nHi Ivy, thanks for the invitation!.*Best, Alex Martin\n$/s,
    );
    const text = fs.readFileSync(path.join(dir, 'People/Ivy.md'), 'utf8');
    expect(text).toContain('asked-on: 2026-11-26\n');
    expect(text).toContain('## Interactions\n\n- 2026-11-26 · message · asked “have we met?”\n');
    const q = await triage(dir);
    expect(q.queue.map((i) => i.person?.name)).not.toContain('Ivy Stone');
    expect(q.waiting).toEqual([{ name: 'Ivy Stone', path: 'People/Ivy.md', asked: '2026-11-26', days: 0 }]);
    const later = await triage(dir, '--today', '2026-12-20');
    expect(later.queue.find((i) => i.person?.name === 'Ivy Stone')).toMatchObject({
      kind: 'answer',
      reason: 'No answer in 3 weeks: decline?',
      asked: '2026-11-26',
      answered: null,
    });
    expect((await cli('decide', '--vault', dir, '--person', 'Ann New', '--asked')).err).toContain(
      '--asked is for an invitation you received; Ann New is connected',
    );
  });

  it('rates the quiet backlog in one command, with a dry run first, and lists who changed', async () => {
    const dir = vault();
    const args = ['decide', '--vault', dir, '--all-untriaged', '--connected-before', '2026-10-27', '--no-contact'];
    const dry = (await cli(...args, '--trust', '1', '--dry-run', '--json', '--today', TODAY)).json<{
      count: number;
      filter: string;
      people: Array<{ name: string }>;
    }>();
    expect(dry).toMatchObject({
      filter: 'untriaged connected-before:2026-10-27 no-contact',
      count: 2,
      people: [{ name: 'Olaf Old' }, { name: 'Olga Older' }],
    });
    expect(fs.readFileSync(path.join(dir, 'People/Old.md'), 'utf8')).not.toContain('trust:');
    const done = await cli(...args, '--trust', '1', '--today', TODAY);
    expect(done.out).toBe(
      "Done: trust 1 (Don't know) for 2 people (filter: untriaged connected-before:2026-10-27 no-contact)\n  Olaf Old\n  Olga Older\n",
    );
    expect(fs.readFileSync(path.join(dir, 'People/Old.md'), 'utf8')).toContain('trust: 1\n');
    expect((await triage(dir)).queue.find((i) => i.kind === 'backlog')?.count).toBe(1);
    const company = (
      await cli(
        'decide',
        '--vault',
        dir,
        '--all-untriaged',
        '--company',
        'Globex',
        '--keep',
        '--json',
        '--today',
        TODAY,
      )
    ).json<{ people: Array<{ name: string }> }>();
    expect(company.people.map((p) => p.name)).toEqual(['Ann New']);
  });

  it('refuses what it cannot do, naming the flag or the filter term', async () => {
    const dir = vault();
    const err = async (...a: string[]) => (await cli('decide', '--vault', dir, ...a)).err;
    expect(await err('--person', 'Ann New', '--prune', '--keep')).toContain('give exactly one decision');
    expect(await err('--person', 'Ann New', '--trust', '9')).toContain('--trust "9" must be a level from 1 to 5');
    expect(await err('--all-untriaged', '--accept')).toContain('--all-untriaged takes --trust N, --prune or --keep');
    expect(await err('--all-untriaged', '--connected-before', '2024-13-01', '--prune')).toContain(
      '--connected-before "2024-13-01" is not a date',
    );
    expect(await err('--all-untriaged', '--filter', 'colour:blue', '--prune')).toContain(
      'unknown filter "colour:blue": "colour" is not a filter key',
    );
    expect(await err('--person', 'Ann New', '--company', 'Acme', '--prune')).toContain(
      '--company goes with --all-untriaged',
    );
  });

  it('decides sent invitations with or without a note, kept in the vault state across commands, and undone', async () => {
    const dir = tempDir();
    const pending = Array.from({ length: 8 }, (_, i) => ({
      name: `Invitee ${i}`,
      profileUrl: `https://www.linkedin.com/in/invitee-${i}`,
      sentOn: `2026-0${1 + i}-01`,
    }));
    writeTree(dir, {
      'People/Invitee 0.md': note(
        'name: Invitee 0\nlinkedin: https://www.linkedin.com/in/invitee-0\nlinkedin-status: invitation-sent\ninvited-on: 2026-01-01',
      ),
      [DATA]: JSON.stringify({ peopleFolder: 'People', state: { triage: { sentPending: pending } } }),
    });
    let q = await triage(dir);
    expect(q.queue.map((i) => [i.kind, i.person?.name ?? i.count])).toEqual([
      ['withdraw', 'Invitee 0'],
      ['withdraw', 'Invitee 1'],
      ['withdraw', 'Invitee 2'],
      ['withdraw', 'Invitee 3'],
      ['withdraw', 'Invitee 4'],
      ['sent-summary', 8],
    ]);
    expect((await triage(dir, '--kind', 'withdraw')).count).toBe(8);
    expect(
      (
        await cli(
          'decide',
          '--vault',
          dir,
          '--person',
          'https://www.linkedin.com/in/invitee-1',
          '--decline',
          '--today',
          TODAY,
        )
      ).out,
    ).toBe('Invitee 1: withdrawn on LinkedIn (no note; kept in the vault state)\n');
    const sent = await cli(
      'decide',
      '--vault',
      dir,
      '--all-sent',
      '--sent-before',
      '2026-05-01',
      '--keep',
      '--today',
      TODAY,
    );
    expect(sent.out).toBe(
      'Marked 3 sent invitations “keep waiting”; their cards come back on 2026-12-24\n  Invitee 0 (sent 2026-01-01)\n  Invitee 2 (sent 2026-03-01)\n  Invitee 3 (sent 2026-04-01)\n',
    );
    expect(fs.readFileSync(path.join(dir, 'People/Invitee 0.md'), 'utf8')).toContain('snooze-until: 2026-12-24\n');
    q = await triage(dir);
    expect(q.queue.map((i) => i.person?.name)).toEqual(['Invitee 4', 'Invitee 5', 'Invitee 6', 'Invitee 7']);
    const data = JSON.parse(fs.readFileSync(path.join(dir, DATA), 'utf8')) as {
      peopleFolder: string;
      state: { triage: { sentDecisions: Record<string, unknown> } };
    };
    expect(data.peopleFolder).toBe('People');
    expect(Object.keys(data.state.triage.sentDecisions)).toHaveLength(4);

    // `undo` takes back the bulk decision (the note and the vault state), then the one on a person without a note.
    const decisions = () =>
      Object.keys((JSON.parse(fs.readFileSync(path.join(dir, DATA), 'utf8')) as typeof data).state.triage.sentDecisions)
        .length;
    expect((await cli('undo', '--vault', dir)).out).toBe(
      'Undone: keep waiting: 3 sent invitations (1 note and 3 sent-invitation decisions taken back).\n',
    );
    expect(decisions()).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'People/Invitee 0.md'), 'utf8')).not.toContain('snooze-until');
    expect((await cli('undo', '--vault', dir)).out).toBe(
      'Undone: withdrawn: Invitee 1 (1 sent-invitation decision taken back).\n',
    );
    expect(decisions()).toBe(0);
    // A decision made again after the command (here in the plugin, on another device) is never thrown away by undo.
    await cli('decide', '--vault', dir, '--person', 'Invitee 2', '--keep', '--today', TODAY);
    const later = JSON.parse(fs.readFileSync(path.join(dir, DATA), 'utf8')) as typeof data;
    const [key] = Object.keys(later.state.triage.sentDecisions);
    later.state.triage.sentDecisions[key!] = { decision: 'withdrawn', on: '2026-11-27' };
    fs.writeFileSync(path.join(dir, DATA), JSON.stringify(later));
    const kept = await cli('undo', '--vault', dir);
    expect(kept.code).toBe(1);
    expect(kept.out).toContain('decided again since; that decision is kept');
    expect(JSON.parse(fs.readFileSync(path.join(dir, DATA), 'utf8'))).toEqual(later);
    later.state.triage.sentDecisions = {};
    fs.writeFileSync(path.join(dir, DATA), JSON.stringify(later));
    expect((await triage(dir)).queue.map((i) => i.person?.name ?? i.count)).toEqual([
      'Invitee 0',
      'Invitee 1',
      'Invitee 2',
      'Invitee 3',
      'Invitee 4',
      8,
    ]);
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
    const others = ['Friend', 'Olaf Old', 'Olga Older', 'Tal Ked'];
    expect(
      older
        .json<{ missingFromExport: Array<{ name: string }> }>()
        .missingFromExport.map((m) => m.name)
        .sort(),
    ).toEqual(others);
    // The next one has her: LinkedIn's date and her job complete the note.
    fs.writeFileSync(
      path.join(exportDir, 'Connections.csv'),
      `${header}Ivy,Stone,,Acme,CTO,25 Nov 2026\nAnn,New,,,,01 Nov 2026`,
    );
    const newer = (await cli('import', exportDir, '--vault', dir, '--json', '--today', '2026-12-01')).json<{
      missingFromExport: Array<{ name: string }>;
      updatedNotes: Array<{ path: string; changes: Array<{ field: string; to: unknown }> }>;
    }>();
    expect(newer.missingFromExport.map((m) => m.name).sort()).toEqual(others);
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

  it('lists every prune candidate by name and decides them in bulk, when there are more than the cards show', async () => {
    const dir = tempDir();
    const silent = Object.fromEntries(
      Array.from({ length: 12 }, (_, i) => [
        `People/Silent ${i}.md`,
        note(
          `name: Silent ${String(i).padStart(2, '0')}\nlinkedin-status: connected\nconnected-on: 201${i % 10}-01-01\ntrust: 1\ncompany: ${i % 2 ? 'Acme' : 'Globex'}`,
        ),
      ]),
    );
    writeTree(dir, silent);
    const q = await triage(dir);
    expect(q.queue.map((i) => i.kind)).toEqual([...Array<string>(10).fill('prune'), 'prune-summary']);
    expect(q.queue[10]).toMatchObject({
      count: 12,
      reason: '12 prune candidates in all: review them, or prune in bulk',
    });
    expect((await triage(dir, '--kind', 'prune')).queue).toHaveLength(12);
    const dry = (
      await cli(
        'decide',
        '--vault',
        dir,
        '--all-prune-candidates',
        '--company',
        'Acme',
        '--prune',
        '--dry-run',
        '--json',
        '--today',
        TODAY,
      )
    ).json<{ count: number; filter: string }>();
    expect(dry).toMatchObject({ count: 6, filter: 'company:Acme' });
    const done = await cli('decide', '--vault', dir, '--all-prune-candidates', '--prune', '--today', TODAY);
    expect(done.out).toMatch(/^Done: mark to prune for 12 people \(prune candidates\)\n/);
    expect((await triage(dir)).queue).toEqual([]);
  });
});

describe('namesakes in the triage', () => {
  // A real-scale trial: the card said "Zoë Bakker", `decide --person "Zoë Bakker"` wrote the
  // other Zoë Bakker's note (the one whose file name is the bare name), a connection.
  const namesakes = () =>
    vault({
      'People/Zoë Bakker.md': note('name: Zoë Bakker\nlinkedin-status: connected\nconnected-on: 2021-01-01'),
      'People/Zoë Bakker 2.md': note('name: Zoë Bakker\nlinkedin-status: invitation-received\ninvited-on: 2026-11-25'),
    });

  it('names the note of a card whose name another note has, and refuses the bare name in decide', async () => {
    const dir = namesakes();
    const setMetWhere = (who: string) =>
      cli('decide', '--vault', dir, '--today', TODAY, '--person', who, '--met-where', 'Web Summit');
    const { out } = await cli('triage', '--vault', dir, '--today', TODAY, '--kind', 'invitation');
    expect(out).toContain('People/Zoë Bakker 2.md (another note has this name)');
    expect(out.match(/another note has this name/g)).toHaveLength(1);
    const before = fs.readFileSync(path.join(dir, 'People/Zoë Bakker.md'), 'utf8');
    const bare = await setMetWhere('Zoë Bakker');
    expect(bare.code).toBe(2);
    expect(bare.err).toContain('"Zoë Bakker" matches 2 notes (People/Zoë Bakker 2.md, People/Zoë Bakker.md)');
    expect(fs.readFileSync(path.join(dir, 'People/Zoë Bakker.md'), 'utf8')).toBe(before);
    const named = await setMetWhere('Zoë Bakker 2');
    expect(named.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'People/Zoë Bakker 2.md'), 'utf8')).toContain('met-where: Web Summit\n');
  });
});

/**
 * The files of one export reach the same people. Before 2023 Connections.csv has no profile
 * URL while messages.csv has sender URLs: a URL then finds the connection with exactly that
 * name, fills their empty `linkedin:`, and a re-import matches by URL. Pins "never on a
 * guess" (two people with a name, or two profiles with it, are reported with every
 * candidate and the row's real line), that a learned URL never replaces one a note has,
 * and that "missing from the export" is decided from Connections.csv alone.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { planImport } from '../../../src/core/import/plan';
import type { ExportInput, LinkedInExport } from '../../../src/core/linkedin/read-export';
import { generateExport, SHAPE_2022 } from '../../../scripts/lib/synthetic-export';
import {
  connections,
  connectionsText,
  exportOf,
  invitations,
  messages2021,
  profile,
  url,
  type MessageRow,
} from '../../support/export-builder';
import { MemoryVault } from '../../support/memory-vault';

const file = (name: string, text: string): ExportInput => ({
  name,
  bytes: new TextEncoder().encode(text),
  origin: 'picked',
});
const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-26' };
const OWNER = profile('Sam', 'Owner');
const ME = url('sam-owner');

const fromThem = (name: string, slug: string, at: string, conversation = slug): MessageRow => ({
  conversation,
  from: name,
  fromUrl: url(slug),
  to: 'Sam Owner',
  at,
});
const fromMe = (to: string, at: string, conversation: string): MessageRow => ({
  conversation,
  from: 'Sam Owner',
  fromUrl: ME,
  to,
  at,
});

async function importInto(vault: MemoryVault, exp: LinkedInExport, today = settings.today) {
  const plan = await planImport(exp, vault.snapshot(), { ...settings, today });
  const result = await applyPlan(plan, vault.writer());
  expect(result.failed).toEqual([]);
  return plan;
}

const CONNECTIONS_2022 = connections([
  { first: 'Ann', last: 'Lee', company: 'Acme', on: '01 Mar 2021' },
  { first: 'Bo', last: 'Kim', company: 'Globex', on: '02 Mar 2021' },
  { first: 'Bo', last: 'Kim', company: 'Initech', on: '03 Mar 2021' },
  { first: 'Cy', last: 'Fox', on: '04 Mar 2021' },
]);

describe('an export whose Connections.csv has no URL (before 2023)', () => {
  const MESSAGES = messages2021([
    fromMe('Ann Lee', '2022-05-02 10:00:00 UTC', 'c-ann'),
    fromThem('Ann Lee', 'ann-lee-9', '2022-05-01 10:00:00 UTC', 'c-ann'),
    fromThem('Bo Kim', 'bo-kim-1', '2022-06-01 10:00:00 UTC'),
    // Cy never answered: known by the name in TO only.
    fromMe('Cy Fox', '2022-07-01 10:00:00 UTC', 'c-cy'),
  ]);

  it('messages reach their people by exact name, the URL is filled, and a namesake pair is reported with both', async () => {
    const vault = new MemoryVault();
    const plan = await importInto(vault, exportOf(CONNECTIONS_2022, MESSAGES, OWNER));
    const ann = vault.files.get('People/Ann Lee.md') ?? '';
    expect(ann).toContain(`linkedin: ${url('ann-lee-9')}\n`);
    expect(ann).toContain('last-message: 2022-05-02\nlast-message-from: me\nunanswered: 1\n');
    expect(ann).toContain(`[LinkedIn profile](${url('ann-lee-9')})`);
    expect(vault.files.get('People/Cy Fox.md')).toContain('linkedin:\n');
    expect(vault.files.get('People/Cy Fox.md')).toContain('last-message: 2022-07-01\nlast-message-from: me\n');
    expect(plan.ambiguous).toEqual([
      {
        name: 'Bo Kim',
        source: { file: 'messages.csv', line: 4 },
        candidates: [
          { path: null, description: 'Bo Kim, Globex (Connections.csv, line 3)' },
          { path: null, description: 'Bo Kim, Initech (Connections.csv, line 4)' },
        ],
        reason: '2 people in this export are named "Bo Kim" and Connections.csv has no profile URL to tell them apart',
      },
    ]);
    expect(plan.messages).toMatchObject({ counterparts: 3, matched: 2 });
  });

  it('a re-import finds everyone again, reports no ambiguity where there is one candidate, and writes nothing', async () => {
    const vault = new MemoryVault();
    const exp = exportOf(CONNECTIONS_2022, MESSAGES, OWNER);
    await importInto(vault, exp);
    vault.writes.length = 0;
    const again = await importInto(vault, exp);
    expect([again.creates.length, again.updates.length, again.unchanged.length]).toEqual([0, 0, 4]);
    // The Bo Kim message still fits both notes; now the candidates are those notes.
    expect(again.ambiguous.map((a) => [a.name, a.source.line, a.candidates.map((c) => c.path)])).toEqual([
      ['Bo Kim', 4, ['People/Bo Kim.md', 'People/Bo Kim (Initech).md']],
    ]);
    expect(vault.writes).toEqual([]);
  });

  it('a later export with URLs keeps matching the notes whose URL was filled', async () => {
    const vault = new MemoryVault();
    await importInto(vault, exportOf(CONNECTIONS_2022, MESSAGES, OWNER));
    // A later export has the vault's newest connection too (without it, it would be taken for an older one).
    const with2024Urls = connections([
      { first: 'Cy', last: 'Fox', on: '04 Mar 2021' },
      { first: 'Ann', last: 'Lee', url: url('ann-lee-9'), company: 'Hooli', on: '01 Mar 2021' },
    ]);
    const plan = await importInto(vault, exportOf(with2024Urls), '2026-12-01');
    expect(plan.creates).toEqual([]);
    expect(plan.updates.map((u) => [u.path, u.changes.map((c) => c.field)])).toEqual([
      ['People/Ann Lee.md', ['company', 'job-changed-on']],
    ]);
  });

  it('two profiles with one name in the other files: the connection is reported with all three, not guessed', async () => {
    const plan = await planImport(
      exportOf(
        connections([{ first: 'Ann', last: 'Lee', on: '01 Mar 2021' }]),
        messages2021([
          fromThem('Ann Lee', 'ann-lee-1', '2022-05-01 10:00:00 UTC'),
          fromThem('Ann Lee', 'ann-lee-2', '2022-05-02 10:00:00 UTC'),
        ]),
        OWNER,
      ),
      new MemoryVault().snapshot(),
      settings,
    );
    expect(plan.ambiguous).toHaveLength(2);
    expect(plan.ambiguous[0]).toEqual({
      name: 'Ann Lee',
      source: { file: 'messages.csv', line: 2 },
      candidates: [
        { path: null, description: 'Ann Lee (Connections.csv, line 2)' },
        { path: null, description: `Ann Lee, ${url('ann-lee-1')} (messages.csv, line 2)` },
        { path: null, description: `Ann Lee, ${url('ann-lee-2')} (messages.csv, line 3)` },
      ],
      reason:
        'the files of this export show 2 different profiles named "Ann Lee", and Connections.csv has no profile URL to say which one line 2 is',
    });
    expect(plan.creates[0]?.text()).toContain('linkedin:\n');
    expect(plan.creates[0]?.text()).not.toContain('last-message');
  });

  it('invitations with URLs (a transitional shape) fill the URL too; 2022 invitations reach people by name', async () => {
    const vault = new MemoryVault();
    await importInto(
      vault,
      exportOf(
        connections([{ first: 'Ann', last: 'Lee', on: '01 Mar 2021' }]),
        invitations([
          {
            from: 'Ann Lee',
            to: 'Sam Owner',
            at: '2/28/21, 9:00 AM',
            direction: 'INCOMING',
            message: 'we met at the meetup',
            inviterUrl: url('ann-lee'),
            inviteeUrl: ME,
          },
        ]),
      ),
    );
    const ann = vault.files.get('People/Ann Lee.md') ?? '';
    expect(ann).toContain(`linkedin: ${url('ann-lee')}\n`);
    expect(ann).toContain('- 2021-02-28 · invitation from them · we met at the meetup');
  });

  it('a URL learned by name fills an empty linkedin: of an existing note, and never replaces one', async () => {
    const vault = new MemoryVault({
      'People/Ann Lee.md': '---\nname: Ann Lee\nlinkedin:\nconnected-on: 2021-03-01\nlinkedin-status: connected\n---\n',
      'People/Di Ray.md': `---\nname: Di Ray\nlinkedin: ${url('di-old-vanity')}\nlinkedin-status: connected\n---\n`,
      // Not a connection in this export, but a note the user made: found by name, URL filled.
      'People/Ed Wu.md': '---\nname: Ed Wu\n---\n',
    });
    const plan = await importInto(
      vault,
      exportOf(
        connections([
          { first: 'Ann', last: 'Lee', on: '01 Mar 2021' },
          { first: 'Di', last: 'Ray', on: '05 Mar 2021' },
        ]),
        messages2021([
          fromThem('Ann Lee', 'ann-lee', '2022-05-01 10:00:00 UTC'),
          fromThem('Di Ray', 'di-new-vanity', '2022-05-01 10:00:00 UTC'),
          fromThem('Ed Wu', 'ed-wu', '2022-05-01 10:00:00 UTC'),
        ]),
        OWNER,
      ),
    );
    const theirs = ['last-message=2022-05-01', 'last-message-from=them', 'unanswered=0', 'last-reply=2022-05-01'];
    expect(plan.updates.map((u) => [u.path, u.changes.map((c) => `${c.field}=${String(c.to)}`)])).toEqual([
      ['People/Ann Lee.md', [`linkedin=${url('ann-lee')}`, ...theirs]],
      ['People/Di Ray.md', ['connected-on=2021-03-05', ...theirs]],
      ['People/Ed Wu.md', [`linkedin=${url('ed-wu')}`, ...theirs]],
    ]);
    expect(plan.ambiguous).toEqual([]);
  });
});

describe('rows of one export that fit one note', () => {
  const TWO_BOS = connections([
    { first: 'Bo', last: 'Kim', company: 'Globex', on: '02 Mar 2021' },
    { first: 'Bo', last: 'Kim', company: 'Initech', on: '03 Mar 2021' },
  ]);

  it('a note dated like one row is that row; the other gets a note of its own', async () => {
    const vault = new MemoryVault({
      'People/Bo Kim.md': '---\nname: Bo Kim\nconnected-on: 2021-03-03\nlinkedin-status: connected\n---\n',
    });
    const plan = await planImport(exportOf(TWO_BOS), vault.snapshot(), settings);
    expect(plan.ambiguous).toEqual([]);
    expect(plan.updates.map((u) => [u.path, u.changes.map((c) => c.field)])).toEqual([
      ['People/Bo Kim.md', ['company']],
    ]);
    expect(plan.creates.map((c) => c.path)).toEqual(['People/Bo Kim (Globex).md']);
  });

  it('an undated note could be either: both rows are reported, each with the note and the other row', async () => {
    const vault = new MemoryVault({
      'People/Bo Kim.md': '---\nname: Bo Kim\nlinkedin-status: invitation-received\n---\n',
    });
    const plan = await planImport(exportOf(TWO_BOS), vault.snapshot(), settings);
    expect(plan.creates).toEqual([]);
    expect(plan.ambiguous.map((a) => [a.source.line, a.candidates.map((c) => c.path ?? c.description)])).toEqual([
      [2, ['People/Bo Kim.md', 'Bo Kim, Initech (Connections.csv, line 3)']],
      [3, ['People/Bo Kim.md', 'Bo Kim, Globex (Connections.csv, line 2)']],
    ]);
    expect(plan.ambiguous.every((a) => a.candidates.length >= 2 && a.source.line > 0)).toBe(true);
  });
});

describe('namesakes who connected on the same day (no URL to tell them apart)', () => {
  const TWO_WEIS = connections([
    { first: 'Wei', last: 'Wang', company: 'Initech', on: '12 Mar 2022' },
    { first: 'Wei', last: 'Wang', company: 'Globex', on: '12 Mar 2022' },
  ]);

  it('both get a note: the second is a person, not a repeated row', async () => {
    const vault = new MemoryVault({});
    const plan = await importInto(vault, exportOf(TWO_WEIS));
    expect(plan.creates.map((c) => c.path)).toEqual(['People/Wei Wang.md', 'People/Wei Wang (Globex).md']);
    expect(plan.ambiguous).toEqual([]);
  });

  it('a re-import tells them apart by company and writes nothing', async () => {
    const vault = new MemoryVault({});
    await importInto(vault, exportOf(TWO_WEIS));
    const again = await importInto(vault, exportOf(TWO_WEIS));
    expect(again.ambiguous).toEqual([]);
    expect(again.creates).toEqual([]);
    expect(again.updates).toEqual([]);
  });

  it('after one of them changes job the row is reported with both notes, not guessed', async () => {
    const vault = new MemoryVault({});
    await importInto(vault, exportOf(TWO_WEIS));
    const moved = connections([
      { first: 'Wei', last: 'Wang', company: 'Initech', on: '12 Mar 2022' },
      { first: 'Wei', last: 'Wang', company: 'Umbrella', on: '12 Mar 2022' },
    ]);
    const plan = await planImport(exportOf(moved), vault.snapshot(), settings);
    expect(plan.creates).toEqual([]);
    expect(plan.ambiguous.map((a) => [a.source.line, a.candidates.length])).toEqual([[3, 2]]);
  });
});

describe('a profile merged into another note (linkedin-merged)', () => {
  it('is not made again: its row is skipped and named, the kept note is updated by its own row', async () => {
    const kept = `---\nname: Ann Lee\nlinkedin: ${url('ann-lee')}\nlinkedin-merged:\n  - ${url('ann-lee-2')}\nconnected-on: 2021-03-01\nlinkedin-status: connected\n---\n`;
    const vault = new MemoryVault({ 'People/Ann Lee.md': kept });
    const exp = exportOf(
      connections([
        { first: 'Ann', last: 'Lee', url: url('ann-lee'), company: 'Acme', on: '01 Mar 2021' },
        { first: 'Ann', last: 'Lee', url: url('ann-lee-2'), company: 'Globex', on: '05 May 2022' },
      ]),
    );
    const plan = await importInto(vault, exp);
    expect(plan.creates).toEqual([]);
    expect(plan.missingFromExport).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        file: 'Connections.csv',
        line: 3,
        reason: 'a profile merged into People/Ann Lee.md (its linkedin-merged); not made again',
      },
    ]);
    expect(vault.files.get('People/Ann Lee.md')).toContain('company: Acme\n');
  });
});

describe('missing from the export: decided from Connections.csv alone', () => {
  const NOTE = `---\nname: Ann Lee\nlinkedin: ${url('ann-lee')}\nconnected-on: 2021-03-01\nlinkedin-status: connected\n---\n`;
  const OTHERS = connections([{ first: 'Bo', last: 'Kim', url: url('bo-kim'), on: '02 Mar 2021' }]);
  const ANN_WRITES = messages2021([fromThem('Ann Lee', 'ann-lee', '2022-05-01 10:00:00 UTC')]);

  it('gone from Connections.csv but still in messages.csv: missing, and her message is still recorded', async () => {
    const vault = new MemoryVault({ 'People/Ann Lee.md': NOTE });
    const plan = await importInto(vault, exportOf(OTHERS, ANN_WRITES, OWNER));
    expect(plan.missingFromExport).toEqual([{ path: 'People/Ann Lee.md', name: 'Ann Lee' }]);
    expect(vault.files.get('People/Ann Lee.md')).toContain('last-message: 2022-05-01\n');
  });

  it('gone from Connections.csv, no messages: missing', async () => {
    const plan = await planImport(
      exportOf(OTHERS),
      new MemoryVault({ 'People/Ann Lee.md': NOTE }).snapshot(),
      settings,
    );
    expect(plan.missingFromExport.map((m) => m.path)).toEqual(['People/Ann Lee.md']);
  });

  it('a row skipped as unreadable (a byte that is not UTF-8) does not make its person missing', async () => {
    const text = connectionsText([
      { first: 'Bo', last: 'Kîm', url: url('bo-kim'), on: '02 Mar 2021' },
      { first: 'Ann', last: 'LEE_', url: url('ann-lee'), company: 'Acme', on: '01 Mar 2021' },
    ]);
    const [before, after] = text.split('LEE_') as [string, string];
    // "Lee" with a Latin-1 é in a UTF-8 file (Bo's î): the row cannot be read, its URL can.
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(`${before}L`),
      0xe9,
      ...new TextEncoder().encode(`e${after}`),
    ]);
    const exp = exportOf({ name: 'Connections.csv', bytes, origin: 'picked' });
    expect(exp.connections[0]?.skipped.map((r) => [r.line, r.reason.startsWith('unreadable row')])).toEqual([
      [3, true],
    ]);
    const notes = new MemoryVault({
      'People/Ann Lee.md': NOTE,
      'People/Cy Fox.md': NOTE.replace(/ann-lee/, 'cy-fox').replace('Ann Lee', 'Cy Fox'),
    });
    const plan = await planImport(exp, notes.snapshot(), settings);
    expect(plan.missingFromExport).toEqual([{ path: 'People/Cy Fox.md', name: 'Cy Fox' }]);
  });

  it('an export without Connections.csv says nothing about who is missing', async () => {
    const plan = await planImport(
      exportOf(ANN_WRITES, OWNER),
      new MemoryVault({ 'People/Ann Lee.md': NOTE }).snapshot(),
      settings,
    );
    expect(plan.missingFromExport).toEqual([]);
  });

  it('someone accepted in the triage after the export was made is not missing from it', async () => {
    const accepted = `---\nname: Cy Fox\nlinkedin: ${url('cy-fox')}\nconnected-on: 2021-03-09\nlinkedin-status: connected\n---\n`;
    const plan = await planImport(
      exportOf(OTHERS),
      new MemoryVault({ 'People/Cy Fox.md': accepted }).snapshot(),
      settings,
    );
    expect(plan.missingFromExport).toEqual([]);
  });

  it('a row that fits two notes makes neither of them missing', async () => {
    const vault = new MemoryVault({
      'People/Cy Fox.md': '---\nname: Cy Fox\nlinkedin-status: connected\n---\n',
      'People/Cy Fox 2.md': '---\nname: Cy Fox\nlinkedin-status: connected\n---\n',
    });
    const plan = await planImport(
      exportOf(connections([{ first: 'Cy', last: 'Fox', on: '04 Mar 2021' }])),
      vault.snapshot(),
      settings,
    );
    expect(plan.ambiguous).toHaveLength(1);
    expect(plan.missingFromExport).toEqual([]);
  });
});

describe('a generated export in the 2022 shape', () => {
  it('every conversation partner with a unique name gets the right last message and URL; only namesakes are ambiguous', async () => {
    const exp = generateExport(SHAPE_2022);
    const inputs = exportOf(...Object.entries(exp.files).map(([name, text]) => file(name, text)));
    const vault = new MemoryVault();
    const first = await importInto(vault, inputs);

    // The truth, the plain way: per partner, the newest message and its sender.
    const truth = new Map<string, { date: string; mine: boolean; url: string | null }>();
    const rows = Papa.parse<string[]>(exp.files['messages.csv']!).data.slice(1);
    for (const [, , from, fromUrl, to, at] of rows) {
      if (fromUrl === '') continue; // sponsored
      const mine = fromUrl === exp.owner.url;
      const partner = mine ? to! : from!;
      const seen = truth.get(partner);
      const url = mine ? (seen?.url ?? null) : fromUrl!;
      if (!seen || at! > seen.date) truth.set(partner, { date: at!, mine, url });
      else if (url && !seen.url) seen.url = url;
    }
    const byName = new Map<string, string>();
    for (const text of vault.files.values()) {
      const name = /^name: (.*)$/m.exec(text)?.[1];
      if (name) byName.set(name.replace(/^"|"$/g, ''), text);
    }
    let checked = 0;
    for (const [partner, t] of truth) {
      const note = byName.get(partner);
      if (!note || exp.sharedNames.includes(partner)) continue;
      checked++;
      expect(note, partner).toContain(
        `last-message: ${t.date.slice(0, 10)}\nlast-message-from: ${t.mine ? 'me' : 'them'}\n`,
      );
      if (t.url) expect(note, partner).toContain(`linkedin: ${t.url}\n`);
    }
    expect(checked).toBeGreaterThan(30);
    const ambiguousNames = new Set(first.ambiguous.map((a) => a.name));
    expect([...ambiguousNames].sort()).toEqual([...exp.sharedNames].sort());
    expect(first.ambiguous.every((a) => a.candidates.length >= 2 && a.source.line > 0)).toBe(true);

    const again = await importInto(vault, inputs);
    expect([again.creates.length, again.updates.length]).toEqual([0, 0]);
    expect(again.ambiguous.every((a) => a.candidates.length >= 2 && a.source.line > 0)).toBe(true);
    expect(again.ambiguous.map((a) => a.name).sort()).toEqual(first.ambiguous.map((a) => a.name).sort());
  });
});

/**
 * The source seam (issue 14): a source other than LinkedIn, added by following
 * docs/ARCHITECTURE.md, goes through the same plan. What it pins: identities beyond URL
 * and name (an email finds the note), per-source field ownership (a field the source does
 * not own is never written, an empty value never clears one), dated interactions logged
 * once by their key, per-source counts and report title, and a person two sources
 * describe in one run becoming one note. LinkedIn alone is unchanged (golden.test.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { planImport } from '../../../src/core/import/plan';
import { problemAndInvitationCounts } from '../../../src/core/import/plan-counts';
import { composeImportReport } from '../../../src/core/import/report';
import { linkedInSource } from '../../../src/core/import/sources/linkedin';
import { readExport } from '../../../src/core/linkedin/read-export';
import { MemoryVault } from '../../support/memory-vault';
import { FIXTURES } from '../../support/paths';
import { addressBookSource } from './sources/address-book';

const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-11-26' };

const book = (...rows: string[]) =>
  addressBookSource({ name: 'contacts.csv', text: ['Name,Email,Phone,Company,Met on,Where', ...rows].join('\n') });

describe('a second import source through the same plan', () => {
  it('creates notes with its own fields and interactions, no LinkedIn line, and skips bad rows with file and line', async () => {
    const vault = new MemoryVault();
    const plan = await planImport(
      [book('Bo Kim,bo@example.com,+1 555 0100,Globex,2026-05-01,Web Summit', ',,,,,', 'Cy Park,,,,May 1,')],
      vault.snapshot(),
      settings,
    );
    expect(plan.skipped).toEqual([
      { file: 'contacts.csv', line: 3, reason: 'no name and no email' },
      { file: 'contacts.csv', line: 4, reason: '"May 1" is not a date (expected YYYY-MM-DD)' },
    ]);
    await applyPlan(plan, vault.writer());
    expect(vault.files.get('People/Bo Kim.md')).toBe(
      [
        '---',
        'linkedin:',
        'company:',
        'position:',
        'email: bo@example.com',
        'connected-on:',
        'linkedin-status:',
        'name: Bo Kim',
        'phone: "+1 555 0100"',
        'met-where:',
        'trust:',
        'last-contact:',
        'tags:',
        '  - person',
        '---',
        '## Interactions',
        '',
        '- 2026-05-01 · met · Web Summit',
        '',
      ].join('\n'),
    );
    expect(plan.bySource).toEqual([
      {
        id: 'address-book',
        label: 'Address book',
        people: 1,
        created: 1,
        updated: 0,
        unchanged: 0,
        matched: { profile: 0, email: 0, name: 0 },
        ambiguous: 0,
        withoutNote: 0,
        counts: [
          ['Address book entries', 1],
          ['Address book entries without email', 0],
        ],
        details: [],
      },
    ]);
    expect(problemAndInvitationCounts(plan)).toContainEqual(['Address book entries', 1]);
    const report = composeImportReport(plan, {
      date: settings.today,
      result: { created: ['People/Bo Kim.md'], updated: [], failed: [], cancelled: false },
    });
    expect(report).toMatch(/^# Address book import 2026-11-26\n/);
    expect(report).toContain('| Address book entries | 1 |');
  });

  it('finds a note by email, writes only the fields it owns, never clears one, and logs an interaction once', async () => {
    const note =
      '---\nname: Ann Lee\nlinkedin: https://www.linkedin.com/in/ann-lee\ncompany: Initech\nemail: ann@example.com\nphone: "+1 555 0199"\ntrust: 4\ntags:\n  - person\n---\n## Interactions\n\n';
    const vault = new MemoryVault({ 'Friends/Ann.md': note });
    const source = () => book('A. Lee,ANN@example.com,,Evil Corp,2026-03-02,lunch');
    const first = await planImport([source()], vault.snapshot(), settings);
    expect(first.creates).toEqual([]);
    expect(first.updates.map((u) => [u.path, u.changes.map((c) => c.field), u.interactions.length])).toEqual([
      ['Friends/Ann.md', ['name'], 1],
    ]);
    await applyPlan(first, vault.writer());
    const text = vault.files.get('Friends/Ann.md') as string;
    expect(text).toContain('company: Initech\n'); // not owned: the row's company is dropped
    expect(text).toContain('phone: "+1 555 0199"\n'); // an empty value clears nothing
    expect(text).toContain('trust: 4\n');
    expect(text).toContain('- 2026-03-02 · met · lunch\n');

    // The same row again, reworded: the interaction's key says it is already there.
    const again = await planImport(
      [book('A. Lee,ann@example.com,,,2026-03-02,lunch with Ann')],
      vault.snapshot(),
      settings,
    );
    expect([again.updates, again.unchanged]).toEqual([[], ['Friends/Ann.md']]);
  });

  it('merges a person two sources describe in one run into one note, each source writing its own fields', async () => {
    const exp = readExport([
      {
        name: 'Connections.csv',
        bytes: fs.readFileSync(path.join(FIXTURES, 'golden', 'v1', 'Connections.csv')),
        origin: 'picked',
      },
    ]);
    const vault = new MemoryVault();
    const plan = await planImport(
      [linkedInSource(exp), book('Ann Lee,,+44 20 7946 0000,,2026-10-01,meetup')],
      vault.snapshot(),
      settings,
    );
    const ann = plan.creates.filter((c) => c.name === 'Ann Lee');
    expect(ann.map((c) => c.path)).toEqual(['People/Ann Lee.md']);
    const text = ann[0]?.text() ?? '';
    expect(text).toContain('email: ann@example.com\n'); // LinkedIn's value, first source first
    expect(text).toContain('company: Initech\n');
    expect(text).toContain('phone: "+44 20 7946 0000"\n');
    expect(text).toContain('[LinkedIn profile](https://www.linkedin.com/in/ann-lee)\n');
    expect(text).toContain('- 2026-10-01 · met · meetup\n');
    // One note more than LinkedIn alone would make? None: Ann is one person.
    const alone = await planImport([linkedInSource(exp)], new MemoryVault().snapshot(), settings);
    expect(plan.creates.map((c) => c.path)).toEqual(alone.creates.map((c) => c.path));
    expect(plan.bySource.map((s) => [s.label, s.people])).toEqual([
      ['LinkedIn', alone.bySource[0]?.people],
      ['Address book', 1],
    ]);
    expect(plan.sources).toEqual(['Connections.csv', 'contacts.csv']);
    const report = composeImportReport(plan, {
      date: settings.today,
      result: { created: [], updated: [], failed: [], cancelled: false },
    });
    expect(report).toMatch(/^# LinkedIn and Address book import 2026-11-26\n/);
  });
});

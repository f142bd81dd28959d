/**
 * The end-to-end scenario, in the core, through the one planner: a vault built
 * from a LinkedIn export, then a vCard file of some of the same people (matched by URL, by
 * e-mail, by name, one ambiguous, one new) and a calendar of meetings with them. It ends
 * with one note per person, the meetings logged (and counted by the last-contact rule),
 * birthdays shown, and a re-import of all three that writes nothing. The same three files
 * in one run give the same people, with the card that could be either Kim Lee left out (also
 * when an address rules one of the namesakes out: the name still fits two).
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { importSources } from '../../../src/core/import/mixed-inputs';
import { planImport } from '../../../src/core/import/plan';
import { compactExportOf } from '../../../src/core/import/sources/linkedin';
import type { ExportInput } from '../../../src/core/linkedin/read-export';
import { newestDatedItem } from '../../../src/core/notes/body-sections';
import { splitNote } from '../../../src/core/notes/note-text';
import { upcomingBirthdays } from '../../../src/core/people/birthdays';
import { parseFrontmatterYaml } from '../../../src/cli/yaml-full';
import { ics, meeting } from '../../support/calendar-builders';
import { vcard } from '../../support/contact-builders';
import { MemoryVault } from '../../support/memory-vault';

const settings = { folder: 'People', fileNameFormat: '{first} {last}', tag: 'person', today: '2026-06-30' };

const CONNECTIONS = [
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
  'Jane,Doe,https://www.linkedin.com/in/jane-doe,,Acme,CTO,01 Jan 2020',
  'Bob,Roe,https://www.linkedin.com/in/bob-roe,bob@roe.example,Initech,Engineer,02 Feb 2021',
  'Sam,Poe,https://www.linkedin.com/in/sam-poe,,,,03 Mar 2022',
  'Kim,Lee,https://www.linkedin.com/in/kim-lee-1,,Alpha,,04 Apr 2022',
  'Kim,Lee,https://www.linkedin.com/in/kim-lee-2,,Beta,,05 May 2023',
].join('\n');

const VCF = [
  // by URL: the card's LinkedIn profile
  vcard([
    'FN:Jane Doe',
    'EMAIL:jane@home.example',
    'BDAY:--07-02',
    'URL:https\\://www.linkedin.com/in/jane-doe',
    'NOTE:Likes tea\\nand [[links]]',
  ]),
  // by e-mail: LinkedIn's email field, another spelling of the name
  vcard(['FN:Robert Roe', 'EMAIL;TYPE=WORK:Bob@Roe.example', 'TEL:+1 555 0100', 'ORG:Other Corp', 'BDAY:19800701']),
  // by name: unique, nothing contradicts it
  vcard(['FN:Sam Poe', 'EMAIL:sam@poe.example', 'ORG:Poe Ltd;Sales', 'TITLE:Head of sales']),
  // ambiguous: two notes are named Kim Lee
  vcard(['FN:Kim Lee', 'EMAIL:kim@lee.example']),
  // new: nobody in the vault
  vcard(['N:Moe;Ann;;;', 'FN:Ann Moe', 'EMAIL:ann@moe.example', 'BDAY:1990-07-04']),
].join('');

const ME: [string, string] = ['Olive Owner', 'olive@example.com'];
const ICS = ics(
  [
    meeting(
      'DTSTART;TZID=Europe/Berlin:20260310T100000',
      'Weekly sync',
      [ME, ['Jane Doe', 'jane@home.example']],
      ['RRULE:FREQ=WEEKLY;COUNT=3'],
    ),
    meeting('DTSTART:20260402T090000Z', 'Coffee', [
      ME,
      ['Robert Roe', 'bob@roe.example'],
      ['Ann Moe', 'ann@moe.example'],
    ]),
    meeting('DTSTART:20260405T090000Z', 'Intro', [ME, ['Zed Stranger', 'zed@stranger.example']]),
    meeting('DTSTART:20270101T090000Z', 'Future', [ME, ['Jane Doe', 'jane@home.example']]),
  ],
  [`X-WR-CALNAME:${ME[1]}`],
);

const input = (name: string, text: string): ExportInput => ({
  name,
  bytes: new TextEncoder().encode(text),
  origin: 'picked',
});
const LINKEDIN = input('Connections.csv', CONNECTIONS);
const CARDS = input('contacts.vcf', VCF);
const CALENDAR = input('calendar.ics', ICS);

async function run(vault: MemoryVault, inputs: ExportInput[]) {
  const sources = await importSources(inputs, { today: settings.today, timeZone: 'Europe/Berlin' });
  const plan = await planImport(sources, vault.snapshot(), settings);
  await applyPlan(plan, vault.writer());
  return plan;
}

/** LinkedIn first, then the address book and the calendar together. */
async function importAll(vault: MemoryVault) {
  const linkedin = await run(vault, [LINKEDIN]);
  const sources = await run(vault, [CARDS, CALENDAR]);
  return { linkedin, sources };
}

const fm = (vault: MemoryVault, path: string) => {
  const parsed = parseFrontmatterYaml(splitNote(vault.files.get(path) ?? '').yaml ?? '');
  return parsed.ok ? parsed.data : {};
};

describe('LinkedIn + vCard + calendar', () => {
  it('ends with one note per person, the meetings logged, birthdays shown; a re-import writes nothing', async () => {
    const vault = new MemoryVault();
    const { sources } = await importAll(vault);

    expect([...vault.files.keys()].sort()).toEqual([
      'People/Ann Moe.md',
      'People/Bob Roe.md',
      'People/Jane Doe.md',
      'People/Kim Lee (Beta).md',
      'People/Kim Lee.md',
      'People/Sam Poe.md',
    ]);
    expect(sources.bySource.map((s) => s.label)).toEqual(['vCard', 'Calendar']);
    expect(sources.bySource[0]).toMatchObject({
      people: 5,
      created: 1,
      updated: 3,
      ambiguous: 1,
      matched: { profile: 1, email: 1, name: 1 },
    });
    // The calendar's people are the cards' people (same addresses): matched as they are, or created with them.
    expect(sources.bySource[1]).toMatchObject({
      created: 1,
      matched: { profile: 1, email: 1, name: 0 },
      withoutNote: 1,
    });
    expect(sources.ambiguous).toEqual([
      {
        name: 'Kim Lee',
        source: { file: 'contacts.vcf', line: 24 },
        candidates: [
          { path: 'People/Kim Lee.md', description: 'Kim Lee' },
          { path: 'People/Kim Lee (Beta).md', description: 'Kim Lee' },
        ],
        reason: '2 notes are named "Kim Lee" and no e-mail address or profile URL tells them apart',
      },
    ]);

    // Fields the address book owns, LinkedIn's left alone.
    expect(fm(vault, 'People/Jane Doe.md')).toMatchObject({
      company: 'Acme',
      emails: ['jane@home.example'],
      birthday: '--07-02',
    });
    expect(fm(vault, 'People/Bob Roe.md')).toMatchObject({
      company: 'Initech',
      email: 'bob@roe.example',
      phones: ['+1 555 0100'],
      birthday: '1980-07-01',
    });
    expect(fm(vault, 'People/Bob Roe.md').emails).toBeUndefined(); // the address is LinkedIn's email already
    expect(fm(vault, 'People/Sam Poe.md')).toMatchObject({ company: 'Poe Ltd', position: 'Head of sales' });

    const jane = vault.files.get('People/Jane Doe.md') as string;
    expect(jane).toContain(
      '- 2026-03-24 · meeting · Weekly sync\n- 2026-03-17 · meeting · Weekly sync\n- 2026-03-10 · meeting · Weekly sync\n',
    );
    expect(jane).toContain('## From address book\n\nLikes tea\nand \\[\\[links\\]\\]\n');
    expect(newestDatedItem(splitNote(jane).body, 'Interactions')).toBe('2026-03-24'); // the last-contact rule sees it
    const ann = vault.files.get('People/Ann Moe.md') as string;
    expect(ann).toContain('emails:\n  - ann@moe.example\nbirthday: 1990-07-04\n');
    expect(ann).toContain('## Interactions\n\n- 2026-04-02 · meeting · Coffee\n');

    expect(sources.bySource[1]?.details).toEqual([
      {
        title: 'Calendars',
        items: [
          'calendar.ics: 5 past occurrences of 4 events in Europe/Berlin; yours: olive@example.com (from calendar name); 0 declined, 0 cancelled, 0 with nobody else',
        ],
        total: 1,
      },
      {
        title: 'Attendees with no note',
        items: ['Zed Stranger <zed@stranger.example>: 1 meeting, the last on 2026-04-05'],
        total: 1,
      },
    ]);

    const people = [...vault.files.keys()].map((p) => ({
      path: p,
      name: p,
      birthday: (fm(vault, p).birthday as string) ?? null,
    }));
    expect(upcomingBirthdays(people, settings.today).map((b) => [b.path, b.date])).toEqual([
      ['People/Bob Roe.md', '2026-07-01'],
      ['People/Jane Doe.md', '2026-07-02'],
      ['People/Ann Moe.md', '2026-07-04'],
    ]);

    vault.writes.length = 0;
    const again = await run(vault, [LINKEDIN, CARDS, CALENDAR]);
    expect([again.creates, again.updates]).toEqual([[], []]);
    expect(vault.writes).toEqual([]);
  });

  it('all three in one run: the same people and meetings; the card that could be either Kim Lee is left out', async () => {
    const vault = new MemoryVault();
    const plan = await run(vault, [CARDS, CALENDAR, LINKEDIN]);
    expect(plan.bySource.map((s) => s.label)).toEqual(['LinkedIn', 'vCard', 'Calendar']);
    expect([...vault.files.keys()].sort()).toEqual([
      'People/Ann Moe.md',
      'People/Bob Roe.md',
      'People/Jane Doe.md',
      'People/Kim Lee (Beta).md',
      'People/Kim Lee.md',
      'People/Sam Poe.md',
    ]);
    expect(plan.ambiguous.map((a) => [a.name, a.source, a.candidates.map((c) => c.description)])).toEqual([
      [
        'Kim Lee',
        { file: 'contacts.vcf', line: 24 },
        ['Kim Lee, Alpha (Connections.csv, line 5)', 'Kim Lee, Beta (Connections.csv, line 6)'],
      ],
    ]);
    expect(fm(vault, 'People/Jane Doe.md')).toMatchObject({
      company: 'Acme',
      emails: ['jane@home.example'],
      birthday: '--07-02',
    });
    expect(fm(vault, 'People/Bob Roe.md')).toMatchObject({ company: 'Initech', phones: ['+1 555 0100'] });
    expect(fm(vault, 'People/Bob Roe.md').emails).toBeUndefined();
    expect(fm(vault, 'People/Sam Poe.md')).toMatchObject({ company: 'Poe Ltd', position: 'Head of sales' });
    expect(vault.files.get('People/Jane Doe.md')).toContain(
      '- 2026-03-24 · meeting · Weekly sync\n- 2026-03-17 · meeting · Weekly sync\n- 2026-03-10 · meeting · Weekly sync\n',
    );
    expect(vault.files.get('People/Ann Moe.md')).toContain('## Interactions\n\n- 2026-04-02 · meeting · Coffee\n');

    vault.writes.length = 0;
    const again = await run(vault, [LINKEDIN, CARDS, CALENDAR]);
    expect([again.creates, again.updates]).toEqual([[], []]);
    expect(vault.writes).toEqual([]);
  });

  it('in one run, a card named like two connections stays ambiguous even when the address rules one of them out', async () => {
    // LinkedIn knows one Lee Park by another address: that Lee Park is not the card, but
    // which of the others is would be a guess (the name still fits two people).
    const linkedin = input(
      'Connections.csv',
      [
        'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
        'Lee,Park,https://www.linkedin.com/in/lee-park-1,lee@work.example,Alpha,,04 Apr 2022',
        'Lee,Park,https://www.linkedin.com/in/lee-park-2,,Beta,,05 May 2023',
      ].join('\n'),
    );
    const card = input('contacts.vcf', vcard(['FN:Lee Park', 'EMAIL:lee@home.example']));
    const vault = new MemoryVault();
    const plan = await run(vault, [linkedin, card]);
    expect(plan.ambiguous.map((a) => [a.name, a.candidates.length])).toEqual([['Lee Park', 2]]);
    expect(vault.files.get('People/Lee Park (Beta).md')).not.toContain('lee@home.example');
  });
});

describe('a huge Connections.csv beside an address book', () => {
  // Parts plan a LinkedIn export alone (core/import/parts.ts). Mixed with another source, a
  // compact file is turned back into records for the one plan, and both were held at once.
  it('is read compactly only when the export comes alone', async () => {
    const sources = (inputs: ExportInput[]) =>
      importSources(inputs, { today: settings.today, timeZone: 'Europe/Berlin', compactAbove: 0 });
    const [alone] = await sources([LINKEDIN]);
    const [mixed] = await sources([LINKEDIN, CARDS]);
    expect(compactExportOf(alone!)?.connections[0]?.compact?.length).toBe(5);
    expect(compactExportOf(mixed!)).toBeNull();
  });
});

/**
 * The end-to-end scenario, in the core: a vault built from a LinkedIn export, then a
 * vCard file of some of the same people (matched by URL, by e-mail, by name, one ambiguous,
 * one new), then a calendar of meetings with them. It ends with one note per person, the
 * meetings logged (and counted by the last-contact rule), birthdays shown, and a re-import
 * of all three that writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/core/import/apply';
import { planImport } from '../../../src/core/import/plan';
import { readExport } from '../../../src/core/linkedin/read-export';
import { newestDatedItem } from '../../../src/core/notes/body-sections';
import { splitNote } from '../../../src/core/notes/note-text';
import { upcomingBirthdays } from '../../../src/core/people/birthdays';
import { readCalendar } from '../../../src/core/sources/calendar/read-calendar';
import { planSources } from '../../../src/core/sources/plan-sources';
import { readVCardContacts } from '../../../src/core/sources/vcard/map-card';
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

async function importAll(vault: MemoryVault) {
  const exp = readExport([{ name: 'Connections.csv', bytes: new TextEncoder().encode(CONNECTIONS), origin: 'picked' }]);
  const linkedin = await planImport(exp, vault.snapshot(), settings);
  await applyPlan(linkedin, vault.writer());
  const sources = await planSources(
    {
      addressBooks: [readVCardContacts(VCF, 'contacts.vcf')],
      calendars: [await readCalendar(ICS, 'calendar.ics', { today: settings.today, timeZone: 'Europe/Berlin' })],
    },
    vault.snapshot(),
    settings,
  );
  const applied = await applyPlan({ ...linkedin, creates: sources.creates, updates: sources.updates }, vault.writer());
  return { linkedin, sources, applied };
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
    expect(sources.perSource[0]).toMatchObject({
      created: 1,
      updated: 3,
      ambiguous: 1,
      matched: { profile: 1, email: 1, name: 1 },
    });
    expect(sources.ambiguous).toEqual([
      {
        name: 'Kim Lee',
        source: { file: 'contacts.vcf', line: 24 },
        candidates: [
          { path: 'People/Kim Lee.md', description: 'Kim Lee' },
          { path: 'People/Kim Lee (Beta).md', description: 'Kim Lee' },
        ],
        reason: '2 notes are named "Kim Lee"',
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

    expect(sources.calendars[0]).toMatchObject({
      owner: { emails: ['olive@example.com'], evidence: ['calendar name'] },
      unmatched: [{ email: 'zed@stranger.example', name: 'Zed Stranger', meetings: 1, lastMet: '2026-04-05' }],
    });

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
    const again = await importAll(vault);
    expect(again.sources.creates).toEqual([]);
    expect(again.sources.updates).toEqual([]);
    expect(vault.writes).toEqual([]);
  });
});

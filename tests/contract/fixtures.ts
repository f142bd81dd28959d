/**
 * Vault fixtures for the contract test: each is a vault (files and the plugin's data.json)
 * and an export, built from small builders so a new case is a few lines. They cover what
 * made the adapters disagree before: hostile names, broken YAML, a template and a meeting
 * note outside the people folder, notes moved out of it, changed settings, and a network
 * shaped like a real one (invitations, messages, years of connections), and a mix of
 * sources (a LinkedIn zip, a vCard file and a calendar) over existing notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { generateMixedNetwork } from '../../scripts/lib/synthetic-network';
import { generatePeopleVault } from '../../scripts/lib/synthetic-vault';
import { localIsoDate } from '../../src/core/dates/iso-date';
import { composePersonNote } from '../../src/core/notes/compose-note';
import { FIXTURES } from '../support/paths';

export interface ExportFile {
  name: string;
  bytes: Uint8Array;
}

export interface VaultFixture {
  name: string;
  files: Record<string, string>;
  /** The plugin's data.json (settings and state), when the vault has one. */
  data?: Record<string, unknown>;
  inputs: ExportFile[];
}

const bytes = (text: string) => new TextEncoder().encode(text);
const golden = (version: string): ExportFile => ({
  name: 'Connections.csv',
  bytes: fs.readFileSync(path.join(FIXTURES, 'golden', version, 'Connections.csv')),
});

function note(fields: Record<string, string | number | null>, tag = 'person', body = ''): string {
  return composePersonNote(fields, { tag }) + body;
}

const PRE_2023 =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n' +
  'First Name,Last Name,Email Address,Company,Position,Connected On\n' +
  'Ann,Lee,,Acme,CTO,01 Jan 2020\nBo,Kim,,Globex,CEO,02 Feb 2021\n';

const mixed = generateMixedNetwork({ connections: 200, cardsPerKind: 8, singles: 300, series: 6, seed: 5 });

export const FIXTURES_FOR_CONTRACT: VaultFixture[] = [
  {
    name: 'hostile names into an empty vault',
    files: {},
    inputs: [golden('v1')],
  },
  {
    name: 'a newer export over user edits',
    files: {
      'People/Jane Doe.md': note(
        {
          linkedin: 'https://www.linkedin.com/in/jane-doe',
          name: 'Jane Doe',
          company: 'Acme',
          position: 'CTO',
          'linkedin-status': 'connected',
          trust: 4,
          'last-contact': '2025-01-02',
        },
        'person',
        '- 2025-06-01 · meeting · coffee\n',
      ),
    },
    inputs: [golden('v2')],
  },
  {
    name: 'broken YAML in and outside the people folder',
    files: {
      'People/Ann Lee.md':
        '---\nname: Ann Lee\nlinkedin: https://www.linkedin.com/in/ann-lee\ncompany: [oops\n---\nMine.\n',
      'Friends/Jane.md': '---\nname: Jane Doe\ntags: [person\nlinkedin: https://www.linkedin.com/in/jane-doe\n---\n',
      'Notes/Unclosed.md': '---\nlinkedin: https://www.linkedin.com/in/matej\nno end\n',
    },
    inputs: [golden('v1')],
  },
  {
    name: 'a template with an empty linkedin and a name (pre-2023 export)',
    files: {
      'Templates/Person.md': '---\nname: Ann Lee\nlinkedin:\ncompany:\n---\n# {{title}}\n',
      'Notes/Meeting.md': '---\ntitle: standup\n---\nA person said hi.\n',
    },
    inputs: [{ name: 'Connections.csv', bytes: bytes(PRE_2023) }],
  },
  {
    name: 'notes outside the people folder: a meeting note, a moved tagged note',
    files: {
      'Meetings/Kickoff.md': '---\nlinkedin: https://www.linkedin.com/in/jane-doe\n---\nWith Jane.\n',
      'Archive/Ann (college).md': note({
        linkedin: 'https://www.linkedin.com/in/ann-lee',
        name: 'Ann Lee',
        company: 'Old Co',
        'linkedin-status': 'connected',
      }),
    },
    inputs: [golden('v1')],
  },
  {
    name: 'settings changed (folder, tag, format, trust periods, prune and report folder)',
    files: {
      'Contacts/Old Friend.md': note(
        { name: 'Old Friend', trust: 3, 'last-contact': '2026-06-01', 'linkedin-status': 'connected' },
        'crm',
      ),
      'People/Not here.md': note({ name: 'Not Here', trust: 5, 'last-contact': '2020-01-01' }),
      'Elsewhere/Tagged.md': note({ name: 'Tagged', trust: 5, 'last-contact': '2026-01-01' }, 'crm'),
    },
    data: {
      peopleFolder: 'Contacts',
      defaultTag: 'crm',
      fileNameFormat: '{last}, {first}',
      reportFolder: 'Logs/CRM',
      pruneAfterYears: 10,
      includeUntriagedInStale: true,
      trustLevels: [
        { name: 'Stranger', keepInTouchDays: null },
        { name: 'Met', keepInTouchDays: 90 },
        { name: 'Colleague', keepInTouchDays: 30 },
        { name: 'Friend', keepInTouchDays: 14 },
        { name: 'Family', keepInTouchDays: 7 },
      ],
      myName: 'Me',
    },
    inputs: [golden('v1')],
  },
  {
    name: 'a network shaped like a real one (invitations, messages, years of connections)',
    files: generatePeopleVault({ people: 150, today: localIsoDate(new Date()), seed: 3 }),
    inputs: [
      {
        name: 'Complete_LinkedInDataExport_11-20-2026.zip',
        bytes: zipExport(generateExport({ connections: 400, seed: 21, invitations: 60, messages: 800, hostile: true })),
      },
    ],
  },
  {
    name: 'a mix: LinkedIn zip, a vCard file and a calendar, with your address in the settings',
    files: generatePeopleVault({ people: 60, today: localIsoDate(new Date()), seed: 4 }),
    data: { myEmails: [mixed.owner.email] },
    inputs: [
      { name: 'Basic_LinkedInDataExport_11-20-2026.zip', bytes: zipExport(mixed.linkedin) },
      { name: 'contacts.vcf', bytes: bytes(mixed.vcf) },
      { name: 'calendar.ics', bytes: bytes(mixed.ics) },
    ],
  },
];

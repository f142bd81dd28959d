/**
 * Every real export excerpt in ../shared/samples/linkedin/ (see its README), parsed and
 * checked against what the README says it shows. The files are read in place, never
 * copied into the repository. In a clone without the folder this suite is skipped and
 * says why.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/core/text/decode';
import { readExport, type LinkedInExport } from '../../src/core/linkedin/read-export';
import { invitationCounterpart } from '../../src/core/linkedin/invitations';
import { SAMPLES } from '../support/paths';

const present = fs.existsSync(path.join(SAMPLES, 'README.md'));
if (!present)
  console.warn(
    `real-sample suite skipped: ${SAMPLES} is not there (it sits beside the project in the team's checkout)`,
  );

const bytes = (name: string) => fs.readFileSync(path.join(SAMPLES, name));
const read = (name: string, prefix?: Buffer): LinkedInExport =>
  readExport([{ name, bytes: prefix ? Buffer.concat([prefix, bytes(name)]) : bytes(name), origin: 'picked' }]);
const firstLine = (name: string) =>
  Buffer.from(
    `${
      bytes(name)
        .toString('utf8')
        .split('\n')
        .find((l) => l.startsWith('First Name')) ?? ''
    }\n`,
  );

describe.skipIf(!present)('real LinkedIn export samples', () => {
  it('every sample file is described in the README (a new sample needs assertions here)', () => {
    const readme = fs.readFileSync(path.join(SAMPLES, 'README.md'), 'utf8');
    for (const f of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.csv'))) expect(readme).toContain(`\`${f}\``);
  });

  it('2018 Connections: no preamble, no URL column, quoted M/D/YY dates, every row with an email', () => {
    const c = read('2018-11_Connections.head.csv').connections[0]!;
    expect(c.hasUrlColumn).toBe(false);
    expect(c.records.map((r) => [r.name, r.connectedOn])).toEqual([
      ['Claus Bergh', '2018-01-08'],
      ['Vivek Sharma', '2018-04-04'],
      ['shailja mishra', '2017-11-17'],
    ]);
    expect(c.records.every((r) => r.email !== null && r.profileUrl === null)).toBe(true);
  });

  it('2018 Connections: a member URN in the email column is no email', () => {
    const [sapna, yugam] = read('2018-11_Connections.urn-in-email.csv').connections[0]!.records;
    expect(sapna?.email).toBe('sapnasucess@gmail.com');
    expect(yugam).toMatchObject({
      name: 'Yugam Parashar',
      email: null,
      company: '',
      position: '',
      connectedOn: '2018-08-18',
    });
  });

  it('2018 Invitations: 5 columns, no URLs, double spaces collapsed, non-ASCII names, trailing space trimmed', () => {
    const inv = read('2018-11_Invitations.csv').invitations[0]!;
    expect(inv.hasProfileUrls).toBe(false);
    expect(inv.records).toHaveLength(11);
    expect(inv.records.filter((r) => r.direction === 'outgoing')).toHaveLength(4);
    const names = inv.records.map((r) => invitationCounterpart(r).name);
    expect(names).toContain('Meekha E . Saji');
    expect(names).toContain('Nguyễn Xuân Chính');
    expect(inv.records.find((r) => r.message !== '')?.message).toBe('hi i am abhishek mathur from 3rd year');
    expect(inv.records[0]?.sentOn).toBe('2018-08-18');
  });

  it('2018 Messages.csv (capital M): Direction column, quoted US dates', () => {
    const m = read('2018-11_Messages.head.csv').messages[0]!;
    expect(m.format).toBe('2018');
    expect(m.records.toArray().map((r) => [r.from, r.direction, r.date])).toEqual([
      ['Angela from', 'incoming', '2018-10-16'],
      ['Angela from', 'incoming', '2018-08-13'],
    ]);
  });

  it.each(['2018-11_Profile.csv', '2022-09_Profile.header.csv'])(
    "%s: known by its header even renamed; the row under it is the export owner's name",
    (name) => {
      const connections = {
        name: 'Connections.csv',
        bytes: Buffer.concat([
          firstLine('2022-09_Connections.head-to-first-blank-row.csv'),
          bytes('2022-09_Connections.tail-no-final-newline.csv'),
        ]),
        origin: 'picked' as const,
      };
      const renamed = 'my profile (1).csv';
      const withRow = Buffer.concat([bytes(name), Buffer.from('Sajiah,Naqib\n')]);
      expect(readExport([{ name: renamed, bytes: withRow, origin: 'picked' }, connections]).profiles).toEqual([
        { file: renamed, name: 'Sajiah Naqib', source: { file: renamed, line: 2 }, warnings: [] },
      ]);
      // The samples hold the header only: no name, a warning on the file, and alone nothing to import.
      const headerOnly = readExport([{ name, bytes: bytes(name), origin: 'picked' }, connections]);
      expect(headerOnly.profiles[0]).toMatchObject({
        name: '',
        warnings: [{ file: name, line: 1, reason: expect.stringContaining('no name under the header') as string }],
      });
      expect(() => read(name)).toThrow(/nothing to import/);
    },
  );

  it.each([
    '2022-09_Contacts.header.csv',
    '2022-09_Company Follows.head.csv',
    '2022-09_Rich Media.csv',
    '2024-12_Rich_Media.header.csv',
    '2022-09_Endorsement_Received_Info.head.csv',
    '2024-12_Endorsement_Received_Info.head.csv',
  ])('%s is not a file we import: picked by hand, it gets a message naming it and what was expected', (name) => {
    expect(() => read(name)).toThrow(
      new RegExp(`^${name.replace(/[.()]/g, '\\$&')}: found ".+", expected a LinkedIn Connections\\.csv`),
    );
  });

  it('2022 UTF-16LE tab-separated endorsement file decodes to readable text (not mojibake)', () => {
    const decoded = decodeText(bytes('2022-09_Endorsement Received Info.utf16le-tsv.head.csv'));
    expect(decoded.encoding).toBe('utf-16le');
    expect(decoded.text.startsWith('"Endorsement Date"\t"Skill Name"')).toBe(true);
    expect(() => read('2022-09_Endorsement Received Info.utf16le-tsv.head.csv')).toThrow(
      /found ""Endorsement Date"\t"Skill Name"/,
    );
  });

  it('2022 Connections: 3-line preamble, header on line 4 without URL, DD Mon YYYY, blank member row on line 53', () => {
    const c = read('2022-09_Connections.head-to-first-blank-row.csv').connections[0]!;
    expect(c.hasUrlColumn).toBe(false);
    expect(c.records).toHaveLength(48);
    expect(c.records[0]).toMatchObject({ name: 'Ashwathy Rameshan', connectedOn: '2022-09-09', source: { line: 5 } });
    expect(c.blankMemberRows).toBe(1);
    expect(c.skipped).toEqual([
      {
        file: '2022-09_Connections.head-to-first-blank-row.csv',
        line: 53,
        reason: 'blank member row: only a date, the account is hidden or deleted',
      },
    ]);
  });

  it('2022 Connections tail: no final newline; the last row (with an email) is read', () => {
    const header = firstLine('2022-09_Connections.head-to-first-blank-row.csv');
    const c = read('2022-09_Connections.tail-no-final-newline.csv', header).connections[0]!;
    expect(bytes('2022-09_Connections.tail-no-final-newline.csv').at(-1)).not.toBe(0x0a);
    expect(c.records).toHaveLength(4);
    expect(c.records[3]).toMatchObject({
      name: 'Shahriar Quayser',
      email: 'squayseer@yahoo.com',
      connectedOn: '2017-03-01',
    });
  });

  it('2022 messages.csv: no recipient URLs yet, UTC timestamps, sender URLs', () => {
    const m = read('2022-09_messages.head.csv').messages[0]!;
    expect(m.format).toBe('2021');
    expect(m.records).toHaveLength(3);
    expect(m.records.toArray().map((r) => r.senderUrl)).toEqual([
      'https://www.linkedin.com/in/sajiah-naqib-5275a513a',
      'https://www.linkedin.com/in/sajiah-naqib-5275a513a',
      'https://www.linkedin.com/in/md-rahman',
    ]);
    expect(m.records.date(0)).toBe('2022-09-08');
  });

  it('2022 Invitations: still 5 columns, no profile URLs', () => {
    const inv = read('2022-09_Invitations.head.csv').invitations[0]!;
    expect(inv.hasProfileUrls).toBe(false);
    expect(inv.records.map((r) => [r.to, r.sentOn])).toEqual([
      ['Aatif Belal', '2022-08-26'],
      ['Pranav Reddy', '2022-08-26'],
      ['Smitha Ithal', '2022-08-26'],
    ]);
  });

  it('2024 Connections: URL column between Last Name and Email Address, Unicode companies, quoted position', () => {
    const c = read('2024-12_Connections.head.csv').connections[0]!;
    expect(c.hasUrlColumn).toBe(true);
    expect(c.records.map((r) => [r.profileUrl, r.company, r.connectedOn])).toEqual([
      ['https://www.linkedin.com/in/bernardreger', 'US Army DEVCOM Armaments Center', '2024-12-16'],
      ['https://www.linkedin.com/in/amalie-jularbo-b89011228', 'Försvarsmakten', '2024-12-16'],
    ]);
  });

  it('2024 Connections: upper-case percent-encoded URL decoded, trailing name space trimmed, 7-column blank row skipped', () => {
    const c = read('2024-12_Connections.pct-encoded-url-and-blank-row.csv').connections[0]!;
    const math = c.records[0]!;
    expect(math.firstName).toBe('𝓩𝓪𝓫𝓲𝓱𝓾𝓵𝓵𝓪𝓱');
    expect(math.profileUrl).toBe('https://www.linkedin.com/in/𝓩𝓪𝓫𝓲𝓱𝓾𝓵𝓵𝓪𝓱-𝓚𝓱𝓪𝓵𝓲𝓭-𝓑𝓪𝓻𝔂𝓪𝓵𝓪𝓲-b702871b7');
    expect(c.blankMemberRows).toBe(1);
    expect(c.records.find((r) => r.name === 'Ahmed Nawzad')).toMatchObject({
      company: '',
      position: '',
      connectedOn: '2024-09-14',
    });
    expect(c.records).toHaveLength(5);
  });

  it('2024 Connections tail: no final newline, oldest dates last', () => {
    const c = read('2024-12_Connections.tail-no-final-newline.csv', firstLine('2024-12_Connections.head.csv'))
      .connections[0]!;
    expect(c.records.map((r) => [r.name, r.connectedOn])).toEqual([
      ['Jonas Nyvang', '2020-11-22'],
      ['Erik FORS-ANDRÉE', '2020-11-22'],
      ['Jan Eldeblad', '2020-11-22'],
    ]);
  });

  it('2024 Invitations: camelCase profile URL columns, M/D/YY dates', () => {
    const inv = read('2024-12_Invitations.head.csv').invitations[0]!;
    expect(inv.hasProfileUrls).toBe(true);
    expect(inv.records.map((r) => [r.direction, r.inviterUrl, r.inviteeUrl, r.sentOn])[0]).toEqual([
      'outgoing',
      'https://www.linkedin.com/in/sarhangsaid',
      'https://www.linkedin.com/in/davidhovstadius',
      '2024-12-15',
    ]);
  });

  it('2024 messages: sponsored row and drafts skipped and counted; group recipients from RECIPIENT PROFILE URLS', () => {
    const m = read('2024-12_messages.sponsored-draft-group.csv').messages[0]!;
    expect(m.format).toBe('2024');
    expect(m.skippedSponsored).toBe(1);
    expect(m.skippedDrafts).toBe(3);
    expect(m.records).toHaveLength(1);
    expect(m.records.recipientUrls(0)).toHaveLength(4);
    expect(m.records.to(0).startsWith('Walid Timimi, FICS (UK), MSc (SE)')).toBe(true);
  });

  it.each([
    ['2024-05_messages.header-no-draft-cols.csv', 'CRLF header ending at FOLDER'],
    ['2025-01_messages.header-message-draft-only.csv', 'IS MESSAGE DRAFT only'],
    ['2026-02_messages.header-with-attachments.csv', 'ATTACHMENTS before IS MESSAGE DRAFT'],
  ])('%s (%s) is recognised by header name', (name) => {
    const m = read(name).messages[0]!;
    expect(m.format).toBe('2024');
    expect(m.records.toArray()).toEqual([]);
  });

  it('Excel re-save: CRLF, D-Mon-YY dates, trailing space in a position', () => {
    const c = read('excel-resaved_2022-05_Connections.dd-Mon-yy-crlf.csv').connections[0]!;
    expect(c.records.map((r) => r.connectedOn)).toEqual(['2022-05-06', '2022-05-02', '2022-04-28']);
    expect(c.records[1]?.position).toBe('Analytics Consultant - McGill Capstone Academic Consulting Project');
  });

  it('Danish Excel re-save: ; delimiter, "Connected on", DD.MM.YYYY, Windows-1252', () => {
    expect(decodeText(bytes('excel-resaved_2021-09_Connections.semicolon-cp1252.csv')).encoding).toBe('windows-1252');
    const c = read('excel-resaved_2021-09_Connections.semicolon-cp1252.csv').connections[0]!;
    // The README speaks of ø (\xf8); the bytes are \xf6, which Windows-1252 maps to ö.
    expect(
      bytes('excel-resaved_2021-09_Connections.semicolon-cp1252.csv').includes(Buffer.from([0x4a, 0xf6, 0x72])),
    ).toBe(true);
    expect(c.records.map((r) => [r.name, r.connectedOn])).toEqual([
      ['Dani Dahl-Iversen', '2021-09-16'],
      ['Louise Raaskou Jörgensen', '2021-09-14'],
      ['Michael Nörgaard', '2021-09-07'],
      ['Jonas Jörgensen', '2021-09-07'],
    ]);
  });

  it('Excel-padded preamble (Notes:,,) with the name columns deleted: header found, rows cannot become notes', () => {
    const c = read('excel-resaved_2021-11_Connections.notes-with-commas.csv').connections[0]!;
    expect(c.records).toEqual([]);
    expect(c.skipped).toEqual([
      {
        file: 'excel-resaved_2021-11_Connections.notes-with-commas.csv',
        line: 5,
        reason: 'no name and no profile URL, so there is nobody to make a note for',
      },
    ]);
  });

  it('hand-edited file: BOM on an empty first line, then the header', () => {
    const c = read('user-edited_2023-02_Connections.bom-then-blank-line.csv').connections[0]!;
    expect(c.records).toEqual([
      expect.objectContaining({
        name: 'Muhamad Nady',
        connectedOn: '2023-02-01',
        email: 'muhamednady20@gmail.com',
        source: { file: 'user-edited_2023-02_Connections.bom-then-blank-line.csv', line: 4 },
      }),
    ]);
  });
});

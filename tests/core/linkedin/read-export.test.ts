import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readExport } from '../../../src/core/linkedin/read-export';

const enc = (s: string) => new TextEncoder().encode(s);
const CONNECTIONS =
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJane,Doe,https://www.linkedin.com/in/jane,,,,16 Dec 2024';

describe('readExport', () => {
  it('finds the three files at any depth in a zip, case-insensitively, and ignores the rest', () => {
    const zip = zipSync({
      'Complete_LinkedInDataExport_09-12-2022 (1)/CONNECTIONS.CSV': strToU8(CONNECTIONS),
      'Complete_LinkedInDataExport_09-12-2022 (1)/Messages.csv': strToU8(
        'From,To,Date,Subject,Content,Direction,Folder\n',
      ),
      'coach_messages.csv': strToU8('garbage'),
      'Profile.csv': strToU8('garbage'),
      'Jobs/Saved Jobs.csv': strToU8('garbage'),
    });
    const exp = readExport([{ name: 'Basic_LinkedInDataExport_07-05-2023.zip', bytes: zip, origin: 'picked' }]);
    expect(exp.connections.map((c) => c.file)).toEqual([
      'Basic_LinkedInDataExport_07-05-2023.zip/Complete_LinkedInDataExport_09-12-2022 (1)/CONNECTIONS.CSV',
    ]);
    expect(exp.connections[0]?.records).toHaveLength(1);
    expect(exp.messages).toHaveLength(1);
  });

  it('identifies a renamed CSV the user picked by its header', () => {
    const exp = readExport([{ name: 'Connections (1).csv', bytes: enc(CONNECTIONS), origin: 'picked' }]);
    expect(exp.connections[0]?.records[0]?.name).toBe('Jane Doe');
  });

  it('rejects a picked CSV that is no export file, saying what it found', () => {
    expect(() => readExport([{ name: 'Skills.csv', bytes: enc('Name\nTypeScript'), origin: 'picked' }])).toThrow(
      'Skills.csv: found "Name", expected a LinkedIn Connections.csv, Invitations.csv or messages.csv, the export .zip, an address book (.vcf, Google or Outlook CSV) or a calendar (.ics)',
    );
    // Profile.csv is read (whose export it is) but has nobody to import on its own.
    expect(() =>
      readExport([{ name: 'Profile.csv', bytes: enc('First Name,Last Name,Headline\nA,B,C'), origin: 'picked' }]),
    ).toThrow('Profile.csv: nothing to import: expected a LinkedIn Connections.csv');
  });

  it('rejects a zip without export files and a fake zip', () => {
    const empty = zipSync({ 'Profile.csv': strToU8('x') });
    expect(() => readExport([{ name: 'x.zip', bytes: empty, origin: 'picked' }])).toThrow(
      /x\.zip: no Connections\.csv/,
    );
    expect(() => readExport([{ name: 'y.zip', bytes: enc('not a zip'), origin: 'picked' }])).toThrow(
      'y.zip: is named .zip but is not a zip archive',
    );
  });
});

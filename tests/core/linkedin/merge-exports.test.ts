/**
 * Which of several exports in one run is newest (issue 13 case 4): the date LinkedIn puts
 * in the archive name, then Complete over Basic on the same date, then the later input.
 */
import { describe, expect, it } from 'vitest';
import { exportDateOf } from '../../../src/core/linkedin/merge-exports';
import { readExport } from '../../../src/core/linkedin/read-export';
import { messages2021, url } from '../../support/export-builder';

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n';
const ann = (company: string) => `${HEADER}Ann,Lee,https://www.linkedin.com/in/ann,,${company},CTO,01 Jan 2020`;

function companyFrom(...files: Array<[string, string]>): string | undefined {
  const exp = readExport(
    files.map(([name, company]) => ({ name, bytes: enc(ann(company)), origin: 'listed' as const })),
  );
  const records = exp.connections.flatMap((c) => c.records);
  expect(records).toHaveLength(1);
  return records[0]?.company;
}

describe('merging the exports of one run', () => {
  it('reads the export date from LinkedIn archive names', () => {
    expect(exportDateOf('Complete_LinkedInDataExport_09-12-2022 (1)/Connections.csv')).toBe('2022-09-12');
    expect(exportDateOf('Downloads/basic_linkedindataexport_11-20-2026.zip/Connections.csv')).toBe('2026-11-20');
    expect(exportDateOf('Connections.csv')).toBe('');
  });

  it('the newer date wins, then Complete over Basic, then the later input', () => {
    expect(
      companyFrom(
        ['Basic_LinkedInDataExport_11-20-2026/Connections.csv', 'Newer'],
        ['Complete_LinkedInDataExport_10-01-2026/Connections.csv', 'Older'],
      ),
    ).toBe('Newer');
    expect(
      companyFrom(
        ['Complete_LinkedInDataExport_11-20-2026/Connections.csv', 'Complete'],
        ['Basic_LinkedInDataExport_11-20-2026/Connections.csv', 'Basic'],
      ),
    ).toBe('Complete');
    expect(companyFrom(['a/Connections.csv', 'First'], ['b/Connections.csv', 'Second'])).toBe('Second');
  });

  it('a person without a URL in an older export is the same person as the one with it in a newer export', () => {
    const exp = readExport([
      { name: 'Complete_LinkedInDataExport_11-20-2026/Connections.csv', bytes: enc(ann('')), origin: 'listed' },
      {
        name: 'Complete_LinkedInDataExport_01-05-2022/Connections.csv',
        bytes: enc('First Name,Last Name,Email Address,Company,Position,Connected On\nAnn,Lee,,Old Co,CTO,01 Jan 2020'),
        origin: 'listed',
      },
    ]);
    expect(exp.connections.flatMap((c) => c.records)).toEqual([
      expect.objectContaining({ profileUrl: 'https://www.linkedin.com/in/ann', company: 'Old Co' }),
    ]);
  });

  it('namesakes in one file stay two people; across files each finds their own row by date, then company', () => {
    const OLD_HEADER = 'First Name,Last Name,Email Address,Company,Position,Connected On\n';
    const weis = (second: string) =>
      enc(`${OLD_HEADER}Wei,Wang,,Initech,,12 Mar 2022\nWei,Wang,,${second},,12 Mar 2022\nWei,Wang,,Acme,,01 Jan 2019`);
    const exp = readExport([
      { name: 'Basic_LinkedInDataExport_06-05-2022/Connections.csv', bytes: weis('Globex'), origin: 'listed' },
      { name: 'Basic_LinkedInDataExport_01-05-2022/Connections.csv', bytes: weis('Globex'), origin: 'listed' },
    ]);
    expect(exp.connections.flatMap((c) => c.records).map((r) => `${r.company} ${r.connectedOn}`)).toEqual([
      'Initech 2022-03-12',
      'Globex 2022-03-12',
      'Acme 2019-01-01',
    ]);
  });
  it('messages: the newest file holding a conversation has all of it; an older one keeps only the others', () => {
    const at = (day: number) => `2026-0${day}-01 10:00:00 UTC`;
    const newer = messages2021([
      { conversation: 'c1', from: 'Ann Lee', fromUrl: url('ann'), to: 'Me', at: at(3) },
      { conversation: 'c1', from: 'Me', fromUrl: url('me'), to: 'Ann Lee', at: at(4) },
      { conversation: 'c2', from: 'Bo Ek', fromUrl: url('bo'), to: 'Me', at: at(5) },
    ]);
    const older = messages2021([
      { conversation: 'c1', from: 'Ann Lee', fromUrl: url('ann'), to: 'Me', at: at(1) },
      { conversation: 'c3', from: 'Cy Ng', fromUrl: url('cy'), to: 'Me', at: at(2) },
    ]);
    const exp = readExport([
      { ...older, name: 'Complete_LinkedInDataExport_06-01-2026/messages.csv' },
      { ...newer, name: 'Complete_LinkedInDataExport_09-01-2026/messages.csv' },
    ]);
    const rows = exp.messages.flatMap((f) =>
      f.records.toArray().map((m) => `${m.conversationId} ${m.date} ${m.source.file}`),
    );
    expect(rows.sort()).toEqual([
      'c1 2026-03-01 Complete_LinkedInDataExport_09-01-2026/messages.csv',
      'c1 2026-04-01 Complete_LinkedInDataExport_09-01-2026/messages.csv',
      'c2 2026-05-01 Complete_LinkedInDataExport_09-01-2026/messages.csv',
      'c3 2026-02-01 Complete_LinkedInDataExport_06-01-2026/messages.csv',
    ]);
    expect(exp.merged?.duplicateRows).toBe(1);
  });
});

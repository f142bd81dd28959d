/**
 * Pins the compact form of a large Connections.csv (core/linkedin/compact-rows.ts): a row
 * comes back as exactly the record the reader made, whatever its cells hold (control
 * characters, astral characters, cells longer than a length character can say), and a file
 * read compactly is, made records again, the file read as records. A wrong length or a lost
 * null would give a person another name or URL in a 1,000,000-row import.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CompactRows, withRecords } from '../../../src/core/linkedin/compact-rows';
import { readExport } from '../../../src/core/linkedin/read-export';
import type { ConnectionRecord } from '../../../src/core/linkedin/records';
import { connections } from '../../support/export-builder';

const text = fc.string({ unit: 'binary', maxLength: 40 });
const orNull = (arb: fc.Arbitrary<string>) => arb.map((s) => (s === '' ? null : s));

const record: fc.Arbitrary<ConnectionRecord> = fc.record({
  firstName: text,
  lastName: text,
  name: text,
  profileUrl: orNull(text),
  email: orNull(text),
  company: text,
  position: text,
  connectedOn: orNull(fc.constantFrom('', '2024-09-14', '2019-01-01')),
  source: fc.record({ file: fc.constant('Connections.csv'), line: fc.nat() }),
});

describe('compact rows', () => {
  it('give back every record as it was pushed', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), (records) => {
        const rows = new CompactRows('Connections.csv');
        for (const r of records) rows.push(r);
        expect(rows.length).toBe(records.length);
        records.forEach((r, i) => {
          expect(rows.record(i)).toEqual(r);
          expect(rows.identity(i)).toEqual({ name: r.name, profileUrl: r.profileUrl, connectedOn: r.connectedOn });
        });
      }),
    );
  });

  it('keep cells longer than one length character can count, and rows longer than a block', () => {
    const rows = new CompactRows('Connections.csv');
    const long = 'é'.repeat(70_000) + '\u0000\u001f' + '🚀'.repeat(400_000);
    const r: ConnectionRecord = {
      firstName: 'Ann',
      lastName: long,
      name: `Ann ${long}`,
      profileUrl: null,
      email: null,
      company: 'x'.repeat(55_300),
      position: '',
      connectedOn: null,
      source: { file: 'Connections.csv', line: 9 },
    };
    rows.push(r);
    rows.push({ ...r, lastName: 'Lee', name: 'Ann Lee', source: { file: 'Connections.csv', line: 10 } });
    expect(rows.record(0)).toEqual(r);
    expect(rows.record(1).name).toBe('Ann Lee');
  });

  it('read from a file past `compactAbove`, are the records the reader makes otherwise', () => {
    const input = connections(
      Array.from({ length: 300 }, (_, i) => ({
        first: i % 7 === 0 ? 'Zoë' : 'Wei',
        last: `Wang ${i % 40}`,
        url: i % 5 === 0 ? '' : `https://www.linkedin.com/in/wei-${i}`,
        company: i % 3 === 0 ? '' : 'Acme, Inc.',
        on: i % 11 === 0 ? 'not a date' : '14 Sep 2024',
      })),
    );
    const read = (compactAbove?: number) => readExport([input], { compactAbove });
    const plain = read();
    const compact = read(100);
    const file = compact.connections[0];
    expect(file?.records).toEqual([]);
    expect(file?.compact?.length).toBe(plain.connections[0]?.records.length);
    expect(withRecords(file!)).toEqual(plain.connections[0]);
    expect(read(1000).connections[0]?.compact).toBeUndefined();
  });
});

/**
 * Pins the column store of messages.csv (src/core/linkedin/message-rows.ts): every row reads
 * back as it was read from the file, in file order, whether whole or column by column, after
 * a filter (the merge of two exports) or a concat (the aggregation over several files); the
 * aggregation's order is oldest first with ties in file order. Held as objects, 200,000
 * messages cost the import ~70 MB; these tests are what lets the rows be numbers instead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MessageRows, MessageRowsBuilder } from '../../../src/core/linkedin/message-rows';
import type { MessageRecord } from '../../../src/core/linkedin/records';
import { exportOf, messages2021, url } from '../../support/export-builder';

/** Rows as the reader would add them, from whole records. */
function rowsOf(records: readonly MessageRecord[]): MessageRows {
  const b = new MessageRowsBuilder();
  for (const r of records)
    b.add({
      conversation: b.text(r.conversationId),
      from: b.text(r.from),
      sender: r.senderUrl === null ? -1 : b.text(r.senderUrl),
      to: b.text(r.to),
      recipients: r.recipientUrls.map((u) => b.text(u)),
      date: b.text(r.date),
      time: r.time,
      direction: r.direction,
      file: b.text(r.source.file),
      line: r.source.line,
    });
  return b.done();
}

const text = fc.string({ maxLength: 12 });
const record: fc.Arbitrary<MessageRecord> = fc.record({
  conversationId: fc.constantFrom('', 'c1', 'c2', '2-ZmQ4'),
  from: text,
  senderUrl: fc.option(fc.constantFrom(url('ann'), url('bo'), url('me')), { nil: null }),
  to: text,
  recipientUrls: fc.array(fc.constantFrom(url('ann'), url('cy')), { maxLength: 3 }),
  date: fc.constantFrom('2024-01-01', '2024-01-02', '2025-06-30'),
  time: fc.integer({ min: 0, max: 5 }).map((t) => t * 1000),
  direction: fc.constantFrom(null, 'incoming' as const, 'outgoing' as const),
  source: fc.record({ file: fc.constantFrom('messages.csv', 'old/messages.csv'), line: fc.nat(500_000) }),
});

/** A row whose time and line the test sets. */
const base: MessageRecord = {
  conversationId: 'c1',
  from: 'Ann Lee',
  senderUrl: url('ann'),
  to: 'Me',
  recipientUrls: [],
  date: '2024-01-01',
  time: 0,
  direction: null,
  source: { file: 'messages.csv', line: 2 },
};

describe('messages held by column', () => {
  it('read back every row as added, whole and column by column (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), (records) => {
        const rows = rowsOf(records);
        expect(rows.length).toBe(records.length);
        expect(rows.toArray()).toEqual(records);
        records.forEach((r, i) => {
          expect(rows.senderUrl(i)).toBe(r.senderUrl);
          expect(rows.recipientCount(i)).toBe(r.recipientUrls.length);
          expect(rows.source(i)).toEqual(r.source);
        });
      }),
    );
  });

  it('filter keeps the rows kept, in order; concat keeps every file in order (property)', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 30 }), fc.array(record, { maxLength: 30 }), (a, b) => {
        const keep = (i: number) => i % 3 !== 1;
        expect(rowsOf(a).filter(keep).toArray()).toEqual(a.filter((_, i) => keep(i)));
        expect(MessageRows.concat([rowsOf(a), rowsOf(b)]).toArray()).toEqual([...a, ...b]);
      }),
    );
  });

  it('orders rows oldest first, rows of the same time in file order', () => {
    const rows = exportOf(
      messages2021([
        { conversation: 'c1', from: 'Ann Lee', fromUrl: url('ann'), to: 'Me', at: '2024-03-02 10:00:00 UTC' },
        { conversation: 'c1', from: 'Me', fromUrl: url('me'), to: 'Ann Lee', at: '2024-03-01 09:00:00 UTC' },
        { conversation: 'c2', from: 'Bo Ek', fromUrl: url('bo'), to: 'Me', at: '2024-03-02 10:00:00 UTC' },
      ]),
    ).messages[0]!.records;
    expect(rows.byTime()).toEqual([1, 0, 2]);
    expect(rows.record(1)).toMatchObject({ from: 'Me', date: '2024-03-01', source: { file: 'messages.csv', line: 3 } });
  });

  it('orders by time as a comparison sort does, whatever the times: whole seconds, ties, milliseconds, before 1970 (property)', () => {
    // Whole seconds take the one-number sort; a millisecond, a time before 1970 or past 2^32 s
    // anywhere sends the rows to the comparison. Either way: oldest first, ties in file order.
    const second = fc.integer({ min: 1_700_000_000, max: 1_700_000_020 }).map((s) => s * 1000);
    const odd = fc.constantFrom(1_700_000_000_500, -86_400_000, 2 ** 32 * 1000, 0);
    const times = fc.array(fc.oneof({ weight: 20, arbitrary: second }, { weight: 1, arbitrary: odd }), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(times, (ts) => {
        const rows = rowsOf(ts.map((time, i) => ({ ...base, time, source: { file: 'messages.csv', line: i + 2 } })));
        const expected = ts.map((_, i) => i).sort((a, b) => (ts[a] as number) - (ts[b] as number));
        expect(rows.byTime()).toEqual(expected);
      }),
    );
  });

  it('a record is the caller’s own: changing its list of recipients changes no row', () => {
    const rows = rowsOf([
      {
        conversationId: 'c1',
        from: 'Ann',
        senderUrl: url('ann'),
        to: 'Me, Cy',
        recipientUrls: [url('me'), url('cy')],
        date: '2024-01-01',
        time: 0,
        direction: null,
        source: { file: 'messages.csv', line: 2 },
      },
    ]);
    rows.record(0).recipientUrls.push(url('bo'));
    expect(rows.recipientUrls(0)).toEqual([url('me'), url('cy')]);
  });
});

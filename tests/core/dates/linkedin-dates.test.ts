import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createDateTimeParser, parseLinkedInDateTime } from '../../../src/core/dates/linkedin-dates';

const d = (raw: string) => parseLinkedInDateTime(raw)?.date ?? null;

describe('parseLinkedInDateTime', () => {
  it.each([
    ['09 Sep 2022', '2022-09-09'],
    ['16 Dec 2024', '2024-12-16'],
    ['1/8/18, 6:14 PM', '2018-01-08'],
    ['12/15/24, 7:47 AM', '2024-12-15'],
    ['04/15/24, 09:25 PM', '2024-04-15'],
    ['29-Nov-21', '2021-11-29'],
    ['6-Feb-26', '2026-02-06'],
    ['16.09.2021', '2021-09-16'],
    ['2024-12-06 02:20:21 UTC', '2024-12-06'],
    ['2019-11-06T02:08:20', '2019-11-06'],
    ['2020/06/09 00:53:47 UTC', '2020-06-09'],
    ['2024-05-01', '2024-05-01'],
    [' 01 Mar 2017 ', '2017-03-01'],
  ])('%s → %s', (raw, iso) => expect(d(raw)).toBe(iso));

  it.each([
    '31 Feb 2024',
    '13/1/24, 1:00 PM',
    '2024-13-01',
    '32.01.2020',
    'yesterday',
    '',
    'Tue Aug 30 14:33:11 UTC 2022',
    '1/1/24, 13:00 PM',
  ])('refuses %j instead of guessing', (raw) => expect(d(raw)).toBeNull());

  it('accepts 29 February only in leap years', () => {
    expect(d('29 Feb 2024')).toBe('2024-02-29');
    expect(d('29 Feb 2023')).toBeNull();
  });

  it('orders times within a day (12 AM is midnight, 12 PM noon)', () => {
    const t = (raw: string) => parseLinkedInDateTime(raw)?.time ?? 0;
    expect(t('1/1/24, 12:05 AM')).toBeLessThan(t('1/1/24, 1:00 AM'));
    expect(t('1/1/24, 11:59 AM')).toBeLessThan(t('1/1/24, 12:00 PM'));
    expect(t('2024-01-01 10:00:01 UTC')).toBeGreaterThan(t('2024-01-01 10:00:00 UTC'));
  });
});

// The messages reader's memoised parser must be the same function as parseLinkedInDateTime,
// for every shape (good and bad), seen once or many times: it decides every message's date.
describe('createDateTimeParser', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const timestamp = fc
    .tuple(
      fc.integer({ min: 1999, max: 2030 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
      fc.integer({ min: 0, max: 61 }),
      fc.integer({ min: 0, max: 61 }),
      fc.constantFrom(' ', 'T'),
      fc.constantFrom(' UTC', '', 'Z', '.123', ' +00:00'),
    )
    .map(([y, mo, d, h, mi, s, sep, zone]) => `${y}-${pad(mo)}-${pad(d)}${sep}${pad(h)}:${pad(mi)}:${pad(s)}${zone}`);
  // The shape messages.csv writes, with one character put wrong: read digit by digit, it must refuse what the expression refuses.
  const garbled = fc
    .tuple(timestamp, fc.nat(22), fc.constantFrom('x', ' ', '-', ':', '/', '٣', '0', '9', '\n'))
    .map(([t, i, c]) => {
      const shaped = `${t.slice(0, 19).replace('T', ' ')} UTC`;
      return shaped.slice(0, i) + c + shaped.slice(i + 1);
    });
  const raw = fc.oneof(
    timestamp,
    garbled,
    fc.constantFrom('2024-05-01', '09 Sep 2022', '12/15/24, 7:47 AM', 'soon', '', ' 2024-05-01 10:00:00 UTC'),
  );

  it('gives what parseLinkedInDateTime gives, on first sight and from its memo', () => {
    fc.assert(
      fc.property(fc.array(raw, { maxLength: 30 }), (values) => {
        const parse = createDateTimeParser();
        for (const v of [...values, ...values]) expect(parse(v)).toEqual(parseLinkedInDateTime(v));
      }),
    );
  });
});

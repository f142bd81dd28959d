import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coerceDate, coerceTrust } from '../../../src/core/people/coerce';
import { effectiveLastContact } from '../../../src/core/people/last-contact';
import { personFromFrontmatter } from '../../../src/core/people/person-record';
import { DEFAULT_SETTINGS, levelNames } from '../../../src/core/settings';

const NAMES = levelNames(DEFAULT_SETTINGS);
const person = (fm: Record<string, unknown>, extra: { log?: string; daily?: string } = {}) => {
  const r = personFromFrontmatter('People/X.md', fm, { levelNames: NAMES, createdOn: '2020-01-01' });
  r.logLatest = extra.log ?? null;
  r.dailyLatest = extra.daily ?? null;
  return r;
};
const on = { useDailyNotes: true };

describe('effective last contact', () => {
  it('is the latest of field, log, daily note and message, with its source', () => {
    expect(effectiveLastContact(person({ 'last-contact': '2026-01-01' }), on)).toEqual({
      date: '2026-01-01',
      source: 'field',
    });
    expect(effectiveLastContact(person({ 'last-contact': '2026-01-01' }, { log: '2026-02-01' }), on)).toEqual({
      date: '2026-02-01',
      source: 'log',
    });
    expect(
      effectiveLastContact(person({ 'last-contact': '2026-01-01' }, { log: '2026-02-01', daily: '2026-07-14' }), on),
    ).toEqual({ date: '2026-07-14', source: 'daily note' });
    expect(effectiveLastContact(person({ 'last-message': '2026-08-01' }, { daily: '2026-07-14' }), on)).toEqual({
      date: '2026-08-01',
      source: 'message',
    });
  });

  it('ignores daily notes when that source is off', () => {
    expect(
      effectiveLastContact(person({ 'last-contact': '2026-01-01' }, { daily: '2026-07-14' }), { useDailyNotes: false }),
    ).toEqual({ date: '2026-01-01', source: 'field' });
  });

  it('names the log, not the field, when a logged interaction set both to the same day', () => {
    expect(effectiveLastContact(person({ 'last-contact': '2026-02-01' }, { log: '2026-02-01' }), on)?.source).toBe(
      'log',
    );
  });

  it('is null for someone never contacted', () => {
    expect(effectiveLastContact(person({}), on)).toBeNull();
  });

  it.each([
    ['2024-1-5', '2024-01-05', undefined],
    ['2024-01-05T10:20:00Z', '2024-01-05', undefined],
    ['2024-01-05 08:00', '2024-01-05', undefined],
    [new Date(Date.UTC(2024, 0, 5)), '2024-01-05', undefined],
    ['[[2024-01-05]]', '2024-01-05', undefined],
    ['05 Jan 2024', '2024-01-05', undefined],
    [20240105, null, '20240105 is not a date (expected YYYY-MM-DD)'],
    ['soon', null, '"soon" is not a date (expected YYYY-MM-DD)'],
    ['2024-02-30', null, '"2024-02-30" is not a real date'],
    [['2024-01-05'], null, 'a list is not a date (expected YYYY-MM-DD)'],
    [{ a: 1 }, null, 'an object is not a date (expected YYYY-MM-DD)'],
    [new Date('nope'), null, 'an invalid date'],
    [null, null, undefined],
    ['', null, undefined],
  ])('a hand-typed last-contact of %j reads as %j', (value, date, problem) => {
    expect(coerceDate(value)).toEqual(problem === undefined ? { value: date } : { value: date, problem });
    const r = person({ 'last-contact': value });
    expect(r.lastContactField).toBe(date);
    expect(r.problems).toEqual(problem === undefined ? [] : [`last-contact: ${problem}`]);
  });

  it('reads every YYYY-MM-DD as the calendar does: the day itself when it exists, else a problem', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(fc.nat(9999), fc.nat(99), fc.nat(99), (y, m, d) => {
        const text = `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
        const day = new Date(Date.UTC(2000, m - 1, d));
        day.setUTCFullYear(y);
        const real = y >= 1000 && m >= 1 && m <= 12 && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
        expect(coerceDate(text)).toEqual(
          real ? { value: text } : { value: null, problem: `"${text}" is not a real date` },
        );
        expect(coerceDate(` ${text}\t`).value).toBe(real ? text : null);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    [3, 3],
    ['4', 4],
    ['Trusted', 4],
    ['inner CIRCLE', 5],
    ["don't know", 1],
    [0, null],
    [6, null],
    [2.5, null],
    ['very', null],
    [true, null],
  ])('trust %j is level %j', (value, level) => {
    expect(coerceTrust(value, NAMES).value).toBe(level);
  });
});

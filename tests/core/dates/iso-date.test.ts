import { addMonths, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsIso,
  compareDates,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isIsoDate,
  localIsoDate,
  sharedIso,
  toIso,
} from '../../../src/core/dates/iso-date';

describe('ISO dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('orders dates as their days come, a missing one first (property)', () => {
    const day = fc.integer({ min: dayNumber('1000-01-01'), max: dayNumber('9999-12-31') });
    fc.assert(
      fc.property(day, day, (a, b) => {
        const order = Math.sign(compareDates(fromDayNumber(a), fromDayNumber(b)));
        return (
          order === Math.sign(a - b) &&
          compareDates(null, fromDayNumber(a)) < 0 &&
          compareDates(fromDayNumber(b), null) > 0
        );
      }),
    );
    expect(compareDates(null, null)).toBe(0);
    expect(['2024-03-01', null, '2023-12-31', '2024-02-29'].sort(compareDates)).toEqual([
      null,
      '2023-12-31',
      '2024-02-29',
      '2024-03-01',
    ]);
  });

  it('numbers days as Date.UTC does, and back (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1000-01-01T00:00:00Z'), max: new Date('9999-12-31T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const day = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) / 86_400_000;
          return dayNumber(iso) === day && fromDayNumber(day) === iso;
        },
      ),
    );
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-02-30')).toBe(dayNumber('2024-03-01')); // as Date.UTC carries
    expect(() => dayNumber('2024-1-05')).toThrow('not an ISO date: 2024-1-05');
    expect(() => dayNumber('2024-01-0x')).toThrow('not an ISO date');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-01', '2024-01-01')).toBe(-366);
  });

  it('adds months the way people expect (31 Jan + 1 month = 29 Feb in a leap year)', () => {
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2026-11-26', 3)).toBe('2027-02-26');
    expect(addMonthsIso('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonthsIso('2026-01-15', -13)).toBe('2024-12-15');
  });

  it('refuses a date that does not exist rather than inventing one', () => {
    expect(() => addMonthsIso('2026-02-31', 1)).toThrow('not an ISO date: 2026-02-31');
    expect(() => addMonthsIso('2026-01-00', 1)).toThrow('not an ISO date');
    expect(() => addMonthsIso('26-01-01', 1)).toThrow('not an ISO date');
  });

  it('adds months as date-fns does, which it used to call', () => {
    const day = fc.integer({ min: dayNumber('1900-01-01'), max: dayNumber('2200-12-31') }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: -60, max: 60 }), (iso, months) => {
        const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
        const expected = format(addMonths(new Date(y, m - 1, d), months), 'yyyy-MM-dd');
        expect(addMonthsIso(iso, months)).toBe(expected);
      }),
    );
  });

  it('validates ISO dates strictly', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-1-5')).toBe(false);
  });

  it('shares one string per day and still spells every day right, past the cache bound', () => {
    // The person index holds 300,000 dated lines at 30,000 people; the shared strings must be the same text.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        (y, m, d) => sharedIso(y, m, d) === toIso(y, m, d),
      ),
      { numRuns: 30_000 },
    );
    expect(sharedIso(2026, 3, 4)).toBe('2026-03-04');
    expect(sharedIso(7, 11, 26)).toBe('0007-11-26');
  });

  it('gives the local calendar date of a moment', () => {
    expect(localIsoDate(new Date(2026, 10, 26, 23, 59))).toBe('2026-11-26');
  });
});

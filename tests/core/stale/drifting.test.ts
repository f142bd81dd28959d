/**
 * Drifting: silence much longer than the person's own usual gap. Pinned with `today`
 * fixed, because the threshold decides who shows in the Drifting section and the weekly
 * review, and the reason is shown to the user in words.
 */
import { describe, expect, it } from 'vitest';
import { driftOf } from '../../../src/core/stale/drifting';
import { keepInTouch } from '../../../src/core/stale/keep-in-touch';
import { everyDays, personWith, staleOptions } from '../../support/people';

const TODAY = '2026-11-26';

describe('drifting', () => {
  it('says "usually every 3 weeks; silent for 4 months"', () => {
    const dates = everyDays(TODAY, 6, 21, 120);
    expect(driftOf(dates, TODAY)).toMatchObject({
      contacts: 6,
      usualGap: 21,
      silence: 120,
      reason: 'usually every 3 weeks; silent for 4 months',
    });
  });

  it('needs at least 4 contacts', () => {
    expect(driftOf(everyDays(TODAY, 3, 21, 200), TODAY)).toBeNull();
    expect(driftOf(everyDays(TODAY, 4, 21, 200), TODAY)).not.toBeNull();
  });

  it('needs the silence to be 2.5 times the usual gap and two weeks longer', () => {
    expect(driftOf(everyDays(TODAY, 6, 30, 74), TODAY)).toBeNull(); // 2.47 × 30
    expect(driftOf(everyDays(TODAY, 6, 30, 75), TODAY)?.silence).toBe(75);
    expect(driftOf(everyDays(TODAY, 6, 7, 20), TODAY)).toBeNull(); // 2.9 × but only 13 days more
    expect(driftOf(everyDays(TODAY, 6, 7, 21), TODAY)?.reason).toBe('usually every 7 days; silent for 3 weeks');
  });

  it('counts a burst of days (a weekend of messages, a conference) as one contact', () => {
    const burst = ['2026-01-10', '2026-01-11', '2026-01-12', '2026-01-13'];
    expect(driftOf(burst, TODAY)).toBeNull();
    const dates = ['2026-01-01', '2026-01-02', '2026-02-01', '2026-02-02', '2026-03-01', '2026-04-01'];
    expect(driftOf(dates, TODAY)).toMatchObject({ contacts: 4, usualGap: 31 }); // Jan–Feb 31 days, Feb–Mar 28, Mar–Apr 31
  });

  it('uses the recent pattern: weekly long ago, monthly lately, is judged by monthly', () => {
    const old = everyDays('2020-01-01', 30, 7, 0);
    const recent = everyDays(TODAY, 11, 30, 40);
    expect(driftOf([...old, ...recent], TODAY)).toBeNull();
    expect(driftOf([...old, ...recent], '2027-01-31')?.usualGap).toBe(30);
  });

  it('ignores dates in the future', () => {
    expect(driftOf([...everyDays(TODAY, 5, 20, 100), '2027-01-01'], TODAY)?.silence).toBe(100);
  });

  it('uses every dated contact of the person: log, daily notes, completed follow-ups, messages', () => {
    const p = personWith(
      { trust: 2, 'last-message': '2026-04-01', 'last-message-from': 'them' },
      { logDates: ['2026-01-01'], dailyDates: ['2026-02-01'], doneDates: ['2026-03-01'] },
    );
    const k = keepInTouch(p, staleOptions(TODAY));
    expect(k.drift).toMatchObject({ contacts: 4, usualGap: 31, reason: 'usually every 4 weeks; silent for 8 months' });
    expect(k.stale).toBeNull(); // Met: every 365 days, not due yet: drifting all the same
    expect(keepInTouch(p, staleOptions(TODAY, { useDailyNotes: false })).drift).toBeNull();
  });

  it('is off for people snoozed or not tracked', () => {
    const log = { logDates: everyDays(TODAY, 6, 21, 120) };
    expect(
      keepInTouch(personWith({ trust: 4, 'snooze-until': '2026-12-01' }, log), staleOptions(TODAY)).drift,
    ).toBeNull();
    expect(keepInTouch(personWith({ trust: 4, cadence: 0 }, log), staleOptions(TODAY)).drift).toBeNull();
    expect(keepInTouch(personWith({ trust: 4, prune: true }, log), staleOptions(TODAY)).drift).toBeNull();
    expect(keepInTouch(personWith({}, log), staleOptions(TODAY)).drift).not.toBeNull();
  });
});

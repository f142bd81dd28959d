/**
 * "Birthdays this week" from any source: full and year-less birthdays, the turn of the
 * year, 29 February in other years, ages only when the year is believable, hand-typed
 * values coerced, the label a card shows ("1 May 1980", "1 May"), and "met 3 times since
 * March" from logged meetings.
 */
import { describe, expect, it } from 'vitest';
import { birthdayLabel, coerceBirthday, upcomingBirthdays } from '../../../src/core/people/birthdays';
import { describeMeetings, meetingDates, recentMeetings } from '../../../src/core/people/meeting-count';

const p = (name: string, birthday: string | null) => ({ path: `People/${name}.md`, name, birthday });

describe('upcomingBirthdays', () => {
  it('lists the next 7 days, today first, year-less included, with the age they turn', () => {
    const list = upcomingBirthdays(
      [p('Ann', '1980-05-03'), p('Bob', '--05-01'), p('Cy', '1990-05-08'), p('Di', '1985-04-30'), p('Ed', null)],
      '2026-05-01',
    );
    expect(list.map((b) => [b.name, b.date, b.inDays, b.turns])).toEqual([
      ['Bob', '2026-05-01', 0, null],
      ['Ann', '2026-05-03', 2, 46],
    ]);
  });

  it('wraps into January, and 29 February is the 28th in other years', () => {
    expect(upcomingBirthdays([p('Jan', '--01-02'), p('Leap', '2000-02-29')], '2026-12-29').map((b) => b.date)).toEqual([
      '2027-01-02',
    ]);
    expect(upcomingBirthdays([p('Leap', '2000-02-29')], '2027-02-26')[0]).toMatchObject({
      date: '2027-02-28',
      turns: 27,
    });
    expect(upcomingBirthdays([p('Leap', '2000-02-29')], '2028-02-26')[0]).toMatchObject({
      date: '2028-02-29',
      turns: 28,
    });
  });

  it('a placeholder year (1904) gives no age; --days widens the window', () => {
    expect(upcomingBirthdays([p('Old', '1904-03-11')], '2026-03-10')[0]!.turns).toBeNull();
    expect(upcomingBirthdays([p('Later', '--06-01')], '2026-05-01', 31)).toHaveLength(0);
    expect(upcomingBirthdays([p('Later', '--06-01')], '2026-05-01', 32)).toHaveLength(1);
  });

  it('coerces what people type or other tools write', () => {
    expect(coerceBirthday('1980-05-01').value).toBe('1980-05-01');
    expect(coerceBirthday('--0501').value).toBe('--05-01');
    expect(coerceBirthday(new Date(Date.UTC(1980, 4, 1))).value).toBe('1980-05-01');
    expect(coerceBirthday(19800501).value).toBe('1980-05-01');
    expect(coerceBirthday('soon')).toMatchObject({ value: null, problem: expect.stringContaining('soon') as string });
  });
});

describe('meetings', () => {
  const body = [
    '## Interactions',
    '',
    '- 2026-06-02 · meeting · Sync',
    '- 2026-05-20 · call · not a meeting',
    '- 2026-03-14 · meeting · Coffee',
    '- 2025-01-10 · meeting · Old',
    '',
    '## Notes',
    '- 2026-06-03 · meeting · outside the log',
  ].join('\n');

  it('counts logged meetings in the last months and says so in words', () => {
    const dates = meetingDates(body);
    expect(dates).toEqual(['2026-06-02', '2026-03-14', '2025-01-10']);
    const recent = recentMeetings(dates, '2026-06-30');
    expect(recent).toEqual({ count: 2, since: '2026-03-14' });
    expect(describeMeetings(recent, '2026-06-30')).toBe('met 2 times since March');
    expect(describeMeetings(recentMeetings(dates, '2025-02-01'), '2025-02-01')).toBe('met once, in January');
    expect(describeMeetings(recentMeetings(['2025-11-02'], '2026-01-10'), '2026-01-10')).toBe(
      'met once, in November 2025',
    );
    expect(describeMeetings(recentMeetings([], '2026-01-10'), '2026-01-10')).toBe('');
  });
});

describe('birthdayLabel', () => {
  it('reads as a person writes it, with the year only when known; nothing for what is not a birthday', () => {
    expect(['1980-05-01', '--05-01', '--12-25', '2000-02-29', null, '', 'soon', '--13-01'].map(birthdayLabel)).toEqual([
      '1 May 1980',
      '1 May',
      '25 December',
      '29 February 2000',
      '',
      '',
      '',
      '',
    ]);
  });
});

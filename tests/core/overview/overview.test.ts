/**
 * The network overview's numbers and the bar chart's geometry, with `today` fixed. Pinned
 * because the view and `network-crm overview --json` show exactly these, and a month
 * off by one or a double-counted contact would misdraw the picture of a whole network.
 */
import { describe, expect, it } from 'vitest';
import { barChart, niceTop } from '../../../src/core/overview/bar-chart';
import { lastMonths, networkOverview } from '../../../src/core/overview/overview';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { keepInTouchAll } from '../../../src/core/stale/keep-in-touch';
import { everyDays, personWith, staleOptions } from '../../support/people';

const TODAY = '2026-04-27';
const overview = (people: ReturnType<typeof personWith>[]) =>
  networkOverview(keepInTouchAll(people, staleOptions(TODAY)), {
    today: TODAY,
    trustLevels: DEFAULT_SETTINGS.trustLevels,
    useDailyNotes: true,
  });

describe('network overview', () => {
  const people = [
    personWith(
      { name: 'A', trust: 5, company: 'Acme', 'last-contact': '2026-04-01', 'connected-on': '2026-04-02' },
      { logDates: ['2026-04-01', '2026-03-15', '2024-04-30', '2024-05-01'] },
    ),
    personWith({ name: 'B', trust: 5, company: 'ACME', 'last-contact': '2025-01-01', 'connected-on': '2024-04-30' }),
    personWith({ name: 'C', trust: 4, company: 'acme', 'connected-on': '2026-02-10' }, { createdOn: '2026-02-10' }),
    personWith({
      name: 'D',
      company: 'Globex',
      'last-message': '2026-02-01',
      'last-message-from': 'me',
      unanswered: 2,
    }),
    personWith(
      {
        name: 'E',
        trust: 2,
        company: 'Globex',
        'last-message': '2026-02-01',
        'last-message-from': 'me',
        unanswered: 1,
      },
      { logDates: ['2025-01-01'] },
    ),
    personWith({ name: 'Invite', company: 'Initech', 'linkedin-status': 'invitation-received' }),
    personWith(
      { name: 'F', trust: 3 },
      { logDates: everyDays(TODAY, 6, 10, 60), followUps: [{ since: '2026-04-01' }] },
    ),
  ];
  const o = overview(people);

  it('counts people by trust level with due, overdue and drifting per level', () => {
    expect(o.people).toBe(6);
    expect(o.byTrust.map((r) => [r.name, r.people, r.due, r.overdue, r.drifting])).toEqual([
      ['Inner circle', 2, 0, 1, 0],
      ['Trusted', 1, 1, 0, 0],
      ['Know well', 1, 0, 0, 1],
      ['Met', 1, 0, 0, 0],
      ["Don't know", 0, 0, 0, 0],
      ['Untriaged', 1, 0, 0, 0],
    ]);
    expect(o.totals).toEqual({ due: 1, overdue: 1, drifting: 1, followUps: 1, neverContacted: 1 });
  });

  it('counts contacts per month over two years, each day with a person once', () => {
    expect(o.contactsPerMonth).toHaveLength(24);
    expect(o.contactsPerMonth[0]).toEqual({ month: '2024-05', count: 1 }); // 2024-04-30 is before the window
    const month = (m: string) => o.contactsPerMonth.find((c) => c.month === m)?.count;
    expect(month('2026-04')).toBe(1); // A's log and field on the same day: one contact
    expect(month('2026-03')).toBe(1);
    expect(month('2026-02')).toBe(3 + 2); // F's log every 10 days, and D's and E's last message
    expect(month('2025-01')).toBe(2);
  });

  it('counts new connections per month, companies case-blind, and who never answered', () => {
    const month = (m: string) => o.newConnectionsPerMonth.find((c) => c.month === m)?.count;
    expect(month('2026-04')).toBe(1);
    expect(month('2026-02')).toBe(1);
    expect(o.newConnectionsPerMonth.reduce((n, c) => n + c.count, 0)).toBe(2);
    expect(o.topCompanies).toEqual([
      { company: 'Acme', people: 3 },
      { company: 'Globex', people: 2 },
    ]);
    expect(o.awaitingReply).toBe(2);
    expect(o.neverAnswered).toBe(1);
  });

  it('does not count as never answered someone who replied before, only someone who never wrote back', () => {
    // A real-scale trial found 164 of 166 "never answered" had replied on LinkedIn before.
    const wroteTwice = { 'last-message': '2026-02-01', 'last-message-from': 'me', unanswered: 2 };
    const o = overview([
      personWith({ name: 'Replied before', ...wroteTwice, 'last-reply': '2025-06-01' }),
      personWith({ name: 'Silent', ...wroteTwice }),
    ]);
    expect(o.awaitingReply).toBe(2);
    expect(o.neverAnswered).toBe(1);
  });

  it('keeps the top 15 companies only', () => {
    const many = Array.from({ length: 20 }, (_, i) =>
      personWith({ name: `P${i}`, company: `Co ${String(i).padStart(2, '0')}` }),
    );
    expect(overview(many).topCompanies).toHaveLength(15);
  });

  it('lists the last 24 months across a year boundary', () => {
    expect(lastMonths('2026-01-31', 3)).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});

describe('bar chart geometry', () => {
  it('scales to a nice top value and places bars, gridlines and labels', () => {
    expect([0, 1, 3, 10, 11, 240, 5001].map(niceTop)).toEqual([1, 1, 5, 10, 20, 500, 10000]);
    const chart = barChart(
      [
        { month: '2025-11', count: 2 },
        { month: '2025-12', count: 0 },
        { month: '2026-01', count: 4 },
        { month: '2026-02', count: 5 },
      ],
      400,
      100,
      2,
    );
    expect(chart.top).toBe(5);
    expect(chart.bars.map((b) => [b.x, b.y, b.width, b.height])).toEqual([
      [2, 60, 96, 40],
      [102, 100, 96, 0],
      [202, 20, 96, 80],
      [302, 0, 96, 100],
    ]);
    expect(chart.gridlines).toEqual([
      { y: 50, value: 2.5 },
      { y: 0, value: 5 },
    ]);
    // The first label and the first of each new year carry the year.
    expect(chart.labels).toEqual([
      { at: 0.375, text: 'Dec', minor: true },
      { at: 0.875, text: 'Feb 2026', minor: false },
    ]);
    // Over two years: every third month labelled, every other label minor, the years on the major ones.
    const months = Array.from({ length: 24 }, (_, i) => ({
      month: `${2025 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      count: i,
    }));
    expect(barChart(months).labels.map((l) => (l.minor ? `(${l.text})` : l.text))).toEqual([
      '(Mar)',
      'Jun 2025',
      '(Sep)',
      'Dec',
      '(Mar)',
      'Jun 2026',
      '(Sep)',
      'Dec',
    ]);
  });
});

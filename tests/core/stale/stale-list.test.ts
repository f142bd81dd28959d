import { describe, expect, it } from 'vitest';
import { personFromFrontmatter } from '../../../src/core/people/person-record';
import {
  filterStale,
  NO_FILTER,
  staleEntry,
  staleList,
  trackingPeriod,
  type StaleOptions,
} from '../../../src/core/stale/stale-list';
import { lastContactText, overdueText } from '../../../src/core/stale/describe';
import { DEFAULT_SETTINGS, levelNames } from '../../../src/core/settings';

const opts = (today = '2026-11-26', more: Partial<StaleOptions> = {}): StaleOptions => ({
  today,
  trustLevels: DEFAULT_SETTINGS.trustLevels,
  includeUntriaged: false,
  useDailyNotes: true,
  ...more,
});
const person = (
  fm: Record<string, unknown>,
  createdOn: string | null = '2020-01-01',
  path = `People/${typeof fm.name === 'string' ? fm.name : 'X'}.md`,
) => personFromFrontmatter(path, { name: 'X', ...fm }, { levelNames: levelNames(DEFAULT_SETTINGS), createdOn });

describe('the stale rule', () => {
  it('uses the trust level period: 5 → 30 days … 2 → 365, 1 not tracked', () => {
    expect([5, 4, 3, 2, 1].map((t) => trackingPeriod(person({ trust: t }), opts()))).toEqual([30, 60, 120, 365, null]);
  });

  it('is stale the day after the due date, not on it', () => {
    const p = person({ trust: 5, 'last-contact': '2026-10-27' }); // due 2026-11-26
    expect(staleEntry(p, opts('2026-11-26'))).toBeNull();
    expect(staleEntry(p, opts('2026-11-27'))).toMatchObject({
      dueDate: '2026-11-26',
      daysOverdue: 1,
      overdueRatio: 1 / 30,
    });
  });

  it('counts leap days', () => {
    const p = person({ trust: 5, 'last-contact': '2024-02-01' });
    expect(staleEntry(p, opts('2024-03-03'))?.dueDate).toBe('2024-03-02');
    expect(staleEntry(p, opts('2024-03-03'))?.daysOverdue).toBe(1);
  });

  it('counts someone never contacted from connected-on, else from the note creation, and says so', () => {
    const fromConnected = staleEntry(person({ trust: 4, 'connected-on': '2026-01-01' }), opts());
    expect(fromConnected).toMatchObject({ lastContact: null, dueDate: '2026-03-02' });
    expect(lastContactText(fromConnected!, '2026-11-26')).toBe('never contacted');
    expect(staleEntry(person({ trust: 4 }, '2026-09-01'), opts())?.dueDate).toBe('2026-10-31');
    expect(staleEntry(person({ trust: 4 }, null), opts())).toBeNull();
  });

  it('respects a per-person cadence, cadence 0, prune and invitation states', () => {
    expect(staleEntry(person({ trust: 2, cadence: 14, 'last-contact': '2026-11-01' }), opts())?.period).toBe(14);
    expect(staleEntry(person({ trust: 5, cadence: 0, 'last-contact': '2020-01-01' }), opts())).toBeNull();
    expect(staleEntry(person({ cadence: 10, 'last-contact': '2026-01-01' }), opts())?.period).toBe(10);
    expect(staleEntry(person({ trust: 5, prune: true, 'last-contact': '2020-01-01' }), opts())).toBeNull();
    for (const status of ['invitation-received', 'invitation-sent', 'invitation-declined']) {
      expect(
        staleEntry(person({ trust: 5, 'linkedin-status': status, 'last-contact': '2020-01-01' }), opts()),
      ).toBeNull();
    }
  });

  it('hides snoozed people until the snooze date has passed', () => {
    const p = (until: string) => person({ trust: 5, 'last-contact': '2020-01-01', 'snooze-until': until });
    expect(staleEntry(p('2026-12-01'), opts())).toBeNull();
    expect(staleEntry(p('2026-11-26'), opts())).not.toBeNull();
    expect(staleEntry(p('2026-11-01'), opts())).not.toBeNull();
  });

  it('leaves untriaged people to the triage view unless the setting includes them', () => {
    const p = person({ 'connected-on': '2020-01-01' });
    expect(staleEntry(p, opts())).toBeNull();
    expect(staleEntry(p, opts('2026-11-26', { includeUntriaged: true }))?.period).toBe(365);
  });

  it('survives malformed fields: a bad date counts as missing, a bad trust as untriaged', () => {
    expect(staleEntry(person({ trust: 'lots', 'last-contact': '2020-01-01' }), opts())).toBeNull();
    expect(
      staleEntry(person({ trust: 5, 'last-contact': 'soon', 'connected-on': '2026-01-01' }), opts()),
    ).toMatchObject({ lastContact: null, dueDate: '2026-01-31' });
    expect(
      staleEntry(person({ trust: 'Inner circle', 'last-contact': '2026-01-01', 'snooze-until': 'never' }), opts()),
    ).not.toBeNull();
  });

  it('sorts by overdue ratio, most overdue first, and says how overdue', () => {
    const list = staleList(
      [
        person({ name: 'A', trust: 2, 'last-contact': '2025-01-01' }), // 365 days, 329 over: 0.90
        person({ name: 'B', trust: 5, 'last-contact': '2026-08-01' }), // 30 days, 87 over: 2.9
        person({ name: 'C', trust: 4, 'last-contact': '2026-11-01' }), // not due
        person({ name: 'D', trust: 3, 'last-contact': '2026-01-01' }), // 120 days, 209 over: 1.74
      ],
      opts(),
    );
    expect(list.map((e) => e.person.name)).toEqual(['B', 'D', 'A']);
    expect(list.map((e) => overdueText(e))).toEqual(['3 months overdue', '7 months overdue', '11 months overdue']);
    expect(lastContactText(list[0]!, '2026-11-26')).toBe('last contact 4 months ago');
  });

  it('filters by trust level, tag, text and whose move', () => {
    const list = staleList(
      [
        person({ name: 'Ann Lee', trust: 5, company: 'Acme', 'last-contact': '2025-01-01', tags: ['person', 'vip'] }),
        person({
          name: 'Bo Kim',
          trust: 4,
          'met-where': '[[Web Summit 2024]]',
          'last-contact': '2025-01-01',
          'last-message': '2025-01-01',
          'last-message-from': 'them',
        }),
        person({
          name: 'Cy Fox',
          trust: 4,
          'last-contact': '2024-01-01',
          'last-message': '2025-01-01',
          'last-message-from': 'me',
        }),
      ],
      opts(),
    );
    const names = (f: Partial<typeof NO_FILTER>) => filterStale(list, { ...NO_FILTER, ...f }).map((e) => e.person.name);
    expect(names({ trust: 4 })).toEqual(['Bo Kim', 'Cy Fox']);
    expect(names({ tag: '#VIP' })).toEqual(['Ann Lee']);
    expect(names({ query: 'web summit' })).toEqual(['Bo Kim']);
    expect(names({ query: 'acme' })).toEqual(['Ann Lee']);
    expect(names({ move: 'you owe a reply' })).toEqual(['Bo Kim']);
    expect(names({ move: 'waiting on them' })).toEqual(['Cy Fox']);
  });

  it('drops whose-move when a later contact settled it', () => {
    const e = staleEntry(
      person({ trust: 5, 'last-contact': '2026-02-01', 'last-message': '2026-01-01', 'last-message-from': 'them' }),
      opts(),
    );
    expect(e?.whoseMove).toBeNull();
  });
});

/**
 * Pins the daily queue of issue 11: the section order, one card per person (the strongest
 * reason wins), new means new (the window), the backlog as one summary card and never as
 * prune cards, the prune signals in order, job changes only for people you know, and the
 * reasons a person reads on each card. `today` is fixed; no clock is read.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../src/core/dates/iso-date';
import { isSummary, itemKey, triageQueue, type TriageCard } from '../../../src/core/triage/queue';
import { options, person, state, TODAY, url } from './builders';

const names = (cards: readonly TriageCard[]) =>
  cards.map((c) => [c.kind, isSummary(c) ? c.count : c.person.name] as const);

describe('the daily queue', () => {
  const people = [
    person({
      name: 'Inv old',
      'linkedin-status': 'invitation-received',
      'invited-on': '2026-11-01',
      'invitation-message': 'hi',
    }),
    person({ name: 'Inv new', 'linkedin-status': 'invitation-received', 'invited-on': '2026-11-20' }),
    person({ name: 'Declined', 'linkedin-status': 'invitation-declined', 'invited-on': '2026-11-21' }),
    person({ name: 'New A', 'connected-on': '2026-11-10' }),
    person({ name: 'New B', 'connected-on': '2026-11-20' }),
    person({ name: 'Older', 'connected-on': '2026-09-01' }),
    person({ name: 'Ancient', 'connected-on': '2019-01-01' }),
    person({ name: 'Trusted', trust: 4, 'connected-on': '2026-11-20' }),
    person({ name: 'Job', trust: 3, 'job-changed-on': '2026-11-25', company: 'Globex', position: 'CEO' }),
    person({ name: 'Job stranger', trust: 1, 'job-changed-on': '2026-11-25', company: 'Globex' }),
    person({ name: 'Job seen', trust: 3, 'job-changed-on': '2026-11-25', 'job-change-seen': '2026-11-25' }),
    person({ name: 'Old silent', trust: 1, 'connected-on': '2020-01-01' }),
    person({ name: 'Old talked', trust: 1, 'connected-on': '2020-01-01', 'last-contact': '2025-01-01' }),
    person({ name: 'Old kept', trust: 1, 'connected-on': '2020-01-01', prune: false }),
    person({ name: 'Old pruned', trust: 1, 'connected-on': '2020-01-01', prune: true }),
    person({ name: 'Recent silent', trust: 1, 'connected-on': '2025-01-01' }),
    person({
      name: 'Ghost',
      trust: 1,
      'connected-on': '2026-01-01',
      'last-message': '2026-02-01',
      'last-message-from': 'me',
      unanswered: 3,
    }),
    person({
      name: 'Replied',
      trust: 1,
      'connected-on': '2026-01-01',
      'last-message': '2026-02-01',
      'last-message-from': 'them',
      unanswered: 0,
    }),
    person({ name: 'Sent old', 'linkedin-status': 'invitation-sent', 'invited-on': '2026-09-01' }),
    person({ name: 'Sent new', 'linkedin-status': 'invitation-sent', 'invited-on': '2026-11-20' }),
  ];

  it('orders the sections, gives each person one card, and sums up the backlog', () => {
    expect(names(triageQueue(people, options()).cards)).toEqual([
      ['invitation', 'Inv new'],
      ['invitation', 'Inv old'],
      ['new-connection', 'New B'],
      ['new-connection', 'New A'],
      ['job-change', 'Job'],
      ['prune', 'Ghost'],
      ['prune', 'Old silent'],
      ['withdraw', 'Sent old'],
      ['backlog', 2],
    ]);
  });

  it('says why each card is there', () => {
    const q = triageQueue(people, options());
    const reasons = Object.fromEntries(q.cards.map((c) => [isSummary(c) ? c.kind : c.person.name, c.reason]));
    expect(reasons).toMatchObject({
      'Inv new': 'Invited you on 2026-11-20, with no note',
      'Inv old': 'Invited you on 2026-11-01, with a note',
      'New B': 'Connected on 2026-11-20',
      Job: 'Now CEO at Globex (found 2026-11-25)',
      Ghost: 'You wrote 3 times in a row; they never answered',
      'Old silent': "Don't know · connected 7 years ago, nothing on record",
      'Sent old':
        'You invited them 3 months ago (2026-09-01); they have not accepted. Withdraw the invitation on LinkedIn?',
      backlog: '2 earlier connections not rated yet',
    });
    expect(q.backlog.map((p) => p.name).sort()).toEqual(['Ancient', 'Older']);
  });

  it('follows the settings', () => {
    const q = triageQueue(
      people,
      options({ pruneAfterYears: 1, withdrawAfterWeeks: 20, unansweredThreshold: 4, newConnectionDays: 90 }),
    );
    const cardNames = q.cards.map((c) => (isSummary(c) ? c.kind : c.person.name));
    expect(cardNames).toContain('Recent silent');
    expect(cardNames).toContain('Older'); // within 90 days of the newest connection
    expect(cardNames).not.toContain('Ghost');
    expect(cardNames).not.toContain('Sent old');
  });

  it('never makes an untriaged person a prune candidate, however old and silent', () => {
    const old = Array.from({ length: 300 }, (_, i) => person({ name: `Quiet ${i}`, 'connected-on': '2018-03-01' }));
    const q = triageQueue([...old, person({ name: 'Fresh', 'connected-on': '2026-11-25' })], options());
    expect(names(q.cards)).toEqual([
      ['new-connection', 'Fresh'],
      ['backlog', 300],
    ]);
  });

  it('puts every person in at most one section: the strongest reason wins', () => {
    const both = [
      // A new connection whose job also changed: the new-connection card only.
      person({ name: 'New mover', 'connected-on': '2026-11-20', 'job-changed-on': '2026-11-25' }),
      // A known person with a job change who also never answers: the job change only.
      person({
        name: 'Mover ghost',
        trust: 2,
        'job-changed-on': '2026-11-25',
        'last-message': '2026-02-01',
        'last-message-from': 'me',
        unanswered: 5,
      }),
    ];
    const q = triageQueue(both, options());
    expect(names(q.cards)).toEqual([
      ['new-connection', 'New mover'],
      ['job-change', 'Mover ghost'],
    ]);
    expect(new Set(q.cards.map(itemKey)).size).toBe(q.cards.length);
  });
});

describe('new means new', () => {
  const connected = (name: string, on: string) => person({ name, linkedin: url(name), 'connected-on': on });
  const vault = [
    connected('Day one', '2026-09-01'),
    connected('Boundary known', '2026-10-15'),
    connected('Boundary late', '2026-10-15'),
    connected('After', '2026-10-25'),
    connected('Newest', '2026-11-20'),
  ];
  const newOnes = (s: ReturnType<typeof state>, days = 30) =>
    triageQueue(vault, options({ state: s, newConnectionDays: days }))
      .cards.filter((c) => c.kind === 'new-connection')
      .map((c) => c.person?.name);

  it('on the first import: the last N days before the newest connection in the export', () => {
    expect(newOnes(state({ newestSeen: '2026-11-20' }))).toEqual(['Newest', 'After']);
    expect(newOnes(state({ newestSeen: '2026-11-20' }), 60)).toEqual([
      'Newest',
      'After',
      'Boundary known',
      'Boundary late',
    ]);
  });

  it('after a later import: connected since the previous import, boundary day included for who was not there', () => {
    const s = state({ newestSeen: '2026-11-20', newSince: '2026-10-15', newSinceKnown: [url('Boundary known')] });
    expect(newOnes(s)).toEqual(['Newest', 'After', 'Boundary late']);
  });

  it('with no import recorded (an older vault): the last N days before the newest connection in the vault', () => {
    expect(newOnes(state())).toEqual(['Newest', 'After']);
  });

  it('an invitation you just accepted is new even before an import gives it a date', () => {
    const accepted = person({ name: 'Just accepted', 'invited-on': '2026-11-24' });
    const q = triageQueue([...vault, accepted], options({ state: state({ newestSeen: '2026-11-20' }) }));
    expect(q.cards.find((c) => c.person === accepted)?.kind).toBe('new-connection');
  });
});

describe('prune candidates, strongest signal first', () => {
  const ghost = (name: string, trust: number, unanswered: number, extra: Record<string, unknown> = {}) =>
    person({
      name,
      trust,
      'connected-on': '2024-01-01',
      'last-message': '2026-06-01',
      'last-message-from': 'me',
      unanswered,
      ...extra,
    });

  it('never-answering people first (most unanswered first), then "Don\'t know" people silent for N years', () => {
    const q = triageQueue(
      [
        person({ name: 'Silent 2019', trust: 1, 'connected-on': '2019-01-01' }),
        person({ name: 'Silent 2016', trust: 1, 'connected-on': '2016-01-01' }),
        ghost('Two', 1, 2),
        ghost('Five', 2, 5),
        ghost('Answered once', 1, 4, { 'last-reply': '2025-01-01' }),
        ghost('Trusted ghost', 3, 9),
        ghost('Logged since', 1, 6, {}),
        person({ name: 'Heard of lately', trust: 1, 'connected-on': '2016-01-01' }, { daily: '2025-06-01' }),
      ].map((p) => (p.name === 'Logged since' ? { ...p, logLatest: '2026-07-01' } : p)),
      options(),
    );
    expect(q.cards.map((c) => [c.person?.name, c.reason])).toEqual([
      ['Five', 'You wrote 5 times in a row; they never answered'],
      ['Answered once', 'You wrote 4 times in a row since their last answer (2025-01-01)'],
      ['Two', 'You wrote 2 times in a row; they never answered'],
      ['Silent 2016', "Don't know · connected 11 years ago, nothing on record"],
      ['Silent 2019', "Don't know · connected 8 years ago, nothing on record"],
    ]);
  });
});

describe('invitations you sent', () => {
  const sent = (name: string, sentOn: string) => ({ name, profileUrl: url(name), sentOn });

  it('invitees need no note: up to five stale ones are cards, oldest first', () => {
    const q = triageQueue(
      [
        person({
          name: 'Noted',
          linkedin: url('Noted'),
          'linkedin-status': 'invitation-sent',
          'invited-on': '2026-08-01',
        }),
      ],
      options({
        state: state({
          sentPending: [sent('Stranger', '2026-07-01'), sent('Noted', '2026-08-01'), sent('Fresh', '2026-11-20')],
        }),
      }),
    );
    expect(q.cards.map((c) => [c.kind, c.person?.name, c.person?.path])).toEqual([
      ['withdraw', 'Stranger', ''],
      ['withdraw', 'Noted', 'People/Noted.md'],
    ]);
  });

  it('more than five: the five oldest are cards, then one summary card for all, and the list holds them all', () => {
    const pending = Array.from({ length: 543 }, (_, i) =>
      sent(`Invitee ${String(i).padStart(3, '0')}`, i < 500 ? addDays('2026-06-01', i % 30) : '2026-11-20'),
    );
    const q = triageQueue([], options({ state: state({ sentPending: pending }) }));
    expect(names(q.cards)).toEqual([
      ['withdraw', 'Invitee 000'],
      ['withdraw', 'Invitee 030'],
      ['withdraw', 'Invitee 060'],
      ['withdraw', 'Invitee 090'],
      ['withdraw', 'Invitee 120'],
      ['sent-summary', 500],
    ]);
    expect(q.cards[5]?.reason).toBe('500 invitations you sent are still pending after 4 weeks');
    expect(q.sent).toHaveLength(500);
  });

  it('keeps "withdrawn" for good and "keep waiting" for N weeks; a note gone from the export or accepted needs no card', () => {
    const pending = [sent('Withdrawn', '2026-06-01'), sent('Waiting', '2026-06-01'), sent('Waited', '2026-06-01')];
    const q = triageQueue(
      [
        person({
          name: 'Gone',
          linkedin: url('Gone'),
          'linkedin-status': 'invitation-sent',
          'invited-on': '2026-06-01',
        }),
        person({
          name: 'Waited',
          linkedin: url('Waited'),
          'linkedin-status': 'connected',
          'connected-on': '2026-11-01',
          trust: 3,
        }),
      ],
      options({
        state: state({
          sentPending: pending,
          sentDecisions: {
            [url('Withdrawn')]: { decision: 'withdrawn', on: '2026-07-01' },
            [url('Waiting')]: { decision: 'waiting', on: '2026-11-10' },
          },
        }),
      }),
    );
    expect(q.cards.map((c) => c.person?.name)).toEqual([]);
    const later = triageQueue(
      [],
      options({
        today: '2026-12-20',
        state: state({
          sentPending: pending,
          sentDecisions: { [url('Waiting')]: { decision: 'waiting', on: '2026-11-10' } },
        }),
      }),
    );
    expect(later.cards.map((c) => c.person?.name)).toEqual(['Waited', 'Waiting', 'Withdrawn']);
  });
});

describe('the queue of a real-sized network', () => {
  it('stays a few hundred cards at 30,000 people and takes well under a second', () => {
    const people = Array.from({ length: 30_000 }, (_, i) =>
      person({
        name: `P${i}`,
        linkedin: url(`p${i}`),
        'connected-on': addDays('2026-11-20', -(i % 3650)),
        ...(i % 10 === 0 ? { trust: 1 + (i % 5) } : {}),
        ...(i % 97 === 0 ? { 'last-message': '2026-01-01', 'last-message-from': 'me', unanswered: 3 } : {}),
      }),
    );
    const t0 = performance.now();
    const q = triageQueue(people, options());
    const ms = performance.now() - t0;
    expect(q.cards.length).toBeLessThan(500);
    // 3,000 people rated "Don't know", most silent for years: ten cards, then one summary card.
    expect(q.prune.length).toBeGreaterThan(1000);
    expect(q.cards.filter((c) => c.kind === 'prune')).toHaveLength(10);
    expect(q.cards.find((c) => c.kind === 'prune-summary')?.reason).toBe(
      `${q.prune.length.toLocaleString('en-US')} prune candidates in all: review them, or prune in bulk`,
    );
    expect(new Set(q.cards.map(itemKey)).size).toBe(q.cards.length);
    expect(ms).toBeLessThan(1000);
    expect(TODAY).toBe('2026-11-26');
  });
});

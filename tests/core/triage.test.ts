import { describe, expect, it } from 'vitest';
import { personFromFrontmatter } from '../../src/core/people/person-record';
import { DEFAULT_SETTINGS, levelNames } from '../../src/core/settings';
import { decisionEdit } from '../../src/core/triage/actions';
import { peopleInWindow } from '../../src/core/triage/event-window';
import { composePruneList } from '../../src/core/triage/prune-list';
import { fillReplyTemplate, knowledgeOf, triageQueue } from '../../src/core/triage/queue';

const TODAY = '2026-11-26';
const opts = { today: TODAY, pruneAfterYears: 3, withdrawAfterWeeks: 4, unansweredThreshold: 2 };
let n = 0;
const person = (fm: Record<string, unknown>, extra: { log?: string } = {}) => {
  const r = personFromFrontmatter(
    `People/${typeof fm.name === 'string' ? fm.name : `P${n++}`}.md`,
    { 'linkedin-status': 'connected', ...fm },
    { levelNames: levelNames(DEFAULT_SETTINGS), createdOn: null },
  );
  r.logLatest = extra.log ?? null;
  return r;
};

describe('triage queue', () => {
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
    person({ name: 'Trusted', trust: 4, 'connected-on': '2026-11-20' }),
    person({ name: 'Job', trust: 3, 'job-changed-on': '2026-11-25', company: 'Globex', position: 'CEO' }),
    person({ name: 'Job seen', trust: 3, 'job-changed-on': '2026-11-25', 'job-change-seen': '2026-11-25' }),
    person({ name: 'Old silent', trust: 1, 'connected-on': '2020-01-01' }),
    person({ name: 'Old talked', trust: 1, 'connected-on': '2020-01-01', 'last-contact': '2021-01-01' }),
    person({ name: 'Old logged', 'connected-on': '2020-01-01' }, { log: '2022-01-01' }),
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
    person({
      name: 'Sent snoozed',
      'linkedin-status': 'invitation-sent',
      'invited-on': '2026-09-01',
      'snooze-until': '2026-12-20',
    }),
  ];

  it('orders the sections and skips what is decided', () => {
    expect(triageQueue(people, opts).map((i) => [i.kind, i.person.name])).toEqual([
      ['invitation', 'Inv new'],
      ['invitation', 'Inv old'],
      ['new-connection', 'New B'],
      ['new-connection', 'New A'],
      ['new-connection', 'Old logged'],
      ['job-change', 'Job'],
      ['prune', 'Old silent'],
      ['prune', 'Ghost'],
      ['withdraw', 'Sent old'],
    ]);
  });

  it('gives a reason a person can act on', () => {
    const reasons = Object.fromEntries(triageQueue(people, opts).map((i) => [i.person.name, i.reason]));
    expect(reasons).toMatchObject({
      'Inv new': 'Invited you on 2026-11-20, with no note',
      'Inv old': 'Invited you on 2026-11-01, with a note',
      'New B': 'Connected on 2026-11-20',
      Job: 'Now CEO at Globex (found 2026-11-25)',
      'Old silent': 'Connected 7 years ago, no interaction on record',
      Ghost: 'You wrote 3 times in a row; they never answered',
      'Sent old':
        'You invited them 3 months ago (2026-09-01); they have not accepted. Withdraw the invitation on LinkedIn?',
    });
  });

  it('respects the settings', () => {
    const q = triageQueue(people, { ...opts, pruneAfterYears: 1, withdrawAfterWeeks: 20, unansweredThreshold: 4 }).map(
      (i) => i.person.name,
    );
    expect(q).toContain('Recent silent');
    expect(q).not.toContain('Ghost');
    expect(q).not.toContain('Sent old');
  });

  it('tells what the vault knows about someone who invited you', () => {
    const inviter = person({ name: 'Jane Doe', company: 'Acme', 'linkedin-status': 'invitation-received' });
    const all = [
      inviter,
      person({ name: 'Bo', company: 'ACME ', trust: 5 }),
      person({ name: 'Cy', company: 'Acme', trust: 2 }),
      person({ name: 'Jane Doe', 'met-where': 'KubeCon 2025' }),
    ];
    const k = knowledgeOf(inviter, all, ['Notes/Meeting.md']);
    expect({
      mentioned: k.mentionedIn,
      trusted: k.trustedAtCompany.map((p) => p.name),
      met: k.sameNameMetWhere.map((p) => p.metWhere),
    }).toEqual({ mentioned: ['Notes/Meeting.md'], trusted: ['Bo'], met: ['KubeCon 2025'] });
  });
});

describe('triage decisions', () => {
  const ctx = { today: TODAY, withdrawAfterWeeks: 4 };
  const apply = (
    d: Parameters<typeof decisionEdit>[0],
    kind: Parameters<typeof decisionEdit>[1]['kind'],
    fm: Record<string, unknown> = {},
  ) => {
    decisionEdit(d, { ...ctx, kind })(fm);
    return fm;
  };
  it('writes what each key means', () => {
    expect(apply({ type: 'trust', level: 4 }, 'new-connection')).toEqual({ trust: 4 });
    expect(apply({ type: 'accept' }, 'invitation')).toEqual({ 'linkedin-status': 'connected', 'connected-on': TODAY });
    expect(apply({ type: 'decline' }, 'invitation')).toEqual({ 'linkedin-status': 'invitation-declined' });
    expect(apply({ type: 'decline' }, 'withdraw')).toEqual({ 'linkedin-status': 'invitation-withdrawn' });
    expect(apply({ type: 'prune' }, 'prune')).toEqual({ prune: true });
    expect(apply({ type: 'keep' }, 'prune')).toEqual({ prune: false });
    expect(apply({ type: 'keep' }, 'withdraw')).toEqual({ 'snooze-until': '2026-12-24' });
    expect(apply({ type: 'keep' }, 'job-change')).toEqual({ 'job-change-seen': TODAY });
    expect(apply({ type: 'trust', level: 5 }, 'job-change')).toEqual({ trust: 5, 'job-change-seen': TODAY });
    expect(apply({ type: 'met-where', value: '[[Web Summit 2024]]' }, 'invitation')).toEqual({
      'met-where': '[[Web Summit 2024]]',
    });
  });

  it('accepting records the day of acceptance unless the note already has a connection date', () => {
    expect(apply({ type: 'accept' }, 'invitation', { 'connected-on': '' })).toMatchObject({ 'connected-on': TODAY });
    expect(apply({ type: 'accept' }, 'invitation', { 'connected-on': '2019-05-01' })).toMatchObject({
      'connected-on': '2019-05-01',
    });
  });

  it('a trust level of 2 or more clears a prune mark; "Don\'t know" and a keep decision leave the marks alone', () => {
    expect(apply({ type: 'trust', level: 2 }, 'prune', { prune: true, trust: 1 })).toEqual({ trust: 2 });
    expect(apply({ type: 'trust', level: 1 }, 'prune', { prune: true })).toEqual({ prune: true, trust: 1 });
    expect(apply({ type: 'trust', level: 4 }, null, { prune: false })).toEqual({ prune: false, trust: 4 });
  });

  it('fills the reply template', () => {
    const p = person({ name: 'Jane Doe', company: 'Acme' });
    expect(fillReplyTemplate('Hi {first} at {company}, {name}. — {my-name} {unknown}', p, 'Alex')).toBe(
      'Hi Jane at Acme, Jane Doe. — Alex {unknown}',
    );
    expect(fillReplyTemplate(DEFAULT_SETTINGS.replyTemplate, p, 'Alex')).toMatch(
      /^Hi Jane, thanks for the invitation! .*met or worked with.*\?.*Best, Alex$/,
    );
  });
});

describe('met at an event, prune list', () => {
  it('finds untriaged people who connected or invited you in the window', () => {
    const all = [
      person({ name: 'In', 'connected-on': '2024-11-12' }),
      person({ name: 'Invited', 'linkedin-status': 'invitation-received', 'invited-on': '2024-11-14' }),
      person({ name: 'Triaged', trust: 3, 'connected-on': '2024-11-12' }),
      person({ name: 'Before', 'connected-on': '2024-11-10' }),
    ];
    expect(peopleInWindow(all, '2024-11-11', '2024-11-14').map((p) => p.name)).toEqual(['Invited', 'In']);
  });

  it('lists marked people with profile links and keeps ticked boxes', () => {
    const all = [
      person({ name: 'Zed', prune: true, linkedin: 'https://www.linkedin.com/in/zed', company: 'A|B' }),
      person({ name: 'Amy', prune: true }),
      person({ name: 'Kept' }),
    ];
    const first = composePruneList(all, null, TODAY);
    expect(first).toContain(
      '- [ ] [[People/Amy|Amy]] · no profile link\n- [ ] [[People/Zed|Zed]] · A\\|B · [LinkedIn profile](https://www.linkedin.com/in/zed)',
    );
    const second = composePruneList(all, first.replace('- [ ] [[People/Zed', '- [x] [[People/Zed'), TODAY);
    expect(second).toContain('- [x] [[People/Zed|Zed]]');
    expect(second).toContain('- [ ] [[People/Amy|Amy]]');
  });
});

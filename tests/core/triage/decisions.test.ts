/**
 * Pins what each triage key writes (shared by the view and `network-crm decide`), what the
 * vault already knows about an inviter, "Met at an event" and the prune list note.
 */
import { describe, expect, it } from 'vitest';
import { decisionEdit, decisionsFor, likelyDecisions } from '../../../src/core/triage/actions';
import { peopleInWindow } from '../../../src/core/triage/event-window';
import { composePruneList } from '../../../src/core/triage/prune-list';
import { knowledgeOf, TRUSTED_SHOWN, trustedAtCompanyLine } from '../../../src/core/triage/queue';
import { person, TODAY } from './builders';

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
    expect(apply({ type: 'trust', level: 2 }, 'rate')).toEqual({ trust: 2 });
    expect(apply({ type: 'accept' }, 'invitation')).toEqual({ 'linkedin-status': 'connected', 'connected-on': TODAY });
    expect(apply({ type: 'accept' }, 'answer')).toEqual({ 'linkedin-status': 'connected', 'connected-on': TODAY });
    expect(apply({ type: 'decline' }, 'invitation')).toEqual({ 'linkedin-status': 'invitation-declined' });
    expect(apply({ type: 'decline' }, 'answer')).toEqual({ 'linkedin-status': 'invitation-declined' });
    expect(apply({ type: 'decline' }, 'withdraw')).toEqual({ 'linkedin-status': 'invitation-withdrawn' });
    expect(apply({ type: 'prune' }, 'prune')).toEqual({ prune: true });
    expect(apply({ type: 'keep' }, 'prune')).toEqual({ prune: false });
    expect(apply({ type: 'keep' }, 'rate')).toEqual({ prune: false });
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
    expect(apply({ type: 'trust', level: 3 }, 'rate', { prune: true })).toEqual({ trust: 3 });
  });

  it('puts the likely decisions first: accept or decline an invitation, a trust level for a connection', () => {
    expect(likelyDecisions('invitation')).toEqual(['accept', 'decline']);
    expect(likelyDecisions('answer')).toEqual(['accept', 'decline']);
    expect(likelyDecisions('new-connection')).toEqual(['trust']);
    expect(likelyDecisions('rate')).toEqual(['trust']);
    expect(likelyDecisions('prune')).toEqual(['prune', 'keep']);
    expect(likelyDecisions('withdraw')).toEqual(['decline', 'keep']);
    for (const kind of ['invitation', 'answer', 'new-connection', 'rate', 'prune', 'withdraw', 'job-change'] as const)
      for (const d of likelyDecisions(kind)) expect(decisionsFor(kind)).toContain(d);
    expect(decisionsFor('backlog')).toEqual([]);
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
    expect(trustedAtCompanyLine(k, 'Acme')).toBe('You trust Bo at Acme');
  });

  it('names the first three people you trust at a big company and counts the rest', () => {
    // A big employer holds over a thousand trusted people in a 30,000 network: every card
    // listed them all (30 MB of triage --json) for a line that shows three.
    const inviter = person({ name: 'Jane Doe', company: 'Acme', 'linkedin-status': 'invitation-received' });
    const trusted = Array.from({ length: 1291 }, (_, i) => person({ name: `T${i}`, company: 'Acme', trust: 4 }));
    const k = knowledgeOf(inviter, [inviter, ...trusted], []);
    expect(TRUSTED_SHOWN).toBe(3);
    expect(k.trustedAtCompany.map((p) => p.name)).toEqual(['T0', 'T1', 'T2']);
    expect(k.trustedAtCompanyCount).toBe(1291);
    expect(trustedAtCompanyLine(k, 'Acme')).toBe('You trust T0, T1, T2 and 1,288 more at Acme');
    // A trusted person is not counted among the people you trust at their own company.
    const own = knowledgeOf(trusted[1]!, [inviter, ...trusted], []);
    expect(own.trustedAtCompany.map((p) => p.name)).toEqual(['T0', 'T2', 'T3']);
    expect(own.trustedAtCompanyCount).toBe(1290);
    expect(trustedAtCompanyLine(knowledgeOf(inviter, [inviter], []), 'Acme')).toBeNull();
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

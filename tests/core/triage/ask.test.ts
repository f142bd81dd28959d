/**
 * Pins the "have we met?" loop in the core: what recording an ask writes, the states a
 * card goes through (waiting, answered by a message dated on or after the ask, no answer
 * after the wait), where each lands in the queue, and who signs the reply (never "me").
 */
import { describe, expect, it } from 'vitest';
import { editBody } from '../../../src/core/notes/note-text';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { askState, fillReplyTemplate, recordAsk, replySigner } from '../../../src/core/triage/ask';
import { triageQueue } from '../../../src/core/triage/queue';
import { options, person, TODAY } from './builders';

const inviter = (fm: Record<string, unknown> = {}) =>
  person({ name: 'Ivy Stone', 'linkedin-status': 'invitation-received', 'invited-on': '2026-10-01', ...fm });

describe('have we met?', () => {
  it('records the ask in the frontmatter and as a dated line under Interactions, once', () => {
    const fm: Record<string, unknown> = { name: 'Ivy Stone' };
    recordAsk.frontmatter(TODAY)(fm);
    expect(fm).toEqual({ name: 'Ivy Stone', 'asked-on': TODAY });
    const note =
      '---\nname: Ivy Stone\n---\n[LinkedIn profile](x)\n\n## Interactions\n\n- 2026-10-01 · invitation from them · hi\n';
    const once = editBody(note, recordAsk.body(TODAY));
    expect(once).toBe(
      '---\nname: Ivy Stone\n---\n[LinkedIn profile](x)\n\n## Interactions\n\n- 2026-11-26 · message · asked “have we met?”\n- 2026-10-01 · invitation from them · hi\n',
    );
    expect(editBody(once, recordAsk.body(TODAY))).toBe(once);
  });

  it('waits, then comes back answered (a message from them dated on or after the ask) or unanswered', () => {
    expect(askState(inviter(), TODAY, 21)).toEqual({ state: 'not-asked' });
    expect(askState(inviter({ 'asked-on': '2026-11-20' }), TODAY, 21)).toEqual({
      state: 'waiting',
      askedOn: '2026-11-20',
      days: 6,
    });
    // An older message of theirs is not an answer.
    expect(askState(inviter({ 'asked-on': '2026-11-20', 'last-reply': '2026-11-02' }), TODAY, 21).state).toBe(
      'waiting',
    );
    expect(askState(inviter({ 'asked-on': '2026-11-20', 'last-reply': '2026-11-20' }), TODAY, 21)).toEqual({
      state: 'answered',
      askedOn: '2026-11-20',
      answeredOn: '2026-11-20',
    });
    expect(askState(inviter({ 'asked-on': '2026-11-05' }), TODAY, 21)).toEqual({
      state: 'no-answer',
      askedOn: '2026-11-05',
      days: 21,
    });
  });

  it('leaves the queue while waiting and comes back in the answers section', () => {
    const people = [
      inviter({ name: 'Waiting', 'asked-on': '2026-11-20' }),
      inviter({ name: 'Answered', 'asked-on': '2026-11-01', 'last-reply': '2026-11-03' }),
      inviter({ name: 'Silent', 'asked-on': '2026-11-01' }),
      inviter({ name: 'Not asked', 'invited-on': '2026-11-25' }),
      person({ name: 'New', 'connected-on': '2026-11-25' }),
    ];
    const q = triageQueue(people, options());
    expect(
      q.cards.map((c) => [c.kind, c.person?.name, c.reason, c.kind === 'answer' ? [c.asked, c.answered] : null]),
    ).toEqual([
      ['invitation', 'Not asked', 'Invited you on 2026-11-25, with no note', null],
      ['answer', 'Answered', 'Answered on 2026-11-03 (you asked on 2026-11-01)', ['2026-11-01', '2026-11-03']],
      ['answer', 'Silent', 'No answer in 4 weeks: decline?', ['2026-11-01', null]],
      ['new-connection', 'New', 'Connected on 2026-11-25', null],
    ]);
    expect(q.waiting.map((w) => [w.person.name, w.askedOn, w.days])).toEqual([['Waiting', '2026-11-20', 6]]);
  });

  it('signs the reply with "Your name", else the export owner, else with nothing: never "me"', () => {
    const p = inviter({ company: 'Acme' });
    expect(fillReplyTemplate('Hi {first} at {company}, {name}. — {my-name} {unknown}', p, 'Alex')).toBe(
      'Hi Ivy at Acme, Ivy Stone. — Alex {unknown}',
    );
    expect(replySigner('  ', 'Alex Martin')).toBe('Alex Martin');
    expect(replySigner('Al', 'Alex Martin')).toBe('Al');
    expect(replySigner('', null)).toBe('');
    expect(fillReplyTemplate(DEFAULT_SETTINGS.replyTemplate, p, replySigner('', 'Alex Martin'))).toMatch(
      /^Hi Ivy, thanks for the invitation! .*met or worked with.*\?.*Best, Alex Martin$/,
    );
    const unsigned = fillReplyTemplate(DEFAULT_SETTINGS.replyTemplate, p, replySigner('', undefined));
    expect(unsigned).toMatch(/I'm happy to hear it\. Best$/);
    expect(unsigned).not.toMatch(/\bme\b$|\{my-name\}/);
  });
});

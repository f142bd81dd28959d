/**
 * The review's "Last:" line says the same last contact as the stale view and list: the
 * person's effective last contact (message, daily note, follow-up, field or log), never "no
 * interaction logged" for someone the stale list shows as contacted. The newest log line
 * stays as context, since its words make the message easy.
 */
import { describe, expect, it } from 'vitest';
import {
  addReviewToNote,
  lastInteractionLine,
  pickContext,
  pickJson,
  planReview,
} from '../../../src/core/review/weekly-review';
import { lastContactText } from '../../../src/core/stale/describe';
import { keepInTouchAll } from '../../../src/core/stale/keep-in-touch';
import { personWith, staleOptions } from '../../support/people';

const TODAY = '2024-12-24';
const opts = staleOptions(TODAY);
const LOG = '## Interactions\n\n- 2018-03-02 · call · talked about the pilot\n';

/** One trusted person, overdue, as the review picks them. */
function pickOf(fm: Record<string, unknown>, extras: Parameters<typeof personWith>[1] = {}) {
  const [pick] = planReview(keepInTouchAll([personWith({ name: 'Giulia Novak', trust: 4, ...fm }, extras)], opts), {
    today: TODAY,
    count: 1,
  });
  expect(pick).toBeDefined();
  return pick!;
}
const lastLine = (text: string) => text.split('\n').find((l) => /^\t- (Last|Never)/.test(l));

describe('the review says the last contact the stale list shows', () => {
  it('names a LinkedIn message as the last contact, with its date, where nothing is logged', () => {
    const pick = pickOf({ 'last-message': '2019-11-02', 'last-message-from': 'them' });
    expect(lastContactText(pick.status, TODAY)).toBe('last contact 5 years ago · via message');
    const context = pickContext(pick, null);
    expect(context.lastInteraction).toBe('2019-11-02 · via message');
    expect(lastLine(addReviewToNote(null, [{ pick, context }], TODAY))).toBe('\t- Last: 2019-11-02 · via message');
    expect(pickJson(pick, context)).toMatchObject({
      lastInteraction: '2019-11-02 · via message',
      lastContact: { date: '2019-11-02', source: 'message' },
      lastLogged: null,
    });
  });

  it('keeps an older log line as context after the newer contact', () => {
    const pick = pickOf({ 'last-message': '2019-11-02' });
    expect(pickContext(pick, '2018-03-02 · call · talked about the pilot').lastInteraction).toBe(
      '2019-11-02 · via message; last logged 2018-03-02 · call · talked about the pilot',
    );
  });

  it('shows the log line as written when it is the last contact', () => {
    const pick = pickOf({ 'last-message': '2017-01-01', 'last-contact': '2018-03-02' }, { logDates: ['2018-03-02'] });
    expect(pick.status.lastContact).toEqual({ date: '2018-03-02', source: 'log' });
    expect(pickContext(pick, '2018-03-02 · call · talked about the pilot').lastInteraction).toBe(
      '2018-03-02 · call · talked about the pilot',
    );
    expect(pickContext(pick, '[[2018-03-02]] · call').lastInteraction).toBe('[[2018-03-02]] · call');
    // A line newer than the index knows (it has not caught up with an edit yet) is still the last contact.
    expect(pickContext(pick, '2018-04-01 · email').lastInteraction).toBe('2018-04-01 · email');
  });

  it('names each other source as the stale view does', () => {
    const cases: Array<[Parameters<typeof pickOf>, string]> = [
      [[{}, { dailyDates: ['2020-05-04'] }], '2020-05-04 · via daily note'],
      [[{}, { doneDates: ['2020-06-07'] }], '2020-06-07 · via follow-up'],
      [[{ 'last-contact': '2020-07-08' }], '2020-07-08'], // the bare field: no "via", as in the stale list
    ];
    for (const [args, said] of cases) {
      const pick = pickOf(...args);
      expect(lastContactText(pick.status, TODAY)).toMatch(/^last contact /);
      expect(pickContext(pick, null).lastInteraction).toBe(said);
    }
  });

  it('says "never contacted" only when the stale list does', () => {
    const pick = pickOf({}, { followUps: [{ text: 'Send the deck', since: '2024-12-01' }] });
    expect(lastContactText(pick.status, TODAY)).toBe('never contacted');
    const context = pickContext(pick, null);
    expect(context.lastInteraction).toBeNull();
    expect(lastLine(addReviewToNote(null, [{ pick, context }], TODAY))).toBe('\t- Never contacted');
  });

  it('reads the log line the plugin and the CLI pass in', () => {
    const pick = pickOf({ 'last-message': '2019-11-02' }, { logDates: ['2018-03-02'] });
    const text = addReviewToNote(null, [{ pick, context: pickContext(pick, lastInteractionLine(LOG)) }], TODAY);
    expect(lastLine(text)).toBe(
      '\t- Last: 2019-11-02 · via message; last logged 2018-03-02 · call · talked about the pilot',
    );
  });
});

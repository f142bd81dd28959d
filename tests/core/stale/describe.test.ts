/** The words for a last contact, shared by the stale view, the CLI's list and the weekly review. */
import { describe, expect, it } from 'vitest';
import { lastContactOn, lastContactText } from '../../../src/core/stale/describe';

describe('last contact in words', () => {
  it('says when and where from, relative in the list and dated for notes', () => {
    const message = { date: '2019-11-02', source: 'message' } as const;
    expect(lastContactText({ lastContact: message }, '2024-12-24')).toBe('last contact 5 years ago · via message');
    expect(lastContactOn(message)).toBe('2019-11-02 · via message');
    const field = { date: '2024-12-10', source: 'field' } as const;
    expect(lastContactText({ lastContact: field }, '2024-12-24')).toBe('last contact 2 weeks ago');
    expect(lastContactOn(field)).toBe('2024-12-10');
    expect(lastContactText({ lastContact: null }, '2024-12-24')).toBe('never contacted');
  });
});

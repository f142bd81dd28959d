/**
 * Pins the filter language shared by bulk rating, `decide --all-untriaged` and (issue 18)
 * the stale view's search box and `network-crm bulk`: `key:value` terms and bare words
 * joined by spaces, all of which must hold; quoted values; errors that name the bad term;
 * a registry other features add terms to.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  containsWords,
  FilterError,
  filterValue,
  parseFilter,
  registerFilterWord,
} from '../../../src/core/people/filter';
import { person, TODAY } from '../triage/builders';

const ctx = { today: TODAY, mentions: new Map([['People/Mentioned.md', 2]]) };
const people = [
  person({ name: 'Quiet', 'connected-on': '2020-05-01', company: 'Acme Corp' }),
  person({ name: 'Messaged', 'connected-on': '2020-05-01', 'last-message': '2024-01-01', company: 'Globex' }),
  person({ name: 'Mentioned', 'connected-on': '2020-05-01', company: 'Acmeville' }),
  person({ name: 'Logged', 'connected-on': '2020-05-01' }, { log: '2023-01-01' }),
  person({ name: 'Daily', 'connected-on': '2020-05-01' }, { daily: '2023-01-01' }),
  person({ name: 'Rated', 'connected-on': '2020-05-01', trust: 1, company: 'ACME corp' }),
  person({ name: 'Kept', 'connected-on': '2020-05-01', prune: false }),
  person({ name: 'Recent', 'connected-on': '2026-11-20', company: 'Société Générale' }),
  person({ name: 'Summit', 'connected-on': '2024-11-14', 'met-where': '[[Web Summit 2024]]' }),
  person({ name: 'Invited', 'linkedin-status': 'invitation-received', 'invited-on': '2026-11-20' }),
];
const select = (text: string) => people.filter((p) => parseFilter(text).test(p, ctx)).map((p) => p.name);

describe('the filter language', () => {
  it('untriaged: connections without a trust level, not marked to prune or keep', () => {
    expect(select('untriaged')).toEqual(['Quiet', 'Messaged', 'Mentioned', 'Logged', 'Daily', 'Recent', 'Summit']);
  });

  it('all terms must hold; no-contact means no message, no log, no daily note and no note linking them', () => {
    expect(select('untriaged connected-before:2024-11-16 no-contact')).toEqual(['Quiet', 'Summit']);
    expect(select('untriaged connected-after:2024-11-16')).toEqual(['Recent']);
  });

  it('company: whole words, any case and accents; met-where: quoted values with spaces', () => {
    expect(select('company:acme')).toEqual(['Quiet', 'Rated']);
    expect(select('company:"acme corp"')).toEqual(['Quiet', 'Rated']);
    expect(select('company:"societe generale"')).toEqual(['Recent']);
    expect(select('met-where:"Web Summit 2024"')).toEqual(['Summit']);
    expect(select('met-where:"[[web summit"')).toEqual(['Summit']);
    expect(select('met-where:kubecon')).toEqual([]);
    expect(containsWords('Acme Corp', 'acme')).toBe(true);
    expect(containsWords('Acmeville', 'acme')).toBe(false);
  });

  it('names the term it cannot use, and what it expected', () => {
    const error = (text: string) => {
      try {
        parseFilter(text);
      } catch (e) {
        return e instanceof FilterError ? [e.term, e.message] : String(e);
      }
      return null;
    };
    expect(error('untriaged connected-before:2024-13-01')).toEqual([
      'connected-before:2024-13-01',
      'connected-before:2024-13-01: "2024-13-01" is not a date (expected YYYY-MM-DD) (expected connected-before:YYYY-MM-DD)',
    ]);
    expect(error('untriaged colour:blue')?.[1]).toMatch(
      /^unknown filter "colour:blue": "colour" is not a filter key \(known: .*company.*\)$/,
    );
    expect(error('untriaged stalee')?.[1]).toMatch(/^unknown filter "stalee" \(known: untriaged, no-contact/);
    expect(error('company:"Acme')?.[1]).toBe('company:"Acme: the quote is not closed (write key:"two words")');
    expect(error('company:')?.[1]).toMatch(/^company:: "" needs a value/);
  });

  it('takes more terms from other features, and free text when a search box asks for it', () => {
    registerFilterWord('test-quiet', { usage: 'test-quiet', test: (p) => p.name === 'Quiet' });
    expect(select('untriaged test-quiet')).toEqual(['Quiet']);
    expect(people.filter((p) => parseFilter('glob', { freeText: true }).test(p, ctx)).map((p) => p.name)).toEqual([
      'Messaged',
    ]);
  });

  it('reads back any value it writes (property)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (v) => {
        const clean = v.replace(/"/g, '');
        fc.pre(clean.trim() !== '');
        const p = person({ name: 'X', company: clean });
        expect(parseFilter(`company:${filterValue(clean)}`).terms).toHaveLength(1);
        if (/[\p{L}\p{N}]/u.test(clean)) expect(parseFilter(`company:${filterValue(clean)}`).test(p, ctx)).toBe(true);
      }),
    );
  });
});

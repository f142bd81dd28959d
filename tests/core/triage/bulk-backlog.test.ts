/**
 * Pins bulk rating (the flags of `decide --all-untriaged` as a filter, who is chosen, what
 * is written) and the order of "Rate your network": people you messaged (most recent
 * first), then people your notes mention, then the newest connections.
 */
import { describe, expect, it } from 'vitest';
import { backlogOrder } from '../../../src/core/triage/backlog';
import { countMentions } from '../../../src/core/triage/mentions';
import { bulkDecisionLabel, bulkEdit, bulkFilter, selectForBulk } from '../../../src/core/triage/bulk';
import { person, TODAY } from './builders';

describe('bulk rating', () => {
  it('writes the flags as filter terms, always for untriaged people only', () => {
    expect(bulkFilter({})).toBe('untriaged');
    expect(
      bulkFilter({
        connectedBefore: '2024-11-16',
        noContact: true,
        company: 'Acme Corp',
        filter: 'met-where:"Web Summit"',
      }),
    ).toBe('untriaged connected-before:2024-11-16 no-contact company:"Acme Corp" met-where:"Web Summit"');
    // Prune candidates are rated already: their filter does not start from untriaged.
    expect(bulkFilter({ scope: 'any', company: 'Acme' })).toBe('company:Acme');
  });

  it('chooses the quiet backlog, by name, and writes the same as the key on a card', () => {
    const people = [
      person({ name: 'Zoe', 'connected-on': '2020-01-01' }),
      person({ name: 'Amy', 'connected-on': '2021-01-01' }),
      person({ name: 'Talked', 'connected-on': '2021-01-01', 'last-message': '2022-01-01' }),
      person({ name: 'New', 'connected-on': '2026-11-20' }),
      person({ name: 'Rated', 'connected-on': '2020-01-01', trust: 3 }),
    ];
    const chosen = selectForBulk(people, bulkFilter({ connectedBefore: '2026-10-27', noContact: true }), {
      today: TODAY,
    });
    expect(chosen.map((p) => p.name)).toEqual(['Amy', 'Zoe']);
    const fm: Record<string, unknown> = {};
    bulkEdit({ type: 'trust', level: 1 }, TODAY)(fm);
    expect(fm).toEqual({ trust: 1 });
    const kept: Record<string, unknown> = {};
    bulkEdit({ type: 'keep' }, TODAY)(kept);
    expect(kept).toEqual({ prune: false });
    expect(bulkDecisionLabel({ type: 'trust', level: 1 }, ["Don't know"])).toBe("trust 1 (Don't know)");
    expect(bulkDecisionLabel({ type: 'prune' }, [])).toBe('mark to prune');
  });
});

describe('Rate your network', () => {
  it('orders the backlog by signal, with a reason for each', () => {
    const backlog = [
      person({ name: 'Old quiet', 'connected-on': '2019-01-01' }),
      person({ name: 'New quiet', 'connected-on': '2024-01-01' }),
      person({
        name: 'Wrote 2023',
        'connected-on': '2019-01-01',
        'last-message': '2023-05-01',
        'last-message-from': 'them',
      }),
      person({
        name: 'Ghosted me',
        'connected-on': '2019-01-01',
        'last-message': '2024-05-01',
        'last-message-from': 'me',
        unanswered: 3,
      }),
      person({ name: 'Linked', 'connected-on': '2019-01-01' }),
      person({ name: 'Logged', 'connected-on': '2019-01-01' }, { log: '2022-02-02' }),
    ];
    const order = backlogOrder(backlog, new Map([['People/Linked.md', 3]]));
    expect(order.map((e) => [e.person.name, e.group, e.reason])).toEqual([
      ['Ghosted me', 'messages', 'You wrote 3 times; they never answered (last 2024-05-01)'],
      ['Wrote 2023', 'messages', 'They wrote last, on 2023-05-01'],
      ['Logged', 'notes', 'In your notes, last on 2022-02-02'],
      ['Linked', 'notes', 'Mentioned in 3 notes'],
      ['New quiet', 'connection', 'Connected on 2024-01-01'],
      ['Old quiet', 'connection', 'Connected on 2019-01-01'],
    ]);
  });
});

describe('mentions', () => {
  it('counts your notes linking a person, not the reports and the prune list Network CRM writes', () => {
    const links: Array<[string, string[]]> = [
      ['Notes/Dinner.md', ['People/Ann.md', 'People/Bo.md']],
      ['Daily/2026-11-20.md', ['People/Ann.md']],
      ['Network CRM/Imports/LinkedIn import 2026-11-20.md', ['People/Ann.md', 'People/Cy.md']],
      ['Network CRM/Prune list.md', ['People/Cy.md']],
      ['People/Ann.md', ['People/Ann.md']],
    ];
    expect(countMentions(links, 'Network CRM/Imports')).toEqual(
      new Map([
        ['People/Ann.md', 2],
        ['People/Bo.md', 1],
      ]),
    );
  });
});

/**
 * Pins the matcher's indexes (KeyIndex) to what a list per key gave: the same values for each
 * key, in the order they were added, each once, and the same keys shared by several. The
 * candidates the user is shown for an ambiguous row, and which of two namesakes is found,
 * follow that order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyIndex } from '../../../src/core/import/key-index';

interface Person {
  id: number;
}

describe('KeyIndex', () => {
  it('gives, for every key, what a list per key gives', () => {
    const people: Person[] = Array.from({ length: 6 }, (_, id) => ({ id }));
    const adds = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.nat({ max: 5 })), { maxLength: 40 });
    fc.assert(
      fc.property(adds, (pairs) => {
        const index = new KeyIndex<string, Person>();
        const lists = new Map<string, Person[]>();
        for (const [key, i] of pairs) {
          const person = people[i] as Person;
          index.add(key, person);
          const list = lists.get(key) ?? [];
          if (!list.includes(person)) list.push(person);
          lists.set(key, list);
        }
        for (const key of ['a', 'b', 'c', 'd', 'e']) expect(index.get(key)).toEqual(lists.get(key) ?? []);
        const shared = [...lists.values()].filter((l) => l.length > 1);
        expect([...index.shared()]).toEqual(shared);
      }),
    );
  });

  it('keeps one value as itself and gives it as a one-value list', () => {
    const index = new KeyIndex<string, Person>();
    const ann = { id: 1 };
    index.add('ann', ann);
    index.add('ann', ann);
    expect(index.get('ann')).toEqual([ann]);
    expect([...index.shared()]).toEqual([]);
  });
});

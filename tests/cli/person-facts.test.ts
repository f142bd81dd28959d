// The read commands' note cache keeps each note's person record (src/cli/person-facts.ts)
// instead of its frontmatter. These tests pin that a record read back from the cache is the
// record the core made of the note: every field, for any frontmatter a user could write
// (property test), with its fields in the same order (records from the cache and from notes
// read this run share one shape), and that a line of the wrong shape is refused, not read
// as something else. The end-to-end check (warm and cold runs print the same) is in
// note-cache.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyLists, survivesJson } from '../../src/cli/note-cache';
import { peopleView, type PersonFacts } from '../../src/cli/person-facts';
import type { NoteFacts } from '../../src/cli/person-notes';
import { FIELD } from '../../src/core/notes/schema';
import { EMPTY_LIST } from '../../src/core/people/person-record';

const LEVELS = ['Stranger', 'Acquaintance', 'Colleague', 'Friend', 'Close'];
const view = peopleView(LEVELS);

/** Through JSON, as the cache file holds it. */
function roundTrip(facts: PersonFacts, path: string): PersonFacts {
  const keys = new KeyLists();
  return view.codec.decode(JSON.parse(JSON.stringify(view.codec.encode(facts, keys))), keys, path);
}

const noIndex = { logDates: EMPTY_LIST, meetingDates: EMPTY_LIST, links: EMPTY_LIST, contacts: null, tasks: false };

/** Values a hand-edited property may hold: the right kind, the wrong kind, and the awkward ones. */
const value = fc.oneof(
  fc.string(),
  fc.constantFrom('2024-02-29', '2023-02-29', '--03-14', 'me', 'them', 'yes', 'no', 'true', '3', 'Friend', ''),
  fc.integer({ min: -5, max: 400 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
);
const frontmatter = fc.dictionary(fc.constantFrom(...Object.values(FIELD)), value);
const index = fc.record({
  logDates: fc.array(fc.constantFrom('2024-01-02', '2025-06-30'), { maxLength: 3 }),
  meetingDates: fc.array(fc.constant('2025-06-30'), { maxLength: 1 }),
  links: fc.array(fc.string(), { maxLength: 2 }),
  contacts: fc.option(fc.array(fc.string(), { maxLength: 2 })),
  tasks: fc.boolean(),
});

describe('the read commands’ cached person records', () => {
  it('come back as the record the core made of the note, field for field and in the same order', () => {
    fc.assert(
      fc.property(frontmatter, index, fc.string(), fc.boolean(), (fm, idx, yamlError, broken) => {
        const facts: NoteFacts = {
          person: broken ? { frontmatter: null, yamlError } : { frontmatter: fm },
          index: idx,
        };
        const made = view.of('People/Ann.md', facts);
        // What JSON cannot give back (a -0 cadence) is never cached: the cache reads the note.
        fc.pre(survivesJson(made));
        const back = roundTrip(made, 'People/Ann.md');
        expect(back).toEqual(made);
        expect(Object.keys(back.record ?? {})).toEqual(Object.keys(made.record ?? {}));
        if (broken && yamlError !== '') expect(back.record?.problems).toContain(`frontmatter: ${yamlError}`);
      }),
    );
  });

  it('are fresh objects each time, and the lists they share cannot be changed', () => {
    const made = view.of('People/Ann.md', {
      person: { frontmatter: { name: 'Ann', tags: ['person'] } },
      index: noIndex,
    });
    const keys = new KeyLists();
    const line = JSON.stringify(view.codec.encode(made, keys));
    const first = view.codec.decode(JSON.parse(line), keys, 'People/Ann.md').record;
    if (first === null) throw new Error('no record');
    first.name = 'changed';
    // Tags and empty problem lists are shared by every record that has them (the cache's table
    // of lists): frozen, so a command that tried to change one would fail rather than change them all.
    expect(() => (first.tags as string[]).push('changed')).toThrow(TypeError);
    expect(() => (first.problems as string[]).push('changed')).toThrow(TypeError);
    const second = view.codec.decode(JSON.parse(line), keys, 'People/Ann.md').record;
    expect([second?.name, second?.problems, second?.tags]).toEqual(['Ann', [], ['person']]);
    expect(second?.tags).toBe(first.tags);
  });

  it('store only what a note says: an imported note’s line is a fraction of its record', () => {
    const made = view.of('People/Ann.md', {
      person: {
        frontmatter: { name: 'Ann Lee', company: 'Acme', 'connected-on': '2024-03-01', trust: 3, tags: ['person'] },
      },
      index: noIndex,
    });
    const line = JSON.stringify(view.codec.encode(made, new KeyLists()));
    // Tags by their number in the cache's table of lists (stored once in the file's header).
    expect(line).toBe('[[0,"Ann Lee",2,"Acme",5,3,7,"2024-03-01",20,0]]');
  });

  it('refuse a line of the wrong shape, so the note is read instead', () => {
    const keys = new KeyLists();
    const wrong: unknown[] = [
      [[0], [], [], [], null, 0], // a field without its value
      [[99, 'x'], [], [], [], null, 0], // no such field
      [[5, 'three'], [], [], [], null, 0], // trust is a number
      [[20, ['x']], [], [], [], null, 0], // tags are a list's number
      [[20, 7], [], [], [], null, 0], // a list the table does not have
      [[18, 'yes'], [], [], [], null, 0], // prune is a boolean
      [{}, [], [], [], null, 0],
      [[], 5, [], [], null, 0],
      [['0', 'Ann'], [], [], [], null, 0], // field numbers are numbers
      [[], [], [], []],
      [[], 0],
    ];
    for (const line of wrong)
      expect(() => view.codec.decode(line, keys, 'People/Ann.md'), JSON.stringify(line)).toThrow();
    expect(view.codec.decode([0, [], [], ['Ann'], null, 1], keys, 'Notes/x.md')).toEqual({
      record: null,
      index: { ...noIndex, links: ['Ann'], tasks: true },
    });
  });

  it('depend on the trust level names: another naming is another cache', () => {
    expect(peopleView(LEVELS).depends).toEqual(view.depends);
    expect(peopleView([...LEVELS.slice(0, 4), 'Inner circle']).depends).not.toEqual(view.depends);
  });
});

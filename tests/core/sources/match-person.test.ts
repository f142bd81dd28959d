/**
 * Matching a card or an attendee to a person note, never on a guess: profile URL, then
 * e-mail (either field, any case), then an exact unique name that nothing contradicts.
 * Every other case is a new person or "ambiguous" with all candidates.
 */
import { describe, expect, it } from 'vitest';
import type { ExistingNote } from '../../../src/core/import/vault-snapshot';
import { emailsIn, PersonMatcher, type IdentityProbe } from '../../../src/core/sources/match-person';

const note = (path: string, fm: Record<string, unknown>): ExistingNote => ({ path, frontmatter: fm });
const probe = (p: Partial<IdentityProbe>): IdentityProbe => ({ profileUrl: null, emails: [], name: '', ...p });
const URL_A = 'https://www.linkedin.com/in/jane-doe';
const URL_B = 'https://www.linkedin.com/in/jane-doe-2';

const vault = [
  note('People/Jane Doe.md', { name: 'Jane Doe', linkedin: URL_A, email: 'Jane@Acme.example' }),
  note('People/Bob Roe.md', { name: 'Bob Roe', emails: ['bob@home.example', 'bob@work.example'] }),
  note('People/Sam Poe.md', { tags: ['person'] }), // hand-made: no name field, no e-mail
  note('People/Kim Lee.md', { name: 'Kim Lee' }),
  note('People/Kim Lee (Acme).md', { name: 'Kim Lee' }),
  note('People/Ann Moe.md', { name: 'Ann Moe', email: 'ann@old.example', birthday: '1980-05-01' }),
];
const m = new PersonMatcher(vault);
const path = (r: ReturnType<PersonMatcher['match']>) => (r.kind === 'found' ? `${r.by}:${r.note.path}` : r.kind);

describe('PersonMatcher', () => {
  it('profile URL first, even when the name differs', () => {
    expect(path(m.match(probe({ profileUrl: URL_A, name: 'J. Doe' })))).toBe('profile:People/Jane Doe.md');
  });

  it('e-mail in `email` or `emails`, case-insensitive', () => {
    expect(path(m.match(probe({ emails: ['jane@acme.example'] })))).toBe('email:People/Jane Doe.md');
    expect(path(m.match(probe({ emails: ['x@y.z', 'bob@work.example'], name: 'Robert' })))).toBe(
      'email:People/Bob Roe.md',
    );
  });

  it('an exact unique name, the note’s `name` or else its file name', () => {
    expect(path(m.match(probe({ name: 'bob  roe' })))).toBe('name:People/Bob Roe.md');
    expect(path(m.match(probe({ name: 'Sam Poe', emails: ['sam@x.org'] })))).toBe('name:People/Sam Poe.md');
  });

  it('a name on several notes is ambiguous with every candidate', () => {
    const r = m.match(probe({ name: 'Kim Lee' }));
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous')
      expect(r.candidates.map((n) => n.path)).toEqual(['People/Kim Lee.md', 'People/Kim Lee (Acme).md']);
  });

  it('a name is contradicted by other e-mails, another profile or another birthday: a different person', () => {
    for (const p of [
      probe({ name: 'Bob Roe', emails: ['bob@elsewhere.example'] }),
      probe({ name: 'Jane Doe', profileUrl: URL_B }),
      probe({ name: 'Ann Moe', birthday: '--06-01' }),
      probe({ name: 'Ann Moe', birthday: '1981-05-01' }),
    ]) {
      const r = m.match(p);
      expect(r.kind).toBe('none');
      if (r.kind === 'none') expect(r.reason).toMatch(/has the same name but/);
    }
    // A year-less birthday on the same day does not contradict a full one.
    expect(path(m.match(probe({ name: 'Ann Moe', birthday: '--05-01' })))).toBe('name:People/Ann Moe.md');
  });

  it('an e-mail on a note with another LinkedIn profile is ambiguous, not merged', () => {
    expect(m.match(probe({ emails: ['jane@acme.example'], profileUrl: URL_B })).kind).toBe('ambiguous');
  });

  it('an e-mail on two notes is ambiguous', () => {
    const two = new PersonMatcher([note('a.md', { email: 'x@y.z' }), note('b.md', { emails: ['X@y.z'] })]);
    expect(two.match(probe({ emails: ['x@y.z'] })).kind).toBe('ambiguous');
  });

  it('a note whose YAML cannot be parsed is still found by the e-mail in its raw text', () => {
    const broken: ExistingNote = { path: 'b.md', frontmatter: null, yamlError: 'bad', rawYaml: 'email: [ann@x.org\n' };
    expect(path(new PersonMatcher([broken]).match(probe({ emails: ['ann@x.org'] })))).toBe('email:b.md');
  });

  it('nothing known: none', () => {
    expect(m.match(probe({ name: 'Nobody Here', emails: ['no@body.example'] })).kind).toBe('none');
    expect(m.match(probe({})).kind).toBe('none');
  });

  it('emailsIn reads strings, lists and junk', () => {
    expect(emailsIn('a@b.c, D@E.F; g@h.i')).toEqual(['a@b.c', 'd@e.f', 'g@h.i']);
    expect(emailsIn(['a@b.c', 3, null, 'not an address'])).toEqual(['a@b.c']);
    expect(emailsIn({ a: 1 })).toEqual([]);
  });
});

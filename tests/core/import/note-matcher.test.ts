/**
 * The one matching rule every source uses (LinkedIn, address books, calendars), never on a
 * guess: profile URL, then an e-mail the note holds (either field, any case), then an exact
 * name that designates one note and one incoming person and that nothing contradicts. A
 * note answers to its `name` field only, never to its file name (docs/ARCHITECTURE.md says
 * why). Every other case is a new person or "ambiguous" with all candidates.
 */
import { describe, expect, it } from 'vitest';
import { emailsIn } from '../../../src/core/identity/email';
import { NoteMatcher, type PersonIdentity } from '../../../src/core/import/note-matcher';
import type { ExistingNote } from '../../../src/core/import/vault-snapshot';

const note = (path: string, fm: Record<string, unknown>): ExistingNote => ({ path, frontmatter: fm });
const who = (p: Partial<PersonIdentity>): PersonIdentity => ({ profileUrl: null, emails: [], name: '', ...p });
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
const m = new NoteMatcher(vault);
const path = (r: ReturnType<NoteMatcher['peek']>) => (r.kind === 'found' ? `${r.by}:${r.note.path}` : r.kind);

describe('NoteMatcher: one rule for every source', () => {
  it('profile URL first, even when the name differs', () => {
    expect(path(m.peek(who({ profileUrl: URL_A, name: 'J. Doe' })))).toBe('profile:People/Jane Doe.md');
  });

  it('e-mail in `email` or `emails`, case-insensitive', () => {
    expect(path(m.peek(who({ emails: ['jane@acme.example'] })))).toBe('email:People/Jane Doe.md');
    expect(path(m.peek(who({ emails: ['x@y.z', 'bob@work.example'], name: 'Robert' })))).toBe(
      'email:People/Bob Roe.md',
    );
  });

  it('an exact unique name finds the note with that `name`; a file name is never a name', () => {
    expect(path(m.peek(who({ name: 'bob  roe' })))).toBe('name:People/Bob Roe.md');
    expect(m.peek(who({ name: 'Sam Poe', emails: ['sam@x.org'] })).kind).toBe('none');
  });

  it('a name on several notes is ambiguous with every candidate', () => {
    const r = m.peek(who({ name: 'Kim Lee', emails: ['kim@x.org'] }));
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') {
      expect(r.candidates.map((n) => n.path)).toEqual(['People/Kim Lee.md', 'People/Kim Lee (Acme).md']);
      expect(r.reason).toBe('2 notes are named "Kim Lee" and no e-mail address or profile URL tells them apart');
    }
  });

  it('a name another person of the import shares designates no one: ambiguous', () => {
    const r = m.peek(who({ name: 'Bob Roe', sharesName: true }));
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.reason).toMatch(/several people in this import are named "Bob Roe"/);
  });

  it('a name is contradicted by other e-mails or another birthday: a different person, with the reason', () => {
    for (const p of [
      who({ name: 'Bob Roe', emails: ['bob@elsewhere.example'] }),
      who({ name: 'Ann Moe', birthday: '--06-01' }),
      who({ name: 'Ann Moe', birthday: '1981-05-01' }),
    ]) {
      const r = m.peek(p);
      expect(r.kind).toBe('none');
      if (r.kind === 'none') expect(r.reason).toMatch(/has the same name but/);
    }
    // Another LinkedIn profile is certain: no reason given (no warning for every namesake).
    expect(m.peek(who({ name: 'Jane Doe', profileUrl: URL_B }))).toEqual({ kind: 'none' });
    // A year-less birthday on the same day does not contradict a full one.
    expect(path(m.peek(who({ name: 'Ann Moe', birthday: '--05-01' })))).toBe('name:People/Ann Moe.md');
  });

  it('an e-mail on a note with another LinkedIn profile is ambiguous, not merged and not doubled', () => {
    const r = m.peek(who({ emails: ['jane@acme.example'], profileUrl: URL_B }));
    expect(r.kind).toBe('ambiguous');
    if (r.kind === 'ambiguous') expect(r.reason).toMatch(/another LinkedIn profile/);
  });

  it('an e-mail on two notes is ambiguous', () => {
    const two = new NoteMatcher([note('a.md', { email: 'x@y.z' }), note('b.md', { emails: ['X@y.z'] })]);
    expect(two.peek(who({ emails: ['x@y.z'] })).kind).toBe('ambiguous');
  });

  it('a note whose YAML cannot be parsed is still found by the e-mail in its raw text', () => {
    const broken: ExistingNote = { path: 'b.md', frontmatter: null, yamlError: 'bad', rawYaml: 'email: [ann@x.org\n' };
    expect(path(new NoteMatcher([broken]).peek(who({ emails: ['ann@x.org'] })))).toBe('email:b.md');
  });

  it('a note matched once cannot be claimed again', () => {
    const once = new NoteMatcher([note('a.md', { name: 'A B', email: 'a@b.c' })]);
    expect(once.match(who({ emails: ['a@b.c'] }), { file: 'x.vcf', line: 3 }).kind).toBe('found');
    const again = once.match(who({ name: 'A B' }), { file: 'y.ics', line: 9 });
    expect(again).toMatchObject({ kind: 'ambiguous', reason: 'x.vcf, line 3 already matched this note' });
  });

  it('nothing known: none', () => {
    expect(m.peek(who({ name: 'Nobody Here', emails: ['no@body.example'] })).kind).toBe('none');
    expect(m.peek(who({})).kind).toBe('none');
  });

  it('emailsIn reads strings, lists and junk', () => {
    expect(emailsIn('a@b.c, D@E.F; g@h.i')).toEqual(['a@b.c', 'd@e.f', 'g@h.i']);
    expect(emailsIn(['a@b.c', 3, null, 'not an address'])).toEqual(['a@b.c']);
    expect(emailsIn({ a: 1 })).toEqual([]);
  });
});

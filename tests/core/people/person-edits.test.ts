import { describe, expect, it } from 'vitest';
import { planAddPerson } from '../../../src/core/import/add-person';
import { dailyNoteMatcher } from '../../../src/core/people/daily-notes';
import {
  advanceLastContact,
  applyTrust,
  interactionLine,
  logInteractionBody,
  snoozeUntil,
} from '../../../src/core/people/person-edits';
import { linkDisplayText, wikiLinkTargets } from '../../../src/core/notes/links';

describe('logging an interaction', () => {
  it('writes one escaped line, today at the top of the log', () => {
    expect(
      interactionLine({ date: '2026-11-26', channel: 'call', note: 'talked about [[Secret]] #hiring <b>x</b>' }),
    ).toBe('- 2026-11-26 · call · talked about \\[\\[Secret\\]\\] \\#hiring \\<b\\>x\\</b\\>');
    expect(interactionLine({ date: '2026-11-26', channel: 'other', note: '  ' })).toBe('- 2026-11-26 · other');
    expect(
      logInteractionBody('x\n\n## Interactions\n\n- 2025-01-01 · email\n', {
        date: '2026-11-26',
        channel: 'call',
        note: 'hi',
      }),
    ).toBe('x\n\n## Interactions\n\n- 2026-11-26 · call · hi\n- 2025-01-01 · email\n');
  });

  it('puts a past date where it belongs, so the log stays newest first; a user line without a date stays on top', () => {
    const body = 'x\n\n## Interactions\n\n- pinned: ask about the book\n- 2026-03-01 · call\n- 2025-01-01 · email\n';
    expect(logInteractionBody(body, { date: '2025-06-15', channel: 'meeting', note: '' })).toBe(
      'x\n\n## Interactions\n\n- pinned: ask about the book\n- 2026-03-01 · call\n- 2025-06-15 · meeting\n- 2025-01-01 · email\n',
    );
    expect(logInteractionBody(body, { date: '2020-01-01', channel: 'event', note: '' })).toBe(
      `${body}- 2020-01-01 · event\n`,
    );
  });

  it('a trust level of 2 or more clears prune: true and says so', () => {
    const fm: Record<string, unknown> = { prune: true, trust: 1 };
    expect(applyTrust(fm, 3)).toEqual(['prune']);
    expect(fm).toEqual({ trust: 3 });
    const unsure: Record<string, unknown> = { prune: true };
    expect(applyTrust(unsure, 1)).toEqual([]);
    expect(unsure).toEqual({ prune: true, trust: 1 });
  });

  it('moves last-contact forward, never backward, and replaces a value that is not a date', () => {
    const fm: Record<string, unknown> = { 'last-contact': '2026-05-01' };
    advanceLastContact(fm, '2026-04-01');
    expect(fm['last-contact']).toBe('2026-05-01');
    advanceLastContact(fm, '2026-06-01');
    expect(fm['last-contact']).toBe('2026-06-01');
    const junk: Record<string, unknown> = { 'last-contact': 'ages ago' };
    advanceLastContact(junk, '2026-06-01');
    expect(junk['last-contact']).toBe('2026-06-01');
  });

  it('snoozes for a week, a month or three months', () => {
    expect(snoozeUntil('2026-11-26', '1w')).toBe('2026-12-03');
    expect(snoozeUntil('2026-01-31', '1m')).toBe('2026-02-28');
    expect(snoozeUntil('2026-11-26', '3m')).toBe('2027-02-26');
  });
});

describe('planAddPerson', () => {
  const ctx = (existing: Record<string, string> = {}) => ({
    folder: 'People',
    fileNameFormat: '{first} {last}',
    tag: 'person',
    paths: ['People/Jane Doe.md'],
    notesWithUrl: (url: string) => (existing[url] ? [existing[url]] : []),
  });

  it('makes a note with the import schema and a free file name', () => {
    const r = planAddPerson({ name: ' Jane  Doe ', linkedin: 'linkedin.com/in/Jane-Doe-9/', company: 'Acme' }, ctx());
    expect(r).toMatchObject({ ok: true, path: 'People/Jane Doe (Acme).md' });
    expect(r.ok && r.text).toContain('linkedin: https://www.linkedin.com/in/jane-doe-9\ncompany: Acme\n');
  });

  it('refuses a LinkedIn URL the vault already has, naming the note', () => {
    const r = planAddPerson(
      { name: 'J', linkedin: 'https://www.linkedin.com/in/jane', company: '' },
      ctx({ 'https://www.linkedin.com/in/jane': 'Friends/Jane.md' }),
    );
    expect(r).toEqual({
      ok: false,
      reason: 'duplicate',
      message: 'Friends/Jane.md already has this LinkedIn profile',
      existingPath: 'Friends/Jane.md',
    });
  });

  it('refuses a URL that is not a profile, and an empty person', () => {
    expect(planAddPerson({ name: 'J', linkedin: 'https://example.com/jane', company: '' }, ctx())).toMatchObject({
      ok: false,
      reason: 'invalid-url',
    });
    expect(planAddPerson({ name: ' ', linkedin: '', company: 'Acme' }, ctx())).toMatchObject({
      ok: false,
      reason: 'no-name',
    });
  });
});

describe('daily notes', () => {
  it.each([
    ['YYYY-MM-DD', '2026-07-14', '2026-07-14'],
    ['DD.MM.YYYY', '14.07.2026', '2026-07-14'],
    ['dddd, MMMM Do YYYY', 'Tuesday, July 14th 2026', '2026-07-14'],
    ['YYYY/MM/YYYY-MM-DD', '2026-07-14', '2026-07-14'],
    ['[Journal] YYYY-MM-DD', 'Journal 2026-07-14', '2026-07-14'],
    ['D MMM YYYY', '4 Jul 2026', '2026-07-04'],
    ['DD.MM.YYYY', '2026-07-14', '2026-07-14'],
    ['DD.MM.YYYY', '31.02.2026', null],
    ['YYYY-MM-DD', 'Meeting notes', null],
    [null, '2026-07-14', '2026-07-14'],
  ])('format %j recognises %j as %j', (format, name, date) => {
    expect(dailyNoteMatcher(format)(name)).toBe(date);
  });

  it('finds link targets, with aliases, headings and embeds', () => {
    expect(wikiLinkTargets('Met [[Jane Doe|Jane]] and [[People/Bo#Work]], ![[pic.png]], not [x](y)')).toEqual([
      'Jane Doe',
      'People/Bo',
      'pic.png',
    ]);
  });

  it('shows a link as a reader sees it: the alias, else the note name without heading', () => {
    expect(linkDisplayText('[[Web Summit 2024]]')).toBe('Web Summit 2024');
    expect(linkDisplayText('[[Events/KubeCon 2025#Day 2|KubeCon]] and [[Lisbon#Bar]]')).toBe('KubeCon and Lisbon');
    expect(linkDisplayText('university')).toBe('university');
  });
});

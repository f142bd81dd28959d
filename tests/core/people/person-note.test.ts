/**
 * Pins the one person-note rule the plugin, the CLI and the tests' vaults share: inside
 * the people folder every note; outside it only the person tag (never a `linkedin:` value,
 * never the body); never the reports; and for a note whose YAML is broken, the tag as
 * written in its frontmatter block. A change here changes what every adapter touches.
 */
import { describe, expect, it } from 'vitest';
import { existingPersonNote } from '../../../src/core/import/vault-snapshot';
import { isBrokenPersonNote, isPersonNote, personNoteRule } from '../../../src/core/people/person-note';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { FRONTMATTER_NOT_A_MAP, FRONTMATTER_UNTERMINATED } from '../../../src/core/yaml/frontmatter';
import { parseYaml } from '../../../src/cli/yaml-full';

const rule = personNoteRule(DEFAULT_SETTINGS);
const url = 'https://www.linkedin.com/in/ann-lee';

describe('isPersonNote', () => {
  it.each([
    ['People/Ann.md', {}, true],
    ['people/sub/Ann.md', null, true],
    ['Peoples/Ann.md', { tags: ['x'] }, false],
    ['Meetings/Kickoff.md', { linkedin: url }, false],
    ['Notes/Template.md', { linkedin: '', name: 'Ann Lee' }, false],
    ['Archive/Ann.md', { tags: ['person'] }, true],
    ['Archive/Ann.md', { tags: '#Person, other' }, true],
    ['Archive/Ann.md', { tags: ['person/friend'] }, false],
    ['Network CRM/Imports/LinkedIn import 2026-11-26.md', { tags: ['person'] }, false],
  ])('%s %j → %s', (path, fm, expected) => expect(isPersonNote(path, fm, rule)).toBe(expected));

  it('uses the settings: another folder, another tag, a folder that would leave the vault', () => {
    const custom = personNoteRule({ ...DEFAULT_SETTINGS, peopleFolder: '/Contacts/', defaultTag: '#crm' });
    expect(isPersonNote('Contacts/Ann.md', null, custom)).toBe(true);
    expect(isPersonNote('People/Ann.md', null, custom)).toBe(false);
    expect(isPersonNote('x/Ann.md', { tags: ['crm'] }, custom)).toBe(true);
    expect(personNoteRule({ ...DEFAULT_SETTINGS, reportFolder: '../out' }).reportFolder).toBe('Network CRM/Imports');
  });

  it('judges a broken note outside the folder by the tag written in its frontmatter block', () => {
    expect(isBrokenPersonNote('x/Ann.md', 'name: Ann\ntags: [person\n', rule)).toBe(true);
    expect(isBrokenPersonNote('x/Ann.md', `linkedin: ${url}\ncompany: [oops\n`, rule)).toBe(false);
    expect(isBrokenPersonNote('People/Ann.md', 'company: [oops', rule)).toBe(true);
  });
});

describe('existingPersonNote (what a snapshot holds), with one set of error strings', () => {
  it('classifies parsed, absent, broken, unterminated and non-map frontmatter', () => {
    expect(existingPersonNote('People/A.md', '---\nname: A\n---\nbody', rule, parseYaml)).toEqual({
      path: 'People/A.md',
      frontmatter: { name: 'A' },
    });
    expect(existingPersonNote('People/A.md', 'no frontmatter', rule, parseYaml)).toEqual({
      path: 'People/A.md',
      frontmatter: null,
    });
    expect(existingPersonNote('People/A.md', '---\nname: A\nbody', rule, parseYaml)).toMatchObject({
      yamlError: FRONTMATTER_UNTERMINATED,
    });
    expect(existingPersonNote('People/A.md', '---\n- a\n- b\n---\n', rule, parseYaml)).toMatchObject({
      yamlError: FRONTMATTER_NOT_A_MAP,
    });
    expect(existingPersonNote('People/A.md', '---\na: [b\n---\n', rule, parseYaml)?.yamlError).toMatch(/^YAML error: /);
    expect(existingPersonNote('Notes/M.md', `---\nlinkedin: ${url}\n---\nperson`, rule, parseYaml)).toBeNull();
  });
});

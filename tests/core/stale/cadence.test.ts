/**
 * Cadence by tag: which keep-in-touch period applies to a person and why. Pinned because
 * the row says the rule ("every 60 days, as #mentor") and users set these rules to get
 * fewer or more reminders; a wrong winner is a missed or a nagging reminder.
 */
import { describe, expect, it } from 'vitest';
import { cadenceOf, cadenceText } from '../../../src/core/stale/cadence';
import {
  DEFAULT_SETTINGS,
  formatTagCadences,
  parseTagCadences,
  sanitizeSettings,
  sanitizeTagCadences,
} from '../../../src/core/settings';
import { personWith } from '../../support/people';

const rules = [
  { tag: 'family', days: 14 },
  { tag: 'mentor', days: 60 },
  { tag: 'alumni', days: 400 },
];
const opts = (more: { includeUntriaged?: boolean } = {}) => ({
  trustLevels: DEFAULT_SETTINGS.trustLevels,
  includeUntriaged: more.includeUntriaged ?? false,
  tagCadences: rules,
});
const text = (fm: Record<string, unknown>, more = {}) => {
  const c = cadenceOf(personWith(fm), opts(more));
  return c ? cadenceText(c) : null;
};

describe('cadence by tag', () => {
  it('takes the shortest applicable rule, trust level included', () => {
    expect(text({ trust: 3, tags: ['person', 'mentor'] })).toBe('every 60 days, as #mentor');
    expect(text({ trust: 5, tags: ['mentor'] })).toBe('every 30 days, as Inner circle');
    expect(text({ trust: 2, tags: ['mentor', 'family'] })).toBe('every 14 days, as #family');
    expect(text({ trust: 3, tags: ['alumni'] })).toBe('every 120 days, as Know well');
  });

  it("lets the note's own cadence override every rule, and cadence 0 stop reminders", () => {
    expect(text({ trust: 5, cadence: 90, tags: ['family'] })).toBe('every 90 days, set on the note');
    expect(text({ trust: 5, cadence: 0, tags: ['family'] })).toBeNull();
    expect(text({ cadence: 1 })).toBe('every day, set on the note');
  });

  it('matches tags without case or #, and nested tags under the rule', () => {
    expect(text({ trust: 2, tags: ['#Family'] })).toBe('every 14 days, as #family');
    expect(text({ trust: 2, tags: ['family/close'] })).toBe('every 14 days, as #family');
    expect(text({ trust: 2, tags: ['familyish'] })).toBe('every 365 days, as Met');
  });

  it('tracks untriaged people by their tags, and by the longest level when the setting includes them', () => {
    expect(text({ tags: ['mentor'] })).toBe('every 60 days, as #mentor');
    expect(text({})).toBeNull();
    expect(text({}, { includeUntriaged: true })).toBe('every 365 days, untriaged');
    expect(text({ tags: ['alumni'] }, { includeUntriaged: true })).toBe('every 365 days, untriaged');
  });

  it('never tracks pruned people nor invitations, whatever their tags', () => {
    expect(text({ tags: ['family'], prune: true })).toBeNull();
    expect(text({ tags: ['family'], 'linkedin-status': 'invitation-received' })).toBeNull();
  });

  it('keeps only usable rules from the settings file', () => {
    expect(
      sanitizeTagCadences([
        { tag: '#Family', days: 14 },
        { tag: 'family', days: 7 },
        { tag: 'two words', days: 5 },
        { tag: 'x', days: 0 },
        { tag: 'y', days: 2.5 },
        { tag: '', days: 5 },
        'mentor',
        { tag: 'mentor', days: 60 },
      ]),
    ).toEqual([
      { tag: 'family', days: 14 },
      { tag: 'mentor', days: 60 },
    ]);
    expect(sanitizeSettings({ tagCadences: 'nope', reviewCount: 0 })).toMatchObject({
      tagCadences: [],
      reviewCount: 5,
    });
    expect(sanitizeSettings({ reviewCount: 8 }).reviewCount).toBe(8);
  });

  it('reads rules typed one per line in the settings, or says which line is wrong', () => {
    expect(parseTagCadences('#Family 14\n\n  mentor 60 days\r\nalumni 1 day')).toEqual({
      rules: [
        { tag: 'family', days: 14 },
        { tag: 'mentor', days: 60 },
        { tag: 'alumni', days: 1 },
      ],
      problem: null,
    });
    expect(parseTagCadences('#family fourteen').problem).toBe(
      '"#family fourteen" is not a rule; write a tag and a number of days, such as "#family 14".',
    );
    expect(parseTagCadences('#a 1\n#b 0').problem).toBe('Line 2: #b needs a number of days above 0.');
    expect(parseTagCadences('#a 1\n#A 2').problem).toBe('Line 2: #a has a rule already.');
    expect(formatTagCadences(rules)).toBe('#family 14\n#mentor 60\n#alumni 400');
    expect(parseTagCadences(formatTagCadences(rules)).rules).toEqual(rules);
  });
});

/**
 * Where the weekly review goes and what a new daily note starts with: the same decision
 * for the plugin and the CLI, from the vault's own Daily notes settings. Pinned because a
 * wrong path writes the review into a note the user never looks at.
 */
import { describe, expect, it } from 'vitest';
import { formatDailyDate } from '../../../src/core/people/daily-notes';
import { dailyNoteMatcher } from '../../../src/core/people/daily-notes';
import {
  dailyNotesConfig,
  fillDailyTemplate,
  reviewTarget,
  templatePath,
} from '../../../src/core/review/review-target';

const TODAY = '2026-04-27';

describe('review target', () => {
  it("writes into today's daily note when the Daily notes plugin is on, else a weekly review note", () => {
    const on = dailyNotesConfig({ 'daily-notes': true }, { folder: 'Journal/', format: 'YYYY/MM/YYYY-MM-DD' });
    expect(reviewTarget(on, TODAY)).toEqual({ path: 'Journal/2026/04/2026-04-27.md', kind: 'daily note' });
    expect(reviewTarget(dailyNotesConfig(['file-explorer', 'daily-notes'], null), TODAY)).toEqual({
      path: '2026-04-27.md',
      kind: 'daily note',
    });
    for (const off of [{ 'daily-notes': false }, ['file-explorer'], null, 'garbage'])
      expect(reviewTarget(dailyNotesConfig(off, { format: 'DD.MM.YYYY' }), TODAY)).toEqual({
        path: 'Network CRM/Reviews/2026-W18.md',
        kind: 'review note',
      });
  });

  it('formats the daily-note names people use, and reads them back', () => {
    const cases: Array<[string, string]> = [
      ['YYYY-MM-DD', '2026-04-27'],
      ['dddd, MMMM Do YYYY', 'Monday, April 27th 2026'],
      ['D MMM YY', '27 Apr 26'],
      ['[Week] WW [of] GGGG', 'Week 18 of 2026'],
      ['YYYY-MM-DD ddd', '2026-04-27 Mon'],
    ];
    for (const [format, name] of cases) expect(formatDailyDate(format, TODAY)).toBe(name);
    expect(formatDailyDate('Do', '2026-04-01')).toBe('1st');
    expect(formatDailyDate('Do', '2026-04-12')).toBe('12th');
    expect(formatDailyDate('Do', '2026-04-23')).toBe('23rd');
    expect(dailyNoteMatcher('dddd, MMMM Do YYYY')(formatDailyDate('dddd, MMMM Do YYYY', TODAY))).toBe(TODAY);
  });

  it("fills the daily-note template's placeholders", () => {
    const config = dailyNotesConfig({ 'daily-notes': true }, { format: 'DD.MM.YYYY', template: 'Templates/Daily' });
    expect(templatePath(config)).toBe('Templates/Daily.md');
    expect(fillDailyTemplate('# {{title}}\n{{date}} {{date:YYYY-[W]WW}} {{ time }}', config, TODAY, '09:30')).toBe(
      '# 27.04.2026\n27.04.2026 2026-W18 09:30',
    );
    expect(templatePath(dailyNotesConfig(null, null))).toBeNull();
  });
});

/**
 * Which lines of a daily note are a weekly review's plan (not contact) and which are the
 * user's own words (contact). Pinned because the whole review section used to count as the
 * plan, so what a user journaled below it, where the cursor is after a review, was never a
 * contact. The CLI reads the lines from the text; the plugin gives the metadata cache's list
 * items, whose `parent` the text reading must match (tests/plugin/person-index.test.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listItemsOfLines, reviewPlanLines } from '../../../src/core/followups/review-plan';
import { contactLinkTargets, scanLines } from '../../../src/core/followups/tasks';
import { addReviewToNote, pickContext, planReview } from '../../../src/core/review/weekly-review';
import { keepInTouchAll } from '../../../src/core/stale/keep-in-touch';
import { personWith, staleOptions } from '../../support/people';

const TODAY = '2026-11-27';
const note = (...lines: string[]) => lines.join('\n');
const itemsOf = (text: string) => listItemsOfLines(scanLines(text));

/** Today's daily note after "Plan this week's reach-outs" picked Bo, who was met at Ann's. */
function dailyNoteWithPlan(): string {
  const opts = staleOptions(TODAY);
  const bo = personWith({ name: 'Bo Kim', trust: 4, 'met-where': '[[Ann Lee]]’s party' }, { path: 'People/Bo Kim.md' });
  const [pick] = planReview(keepInTouchAll([bo], opts), { today: TODAY, count: 1 });
  expect(pick).toBeDefined();
  return addReviewToNote('Morning pages.\n', [{ pick: pick!, context: pickContext(pick!, null) }], TODAY);
}

describe("a weekly review's plan in a daily note", () => {
  it('is not contact, and what the user writes below it is', () => {
    const plan = dailyNoteWithPlan();
    expect(plan).toContain('- [ ] Reach out to [[People/Bo Kim|Bo Kim]]');
    expect(plan).toContain('\t- Met at [[Ann Lee]]’s party');
    expect(contactLinkTargets(plan)).toEqual([]);
    // Straight below the plan (where the cursor is), after a blank line, or as a bullet of one's own.
    expect(contactLinkTargets(`${plan}Lunch with [[Cy Fox]] today.\n`)).toEqual(['Cy Fox']);
    expect(contactLinkTargets(`${plan}\nLunch with [[Cy Fox]] today.\n`)).toEqual(['Cy Fox']);
    expect(contactLinkTargets(`${plan}- Coffee with [[Di Ray]]\n`)).toEqual(['Di Ray']);
    // A task of one's own in the section is a plan too, and so is what is nested under it.
    expect(contactLinkTargets(`${plan}- [ ] Ask [[Eve]]\n\t- about [[Fay]]\n`)).toEqual([]);
  });

  it('is only the tasks and the items under them, and only under a review heading', () => {
    const text = note(
      '## Reach-outs for 2026-W48',
      '- [x] Reach out to [[Bo]]',
      '\t- Met at [[Ann]]',
      '\t\t- deeper [[Gus]]',
      '- Saw [[Cy]] at the station',
      '\t- with [[Di]]',
      '## Later',
      '- [x] Called [[Eve]]',
      '\t- about [[Fay]]',
    );
    const headings = new Map(scanLines(text).map((l) => [l.line, l.heading]));
    const plan = reviewPlanLines(itemsOf(text), (line) => headings.get(line)?.startsWith('Reach-outs') ?? false);
    expect([...plan]).toEqual([1, 2, 3]);
    expect(contactLinkTargets(text)).toEqual(['Cy', 'Di', 'Eve', 'Fay']);
  });
});

describe('list items read from the text, parented as Obsidian does', () => {
  it('nests by indent (tabs or spaces), and a top-level item points at minus its list’s first line', () => {
    const text = note('- a', '\t- b', '    - c', '\t\t- d', '- e', '  1. f', '', 'para', '- g');
    expect(itemsOf(text)).toEqual([
      { line: 0, parent: -0, task: false },
      { line: 1, parent: 0, task: false },
      { line: 2, parent: 0, task: false },
      { line: 3, parent: 2, task: false },
      { line: 4, parent: -0, task: false },
      { line: 5, parent: 4, task: false },
      { line: 8, parent: -8, task: false },
    ]);
  });

  it('keeps a list open across a line that continues an item, and ends it at a heading', () => {
    const text = note('- [ ] a', 'more of a', '\t- b', '# H', '\t- c');
    expect(itemsOf(text)).toEqual([
      { line: 0, parent: -0, task: true },
      { line: 2, parent: 0, task: false },
      { line: 4, parent: -4, task: false },
    ]);
  });

  it('copes with any text, a list nested thousands deep included (property)', () => {
    const deep = Array.from({ length: 5000 }, (_, i) => `${' '.repeat(i)}- [ ] [[P${i}]]`).join('\n');
    expect(contactLinkTargets(`## Reach-outs for 2026-W48\n${deep}\nSaw [[Ann]]`)).toEqual(['Ann']);
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        const text = `## Reach-outs\n${s}`;
        expect(Array.isArray(contactLinkTargets(text))).toBe(true);
        for (const item of itemsOf(text)) expect(item.parent < item.line || Object.is(item.parent, -0)).toBe(true);
      }),
    );
  });

  it('never counts a top-level item of a list on line 0 as under that line (the -0 parent)', () => {
    const items = [
      { line: 0, parent: -0, task: true },
      { line: 1, parent: -0, task: false },
    ];
    expect([...reviewPlanLines(items, () => true)]).toEqual([0]);
  });
});

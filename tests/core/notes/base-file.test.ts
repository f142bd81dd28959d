/**
 * People.base, the Bases table written on the first import. Pinned: the file is valid
 * YAML of the documented shape; trust shows by its name (with the names from the
 * settings, quotes included); there is one name column (the file link), the LinkedIn
 * status, profile link and birthday are columns; "People" sorts overdue first, then newest
 * connection, and its "days overdue" agrees with the stale rule where frontmatter alone
 * decides; "To triage" holds exactly the untriaged people still in play. The formulas are
 * run by a small evaluator written from the Bases docs (tests/support/bases-expr.ts).
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { generatePeopleVault } from '../../../scripts/lib/synthetic-vault';
import { baseFilePath, composeBaseFile } from '../../../src/core/notes/base-file';
import { personFromFrontmatter } from '../../../src/core/people/person-record';
import { DEFAULT_SETTINGS, levelNames } from '../../../src/core/settings';
import { staleEntry } from '../../../src/core/stale/stale-list';
import { BasesEvaluator, sortRows, type BaseRow } from '../../support/bases-expr';

const TODAY = '2026-11-26';

interface BaseView {
  name: string;
  order: string[];
  sort: Array<{ property: string; direction: 'ASC' | 'DESC' }>;
  filters?: { and: string[] };
}
interface BaseDoc {
  filters: { or: string[] };
  formulas: Record<string, string>;
  properties: Record<string, { displayName: string }>;
  views: BaseView[];
}

function parse(text: string): BaseDoc {
  return YAML.parse(text) as BaseDoc;
}

function rows(files: Record<string, string>): BaseRow[] {
  return Object.entries(files).map(([path, text]) => {
    const note = YAML.parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown>;
    return { path, ctime: Date.parse('2020-01-01'), tags: (note.tags as string[] | undefined) ?? [], note };
  });
}

describe('People.base', () => {
  const doc = parse(composeBaseFile('People'));
  const evaluator = new BasesEvaluator(doc.formulas, TODAY);
  const value = (row: BaseRow, property: string): unknown => {
    const [ns, ...rest] = property.split('.');
    const name = rest.join('.');
    if (ns === 'formula') return evaluator.evaluate(`formula.${name}`, row);
    if (ns === 'file') return row.path;
    return row.note[name];
  };
  const vault = generatePeopleVault({ people: 600, today: TODAY, seed: 9 });
  const all = rows(vault);
  const inScope = (row: BaseRow) => doc.filters.or.some((f) => evaluator.evaluate(f, row) === true);

  it('sits beside the people folder and has the two views', () => {
    expect(baseFilePath('People')).toBe('People.base');
    expect(baseFilePath('Work/Contacts')).toBe('Work/Contacts.base');
    expect(doc.views.map((v) => v.name)).toEqual(['People', 'To triage']);
    expect(all.every(inScope)).toBe(true);
    expect(inScope({ path: 'Notes/Elsewhere.md', ctime: 0, tags: ['person'], note: {} })).toBe(true);
    expect(inScope({ path: 'Notes/Elsewhere.md', ctime: 0, tags: [], note: {} })).toBe(false);
  });

  it('has one name column (the file link), trust by name, the birthday, the LinkedIn status and profile link', () => {
    const people = doc.views[0]!;
    expect(people.order[0]).toBe('file.name');
    expect(people.order).not.toContain('note.name');
    expect(people.order).toEqual(
      expect.arrayContaining([
        'formula.trust_level',
        'note.linkedin-status',
        'formula.profile',
        'formula.overdue',
        'note.birthday',
      ]),
    );
    expect(people.order).not.toContain('note.trust');
    for (const column of [...people.order, ...doc.views[1]!.order])
      expect(doc.properties[column]?.displayName, column).toBeTruthy();
    const row = all.find((r) => r.note.trust === 1)!;
    expect(evaluator.evaluate('formula.trust_level', row)).toBe("Don't know");
    expect(evaluator.evaluate('formula.trust_level', { ...row, note: { ...row.note, trust: 5 } })).toBe('Inner circle');
    expect(evaluator.evaluate('formula.trust_level', { ...row, note: { ...row.note, trust: 'Close' } })).toBe('Close');
    expect(evaluator.evaluate('formula.profile', row)).toEqual({ target: row.note.linkedin, display: 'Profile' });
  });

  it('uses the level names and periods from the settings', () => {
    const levels = DEFAULT_SETTINGS.trustLevels.map((l, i) => ({
      name: i === 4 ? 'Family & "close" friends' : l.name,
      keepInTouchDays: i === 4 ? 7 : l.keepInTouchDays,
    }));
    const custom = parse(composeBaseFile('People', { trustLevels: levels, tag: '' }));
    const ev = new BasesEvaluator(custom.formulas, TODAY);
    const row: BaseRow = { path: 'People/A.md', ctime: 0, tags: [], note: { trust: 5, 'last-contact': '2026-11-10' } };
    expect(ev.evaluate('formula.trust_level', row)).toBe('Family & "close" friends');
    expect(ev.evaluate('formula.days_overdue', row)).toBe(9);
    expect(custom.filters.or).toEqual(['file.inFolder("People")']);
  });

  it('"days overdue" agrees with the stale rule where the frontmatter alone decides', () => {
    let compared = 0;
    for (const row of all) {
      if (row.note['last-message'] !== undefined) continue; // the sidebar also counts messages
      const record = personFromFrontmatter(row.path, row.note, {
        levelNames: levelNames(DEFAULT_SETTINGS),
        createdOn: null,
      });
      const entry = staleEntry(record, {
        today: TODAY,
        trustLevels: DEFAULT_SETTINGS.trustLevels,
        includeUntriaged: false,
        useDailyNotes: false,
      });
      expect(evaluator.evaluate('formula.days_overdue', row), row.path).toBe(entry?.daysOverdue ?? 0);
      compared++;
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('"People" lists the overdue first, most overdue first, then the newest connections', () => {
    const people = doc.views[0]!;
    expect(people.sort).toEqual([
      { property: 'formula.days_overdue', direction: 'DESC' },
      { property: 'note.connected-on', direction: 'DESC' },
    ]);
    const sorted = sortRows(all, people.sort, value);
    const overdue = sorted.map((r) => evaluator.evaluate('formula.days_overdue', r) as number);
    const firstNotOverdue = overdue.findIndex((d) => d === 0);
    expect(firstNotOverdue).toBeGreaterThan(10);
    expect(overdue.slice(firstNotOverdue).every((d) => d === 0)).toBe(true);
    expect(overdue.slice(0, firstNotOverdue)).toEqual([...overdue.slice(0, firstNotOverdue)].sort((a, b) => b - a));
    const rest = sorted.slice(firstNotOverdue).map((r) => r.note['connected-on'] as string);
    expect(rest).toEqual([...rest].sort().reverse());
    // Right after a first import nobody has a trust level: the newest connections come first.
    const fresh: BaseRow[] = all.map((r) => ({
      ...r,
      note: { ...r.note, trust: null, 'last-contact': null, cadence: null, 'snooze-until': null },
    }));
    const first = sortRows(fresh, people.sort, value)[0]!;
    const newest = [...fresh]
      .map((r) => r.note['connected-on'] as string)
      .sort()
      .reverse()[0];
    expect(first.note['connected-on']).toBe(newest);
  });

  it('"To triage" holds the untriaged people not pruned, declined or withdrawn', () => {
    const triage = doc.views[1]!;
    const sample: BaseRow[] = [
      ...all.slice(0, 200),
      { path: 'People/D.md', ctime: 0, tags: [], note: { 'linkedin-status': 'invitation-declined' } },
      { path: 'People/W.md', ctime: 0, tags: [], note: { 'linkedin-status': 'invitation-withdrawn' } },
      { path: 'People/P.md', ctime: 0, tags: [], note: { 'linkedin-status': 'connected', prune: true } },
      { path: 'People/I.md', ctime: 0, tags: [], note: { 'linkedin-status': 'invitation-received' } },
    ];
    const shown = sample.filter((r) => triage.filters!.and.every((f) => evaluator.evaluate(f, r) === true));
    const expected = sample.filter(
      (r) =>
        (r.note.trust === undefined || r.note.trust === null) &&
        r.note.prune !== true &&
        !['invitation-declined', 'invitation-withdrawn'].includes(r.note['linkedin-status'] as string),
    );
    expect(shown.map((r) => r.path)).toEqual(expected.map((r) => r.path));
    expect(shown.map((r) => r.path)).toContain('People/I.md');
    expect(triage.sort[0]).toEqual({ property: 'note.invited-on', direction: 'DESC' });
  });
});

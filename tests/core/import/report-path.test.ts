/**
 * Pins the decisions both adapters take after an import: where the report goes and how a
 * second report the same day is numbered, that an up-to-date re-import gets no report,
 * where the prune list lives, what the vault remembers (recordImport), and which
 * file-name formats are accepted.
 */
import { describe, expect, it } from 'vitest';
import { recordImport } from '../../../src/core/import/record-import';
import { isUpToDate, pruneListPath, reportPath } from '../../../src/core/import/report-path';
import type { ImportPlan } from '../../../src/core/import/plan-types';
import { fileNameFormatProblem } from '../../../src/core/notes/file-name-format';
import { EMPTY_VAULT_STATE } from '../../../src/core/vault-state';

const plan = (over: Partial<ImportPlan> & { newest?: string | null }): ImportPlan =>
  ({
    creates: [],
    updates: [],
    unchanged: [],
    pendingInvitations: [],
    seen: { onNewestDay: [], invitationsFile: false },
    ...over,
    stats: { newestConnectedOn: over.newest ?? null },
  }) as unknown as ImportPlan;

describe('report path and when to write one', () => {
  it('numbers a second report of the same day', () => {
    const taken = new Set(['R/LinkedIn import 2026-11-26.md', 'R/LinkedIn import 2026-11-26 2.md']);
    const linkedIn = { today: '2026-11-26', bySource: [{ id: 'linkedin', label: 'LinkedIn', people: 1, counts: [] }] };
    expect(reportPath('R', linkedIn, (p) => taken.has(p))).toBe('R/LinkedIn import 2026-11-26 3.md');
    expect(reportPath('', linkedIn, () => false)).toBe('LinkedIn import 2026-11-26.md');
  });

  it('an import that changed nothing and failed nothing is up to date', () => {
    const same = plan({ unchanged: ['a'] });
    expect(isUpToDate(same, null)).toBe(true);
    expect(isUpToDate(same, { created: [], updated: [], failed: [], cancelled: false })).toBe(true);
    expect(isUpToDate(same, { created: [], updated: [], failed: [{ path: 'x', error: 'e' }], cancelled: false })).toBe(
      false,
    );
    expect(isUpToDate(plan({}), null)).toBe(false); // nothing at all: the first report says why
  });

  it('puts the prune list beside the reports folder', () => {
    expect(pruneListPath('Network CRM/Imports')).toBe('Network CRM/Prune list.md');
    expect(pruneListPath('Reports')).toBe('Reports/Prune list.md');
  });
});

describe('recordImport', () => {
  it('remembers the day and the newest connection, never moving it back', () => {
    const first = recordImport(EMPTY_VAULT_STATE, plan({ newest: '2026-11-01' }), '2026-11-26');
    expect(first.lastImport).toEqual({ date: '2026-11-26', newestConnectedOn: '2026-11-01' });
    const messagesOnly = recordImport(first, plan({ newest: null }), '2026-12-01');
    expect(messagesOnly.lastImport).toEqual({ date: '2026-12-01', newestConnectedOn: '2026-11-01' });
    expect(recordImport({ ...first, baseFileCreated: true }, plan({}), '2026-12-02').baseFileCreated).toBe(true);
  });

  it('remembers whose export it is, and keeps it when an export does not say', () => {
    const ada = { name: 'Ada Lovelace', profileUrl: 'https://www.linkedin.com/in/ada' };
    const withOwner = recordImport(EMPTY_VAULT_STATE, plan({ owner: ada }), '2026-11-26');
    expect(withOwner.owner).toEqual(ada);
    expect(recordImport(withOwner, plan({ owner: null }), '2026-11-27').owner).toEqual(ada);
  });
});

describe('fileNameFormatProblem', () => {
  it.each([
    ['{first} {last}', null],
    ['{name} ({company})', null],
    ['{last}, {first}', null],
    ['Jane', 'the format has no placeholder'],
    ['{firts} {last}', '{firts} is not a placeholder'],
  ])('%j', (format, problem) => {
    const got = fileNameFormatProblem(format);
    if (problem === null) expect(got).toBeNull();
    else expect(got).toContain(problem);
  });
});

/**
 * Pins how an import carries on when a write fails (core/import/apply.ts, shared by the plugin
 * and the CLI): a note that cannot be written is listed and the next is tried, but a full disk
 * or a used-up quota stops the import at that note. Every note left would fail the same way,
 * and a 30,000-note import on a full disk listed 24,548 failures and nothing else.
 */
import { describe, expect, it } from 'vitest';
import { applyPlan, isOutOfSpace, type NoteWriter } from '../../../src/core/import/apply';
import type { ImportPlan } from '../../../src/core/import/plan-types';

const failure = (code: string) => Object.assign(new Error(`${code}: the write failed`), { code });

/** A plan of `n` new notes, P1.md… (only what applyPlan reads of a plan). */
const planOf = (n: number) =>
  ({
    creates: Array.from({ length: n }, (_, i) => ({ path: `People/P${i + 1}.md`, text: () => 'text' })),
    updates: [],
  }) as unknown as ImportPlan;

/** A writer whose `failAt`th create (from 1) fails with `code`, and every one after it if `sticky`. */
function writer(failAt: number, code: string, sticky: boolean): NoteWriter & { written: string[] } {
  const written: string[] = [];
  let calls = 0;
  return {
    written,
    ensureFolder: () => Promise.resolve(),
    create: (path) => {
      calls++;
      if (calls === failAt || (sticky && calls > failAt)) return Promise.reject(failure(code));
      written.push(path);
      return Promise.resolve();
    },
    updateFrontmatter: () => Promise.resolve(),
    process: () => Promise.resolve(),
    yaml: { parse: () => ({}), patch: (t) => t },
  };
}

describe('applying a plan when writes fail', () => {
  it('lists a note that cannot be written and goes on with the next', async () => {
    const w = writer(2, 'EACCES', false);
    const result = await applyPlan(planOf(4), w);
    expect(result.failed.map((f) => f.path)).toEqual(['People/P2.md']);
    expect(w.written).toEqual(['People/P1.md', 'People/P3.md', 'People/P4.md']);
    expect(result.outOfSpace).toBeUndefined();
  });

  it.each(['ENOSPC', 'EDQUOT'])('stops at the first note there is no room for (%s)', async (code) => {
    const w = writer(3, code, true);
    const result = await applyPlan(planOf(50), w);
    expect(result.created).toEqual(['People/P1.md', 'People/P2.md']);
    expect(result.failed).toEqual([{ path: 'People/P3.md', error: `${code}: the write failed` }]);
    expect(result.outOfSpace).toBe(true);
    expect(result.cancelled).toBe(false);
  });

  it('tells a want of room by the error code alone', () => {
    expect(isOutOfSpace(failure('ENOSPC'))).toBe(true);
    expect(isOutOfSpace({ code: 'EDQUOT' })).toBe(true);
    expect(isOutOfSpace(new Error('ENOSPC in the message only'))).toBe(false);
    expect(isOutOfSpace(failure('EIO'))).toBe(false);
    expect(isOutOfSpace(null)).toBe(false);
    expect(isOutOfSpace('ENOSPC')).toBe(false);
  });
});

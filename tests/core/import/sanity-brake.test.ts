/**
 * The sanity brake's rule (issue 13 case 1), shared by the CLI and the plugin: it trips
 * only when more than 10% of the matched notes and more than 50 people would move from
 * one known company to another; filling an empty company is not a move.
 */
import { describe, expect, it } from 'vitest';
import type { ImportPlan, UpdateOp } from '../../../src/core/import/plan-types';
import { brakeCanTrip, sanityBrake } from '../../../src/core/import/sanity-brake';

function plan(moves: number, fills: number, unchanged: number): ImportPlan {
  const update = (i: number, from: string): UpdateOp => ({
    path: `People/P${i}.md`,
    name: `P${i}`,
    changes: [{ field: 'company', from, to: 'Garbled Corp' }],
    history: null,
    jobChange: null,
    interactions: [],
  });
  return {
    updates: [
      ...Array.from({ length: moves }, (_, i) => update(i, `Co ${i}`)),
      ...Array.from({ length: fills }, (_, i) => update(moves + i, '')),
    ],
    unchanged: Array.from({ length: unchanged }, (_, i) => ({ path: `People/U${i}.md`, name: `U${i}` })),
  } as unknown as ImportPlan;
}

describe('sanityBrake', () => {
  it('trips above 10% and above 50 people, with five examples', () => {
    const brake = sanityBrake(plan(60, 0, 400));
    expect(brake).toMatchObject({ changed: 60, matched: 460 });
    expect(brake?.examples).toHaveLength(5);
    expect(brake?.examples[0]).toEqual({ name: 'P0', path: 'People/P0.md', from: 'Co 0', to: 'Garbled Corp' });
    expect(brake?.message).toMatch(/^This import would change the company of 60 of 460 people \(13%\) at once\./);
  });

  it('does not trip at 50 people, at 10%, or for companies filled in where there was none', () => {
    expect(sanityBrake(plan(50, 0, 10))).toBeNull();
    expect(sanityBrake(plan(100, 0, 900))).toBeNull();
    expect(sanityBrake(plan(10, 500, 100))).toBeNull();
  });

  it('can trip only over a vault of more people than it needs to move', () => {
    // Every note moving is the most an import can do: over 50 notes that never trips.
    expect(brakeCanTrip(50)).toBe(false);
    expect(sanityBrake(plan(50, 0, 0))).toBeNull();
    expect(brakeCanTrip(51)).toBe(true);
    expect(sanityBrake(plan(51, 0, 0))).not.toBeNull();
  });
});

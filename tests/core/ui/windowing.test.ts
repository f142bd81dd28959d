import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../../src/core/ui/windowing';

describe('visibleRange', () => {
  it('renders the rows in view plus overscan', () => {
    expect(visibleRange({ scrollTop: 0, viewportHeight: 380, rowHeight: 76, count: 30_000 })).toEqual({
      start: 0,
      end: 11,
      offsetTop: 0,
      totalHeight: 2_280_000,
    });
    expect(visibleRange({ scrollTop: 76 * 1000 + 10, viewportHeight: 380, rowHeight: 76, count: 30_000 })).toEqual({
      start: 995,
      end: 1011,
      offsetTop: 995 * 76,
      totalHeight: 2_280_000,
    });
  });

  it('clamps at the end and for short or empty lists', () => {
    expect(visibleRange({ scrollTop: 1e9, viewportHeight: 380, rowHeight: 76, count: 30_000 }).end).toBe(30_000);
    expect(visibleRange({ scrollTop: 0, viewportHeight: 800, rowHeight: 76, count: 3 })).toEqual({
      start: 0,
      end: 3,
      offsetTop: 0,
      totalHeight: 228,
    });
    expect(visibleRange({ scrollTop: 50, viewportHeight: 800, rowHeight: 76, count: 0 })).toEqual({
      start: 0,
      end: 0,
      offsetTop: 0,
      totalHeight: 0,
    });
  });

  it('property: every visible row is rendered, and never more than a screenful plus overscan', () => {
    fc.assert(
      fc.property(
        fc.nat(5_000_000),
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 10, max: 200 }),
        fc.nat(50_000),
        (scrollTop, viewportHeight, rowHeight, count) => {
          const r = visibleRange({ scrollTop, viewportHeight, rowHeight, count, overscan: 5 });
          const top = Math.min(scrollTop, Math.max(0, count * rowHeight - viewportHeight));
          const firstVisible = Math.floor(top / rowHeight);
          const lastVisible = Math.min(count, Math.ceil((top + viewportHeight) / rowHeight));
          if (count > 0) {
            expect(r.start).toBeLessThanOrEqual(firstVisible);
            expect(r.end).toBeGreaterThanOrEqual(lastVisible);
          }
          expect(r.end - r.start).toBeLessThanOrEqual(Math.ceil(viewportHeight / rowHeight) + 12);
          expect(r.offsetTop).toBe(r.start * rowHeight);
        },
      ),
    );
  });
});

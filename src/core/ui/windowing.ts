/**
 * Which rows of a fixed-height list to render for a scroll position: only the visible
 * ones plus a little overscan, so a list of 30,000 people stays as light as one of 30.
 */
export interface WindowInput {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  count: number;
  overscan?: number;
}

export interface WindowRange {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
  /** Space above the rendered rows, in pixels. */
  offsetTop: number;
  /** Height of the whole list, in pixels. */
  totalHeight: number;
}

export function visibleRange({ scrollTop, viewportHeight, rowHeight, count, overscan = 5 }: WindowInput): WindowRange {
  const totalHeight = Math.max(0, count * rowHeight);
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetTop: 0, totalHeight };
  const maxTop = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil(Math.max(viewportHeight, rowHeight) / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return { start, end, offsetTop: start * rowHeight, totalHeight };
}

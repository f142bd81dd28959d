/**
 * The geometry of a monthly bar chart, so the view only writes SVG rectangles and the
 * numbers are tested here: bar rectangles in a fixed coordinate box, a "nice" top value
 * for the scale (1, 2 or 5 × 10ⁿ), gridlines, and which months get a label.
 */
import type { MonthCount } from './overview';

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
  month: string;
  value: number;
}

export interface BarChart {
  width: number;
  height: number;
  /** The value at the top of the box. */
  top: number;
  bars: Bar[];
  gridlines: Array<{ y: number; value: number }>;
  /** Month labels under the bars: position as a fraction of the width (bar centre), text, and whether minor. */
  labels: Array<{ at: number; text: string; minor: boolean }>;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The smallest 1, 2 or 5 × 10ⁿ at or above `n` (at least 1). */
export function niceTop(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

/** "Mar", with the year ("Mar 2025") when asked. */
export function monthLabel(month: string, withYear: boolean): string {
  const name = MONTHS[Number(month.slice(5, 7)) - 1] ?? month;
  return withYear ? `${name} ${month.slice(0, 4)}` : name;
}

export function barChart(values: readonly MonthCount[], width = 600, height = 160, every = 3): BarChart {
  const max = Math.max(0, ...values.map((v) => v.count));
  const top = niceTop(max);
  const slot = values.length === 0 ? width : width / values.length;
  const gap = Math.min(4, slot * 0.2);
  const bars = values.map((v, i) => {
    const h = (v.count / top) * height;
    return { x: i * slot + gap / 2, y: height - h, width: slot - gap, height: h, month: v.month, value: v.count };
  });
  const n = values.length;
  // Every other label, counted from the newest, is minor (a narrow screen shows only the
  // major ones); the years go on major labels: the first, and each one in a new year.
  const labelled = values.map((v, i) => ({ i, v })).filter(({ i }) => (n - 1 - i) % every === 0);
  const last = labelled.length - 1;
  let year: string | null = null;
  const labels = labelled.map(({ i, v }, k) => {
    const minor = (last - k) % 2 === 1;
    const withYear = !minor && v.month.slice(0, 4) !== year;
    if (!minor) year = v.month.slice(0, 4);
    return { at: (i + 0.5) / Math.max(n, 1), text: monthLabel(v.month, withYear), minor };
  });
  return {
    width,
    height,
    top,
    bars,
    gridlines: [top / 2, top].map((value) => ({ y: height - (value / top) * height, value })),
    labels,
  };
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

/** Best, median and every run of a figure, rounded for the record. */
export interface Spread {
  best: number;
  median: number;
  runs: number[];
}

export function spread(values: number[], digits = 0): Spread {
  const round = (v: number) => Number(v.toFixed(digits));
  return { best: round(Math.min(...values)), median: round(median(values)), runs: values.map(round) };
}

/** a ÷ b, best over best and median over median. */
export function ratio(a: Spread, b: Spread): { best: number; median: number } {
  return { best: Number((a.best / b.best).toFixed(2)), median: Number((a.median / b.median).toFixed(2)) };
}

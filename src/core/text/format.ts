/** Small formatting helpers shared by the report, the CLI and the views. */

/** 30000 → "30,000", the same on every locale so reports and tests are stable. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

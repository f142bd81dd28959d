/** "4 months", "3 weeks", "yesterday": the spans people think in, from a number of days. */
export function spanOfDays(days: number): string {
  const d = Math.abs(Math.round(days));
  if (d < 14) return d === 1 ? '1 day' : `${d} days`;
  if (d < 60) return `${Math.round(d / 7)} weeks`;
  if (d < 730) return `${Math.round(d / 30.44)} months`;
  return `${Math.round(d / 365.25)} years`;
}

export function daysAgo(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${spanOfDays(days)} ago`;
}

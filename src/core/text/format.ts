/** Small formatting helpers shared by the report, the CLI and the views. */

/** 30000 → "30,000", the same on every locale so reports and tests are stable. */
export function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "text" → "Text": a sentence's first letter, for words that also stand mid-sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

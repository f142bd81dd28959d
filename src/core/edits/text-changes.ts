/**
 * The changes that turn one text into another, as few and as small as a line diff finds:
 * an edit to the frontmatter and a line added lower down come out as two changes, not one
 * span over everything between them. Applied to an open editor in one transaction, text
 * between the changes (and the cursor in it) stays where it is.
 */
export interface TextChange {
  /** Offsets in the old text. */
  from: number;
  to: number;
  insert: string;
}

/** Beyond this many changed lines on both sides, one change for the whole region (notes are small). */
const MAX_DIFF_CELLS = 250_000;

function splitLines(text: string): string[] {
  // Each line keeps its line break, so offsets add up and CRLF survives.
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function textChanges(oldText: string, newText: string): TextChange[] {
  if (oldText === newText) return [];
  const a = splitLines(oldText);
  const b = splitLines(newText);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  const am = a.slice(start, a.length - end);
  const bm = b.slice(start, b.length - end);
  const base = a.slice(0, start).join('').length;
  if (am.length * bm.length > MAX_DIFF_CELLS)
    return [{ from: base, to: base + am.join('').length, insert: bm.join('') }];
  // Longest common subsequence of the middle lines; the gaps between kept lines are the changes.
  const lcs: number[][] = Array.from({ length: am.length + 1 }, () => new Array<number>(bm.length + 1).fill(0));
  for (let i = am.length - 1; i >= 0; i--)
    for (let j = bm.length - 1; j >= 0; j--)
      (lcs[i] as number[])[j] =
        am[i] === bm[j]
          ? ((lcs[i + 1] as number[])[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as number[])[j] as number, (lcs[i] as number[])[j + 1] as number);
  const out: TextChange[] = [];
  let i = 0;
  let j = 0;
  let offset = base;
  let pending: TextChange | null = null;
  const flush = () => {
    if (pending && (pending.from !== pending.to || pending.insert !== '')) out.push(pending);
    pending = null;
  };
  while (i < am.length || j < bm.length) {
    if (i < am.length && j < bm.length && am[i] === bm[j]) {
      flush();
      offset += (am[i] as string).length;
      i++;
      j++;
    } else if (
      j < bm.length &&
      (i >= am.length || ((lcs[i] as number[])[j + 1] as number) >= ((lcs[i + 1] as number[])[j] as number))
    ) {
      pending ??= { from: offset, to: offset, insert: '' };
      pending.insert += bm[j] as string;
      j++;
    } else {
      pending ??= { from: offset, to: offset, insert: '' };
      offset += (am[i] as string).length;
      pending.to = offset;
      i++;
    }
  }
  flush();
  return out;
}

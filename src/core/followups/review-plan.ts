/**
 * Which lines of a note are a weekly review's plan, for the rule that a plan is not a contact:
 * in a section under a "Reach-outs" heading, each task and every list item nested under one
 * (the context the review quotes: where you met, the last contact). Everything else in the
 * section counts as the note's own words: a line written after the plan, a bullet of your own.
 * A review's plan used to be the whole section, so a daily note's journal written below the
 * plan (where the cursor is after a review) was never counted as contact.
 *
 * Both adapters ask this of the same shape, list items with their parent as Obsidian's
 * `ListItemCache` gives it: the plugin from the metadata cache, the CLI from the text
 * ({@link listItemsOfLines}).
 */

/** A list item: its line, its parent item's line (negative at the top of a list, as Obsidian has it), and whether it is a task. */
export interface ListItemAt {
  line: number;
  parent: number;
  task: boolean;
}

/**
 * The lines of the list items that are a review's plan; `inReview(line)`: whether the line
 * sits under a review's heading (tasks.ts's isReviewHeading of the heading above it).
 */
export function reviewPlanLines(items: readonly ListItemAt[], inReview: (line: number) => boolean): Set<number> {
  // In line order a parent comes before its items, so one pass knows each item's answer
  // (no recursion, however deep a hostile note nests its list).
  const underTask = new Map<number, boolean>();
  const out = new Set<number>();
  for (const item of [...items].sort((a, b) => a.line - b.line)) {
    // A top-level item's `parent` is minus its list's first line: -0 for a list on line 0.
    const parent = item.parent >= 0 && !Object.is(item.parent, -0) && item.parent < item.line ? item.parent : null;
    const planned = item.task || (parent !== null && underTask.get(parent) === true);
    underTask.set(item.line, planned);
    if (planned && inReview(item.line)) out.add(item.line);
  }
  return out;
}

const LIST_ITEM = /^([ \t]*)(?:[-*+]|\d+[.)])(?:[ \t]|$)/;
const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const TASK_ITEM = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^\]]\]/;

/** Columns of leading white space, a tab to the next multiple of 4 (CommonMark's tab stop). */
function indentOf(space: string): number {
  let col = 0;
  for (const ch of space) col = ch === '\t' ? col + 4 - (col % 4) : col + 1;
  return col;
}

/**
 * The list items of a note's lines (those Obsidian indexes, in order), parented as
 * Obsidian's metadata cache does: an item indented deeper than the one above sits under the
 * nearest such item with less indent; a heading, or a paragraph after a blank line, ends the list.
 */
export function listItemsOfLines(lines: readonly { line: number; text: string }[]): ListItemAt[] {
  const out: ListItemAt[] = [];
  /** The open items, shallowest first, each with its indent. */
  let open: Array<{ line: number; indent: number }> = [];
  let listStart = -1;
  let afterBlank = false;
  for (const { line, text } of lines) {
    const m = LIST_ITEM.exec(text);
    if (!m) {
      // A heading, or a paragraph after a blank line, ends the list; a line right below an
      // item continues its text (CommonMark's lazy continuation).
      if (text.trim() !== '' && !/^[ \t]/.test(text) && (afterBlank || HEADING_LINE.test(text))) {
        open = [];
        listStart = -1;
      }
      afterBlank = text.trim() === '';
      continue;
    }
    afterBlank = false;
    const indent = indentOf(m[1] as string);
    while (open.length > 0 && (open[open.length - 1] as { indent: number }).indent >= indent) open.pop();
    if (listStart < 0) listStart = line;
    const parent = open.length > 0 ? (open[open.length - 1] as { line: number }).line : -listStart;
    out.push({ line, parent, task: TASK_ITEM.test(text) });
    open.push({ line, indent });
  }
  return out;
}

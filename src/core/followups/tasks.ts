/**
 * Tasks in a note's text, as far as follow-ups need them: each `- [ ]` / `- [x]` list item
 * with the notes it links, its dates, and the heading it sits under.
 *
 * What does not count, as in Obsidian's own link index: anything in the frontmatter, in
 * fenced code blocks, in inline code, in `%% comments %%`; and, because a quoted task is
 * someone else's words rather than your to-do, anything inside a blockquote or callout.
 * Embeds (`![[…]]`) show a note rather than refer to a person, so they do not count either.
 *
 * Dates follow the Tasks plugin (✅ done, ➕ created, 📅 due; also its Dataview form
 * `[completion:: …]`, `[created:: …]`, `[due:: …]`). A checked task without ✅ counts as done
 * on a date written in it (`- [x] 2026-05-01 called [[Jane]]`), other Tasks dates aside.
 */
import { isValidYmd, toIso, type IsoDate } from '../dates/iso-date';
import { fenceLine } from '../notes/body-sections';
import { splitNote } from '../notes/note-text';
import { listItemsOfLines, reviewPlanLines } from './review-plan';

export type TaskState = 'open' | 'done';

/** Sections whose heading starts with this were written by "Plan this week's reach-outs". */
export const REVIEW_HEADING = 'Reach-outs';

export function isReviewHeading(heading: string | null): boolean {
  return heading !== null && heading.startsWith(REVIEW_HEADING);
}

export interface MarkdownTask {
  /** 0-based line in the whole note text (frontmatter included), as Obsidian counts. */
  line: number;
  state: TaskState;
  /** The text after the checkbox. */
  text: string;
  /** Link targets as written (`People/Jane Doe`, `Jane Doe`), headings and aliases removed. */
  targets: string[];
  doneOn: IsoDate | null;
  createdOn: IsoDate | null;
  due: IsoDate | null;
  /** The nearest heading above the task, or null. */
  heading: string | null;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const QUOTE = /^ {0,3}>/;
/** `- [ ] text`, `* [x] text`, `1. [ ] text`. `/` (in progress, as the Tasks plugin has it) is still open. */
const TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[([ xX/])\](?:\s+(.*))?$/;
const WIKILINK = /(!?)\[\[([^\]|#^]*)(?:[#^][^\]|]*)?(?:\|([^\]]*))?\]\]/g;
const MD_LINK = /(!?)\[([^\]]*)\]\((<[^>]*>|[^)\s]+)(?:\s+"[^"]*")?\)/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const DATE = '(\\d{4})-(\\d{2})-(\\d{2})';

function isoFrom(m: RegExpExecArray | null, at = 1): IsoDate | null {
  if (!m) return null;
  const y = Number(m[at]);
  const mo = Number(m[at + 1]);
  const d = Number(m[at + 2]);
  return isValidYmd(y, mo, d) ? toIso(y, mo, d) : null;
}

function tasksDate(text: string, emoji: string, field: string): IsoDate | null {
  return (
    isoFrom(new RegExp(`${emoji}\\uFE0F?\\s*${DATE}`, 'u').exec(text)) ??
    isoFrom(new RegExp(`\\[${field}::\\s*${DATE}\\s*\\]`, 'i').exec(text))
  );
}

/** Tasks-plugin dates and Dataview fields, removed so a plain date left in the text stands out. */
const TASKS_FIELDS = /(?:[✅➕📅⏳🛫❌]\uFE0F?\s*\d{4}-\d{2}-\d{2})|\[[\w-]+::[^\]]*\]/gu;

/**
 * A date not inside a longer number. The character before it is matched, not looked behind
 * at: Obsidian on iOS before 16.4 cannot compile a lookbehind, and this runs in the plugin.
 */
const PLAIN_DATE = new RegExp(`(?:^|\\D)${DATE}(?!\\d)`);

function plainDate(text: string): IsoDate | null {
  return isoFrom(PLAIN_DATE.exec(text.replace(TASKS_FIELDS, ' ')));
}

/** `code`, and %% comments %% on one line, blanked so links inside them are not seen. */
function withoutInlineCode(line: string): string {
  return line.replace(/(`+)[^`]*?\1/g, ' ').replace(/%%.*?%%/g, ' ');
}

/** Link targets in a line of text: wikilinks and Markdown links to notes, not embeds nor web links. */
export function lineLinkTargets(line: string): string[] {
  const text = withoutInlineCode(line);
  const out: string[] = [];
  for (const m of text.matchAll(WIKILINK)) {
    const target = (m[2] as string).trim();
    if (m[1] === '' && target !== '') out.push(target);
  }
  for (const m of text.matchAll(MD_LINK)) {
    if (m[1] !== '') continue;
    let target = (m[3] as string).replace(/^<|>$/g, '');
    if (SCHEME.test(target)) continue;
    target = target.replace(/#.*$/, '');
    try {
      target = decodeURI(target);
    } catch {
      // A stray % in a hand-written link: use it as written.
    }
    target = target.trim();
    if (target !== '' && (/\.md$/i.test(target) || !/\.[a-z0-9]+$/i.test(target))) out.push(target);
  }
  return out;
}

export interface ScannedLine {
  line: number;
  text: string;
  heading: string | null;
  quoted: boolean;
}

/**
 * The body lines that Obsidian would index (outside the frontmatter, code blocks and %%
 * comment blocks), each with the heading it sits under.
 */
export function scanLines(noteText: string): ScannedLine[] {
  const parts = splitNote(noteText);
  const lines = noteText.split('\n');
  const first = parts.head === '' ? 0 : parts.head.split('\n').length - 1;
  const out: ScannedLine[] = [];
  let fence: string | null = null;
  let comment = false;
  let heading: string | null = null;
  for (let i = first; i < lines.length; i++) {
    const text = (lines[i] as string).replace(/\r$/, '');
    const f: { fence: string | null } | null = comment ? null : fenceLine(text, fence);
    if (f) {
      fence = f.fence;
      continue;
    }
    if (fence !== null) continue;
    // An odd number of %% opens or closes a comment block that spans lines.
    const markers = (withoutInlineCode(text.replace(/%%.*?%%/g, '')).match(/%%/g) ?? []).length;
    if (comment) {
      if (markers % 2 === 1) comment = false;
      continue;
    }
    if (markers % 2 === 1) {
      comment = true;
      continue;
    }
    const h = HEADING.exec(text);
    if (h) heading = (h[2] as string).trim();
    out.push({ line: i, text, heading, quoted: QUOTE.test(text) });
  }
  return out;
}

/**
 * The note with ` ✅ date` (the Tasks plugin's done date) added to this checked task, or null
 * when its line is no longer that task, checked and without a done date (it was edited
 * meanwhile). A weekly-review task checked on one device is logged as contact there; the
 * date it gets tells every other device, once the note syncs, that it is already logged.
 */
export function stampDone(noteText: string, task: MarkdownTask, date: IsoDate): string | null {
  const lines = noteText.split('\n');
  const raw = lines[task.line];
  if (raw === undefined) return null;
  const cr = raw.endsWith('\r') ? '\r' : '';
  const line = cr ? raw.slice(0, -1) : raw;
  const m = TASK.exec(line);
  const text = (m?.[2] ?? '').trim();
  if (!m || (m[1] !== 'x' && m[1] !== 'X') || text !== task.text || tasksDate(text, '✅', 'completion') !== null)
    return null;
  // Before a block id (`^abc`), which must stay last on the line for links to it to resolve.
  const kept = line.trimEnd();
  const block = /\s\^[\w-]+$/.exec(kept);
  lines[task.line] = block ? `${kept.slice(0, block.index)} ✅ ${date}${block[0]}${cr}` : `${kept} ✅ ${date}${cr}`;
  return lines.join('\n');
}

/** Every task in the note (outside quotes, code and comments), with the notes it links. */
export function findTasks(noteText: string): MarkdownTask[] {
  const out: MarkdownTask[] = [];
  for (const l of scanLines(noteText)) {
    if (l.quoted) continue;
    const m = TASK.exec(l.text);
    if (!m) continue;
    const text = (m[2] ?? '').trim();
    out.push(taskFrom(l, m[1] as string, text, lineLinkTargets(text)));
  }
  return out;
}

function taskFrom(l: ScannedLine, mark: string, text: string, targets: string[]): MarkdownTask {
  const state: TaskState = mark === 'x' || mark === 'X' ? 'done' : 'open';
  return {
    line: l.line,
    state,
    text,
    targets,
    doneOn: state === 'done' ? (tasksDate(text, '✅', 'completion') ?? plainDate(text)) : null,
    createdOn: tasksDate(text, '➕', 'created'),
    due: tasksDate(text, '📅', 'due'),
    heading: l.heading,
  };
}

/**
 * Link targets that count as "this note mentions them" for the daily-note rule: every link
 * Obsidian indexes, except those in open tasks (a plan to call someone is not a call) and
 * those in a weekly review's plan (review-plan.ts: its tasks and the context they quote).
 */
export function contactLinkTargets(noteText: string): string[] {
  const out: string[] = [];
  const lines = scanLines(noteText);
  // Most daily notes hold no review: their list items are not looked at.
  let plan: Set<number> | null = null;
  if (lines.some((l) => isReviewHeading(l.heading))) {
    const headingOf = new Map(lines.map((l) => [l.line, l.heading]));
    plan = reviewPlanLines(listItemsOfLines(lines), (line) => isReviewHeading(headingOf.get(line) ?? null));
  }
  for (const l of lines) {
    if (plan?.has(l.line)) continue;
    const m = TASK.exec(l.text);
    if (m && !l.quoted && m[1] !== 'x' && m[1] !== 'X') continue;
    out.push(...lineLinkTargets(l.text));
    // Embeds count for the daily-note rule as they do in Obsidian's resolved links.
    for (const e of withoutInlineCode(l.text).matchAll(WIKILINK)) if (e[1] === '!') out.push((e[2] as string).trim());
  }
  return out.filter((t) => t !== '');
}

/** A task's text for a row or a list: links shown by their name, Tasks' dates and fields left out. */
export function taskDisplayText(text: string): string {
  return text
    .replace(TASKS_FIELDS, ' ')
    .replace(WIKILINK, (_m, bang: string, target: string, alias: string | undefined) =>
      bang === '!' ? ' ' : (alias ?? target.split('/').pop() ?? target).trim(),
    )
    .replace(MD_LINK, (_m, bang: string, label: string) => (bang === '!' ? ' ' : label))
    .replace(/[🔼🔽⏫⏬🔺🔁]\uFE0F?/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * One import update of one note, as one text edit: the changed frontmatter keys and the
 * body lines (interactions, the job-change history line, an address book's notes section)
 * are computed together and the
 * adapter writes the result once (the CLI: a temp file and a rename; the plugin: one
 * `vault.process`). Written in two steps, a kill between them left the new company in the
 * frontmatter and no `## History` line, and the next run, seeing no change, never added it.
 *
 * The history line is also derived from the note itself: a note whose `job-changed-on`
 * has no matching `## History` line (left so by a version that wrote in two steps) gets
 * one on the next import, so that damage is repaired rather than kept.
 */
import { coerceDate, coerceText } from '../people/coerce';
import { appendSectionText, appendToSection, insertDatedLines, sectionLines } from '../notes/body-sections';
import { splitNote } from '../notes/note-text';
import { FIELD, HISTORY_HEADING, INTERACTIONS_HEADING } from '../notes/schema';
import { mergeAliases } from '../notes/name-cleanup';
import type { FrontmatterValue } from '../yaml/emit';
import { patchFrontmatterYaml, type FrontmatterPatch } from '../yaml/patch';
import { readFlatYaml } from '../yaml/read-flat';
import { escapeMarkdown } from '../notes/markdown-escape';
import { historyLine, jobLabel, type JobChange } from './field-diff';
import type { UpdateOp } from './plan-types';

/** What the adapter brings for YAML the core does not handle itself. */
export interface YamlTools {
  /** The adapter's parser (Obsidian's, or the yaml package), for frontmatter read-flat.ts declines. */
  parse(yaml: string): Record<string, unknown>;
  /** A full edit, for frontmatter the line patcher declines (flow maps, keys written twice). */
  patch(yaml: string, patch: FrontmatterPatch): string;
}

/**
 * The frontmatter patch, decided against the note as it is now: `aliases` is the user's,
 * so the plan's names are added to the aliases the note has at this moment (which may have
 * changed since the plan), never written over them.
 */
function patchNow(yaml: string, op: UpdateOp, tools: YamlTools): Map<string, FrontmatterValue> {
  const patch = new Map<string, FrontmatterValue>();
  for (const c of op.changes) {
    if (c.field !== FIELD.aliases) {
      patch.set(c.field, c.to);
      continue;
    }
    const current = (readFlatYaml(yaml) ?? tools.parse(yaml))[FIELD.aliases];
    const merged = mergeAliases(current, c.to as string[]);
    if (merged !== null) patch.set(c.field, merged as string[]);
  }
  return patch;
}

/** The note's text after `op`; throws when the frontmatter cannot be edited safely. */
export function updatedNoteText(text: string, op: UpdateOp, tools: YamlTools): string {
  const parts = splitNote(text);
  if (parts.unterminated) throw new Error('the frontmatter has no closing ---; fix it first');
  let head = parts.head;
  const yaml = parts.yaml ?? '';
  const patch = op.changes.length > 0 ? patchNow(yaml, op, tools) : new Map<string, FrontmatterValue>();
  if (patch.size > 0) {
    const next = patchFrontmatterYaml(yaml, patch) ?? tools.patch(yaml, patch);
    if (parts.yaml === null) head = `---\n${next}---\n`;
    else {
      const open = text.indexOf('\n') + 1; // the opening fence (and a BOM before it) stays as it was
      head = text.slice(0, open) + next + parts.head.slice(open + yaml.length);
    }
  }
  let body = parts.body;
  // In one pass: a calendar brings a note hundreds of meetings (one insert each was quadratic).
  body = insertDatedLines(body, INTERACTIONS_HEADING, op.interactions);
  if (op.history !== null && !hasLine(body, op.history)) body = appendToSection(body, HISTORY_HEADING, op.history);
  for (const section of op.sections ?? []) body = appendSectionText(body, section.heading, section.text);
  return head + body;
}

function hasLine(body: string, line: string): boolean {
  return sectionLines(body, HISTORY_HEADING).some((l) => l.trim() === line.trim());
}

/** The `## History` line for a change recorded on `date` whose previous job was never written down. */
export function repairedHistoryLine(date: string, current: Record<string, unknown>): string {
  const to = jobLabel(coerceText(current[FIELD.position]), coerceText(current[FIELD.company]));
  return `- ${date} · job change: (previous job not recorded) → ${escapeMarkdown(to || 'unknown')}`;
}

/**
 * The history line an update should add, when the note's body is not needed to know it:
 * today's job change, or null when the note records none. Undefined: the note records a
 * change (`job-changed-on`) its `## History` may not mention ({@link historyToAdd} reads it).
 * Most notes of a re-import are settled here, with no body and no promise.
 */
export function historyWithoutBody(
  current: Record<string, unknown>,
  jobChange: JobChange | null,
  today: string,
): string | null | undefined {
  if (jobChange) return historyLine(today, jobChange);
  return coerceDate(current[FIELD.jobChangedOn]).value === null ? null : undefined;
}

/**
 * The history line an update should add: today's job change, or, when the note records a
 * change (`job-changed-on`) its `## History` does not mention, that one. Reads the body
 * only in the second case.
 */
export async function historyToAdd(
  current: Record<string, unknown>,
  jobChange: JobChange | null,
  today: string,
  readBody: () => Promise<string>,
): Promise<string | null> {
  const known = historyWithoutBody(current, jobChange, today);
  if (known !== undefined) return known;
  const recorded = coerceDate(current[FIELD.jobChangedOn]).value as string;
  const lines = sectionLines(await readBody(), HISTORY_HEADING);
  if (lines.some((l) => l.trim().startsWith(`- ${recorded} · job change`))) return null;
  return repairedHistoryLine(recorded, current);
}

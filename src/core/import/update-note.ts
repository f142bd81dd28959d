/**
 * One import update of one note, as one text edit: the changed frontmatter keys and the
 * body lines (interactions, the job-change history line) are computed together and the
 * adapter writes the result once (the CLI: a temp file and a rename; the plugin: one
 * `vault.process`). Written in two steps, a kill between them left the new company in the
 * frontmatter and no `## History` line, and the next run, seeing no change, never added it.
 *
 * The history line is also derived from the note itself: a note whose `job-changed-on`
 * has no matching `## History` line (left so by a version that wrote in two steps) gets
 * one on the next import, so that damage is repaired rather than kept.
 */
import { coerceDate, coerceText } from '../people/coerce';
import { appendToSection, insertDatedLine, sectionLines } from '../notes/body-sections';
import { splitNote } from '../notes/note-text';
import { FIELD, HISTORY_HEADING, INTERACTIONS_HEADING } from '../notes/schema';
import { patchFrontmatterYaml, type FrontmatterPatch } from '../yaml/patch';
import { escapeMarkdown } from '../notes/markdown-escape';
import { historyLine, jobLabel, type JobChange } from './field-diff';
import type { UpdateOp } from './plan-types';

/** The adapter's full YAML edit, for the rare frontmatter the line patcher declines (flow maps, keys written twice). */
export type YamlPatcher = (yaml: string, patch: FrontmatterPatch) => string;

/** The note's text after `op`; throws when the frontmatter cannot be edited safely. */
export function updatedNoteText(text: string, op: UpdateOp, patchYaml: YamlPatcher): string {
  const parts = splitNote(text);
  if (parts.unterminated) throw new Error('the frontmatter has no closing ---; fix it first');
  let head = parts.head;
  if (op.changes.length > 0) {
    const patch = new Map(op.changes.map((c) => [c.field as string, c.to]));
    const yaml = parts.yaml ?? '';
    const next = patchFrontmatterYaml(yaml, patch) ?? patchYaml(yaml, patch);
    if (parts.yaml === null) head = `---\n${next}---\n`;
    else {
      const open = text.indexOf('\n') + 1; // the opening fence (and a BOM before it) stays as it was
      head = text.slice(0, open) + next + parts.head.slice(open + yaml.length);
    }
  }
  let body = parts.body;
  for (const i of op.interactions) body = insertDatedLine(body, INTERACTIONS_HEADING, i.line, i.date);
  if (op.history !== null && !hasLine(body, op.history)) body = appendToSection(body, HISTORY_HEADING, op.history);
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
  if (jobChange) return historyLine(today, jobChange);
  const recorded = coerceDate(current[FIELD.jobChangedOn]).value;
  if (recorded === null) return null;
  const lines = sectionLines(await readBody(), HISTORY_HEADING);
  if (lines.some((l) => l.trim().startsWith(`- ${recorded} · job change`))) return null;
  return repairedHistoryLine(recorded, current);
}

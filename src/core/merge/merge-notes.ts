/**
 * Merging two notes about the same person into the one the user keeps.
 *
 * Frontmatter is a union: a key on one side only is taken; lists (and a list against a
 * scalar) are merged without duplicates, e-mails and tags case-insensitively; an empty
 * value gives way to a filled one; `last-contact` and other "latest" dates take the later
 * date. What is left, two different values for one key, is a conflict the user chooses
 * (the plugin asks in a modal, the CLI takes `--take KEY`); unanswered, the kept note's
 * value stays, because the user chose that note as the one they keep. The removed note's
 * name becomes an alias of the kept one, so searching for it still finds the person, and a
 * LinkedIn profile not kept goes into `linkedin-merged`, so the next import does not make
 * the removed note again from that profile's row.
 *
 * Bodies are joined section by section without losing a byte: the removed note's text
 * under a heading the kept note also has goes at the end of that section, other sections
 * at the end of the note, each in its original order. Only a list item or a plain line that
 * the same section of the kept note already has word for word is dropped (the same meeting
 * logged in both), never a line inside a code block. Line endings follow the kept note.
 */
import { normaliseProfileUrl } from '../identity/profile-url';
import { coerceDate, coerceText, isEmptyValue } from '../people/coerce';
import { insertDatedLines, itemDate, LIST_ITEM } from '../notes/body-sections';
import { lineEnding } from '../notes/note-text';
import { FIELD, INTERACTIONS_HEADING } from '../notes/schema';

export interface MergeSide {
  path: string;
  frontmatter: Readonly<Record<string, unknown>>;
  body: string;
}

export interface FieldConflict {
  key: string;
  kept: unknown;
  removed: unknown;
}

export type Choice = 'kept' | 'removed';

export interface MergeResult {
  /** Frontmatter keys to set on the kept note (only those that change). */
  set: Record<string, unknown>;
  /** Every conflict, with what was chosen. */
  conflicts: Array<FieldConflict & { chosen: Choice }>;
  /** The kept note's new body. */
  body: string;
}

/** Keys whose later date wins: they record when something last happened. */
const LATEST: ReadonlySet<string> = new Set([
  FIELD.lastContact,
  FIELD.lastMessage,
  FIELD.jobChangedOn,
  FIELD.jobChangeSeen,
]);
const CASE_INSENSITIVE_LISTS: ReadonlySet<string> = new Set([FIELD.emails, FIELD.email, FIELD.tags, 'aliases']);

function itemKey(key: string, v: unknown): string {
  const s = typeof v === 'string' ? v.trim() : JSON.stringify(v);
  const t = key === FIELD.tags ? s.replace(/^#/, '') : s;
  return CASE_INSENSITIVE_LISTS.has(key) ? t.toLowerCase() : t;
}

function union(key: string, a: unknown, b: unknown): unknown[] {
  const out: unknown[] = [];
  const seen = new Set<string>();
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v]);
  for (const v of [...list(a), ...list(b)]) {
    if (isEmptyValue(v)) continue;
    const k = itemKey(key, v);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(v);
  }
  return out;
}

function sameValue(key: string, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    a instanceof Date ||
    b instanceof Date ||
    LATEST.has(key) ||
    key === FIELD.connectedOn ||
    key === FIELD.birthday
  ) {
    const x = coerceDate(a).value;
    if (x !== null && x === coerceDate(b).value) return true;
  }
  if (typeof a === 'object' || typeof b === 'object') return JSON.stringify(a) === JSON.stringify(b);
  return coerceText(a) === coerceText(b);
}

/** Keys that hold lists in person notes even when one side wrote a single value. */
const LIST_KEYS: ReadonlySet<string> = new Set([
  FIELD.tags,
  FIELD.emails,
  FIELD.phones,
  FIELD.linkedinMerged,
  'aliases',
  'cssclasses',
]);

export function mergeFrontmatter(
  kept: MergeSide,
  removed: MergeSide,
  choose: (c: FieldConflict) => Choice = () => 'kept',
): Pick<MergeResult, 'set' | 'conflicts'> {
  const set: Record<string, unknown> = {};
  const conflicts: MergeResult['conflicts'] = [];
  const a = kept.frontmatter;
  const b = removed.frontmatter;
  for (const key of Object.keys(b)) {
    const x = a[key];
    const y = b[key];
    if (isEmptyValue(y) || sameValue(key, x, y)) continue;
    // The kept note keeps its name; the other name becomes an alias (below), not a question.
    if (key === FIELD.name && !isEmptyValue(x)) continue;
    if (isEmptyValue(x)) {
      set[key] = y;
      continue;
    }
    if (Array.isArray(x) || Array.isArray(y) || LIST_KEYS.has(key)) {
      const merged = union(key, x, y);
      if (JSON.stringify(merged) !== JSON.stringify(Array.isArray(x) ? x : [x])) set[key] = merged;
      continue;
    }
    if (LATEST.has(key)) {
      const dx = coerceDate(x).value;
      const dy = coerceDate(y).value;
      if (dx !== null && dy !== null) {
        if (dy > dx) set[key] = y;
        continue;
      }
    }
    const conflict = { key, kept: x, removed: y };
    const chosen = choose(conflict);
    conflicts.push({ ...conflict, chosen });
    if (chosen === 'removed') set[key] = y;
  }
  // Two LinkedIn profiles for one person: the one not kept is remembered, so that the next
  // import skips its row instead of making the removed note again.
  const urlOf = (v: unknown) => normaliseProfileUrl(coerceText(v));
  const keptUrl = urlOf(FIELD.linkedin in set ? set[FIELD.linkedin] : a[FIELD.linkedin]);
  const other = [a[FIELD.linkedin], b[FIELD.linkedin]].map(urlOf).find((u) => u !== null && u !== keptUrl);
  if (keptUrl !== null && other !== undefined && other !== null) {
    const current = FIELD.linkedinMerged in set ? set[FIELD.linkedinMerged] : a[FIELD.linkedinMerged];
    const merged = union(FIELD.linkedinMerged, current, other);
    if (
      JSON.stringify(merged) !==
      JSON.stringify(isEmptyValue(current) ? [] : Array.isArray(current) ? current : [current])
    )
      set[FIELD.linkedinMerged] = merged;
  }
  // The removed note's name stays findable as an alias of the kept one.
  const keptName = coerceText(a[FIELD.name]) || baseName(kept.path);
  const removedName = coerceText(b[FIELD.name]) || baseName(removed.path);
  if (removedName !== '' && removedName.toLowerCase() !== keptName.toLowerCase()) {
    const current = 'aliases' in set ? set.aliases : a.aliases;
    const aliases = union('aliases', current, removedName);
    if (
      JSON.stringify(aliases) !==
      JSON.stringify(Array.isArray(a.aliases) ? a.aliases : isEmptyValue(a.aliases) ? [] : [a.aliases])
    )
      set.aliases = aliases;
  }
  return { set, conflicts };
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

interface Section {
  /** The heading line as written (without its line break), or null for the text before the first heading. */
  heading: string | null;
  key: string;
  /** Lines after the heading, each without its line break. */
  lines: string[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*$/;

function splitSections(body: string): { sections: Section[]; endsWithNewline: boolean } {
  const lines = body.split(/\r?\n/);
  const endsWithNewline = body.endsWith('\n');
  if (endsWithNewline) lines.pop();
  const sections: Section[] = [{ heading: null, key: '', lines: [] }];
  let fence: string | null = null;
  for (const line of lines) {
    const f = FENCE.exec(line);
    if (f) {
      const marker = (f[1] as string)[0] as string;
      if (fence === null) fence = marker;
      else if (fence === marker) fence = null;
    }
    const h = fence === null && !f ? HEADING.exec(line) : null;
    if (h)
      sections.push({
        heading: line,
        key: `${(h[1] as string).length} ${(h[2] as string).trim().toLowerCase()}`,
        lines: [],
      });
    else (sections[sections.length - 1] as Section).lines.push(line);
  }
  return { sections, endsWithNewline };
}

/** Lines of `extra` not already in `existing` word for word (plain lines and list items outside code only). */
function newLines(existing: readonly string[], extra: readonly string[]): string[] {
  const have = new Set(existing.map((l) => l.trim()).filter((l) => l !== ''));
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of extra) {
    const f = FENCE.exec(line);
    const inCode = fence !== null || f !== null;
    if (f) {
      const marker = (f[1] as string)[0] as string;
      if (fence === null) fence = marker;
      else if (fence === marker) fence = null;
    }
    if (!inCode && line.trim() !== '' && have.has(line.trim())) continue;
    out.push(line);
  }
  // Blank lines left at the edges by dropped duplicates say nothing.
  return trimBlankEdges(out);
}

/** The key of the `## Interactions` section (see splitSections): its dated lines are placed by date. */
const INTERACTIONS_KEY = `2 ${INTERACTIONS_HEADING.toLowerCase()}`;

export function mergeBodies(keptBody: string, removedBody: string): string {
  const eol = lineEnding(keptBody.includes('\n') ? keptBody : removedBody);
  const kept = splitSections(keptBody);
  const removed = splitSections(removedBody);
  const trailing: Section[] = [];
  // The other note's dated interactions, placed by date in the kept log once the rest is joined:
  // appended, they came after whatever the user wrote at the end of the section.
  const dated: Array<{ line: string; date: string }> = [];
  for (const section of removed.sections) {
    const target = kept.sections.find((s) => s.key === section.key);
    if (target) {
      let add = newLines(target.lines, section.lines);
      if (section.key === INTERACTIONS_KEY && isPlainLog(add) && !target.lines.some((l) => FENCE.test(l))) {
        for (const line of add) {
          const date = itemDate(line);
          if (date !== null) dated.push({ line, date });
        }
        add = trimBlankEdges(add.filter((line) => itemDate(line) === null));
      }
      if (add.length === 0) continue;
      // At the end of the section's text, before the blank lines that separate it from the next heading.
      let at = target.lines.length;
      while (at > 0 && (target.lines[at - 1] as string).trim() === '') at--;
      // A paragraph of its own, unless it goes on a list: glued under the text before, it would
      // render as part of it (the profile link line and the other note's first sentence).
      const before = at > 0 ? (target.lines[at - 1] as string) : null;
      const gap = before !== null && !(LIST_ITEM.test(before) && LIST_ITEM.test(add[0] as string)) ? [''] : [];
      target.lines.splice(at, 0, ...gap, ...add);
    } else if (section.heading !== null || section.lines.some((l) => l.trim() !== '')) trailing.push(section);
  }
  const out: string[] = [];
  for (const s of kept.sections) {
    if (s.heading !== null) out.push(s.heading);
    out.push(...s.lines);
  }
  for (const s of trailing) {
    if (out.length > 0 && (out[out.length - 1] as string).trim() !== '') out.push('');
    if (s.heading !== null) out.push(s.heading);
    out.push(...s.lines);
  }
  if (out.length === 0) return '';
  const body = out.join(eol) + (kept.endsWithNewline || removed.endsWithNewline ? eol : '');
  return insertDatedLines(body, INTERACTIONS_HEADING, dated);
}

/**
 * Lines that are a plain log: dated top-level items (and blank lines, and other top-level
 * items), with nothing that belongs to an item (an indented line under it) and no code. Only
 * such lines are placed by date; any other text moves as one block, as written, so a note
 * under an item or a fenced example is never torn from its place.
 */
function isPlainLog(lines: readonly string[]): boolean {
  // A fence line is not a list item, and an indented line is not top-level: either fails.
  return lines.every((l) => l.trim() === '' || /^[-*+] /.test(l));
}

/** Without the blank lines at either end. */
function trimBlankEdges(lines: string[]): string[] {
  let from = 0;
  let to = lines.length;
  while (from < to && (lines[from] as string).trim() === '') from++;
  while (to > from && (lines[to - 1] as string).trim() === '') to--;
  return lines.slice(from, to);
}

export function mergeNotes(kept: MergeSide, removed: MergeSide, choose?: (c: FieldConflict) => Choice): MergeResult {
  return { ...mergeFrontmatter(kept, removed, choose), body: mergeBodies(kept.body, removed.body) };
}

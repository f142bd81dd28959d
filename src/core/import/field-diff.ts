/**
 * Merge rule for LinkedIn-owned fields on re-import: which fields change, and whether the
 * change is a job change worth a `## History` line.
 *
 * An empty value in the export never clears a value in the note: LinkedIn leaves email
 * empty for most people and the user may have typed it, and a blank company more often
 * means a hidden profile than a career break. Values are compared after coercion, so a
 * percent-encoded URL or a hand-typed `2024-1-5` that means the same thing is not a change
 * and the note is not rewritten.
 */
import { coerceDate, coerceText, isEmptyValue } from '../people/coerce';
import { normaliseProfileUrl } from '../identity/profile-url';
import { FIELD } from '../notes/schema';
import type { OwnedValues } from '../notes/compose-note';
import type { FrontmatterValue } from '../yaml/emit';
import { escapeMarkdown } from '../notes/markdown-escape';
import type { IsoDate } from '../dates/iso-date';

export interface FieldChange {
  field: string;
  from: unknown;
  to: FrontmatterValue;
}

const DATE_FIELDS: ReadonlySet<string> = new Set([
  FIELD.connectedOn,
  FIELD.invitedOn,
  FIELD.lastMessage,
  FIELD.lastReply,
  FIELD.jobChangedOn,
]);

function same(field: string, current: unknown, wanted: FrontmatterValue): boolean {
  if (current === wanted) return true; // the common case on a re-import
  if (field === FIELD.linkedin) return normaliseProfileUrl(coerceText(current)) === wanted;
  // An address is the same whatever its case: the user's spelling of it stays.
  if (field === FIELD.email) return coerceText(current).trim().toLowerCase() === String(wanted).trim().toLowerCase();
  if (DATE_FIELDS.has(field)) return coerceDate(current).value === wanted;
  if (typeof wanted === 'number') return Number(current) === wanted;
  return coerceText(current) === String(wanted);
}

/** The owned fields whose value in `current` differs from what the export says. */
export function diffOwned(
  current: Record<string, unknown>,
  wanted: OwnedValues,
  order: readonly string[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of order) {
    const to = wanted[field];
    if (to === undefined || isEmptyValue(to)) continue;
    const from = current[field];
    if (!same(field, from, to)) changes.push({ field, from: from ?? null, to });
  }
  return changes;
}

/** "CTO at Acme", "Acme", "CTO" or "". */
export function jobLabel(position: string, company: string): string {
  if (position !== '' && company !== '') return `${position} at ${company}`;
  return position || company;
}

export interface JobChange {
  from: string;
  to: string;
}

/**
 * A job change is a move from one known job to a different known job. Filling in what was
 * unknown (a position added to a company, as when an accepted invitation meets its first
 * Connections.csv row) completes the note and is no change.
 */
export function detectJobChange(current: Record<string, unknown>, changes: readonly FieldChange[]): JobChange | null {
  if (changes.length === 0) return null; // every note of an unchanged re-import
  const oldCompany = coerceText(current[FIELD.company]);
  const oldPosition = coerceText(current[FIELD.position]);
  const touched = changes.filter((c) => c.field === FIELD.company || c.field === FIELD.position);
  const known = touched.some((c) => (c.field === FIELD.company ? oldCompany : oldPosition) !== '');
  if (!known) return null;
  const newCompany = String(touched.find((c) => c.field === FIELD.company)?.to ?? oldCompany);
  const newPosition = String(touched.find((c) => c.field === FIELD.position)?.to ?? oldPosition);
  const from = jobLabel(oldPosition, oldCompany);
  const to = jobLabel(newPosition, newCompany);
  return from !== '' && to !== '' && from !== to ? { from, to } : null;
}

export function historyLine(today: IsoDate, change: JobChange): string {
  return `- ${today} · job change: ${escapeMarkdown(change.from)} → ${escapeMarkdown(change.to)}`;
}

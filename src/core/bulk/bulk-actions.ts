/**
 * Bulk actions on many people at once (the stale view's selection, `network-crm bulk`):
 * log contact today, snooze, set trust, set cadence, add or remove a tag, stop tracking.
 * Each is the same edit the single-person command makes, as a pure function over the
 * frontmatter (and the body, for the log), so both adapters write the same bytes. People
 * the action would not change are left out, so a bulk step never touches a note for
 * nothing.
 */
import type { IsoDate } from '../dates/iso-date';
import { FIELD } from '../notes/schema';
import { advanceLastContact, logInteractionBody } from '../people/person-edits';
import type { PersonRecord } from '../people/person-record';
import { normaliseTag } from '../settings';
import { formatCount } from '../text/format';

export type BulkAction =
  | { kind: 'log' }
  | { kind: 'snooze'; until: IsoDate }
  | { kind: 'trust'; level: number }
  | { kind: 'cadence'; days: number }
  | { kind: 'tag'; tag: string }
  | { kind: 'untag'; tag: string }
  | { kind: 'stop' };

export interface BulkEdit {
  frontmatter: (fm: Record<string, unknown>) => void;
  body?: (body: string) => string;
}

/**
 * Why the action cannot run, or null. `personTag` is the tag that marks person notes (the
 * settings' `defaultTag`): removing it in bulk would take people outside the people folder
 * out of Network CRM altogether, which no "remove a tag" click means.
 */
export function bulkProblem(action: BulkAction, today: IsoDate, personTag = ''): string | null {
  switch (action.kind) {
    case 'snooze':
      return action.until > today ? null : `snooze until ${action.until}: the date must be after today (${today})`;
    case 'trust':
      return Number.isInteger(action.level) && action.level >= 1 && action.level <= 5
        ? null
        : `trust ${action.level}: expected a level from 1 to 5`;
    case 'cadence':
      return Number.isInteger(action.days) && action.days >= 0
        ? null
        : `cadence ${action.days}: expected a whole number of days (0 stops reminders)`;
    case 'tag':
    case 'untag':
      if (normaliseTag(action.tag) === '' || /[\s,#]/.test(normaliseTag(action.tag)))
        return `"${action.tag}" is not a tag (one word, no spaces or commas)`;
      return action.kind === 'untag' && personTag !== '' && normaliseTag(action.tag) === normaliseTag(personTag)
        ? `#${normaliseTag(personTag)} marks person notes: removing it would take them out of Network CRM`
        : null;
    default:
      return null;
  }
}

function tagList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((t): t is string => typeof t === 'string');
  if (typeof value === 'string') return value.split(/[,\s]+/).filter((t) => t !== '');
  return [];
}

const sameTag = (a: string, b: string) => normaliseTag(a) === normaliseTag(b);

export function hasTag(p: PersonRecord, tag: string): boolean {
  return p.tags.some((t) => sameTag(t, tag));
}

export function bulkEdit(action: BulkAction, today: IsoDate): BulkEdit {
  switch (action.kind) {
    case 'log':
      return {
        frontmatter: (fm) => advanceLastContact(fm, today),
        body: (body) => logInteractionBody(body, { date: today, channel: 'other', note: '' }),
      };
    case 'snooze':
      return { frontmatter: (fm) => void (fm[FIELD.snoozeUntil] = action.until) };
    case 'trust':
      return { frontmatter: (fm) => void (fm[FIELD.trust] = action.level) };
    case 'cadence':
      return { frontmatter: (fm) => void (fm[FIELD.cadence] = action.days) };
    case 'stop':
      return { frontmatter: (fm) => void (fm[FIELD.cadence] = 0) };
    case 'tag':
      return {
        frontmatter: (fm) => {
          const tags = tagList(fm[FIELD.tags]);
          if (!tags.some((t) => sameTag(t, action.tag))) fm[FIELD.tags] = [...tags, normaliseTag(action.tag)];
        },
      };
    case 'untag':
      return {
        frontmatter: (fm) => {
          const tags = tagList(fm[FIELD.tags]);
          const kept = tags.filter((t) => !sameTag(t, action.tag));
          if (kept.length === tags.length) return;
          if (kept.length === 0) delete fm[FIELD.tags];
          else fm[FIELD.tags] = kept;
        },
      };
  }
}

/** What the action does to this person ("trust 3 → 4"), or null when it changes nothing. */
export function bulkChange(action: BulkAction, p: PersonRecord, today: IsoDate): string | null {
  const show = (v: number | null) => (v === null ? 'none' : String(v));
  switch (action.kind) {
    case 'log':
      return `contact logged on ${today}`;
    case 'snooze':
      return p.snoozeUntil === action.until ? null : `snoozed until ${action.until}`;
    case 'trust':
      return p.trust === action.level ? null : `trust ${show(p.trust)} → ${action.level}`;
    case 'cadence':
      return p.cadence === action.days ? null : `cadence ${show(p.cadence)} → ${action.days}`;
    case 'stop':
      return p.cadence === 0 ? null : 'no more reminders';
    case 'tag':
      return hasTag(p, action.tag) ? null : `tag #${normaliseTag(action.tag)} added`;
    case 'untag':
      return hasTag(p, action.tag) ? `tag #${normaliseTag(action.tag)} removed` : null;
  }
}

/** "log contact today with 35 people": the undo label, the confirmation and the notice. */
export function bulkLabel(action: BulkAction, count: number, levelNames: readonly string[] = []): string {
  const who = `${formatCount(count)} ${count === 1 ? 'person' : 'people'}`;
  switch (action.kind) {
    case 'log':
      return `log contact today with ${who}`;
    case 'snooze':
      return `snooze ${who} until ${action.until}`;
    case 'trust':
      return `set trust of ${who} to ${levelNames[action.level - 1] ?? `level ${action.level}`}`;
    case 'cadence':
      return action.days === 0
        ? `stop tracking ${who}`
        : `keep in touch with ${who} every ${action.days} ${action.days === 1 ? 'day' : 'days'}`;
    case 'tag':
      return `tag ${who} #${normaliseTag(action.tag)}`;
    case 'untag':
      return `remove #${normaliseTag(action.tag)} from ${who}`;
    case 'stop':
      return `stop tracking ${who}`;
  }
}

export interface BulkPlan {
  changes: Array<{ person: PersonRecord; change: string }>;
  unchanged: PersonRecord[];
}

/** Who the action changes and how; the others are listed as unchanged. */
export function planBulk(action: BulkAction, people: readonly PersonRecord[], today: IsoDate): BulkPlan {
  const plan: BulkPlan = { changes: [], unchanged: [] };
  for (const person of people) {
    const change = bulkChange(action, person, today);
    if (change === null) plan.unchanged.push(person);
    else plan.changes.push({ person, change });
  }
  return plan;
}

/** Above this many people, the view asks before it writes. */
export const CONFIRM_ABOVE = 20;

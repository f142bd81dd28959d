/**
 * The edits the person-note commands make, as pure functions over the frontmatter object
 * and the body text. The plugin applies them with `processFrontMatter` and `vault.process`,
 * the CLI with its line patcher; both get the same result.
 */
import { addDays, addMonthsIso, type IsoDate } from '../dates/iso-date';
import { insertDatedLine } from '../notes/body-sections';
import { escapeMarkdown } from '../notes/markdown-escape';
import { FIELD, INTERACTIONS_HEADING } from '../notes/schema';
import { coerceDate } from './coerce';

export const CHANNELS = ['meeting', 'call', 'message', 'email', 'event', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

export interface Interaction {
  date: IsoDate;
  channel: Channel;
  note: string;
}

/** `- 2026-11-26 · call · caught up`: the note is one line of text, never markup. */
export function interactionLine(i: Interaction): string {
  const note = escapeMarkdown(i.note.trim());
  return `- ${i.date} · ${i.channel}${note === '' ? '' : ` · ${note}`}`;
}

/** Moves `last-contact` forward to `date`, never backward; a value that is not a date counts as none. */
export function advanceLastContact(fm: Record<string, unknown>, date: IsoDate): void {
  const current = coerceDate(fm[FIELD.lastContact]).value;
  if (current === null || date > current) fm[FIELD.lastContact] = date;
}

/**
 * Adds the line where its date belongs in the newest-first log: a past date goes below the
 * newer lines, so the log stays sorted; on a day that already has lines, it goes first.
 */
export function logInteractionBody(body: string, i: Interaction): string {
  return insertDatedLine(body, INTERACTIONS_HEADING, interactionLine(i), i.date, 'first');
}

/** Trust from this level up is a decision to keep someone: it clears a `prune: true` mark. */
export const TRUST_CLEARS_PRUNE = 2;

/**
 * Sets the trust level. Rating someone "Met" or higher after marking them to prune means
 * the mark no longer holds, and a pruned person would silently stay off the stale list, so
 * the mark goes (the plugin's undo and the CLI's file history bring it back). Returns the
 * fields it cleared, to tell the user.
 */
export function applyTrust(fm: Record<string, unknown>, level: number): string[] {
  fm[FIELD.trust] = level;
  if (level >= TRUST_CLEARS_PRUNE && fm[FIELD.prune] === true) {
    delete fm[FIELD.prune];
    return [FIELD.prune];
  }
  return [];
}

export type SnoozeChoice = '1w' | '1m' | '3m';

export function snoozeUntil(today: IsoDate, choice: SnoozeChoice): IsoDate {
  if (choice === '1w') return addDays(today, 7);
  return addMonthsIso(today, choice === '1m' ? 1 : 3);
}

export const SNOOZE_LABELS: Record<SnoozeChoice, string> = { '1w': '1 week', '1m': '1 month', '3m': '3 months' };

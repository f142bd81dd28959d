/**
 * Where the weekly review is written: today's daily note when Obsidian's Daily notes
 * plugin is on, else `Network CRM/Reviews/<ISO week>.md`. Both adapters read the same two
 * files from the vault's config folder (`core-plugins.json`, `daily-notes.json`) and
 * decide here.
 */
import type { IsoDate } from '../dates/iso-date';
import { normaliseFolder } from '../notes/file-name';
import { formatDailyDate } from '../people/daily-notes';
import { reviewNotePath } from './weekly-review';

export interface DailyNotesConfig {
  enabled: boolean;
  folder: string;
  format: string;
  /** The template note's path (without `.md` as Obsidian stores it), or ''. */
  template: string;
}

export const DEFAULT_DAILY_FORMAT = 'YYYY-MM-DD';

/**
 * `core-plugins.json` is `{"daily-notes": true, …}` since Obsidian 1.4 and a list of the
 * enabled ids before; `daily-notes.json` holds `{folder, format, template}` once the user
 * changed any of them. Anything unreadable counts as "off" and as the defaults.
 */
export function dailyNotesConfig(corePlugins: unknown, dailyNotes: unknown): DailyNotesConfig {
  let enabled = false;
  if (Array.isArray(corePlugins)) enabled = corePlugins.includes('daily-notes');
  else if (corePlugins && typeof corePlugins === 'object')
    enabled = (corePlugins as Record<string, unknown>)['daily-notes'] === true;
  const d = (dailyNotes && typeof dailyNotes === 'object' ? dailyNotes : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  return {
    enabled,
    folder: normaliseFolder(text(d.folder)) ?? '',
    format: text(d.format) || DEFAULT_DAILY_FORMAT,
    template: text(d.template),
  };
}

export function dailyNotePath(config: DailyNotesConfig, today: IsoDate): string {
  const name = formatDailyDate(config.format, today);
  return `${config.folder === '' ? '' : `${config.folder}/`}${name}.md`;
}

export interface ReviewTarget {
  path: string;
  kind: 'daily note' | 'review note';
}

export function reviewTarget(config: DailyNotesConfig, today: IsoDate): ReviewTarget {
  return config.enabled
    ? { path: dailyNotePath(config, today), kind: 'daily note' }
    : { path: reviewNotePath(today), kind: 'review note' };
}

/** The template file as Obsidian stores the setting: a vault path, `.md` optional. */
export function templatePath(config: DailyNotesConfig): string | null {
  if (config.template === '') return null;
  return /\.md$/i.test(config.template) ? config.template : `${config.template}.md`;
}

/**
 * A daily-note template filled in as the Daily notes plugin does for the placeholders it
 * knows: `{{date}}` and `{{title}}` (the note's name), `{{date:FORMAT}}`, `{{time}}`.
 */
export function fillDailyTemplate(template: string, config: DailyNotesConfig, today: IsoDate, time: string): string {
  const title = formatDailyDate(config.format, today).split('/').pop() ?? '';
  return template.replace(/\{\{\s*(date|title|time)(?::([^}]*))?\s*\}\}/gi, (_m, key: string, fmt?: string) => {
    const k = key.toLowerCase();
    if (k === 'title') return title;
    if (k === 'time') return time;
    return fmt ? formatDailyDate(fmt.trim(), today) : formatDailyDate(config.format, today);
  });
}

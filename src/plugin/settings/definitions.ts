/**
 * Every setting, described once, in the shape of Obsidian 1.13's declarative settings
 * (`getSettingDefinitions`). Obsidian 1.13+ renders these itself and indexes them for the
 * settings search; on 1.7.2–1.12 `display()` renders the same list with legacy.ts, so the
 * two can never drift apart.
 *
 * Keys are the settings' own names, plus `trustLevels.<i>.name` / `trustLevels.<i>.days`
 * for the five levels; values go in and out through {@link readSetting}/{@link writeSetting}.
 */
import { fileNameFormatProblem } from '../../core/notes/file-name-format';
import { apiVersion, Platform, type SettingDefinitionItem } from 'obsidian';
import { normaliseFolder } from '../../core/notes/file-name';
import { formatTagCadences, parseTagCadences, type NetworkCrmSettings } from '../../core/settings';
import { emailsIn } from '../../core/identity/email';
import { capitalised } from '../../core/text/format';

export interface SettingsHost {
  settings: NetworkCrmSettings;
  /** `typing`: from a keystroke in the settings tab (see NetworkCrmPlugin.saveSettings). */
  saveSettings(options?: { typing?: boolean }): Promise<void>;
  /** Whether the running Obsidian has Bases (1.9+). */
  basesSupported(): boolean;
}

/** Each comma-separated entry must be an address (an empty field is fine: no addresses). */
function emailsProblem(value: string): string | void {
  const bad = value
    .split(/[,;\s]+/)
    .filter((v) => v !== '')
    .find((v) => emailsIn(v).length === 0);
  if (bad !== undefined) return `"${bad}" is not an e-mail address.`;
}

function folderProblem(value: string): string | void {
  const folder = normaliseFolder(value);
  if (folder === null || folder === '') return 'Choose a folder inside the vault, not the vault root.';
}

const wholeNumber = (min: number) => (value: number) =>
  Number.isInteger(value) && value >= min ? undefined : `Enter a whole number of ${min} or more.`;

function daysProblem(value: string): string | void {
  if (value.trim() === '') return;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) return 'Enter a number of days, or leave it empty for no reminders.';
}

/** The value of a setting key, as the settings tab shows it. */
export function readSetting(s: NetworkCrmSettings, key: string): unknown {
  const level = /^trustLevels\.(\d)\.(name|days)$/.exec(key);
  if (level) {
    const l = s.trustLevels[Number(level[1])];
    if (!l) return undefined;
    return level[2] === 'name' ? l.name : l.keepInTouchDays === null ? '' : String(l.keepInTouchDays);
  }
  if (key === 'tagCadences') return formatTagCadences(s.tagCadences);
  if (key === 'myEmails') return s.myEmails.join(', ');
  return (s as unknown as Record<string, unknown>)[key];
}

/** Stores a value the user entered (already validated), cleaned up the way the setting needs. */
export function writeSetting(s: NetworkCrmSettings, key: string, value: unknown): void {
  const level = /^trustLevels\.(\d)\.(name|days)$/.exec(key);
  if (level) {
    const l = s.trustLevels[Number(level[1])];
    if (!l) return;
    const text = String(value).trim();
    if (level[2] === 'name') l.name = text;
    else l.keepInTouchDays = text === '' ? null : Number(text);
    return;
  }
  if (key === 'tagCadences') {
    s.tagCadences = parseTagCadences(String(value)).rules;
    return;
  }
  if (key === 'myEmails') {
    s.myEmails = emailsIn(String(value)); // a list, as sanitizeSettings keeps it
    return;
  }
  const clean =
    key === 'defaultTag'
      ? String(value).trim().replace(/^#/, '')
      : key === 'peopleFolder' || key === 'reportFolder' || key === 'myName'
        ? String(value).trim()
        : value;
  (s as unknown as Record<string, unknown>)[key] = clean;
}

export function settingDefinitions(host: SettingsHost): SettingDefinitionItem[] {
  const bases = host.basesSupported();
  return [
    {
      type: 'group',
      heading: 'Import',
      items: [
        {
          name: 'People folder',
          desc: 'Where imported person notes go. Notes you move elsewhere are still recognised.',
          control: { type: 'folder', key: 'peopleFolder', placeholder: 'People', validate: folderProblem },
        },
        {
          name: 'Report folder',
          desc: 'Where the report of each import is written.',
          control: { type: 'folder', key: 'reportFolder', placeholder: 'Network CRM/Imports', validate: folderProblem },
        },
        {
          name: 'File name format',
          desc: 'Placeholders: {first}, {last}, {name}, {company}.',
          control: {
            type: 'text',
            key: 'fileNameFormat',
            // The same check the loaded settings and the CLI's --format get.
            validate: (v: string) => {
              const problem = fileNameFormatProblem(v);
              return problem === null ? undefined : `${capitalised(problem)}.`;
            },
          },
        },
        {
          name: 'Tag for person notes',
          desc: 'Added to new person notes; notes with this tag count as people wherever they are.',
          control: { type: 'text', key: 'defaultTag', placeholder: 'person' },
        },
        {
          name: 'Your e-mail addresses',
          desc: 'Separated by commas. In an imported calendar these are you: you are never "met", and a meeting you declined does not count. Without them, the calendar\'s name and your name from LinkedIn are used.',
          aliases: ['calendar', 'ics', 'email'],
          control: { type: 'text', key: 'myEmails', placeholder: 'you@example.com', validate: emailsProblem },
        },
        {
          name: 'Create a table of your network',
          desc: bases
            ? 'On the first import, add a People.base file (Obsidian Bases) beside the people folder. It is never overwritten.'
            : `A table of your network needs Obsidian Bases, which comes with Obsidian 1.9. This is Obsidian ${apiVersion}: after you update, the next import offers to add People.base.`,
          aliases: ['Bases', 'People.base', 'table'],
          control: { type: 'toggle', key: 'createBaseFile', disabled: !bases },
        },
      ],
    },
    {
      type: 'group',
      heading: 'Keeping in touch',
      items: [
        {
          name: 'Daily notes count as contact',
          desc: 'A daily note that links a person counts as being in touch with them on that day.',
          control: { type: 'toggle', key: 'useDailyNotes' },
        },
        {
          name: 'Include untriaged people',
          desc: 'Also remind you about people without a trust level, with the longest keep-in-touch period.',
          control: { type: 'toggle', key: 'includeUntriagedInStale' },
        },
        {
          name: 'Keep in touch by tag',
          desc: 'One rule per line: a tag and a number of days, such as "#family 14" or "#mentor 60". The shortest rule that applies wins; a note\'s own cadence overrides them all.',
          aliases: ['cadence', 'group', 'tag rule'],
          control: {
            type: 'textarea',
            key: 'tagCadences',
            rows: 4,
            validate: (v: string) => parseTagCadences(v).problem ?? undefined,
          },
        },
        {
          name: 'Reach-outs per week',
          desc: 'How many people "Plan this week\'s reach-outs" picks.',
          aliases: ['weekly review'],
          control: {
            type: 'number',
            key: 'reviewCount',
            min: 1,
            validate: (v: number) =>
              Number.isInteger(v) && v >= 1 && v <= 100 ? undefined : 'Enter a whole number from 1 to 100.',
          },
        },
        {
          name: 'Show stale contacts in the status bar',
          // Obsidian mobile has no status bar.
          visible: !Platform.isMobile,
          control: { type: 'toggle', key: 'showStatusBar' },
        },
      ],
    },
    {
      type: 'group',
      heading: 'Triage',
      items: [
        {
          name: 'New connection days',
          desc: 'On the first import, connections made this many days before the newest one are new; the rest wait in "Rate your network". After that, new means since the previous import.',
          control: { type: 'number', key: 'newConnectionDays', min: 0, validate: wholeNumber(0) },
        },
        {
          name: 'Prune after years',
          desc: 'Suggest pruning people rated "Don\'t know" connected at least this long ago with nothing on record since.',
          control: { type: 'number', key: 'pruneAfterYears', min: 0, validate: wholeNumber(0) },
        },
        {
          name: 'Withdraw after weeks',
          desc: 'Suggest withdrawing invitations you sent that have been pending this long.',
          control: { type: 'number', key: 'withdrawAfterWeeks', min: 0, validate: wholeNumber(0) },
        },
        {
          name: 'Unanswered messages',
          desc: 'Suggest pruning people who never answered this many of your messages in a row.',
          control: { type: 'number', key: 'unansweredThreshold', min: 1, validate: wholeNumber(1) },
        },
        {
          name: 'Wait for an answer, days',
          desc: 'After you ask "have we met?", the card comes back offering to decline when they have not answered in this many days.',
          control: { type: 'number', key: 'askWaitDays', min: 1, validate: wholeNumber(1) },
        },
        {
          name: 'Notes for pending invitees',
          desc: 'On import, also create notes for people you invited who have not accepted yet.',
          control: { type: 'toggle', key: 'createNotesForPendingInvitees' },
        },
        {
          name: 'Log days of messages',
          desc: 'On import, add one line per day of LinkedIn messages to the interactions log ("3 messages"). Message text is never copied.',
          control: { type: 'toggle', key: 'logMessageDays' },
        },
        {
          name: 'Your name',
          desc: 'Used for {my-name} in the reply. When empty, the name in your LinkedIn export signs it.',
          control: { type: 'text', key: 'myName' },
        },
        {
          name: 'Reply to an invitation',
          desc: 'Copied with "r" on an invitation card, which also records that you asked. Placeholders: {first}, {name}, {company}, {my-name}.',
          control: {
            type: 'textarea',
            key: 'replyTemplate',
            rows: 5,
            validate: (v: string) => (v.trim() === '' ? 'The reply cannot be empty.' : undefined),
          },
        },
      ],
    },
    {
      type: 'group',
      heading: 'Trust levels',
      cls: 'ncrm-trust-levels',
      items: host.settings.trustLevels.flatMap((_, i) => [
        {
          name: `Level ${i + 1} name`,
          desc: i === 0 ? 'The names for the five trust levels, from 1 (lowest) to 5.' : undefined,
          control: {
            type: 'text' as const,
            key: `trustLevels.${i}.name`,
            validate: (v: string) => (v.trim() === '' ? 'A level needs a name.' : undefined),
          },
        },
        {
          name: `Level ${i + 1}: keep in touch every (days)`,
          desc: i === 0 ? 'Leave it empty for a level you do not want reminders for.' : undefined,
          aliases: ['cadence', 'reminder', 'stale'],
          control: {
            type: 'text' as const,
            key: `trustLevels.${i}.days`,
            placeholder: 'Not tracked',
            validate: daysProblem,
          },
        },
      ]),
    },
  ];
}

/**
 * The plugin's settings, their defaults and the clean-up applied to what is loaded from
 * disk (a hand-edited or older data.json must never break the plugin). The CLI uses the
 * same defaults so both adapters behave alike.
 */
import { emailsIn } from './identity/email';
import { isValidFileNameFormat } from './notes/file-name-format';

export interface TrustLevel {
  /** Shown in pickers, cards and rows. */
  name: string;
  /** Keep-in-touch period in days; null means this level is not tracked. */
  keepInTouchDays: number | null;
}

/** A keep-in-touch period carried by a tag (`#family` every 14 days). */
export interface TagCadence {
  /** Without the `#`; also applies to nested tags (`family` covers `family/close`). */
  tag: string;
  days: number;
}

export interface NetworkCrmSettings {
  peopleFolder: string;
  reportFolder: string;
  fileNameFormat: string;
  defaultTag: string;
  /** Index 0 is level 1 ("Don't know"), index 4 is level 5 ("Inner circle"). */
  trustLevels: TrustLevel[];
  createBaseFile: boolean;
  useDailyNotes: boolean;
  includeUntriagedInStale: boolean;
  /** Periods by tag; the shortest rule that applies wins, a note's own `cadence` overrides all. */
  tagCadences: TagCadence[];
  /** How many people "Plan this week's reach-outs" picks. */
  reviewCount: number;
  showStatusBar: boolean;
  pruneAfterYears: number;
  withdrawAfterWeeks: number;
  unansweredThreshold: number;
  /** On the first import, connections this many days before the newest one count as new. */
  newConnectionDays: number;
  /** Days after a "have we met?" reply before the card comes back as "no answer". */
  askWaitDays: number;
  createNotesForPendingInvitees: boolean;
  logMessageDays: boolean;
  myName: string;
  /** The user's own e-mail addresses: whose calendar an imported .ics is (they are never "met"). */
  myEmails: string[];
  replyTemplate: string;
}

export const DEFAULT_REPLY_TEMPLATE =
  "Hi {first}, thanks for the invitation! I keep my LinkedIn network to people I have met or worked with, and I don't think we have crossed paths yet. What would you like to talk about? If there is a concrete question I can help with, I'm happy to hear it. Best, {my-name}";

/** Where reports go by default, and when the setting would leave the vault. */
export const DEFAULT_REPORT_FOLDER = 'Network CRM/Imports';

export const DEFAULT_SETTINGS: NetworkCrmSettings = {
  peopleFolder: 'People',
  reportFolder: DEFAULT_REPORT_FOLDER,
  fileNameFormat: '{first} {last}',
  defaultTag: 'person',
  trustLevels: [
    { name: "Don't know", keepInTouchDays: null },
    { name: 'Met', keepInTouchDays: 365 },
    { name: 'Know well', keepInTouchDays: 120 },
    { name: 'Trusted', keepInTouchDays: 60 },
    { name: 'Inner circle', keepInTouchDays: 30 },
  ],
  createBaseFile: true,
  useDailyNotes: true,
  includeUntriagedInStale: false,
  tagCadences: [],
  reviewCount: 5,
  showStatusBar: true,
  pruneAfterYears: 3,
  withdrawAfterWeeks: 4,
  unansweredThreshold: 2,
  newConnectionDays: 30,
  askWaitDays: 21,
  createNotesForPendingInvitees: false,
  logMessageDays: false,
  myName: '',
  myEmails: [],
  replyTemplate: DEFAULT_REPLY_TEMPLATE,
};

function pick<T>(value: unknown, fallback: T, valid: (v: unknown) => boolean): T {
  return valid(value) ? (value as T) : fallback;
}

const isString = (v: unknown) => typeof v === 'string';
const isBool = (v: unknown) => typeof v === 'boolean';
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** A tag as a rule names it: no `#`, no surrounding spaces, lower case (tags match case-insensitively). */
export function normaliseTag(tag: string): string {
  return tag.trim().replace(/^#+/, '').toLowerCase();
}

/** Valid rules only (a tag and a whole number of days above 0), one per tag, in the order given. */
export function sanitizeTagCadences(value: unknown): TagCadence[] {
  if (!Array.isArray(value)) return [];
  const out: TagCadence[] = [];
  for (const item of value) {
    if (!item || typeof item !== 'object') continue;
    const { tag, days } = item as Record<string, unknown>;
    if (typeof tag !== 'string' || !isCount(days) || (days as number) <= 0) continue;
    const t = normaliseTag(tag);
    if (t === '' || /\s/.test(t) || out.some((r) => r.tag === t)) continue;
    out.push({ tag: t, days: days as number });
  }
  return out;
}

/** The rules as the settings tab shows them: one per line, `#family 14`. */
export function formatTagCadences(rules: readonly TagCadence[]): string {
  return rules.map((r) => `#${r.tag} ${r.days}`).join('\n');
}

/**
 * Rules typed one per line (`#family 14`, `mentor 60`; blank lines ignored), or the first
 * problem with its line, so nothing half-right is saved.
 */
export function parseTagCadences(text: string): { rules: TagCadence[]; problem: string | null } {
  const rules: TagCadence[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    const m = /^#?(\S+)\s+(\d+)(?:\s*days?)?$/.exec(line);
    const where = lines.length > 1 ? `Line ${i + 1}: ` : '';
    if (!m)
      return {
        rules,
        problem: `${where}"${line}" is not a rule; write a tag and a number of days, such as "#family 14".`,
      };
    const tag = normaliseTag(m[1] as string);
    const days = Number(m[2]);
    if (days <= 0) return { rules, problem: `${where}#${tag} needs a number of days above 0.` };
    if (/[,#]/.test(tag)) return { rules, problem: `${where}"${m[1]}" is not a tag.` };
    if (rules.some((r) => r.tag === tag)) return { rules, problem: `${where}#${tag} has a rule already.` };
    rules.push({ tag, days });
  }
  return { rules, problem: null };
}

/** Merges loaded data over the defaults, dropping anything of the wrong type. */
export function sanitizeSettings(loaded: unknown): NetworkCrmSettings {
  const raw = (loaded && typeof loaded === 'object' ? loaded : {}) as Record<string, unknown>;
  const d = DEFAULT_SETTINGS;
  const levels = Array.isArray(raw.trustLevels) ? raw.trustLevels : [];
  return {
    peopleFolder: pick(raw.peopleFolder, d.peopleFolder, isString),
    reportFolder: pick(raw.reportFolder, d.reportFolder, isString),
    fileNameFormat: pick(
      raw.fileNameFormat,
      d.fileNameFormat,
      (v) => typeof v === 'string' && isValidFileNameFormat(v),
    ),
    defaultTag: pick(raw.defaultTag, d.defaultTag, isString),
    trustLevels: d.trustLevels.map((def, i) => {
      const l = (levels[i] ?? {}) as Record<string, unknown>;
      return {
        name: pick(l.name, def.name, (v) => typeof v === 'string' && v.trim() !== ''),
        keepInTouchDays: pick(
          l.keepInTouchDays,
          def.keepInTouchDays,
          (v) => v === null || (typeof v === 'number' && isCount(v) && v > 0),
        ),
      };
    }),
    createBaseFile: pick(raw.createBaseFile, d.createBaseFile, isBool),
    useDailyNotes: pick(raw.useDailyNotes, d.useDailyNotes, isBool),
    includeUntriagedInStale: pick(raw.includeUntriagedInStale, d.includeUntriagedInStale, isBool),
    tagCadences: sanitizeTagCadences(raw.tagCadences),
    reviewCount: pick(raw.reviewCount, d.reviewCount, (v) => isCount(v) && (v as number) > 0 && (v as number) <= 100),
    showStatusBar: pick(raw.showStatusBar, d.showStatusBar, isBool),
    pruneAfterYears: pick(raw.pruneAfterYears, d.pruneAfterYears, isCount),
    withdrawAfterWeeks: pick(raw.withdrawAfterWeeks, d.withdrawAfterWeeks, isCount),
    unansweredThreshold: pick(
      raw.unansweredThreshold,
      d.unansweredThreshold,
      (v) => typeof v === 'number' && isCount(v) && v > 0,
    ),
    newConnectionDays: pick(raw.newConnectionDays, d.newConnectionDays, isCount),
    askWaitDays: pick(raw.askWaitDays, d.askWaitDays, (v) => isCount(v) && (v as number) > 0),
    createNotesForPendingInvitees: pick(raw.createNotesForPendingInvitees, d.createNotesForPendingInvitees, isBool),
    logMessageDays: pick(raw.logMessageDays, d.logMessageDays, isBool),
    myName: pick(raw.myName, d.myName, isString),
    myEmails: Array.isArray(raw.myEmails)
      ? emailsIn(raw.myEmails)
      : typeof raw.myEmails === 'string'
        ? emailsIn(raw.myEmails)
        : [],
    replyTemplate: pick(raw.replyTemplate, d.replyTemplate, (v) => typeof v === 'string' && v.trim() !== ''),
  };
}

export function levelNames(settings: NetworkCrmSettings): string[] {
  return settings.trustLevels.map((l) => l.name);
}

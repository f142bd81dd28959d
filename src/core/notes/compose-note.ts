/**
 * A new person note, whole: frontmatter in schema order, then a body with a link to the
 * profile and an empty `## Interactions` section. The import writes each new note with
 * one `create` call holding this text, so Obsidian indexes it once.
 */
import { linkableProfileUrl } from '../identity/profile-url';
import { stringifyFrontmatter, type FrontmatterValue } from '../yaml/emit';
import { FIELD, INTERACTIONS_HEADING, USER_FIELDS, type FieldName } from './schema';

/** Field → value, for the fields an import source owns (schema fields, or a source's own). */
export type OwnedValues = Partial<Record<string, FrontmatterValue>>;

/**
 * Always written, empty when unknown, in this order: LinkedIn's columns first, as the
 * schema lists them, then `name`, which we add for exports that have no profile URL.
 */
const ALWAYS: readonly FieldName[] = [
  FIELD.linkedin,
  FIELD.company,
  FIELD.position,
  FIELD.email,
  FIELD.connectedOn,
  FIELD.status,
  FIELD.name,
];
/** Written only when the import knows them (invitations, messages, job changes). */
const WHEN_KNOWN: readonly FieldName[] = [
  FIELD.invitedOn,
  FIELD.invitationMessage,
  FIELD.lastMessage,
  FIELD.lastMessageFrom,
  FIELD.unanswered,
  FIELD.lastReply,
  FIELD.jobChangedOn,
  FIELD.emails,
  FIELD.phones,
  FIELD.birthday,
];

const SCHEMA_KEYS: ReadonlySet<string> = new Set<string>(Object.values(FIELD));

export function frontmatterEntries(
  owned: OwnedValues,
  tag: string,
  aliases: readonly string[] = [],
): Array<[string, FrontmatterValue]> {
  const entries: Array<[string, FrontmatterValue]> = [];
  // An unknown value is written empty (`company:`), the way Obsidian writes an empty property.
  for (const key of ALWAYS) entries.push([key, owned[key] === '' ? null : (owned[key] ?? null)]);
  // Only names the quick switcher could not find by their plain form have aliases.
  if (aliases.length > 0) entries.push([FIELD.aliases, aliases]);
  for (const key of WHEN_KNOWN) {
    const value = owned[key];
    if (value !== undefined) entries.push([key, value === '' ? null : value]);
  }
  // Fields other sources own (an address book's `phone`), when known, after LinkedIn's.
  for (const [key, value] of Object.entries(owned))
    if (value !== undefined && !SCHEMA_KEYS.has(key)) entries.push([key, value === '' ? null : value]);
  for (const key of USER_FIELDS) entries.push([key, null]);
  entries.push([FIELD.tags, tag === '' ? [] : [tag]]);
  return entries;
}

/** The first body line: the profile, or a LinkedIn people search when the export has no URL. */
export function profileLinkLine(profileUrl: string | null, name: string): string {
  if (profileUrl) return `[LinkedIn profile](${linkableProfileUrl(profileUrl)})`;
  const query = encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[Find on LinkedIn](https://www.linkedin.com/search/results/people/?keywords=${query})`;
}

export interface ComposeOptions {
  tag: string;
  /** Other names to find the note by (`aliases:`); written only when there are some. */
  aliases?: readonly string[];
  /** Lines for the Interactions log, newest first (an accepted invitation's message). */
  interactions?: readonly string[];
  /** Sections after the log (an address book's notes), each `## heading` then its text. */
  sections?: ReadonlyArray<{ heading: string; text: string }>;
  /** The line under the frontmatter; by default the LinkedIn profile link. null: none. */
  headLine?: string | null;
}

/** The LinkedIn link line for these values (a profile, else a people search by name). */
export function linkedInHeadLine(owned: OwnedValues): string {
  const profileUrl = typeof owned.linkedin === 'string' ? owned.linkedin : null;
  const name = typeof owned.name === 'string' ? owned.name : '';
  return profileLinkLine(profileUrl, name);
}

export function composePersonNote(owned: OwnedValues, options: ComposeOptions): string {
  const head = options.headLine === undefined ? linkedInHeadLine(owned) : options.headLine;
  const log = (options.interactions ?? []).map((l) => `${l}\n`).join('');
  const sections = (options.sections ?? []).map((s) => `\n## ${s.heading}\n\n${s.text}\n`).join('');
  return `---\n${stringifyFrontmatter(frontmatterEntries(owned, options.tag, options.aliases))}---\n${head === null ? '' : `${head}\n\n`}## ${INTERACTIONS_HEADING}\n\n${log}${sections}`;
}

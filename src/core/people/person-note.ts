/**
 * Which notes are person notes: one rule for the plugin's index and import snapshot, the
 * CLI and the tests' vaults, so the sidebar, the import and `network-crm` always agree.
 *
 * - A note in the people folder is a person note (it is where the import puts them).
 * - Anywhere else, only a note that carries the person tag is: notes the import created
 *   keep it when the user moves them. A `linkedin:` value alone is no claim (meeting notes
 *   and templates mention profiles too), and an empty one never is.
 * - Notes in the report folder never are (reports link to people, they are not people).
 *
 * The rule reads frontmatter only, never the body: a note whose body merely says "person"
 * is not one. A note whose YAML cannot be parsed is judged on the raw text of its
 * frontmatter block, so a broken person note outside the folder is still reported rather
 * than given a twin.
 */
import { normaliseFolder } from '../notes/file-name';
import { FIELD } from '../notes/schema';
import { DEFAULT_REPORT_FOLDER, type NetworkCrmSettings } from '../settings';
import { coerceTags } from './coerce';

export interface PersonNoteRule {
  /** The people folder, normalised; '' means the whole vault. */
  peopleFolder: string;
  /** The person tag without `#`; '' means no tag marks a person. */
  tag: string;
  /** The report folder, normalised; its notes are never people. */
  reportFolder: string;
}

/** The rule for a vault's settings (folders normalised once, not per note). */
export function personNoteRule(settings: Pick<NetworkCrmSettings, 'peopleFolder' | 'defaultTag' | 'reportFolder'>) {
  return {
    peopleFolder: normaliseFolder(settings.peopleFolder) ?? '',
    tag: settings.defaultTag.trim().replace(/^#/, ''),
    reportFolder: reportFolderOf(settings.reportFolder),
  } satisfies PersonNoteRule;
}

/** The report folder a setting means: `Network CRM/Imports` when the value would leave the vault. */
export function reportFolderOf(raw: string): string {
  return normaliseFolder(raw) ?? DEFAULT_REPORT_FOLDER;
}

function under(path: string, folder: string): boolean {
  return (
    path.length > folder.length && path[folder.length] === '/' && path.toLowerCase().startsWith(folder.toLowerCase())
  );
}

export function inPeopleFolder(path: string, rule: PersonNoteRule): boolean {
  return rule.peopleFolder === '' || under(path, rule.peopleFolder);
}

function inReportFolder(path: string, rule: PersonNoteRule): boolean {
  return rule.reportFolder !== '' && rule.reportFolder !== rule.peopleFolder && under(path, rule.reportFolder);
}

export function hasPersonTag(fm: Readonly<Record<string, unknown>> | null | undefined, tag: string): boolean {
  if (!fm || tag === '') return false;
  const want = tag.toLowerCase();
  return coerceTags(fm[FIELD.tags]).some((t) => t.toLowerCase() === want);
}

/** Whether a note with this (parsed) frontmatter is a person note. */
export function isPersonNote(
  path: string,
  fm: Readonly<Record<string, unknown>> | null | undefined,
  rule: PersonNoteRule,
): boolean {
  if (inReportFolder(path, rule)) return false;
  return inPeopleFolder(path, rule) || hasPersonTag(fm, rule.tag);
}

/**
 * Whether a note whose frontmatter cannot be parsed may be a person note: in the people
 * folder, or with the tag written in its frontmatter block (as a list item, in a flow
 * list or after `tags:`). Such a note is reported and left alone, never twinned.
 */
export function isBrokenPersonNote(path: string, rawYaml: string, rule: PersonNoteRule): boolean {
  if (inReportFolder(path, rule)) return false;
  if (inPeopleFolder(path, rule)) return true;
  return mayCarryTag(rawYaml, rule.tag);
}

/** Compiled once per tag: this runs for every note outside the people folder. */
let tagPattern = { tag: '', re: /$^/ };

/**
 * A cheap pre-check on a frontmatter block's text: false means the block cannot carry the
 * tag, so the note need not be parsed to know it is not a person note outside the folder.
 */
export function mayCarryTag(yaml: string, tag: string): boolean {
  if (tag === '') return false;
  if (tagPattern.tag !== tag) {
    const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    tagPattern = { tag, re: new RegExp(`(^|[\\s\\[,'"#])${escaped}([\\s\\],'"]|$)`, 'im') };
  }
  return tagPattern.re.test(yaml);
}

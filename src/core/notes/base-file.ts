/**
 * `People.base`: an Obsidian Bases table of the person notes, created beside the people
 * folder on the first import so the user gets a sortable spreadsheet of their network
 * without any plugin code running. Written once; the user owns it after that. Bases needs
 * Obsidian 1.9; the adapters decide whether to write it (see the People.base rule).
 *
 * What it shows, and why:
 * - "People": one row per person, the file name as the link (no second `name` column),
 *   company and position, trust by its name (a formula over the 1–5 value, with the level
 *   names from the settings), where you met, last contact, how many days overdue, when you
 *   connected, the birthday (from an address book: `YYYY-MM-DD`, or `--MM-DD` without a
 *   year), the LinkedIn status and a link to the profile. Sorted overdue first (most
 *   days first), then newest connection: right after a first import nobody has a trust
 *   level yet, so the newest connections, the ones worth triaging, come first.
 * - "To triage": people without a trust level who are not marked to prune and whose
 *   invitation was not declined or withdrawn; newest invitation, then newest connection.
 *
 * "Overdue" follows the stale rule as far as frontmatter alone allows: the keep-in-touch
 * period of the trust level (or `cadence` days; 0 means never), counted from `last-contact`,
 * else `connected-on`, else the note's creation; `prune: true`, an invitation state and a
 * future `snooze-until` stop it. The sidebar's stale list also counts log lines, daily notes and messages.
 */
import { DEFAULT_SETTINGS, type TrustLevel } from '../settings';
import { INVITATION_STATES } from './schema';

export interface BaseFileOptions {
  trustLevels?: readonly TrustLevel[];
  /** Notes with this tag are people wherever they are (the person-note rule); '' for none. */
  tag?: string;
}

export function baseFilePath(peopleFolder: string): string {
  const slash = peopleFolder.lastIndexOf('/');
  const parent = slash === -1 ? '' : peopleFolder.slice(0, slash);
  const name = `${peopleFolder.slice(slash + 1) || 'People'}.base`;
  return parent === '' ? name : `${parent}/${name}`;
}

/** A YAML single-quoted scalar: expressions keep their double quotes readable. */
function yamlQuoted(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot go in a YAML scalar
  return `'${value.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/'/g, "''")}'`;
}

/** A string literal inside a Bases expression. */
const literal = (value: string) => JSON.stringify(value);

/** `if(trust == 1, "…", if(trust == 2, "…", …, fallback))` over the five levels. */
function byLevel(levels: readonly TrustLevel[], value: (level: TrustLevel) => string, fallback: string): string {
  return levels.reduceRight((rest, level, i) => `if(trust == ${i + 1}, ${value(level)}, ${rest})`, fallback);
}

export function composeBaseFile(peopleFolder: string, options: BaseFileOptions = {}): string {
  const levels = options.trustLevels ?? DEFAULT_SETTINGS.trustLevels;
  const tag = options.tag ?? DEFAULT_SETTINGS.defaultTag;
  const inFolder = `file.inFolder(${literal(peopleFolder)})`;
  const scope = tag === '' ? [inFolder] : [inFolder, `file.hasTag(${literal(tag)})`];
  const formulas: Array<[string, string]> = [
    ['trust_level', byLevel(levels, (l) => literal(l.name), 'if(trust, trust, "")')],
    [
      'keep_in_touch_days',
      `if(prune == true || ${INVITATION_STATES.map((s) => `note["linkedin-status"] == ${literal(s)}`).join(' || ')}, 0, if(cadence || cadence == 0, cadence, ${byLevel(levels, (l) => String(l.keepInTouchDays ?? 0), '0')}))`,
    ],
    [
      'since',
      'if(note["last-contact"], date(note["last-contact"]), if(note["connected-on"], date(note["connected-on"]), file.ctime))',
    ],
    [
      'days_overdue',
      'if(formula.keep_in_touch_days > 0 && !(note["snooze-until"] && date(note["snooze-until"]) > today()), max(0, ((today() - formula.since) / 86400000 - formula.keep_in_touch_days).floor()), 0)',
    ],
    ['overdue', 'if(formula.days_overdue > 0, formula.days_overdue)'],
    ['profile', 'if(linkedin, link(linkedin, "Profile"))'],
  ];
  const columns: Array<[string, string]> = [
    ['file.name', 'Name'],
    ['note.company', 'Company'],
    ['note.position', 'Position'],
    ['formula.trust_level', 'Trust'],
    ['note.met-where', 'Met where'],
    ['note.last-contact', 'Last contact'],
    ['formula.overdue', 'Days overdue'],
    ['note.connected-on', 'Connected on'],
    ['note.birthday', 'Birthday'],
    ['note.linkedin-status', 'LinkedIn status'],
    ['formula.profile', 'LinkedIn'],
    ['note.invited-on', 'Invited on'],
    ['note.invitation-message', 'Invitation message'],
  ];
  const list = (indent: string, items: readonly string[]) => items.map((i) => `${indent}- ${i}`);
  const sort = (keys: ReadonlyArray<[string, 'ASC' | 'DESC']>) =>
    keys.flatMap(([property, direction]) => [`      - property: ${property}`, `        direction: ${direction}`]);
  return [
    'filters:',
    '  or:',
    ...list('    ', scope.map(yamlQuoted)),
    'formulas:',
    ...formulas.map(([name, expr]) => `  ${name}: ${yamlQuoted(expr)}`),
    'properties:',
    ...columns.flatMap(([key, name]) => [`  ${key}:`, `    displayName: ${yamlQuoted(name)}`]),
    'views:',
    '  - type: table',
    '    name: People',
    '    order:',
    ...list('      ', [
      'file.name',
      'note.company',
      'note.position',
      'formula.trust_level',
      'note.met-where',
      'note.last-contact',
      'formula.overdue',
      'note.connected-on',
      'note.birthday',
      'note.linkedin-status',
      'formula.profile',
    ]),
    '    sort:',
    ...sort([
      ['formula.days_overdue', 'DESC'],
      ['note.connected-on', 'DESC'],
    ]),
    '  - type: table',
    '    name: To triage',
    '    filters:',
    '      and:',
    ...list('        ', [
      "'!trust'",
      "'prune != true'",
      yamlQuoted('note["linkedin-status"] != "invitation-declined"'),
      yamlQuoted('note["linkedin-status"] != "invitation-withdrawn"'),
    ]),
    '    order:',
    ...list('      ', [
      'file.name',
      'note.company',
      'note.position',
      'note.linkedin-status',
      'note.invited-on',
      'note.connected-on',
      'note.invitation-message',
      'formula.profile',
    ]),
    '    sort:',
    ...sort([
      ['note.invited-on', 'DESC'],
      ['note.connected-on', 'DESC'],
    ]),
    '',
  ].join('\n');
}

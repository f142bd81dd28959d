/**
 * `network-crm stale --vault DIR [--section stale|drifting|follow-ups|all]`: the stale view's
 * lists, in its order, with the vault's settings: due and overdue people (most overdue
 * first), drifting people, people with open follow-ups (oldest first), or everyone.
 */
import { cadenceText } from '../../core/stale/cadence';
import { followUpText, lastContactText, meetingsText, reasonsText, statusText } from '../../core/stale/describe';
import { keepInTouchJson, SECTIONS, type KeepInTouch, type Section } from '../../core/stale/keep-in-touch';
import { displayWidth, padDisplay } from '../../core/text/display-width';
import { plural } from '../../core/text/format';
import { limitFlag, stringFlag, UsageError, type FlagSpec, type ParsedArgs } from '../args';
import { FLAG, VAULT_FLAGS, type CommandSpec } from '../command';
import type { CliIo } from '../io';
import { JsonList, printJson } from '../json-out';
import { openVault } from '../options';
import { VaultPeople } from '../vault-people';
import { sectionOfVault } from './keep-in-touch';

/** Names wider than this are cut with `…` so a long one does not push every row. */
const MAX_NAME_COLUMNS = 32;

const JSON_KEY: Record<Section, string> = {
  stale: 'stale',
  drifting: 'drifting',
  'follow-ups': 'followUps',
  all: 'people',
};
const HEADLINE: Record<Section, string> = {
  stale: ' due or overdue',
  drifting: ' drifting',
  'follow-ups': ' with open follow-ups',
  all: '',
};

export const SECTION_FLAG: FlagSpec = {
  name: 'section',
  value: 'NAME',
  help: `which list: ${SECTIONS.join(', ')} (default: stale, the due and overdue)`,
};

/** One row of `stale --json`, for every section (the contract test compares the plugin's with it). */
export function staleRow(k: KeepInTouch, today: string) {
  return keepInTouchJson(k, today);
}

export function sectionOption(args: ParsedArgs): Section {
  const raw = stringFlag(args, 'section') ?? 'stale';
  if (!(SECTIONS as readonly string[]).includes(raw))
    throw new UsageError(`--section "${raw}" must be one of ${SECTIONS.join(', ')}`, args.command);
  return raw as Section;
}

function runStale(args: ParsedArgs, io: CliIo): Promise<number> {
  const section = sectionOption(args);
  const session = openVault(args);
  const limit = limitFlag(args);
  const people = VaultPeople.open(session, io, { frontmatter: true });
  const { today } = session;
  const list = sectionOfVault(people, today, section);
  const shown = limit === undefined ? list : list.slice(0, limit);
  if (args.flags.has('json')) {
    // Row by row: at 100,000 people the list is 25 MB of JSON, and its rows as objects more.
    printJson(io, {
      today,
      section,
      count: list.length,
      [JSON_KEY[section]]: new JsonList(shown, (k) => staleRow(k, today)),
    });
    return Promise.resolve(0);
  }
  const counted = section === 'stale' ? plural(list.length, 'stale contact') : plural(list.length, 'person', 'people');
  io.out(
    `${counted}${section === 'stale' ? '' : HEADLINE[section]} on ${today}${shown.length < list.length ? `, the first ${shown.length} shown` : ''}`,
  );
  const nameWidth = Math.min(MAX_NAME_COLUMNS, Math.max(0, ...shown.map((k) => displayWidth(k.person.name))));
  const statusWidth = Math.max(0, ...shown.map((k) => statusText(k).text.length));
  for (const k of shown) {
    const met = meetingsText(k.person, today);
    const contact = met === '' ? lastContactText(k, today) : `${lastContactText(k, today)} · ${met}`;
    io.out(
      `  ${padDisplay(k.person.name, nameWidth)}  ${statusText(k).text.padEnd(statusWidth)}  ${contact}  (${k.person.path})`,
    );
    const why =
      section === 'follow-ups'
        ? k.person.followUps.map((f) => `☐ ${followUpText(f, today)} (${f.path})`).join('\n      ')
        : section === 'stale' && k.cadence
          ? cadenceText(k.cadence)
          : reasonsText(k, section, today);
    if (why !== '') io.out(`      ${why}`);
  }
  return Promise.resolve(0);
}

export const STALE: CommandSpec = {
  name: 'stale',
  summary:
    'People to get back in touch with: due and overdue, drifting, with open follow-ups (the stale contacts view).',
  details: [
    "Uses the vault's trust levels, keep-in-touch periods and tag rules, and its daily notes setting; see show-settings.",
    'Each row says the rule that applies ("every 60 days, as #mentor"), why someone is drifting, or their follow-ups.',
  ],
  flags: [...VAULT_FLAGS, SECTION_FLAG, FLAG.limit, FLAG.json, FLAG.help],
  run: runStale,
};

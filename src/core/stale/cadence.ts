/**
 * How often to keep in touch with someone, and why.
 *
 * - A note's own `cadence` (days) overrides everything; `cadence: 0` means never.
 * - Otherwise every rule that applies is a candidate, and the shortest period wins: the
 *   trust level's period, and each tag rule from the settings whose tag the person has
 *   (a rule for `family` also covers `family/close`). On a tie the tag rule is named,
 *   being the more specific reason.
 * - Untriaged people (no trust) are tracked by their tags, and, when the setting includes
 *   them, with the longest period of any level.
 * - People marked `prune: true` and people in an invitation state are never tracked.
 */
import { INVITATION_STATES } from '../notes/schema';
import type { PersonRecord } from '../people/person-record';
import { normaliseTag, type TagCadence, type TrustLevel } from '../settings';

export type CadenceRule =
  | { kind: 'note' }
  | { kind: 'tag'; tag: string }
  | { kind: 'trust'; level: number; name: string }
  | { kind: 'untriaged' };

export interface Cadence {
  days: number;
  rule: CadenceRule;
}

export interface CadenceOptions {
  trustLevels: readonly TrustLevel[];
  includeUntriaged: boolean;
  /** Optional so callers from before tag rules keep working; none means no tag rules. */
  tagCadences?: readonly TagCadence[];
}

/** Whether reminders are off for this person whatever the rules say: stopped, pruned, or an invitation. */
export function isUntracked(p: PersonRecord): boolean {
  return p.prune || INVITATION_STATES.includes(p.status) || p.cadence === 0;
}

function tagApplies(ruleTag: string, personTags: readonly string[]): boolean {
  for (const t of personTags) {
    // Most tags differ in length or first letter: skip them without lower-casing a copy.
    if (t.length < ruleTag.length) continue;
    const tag = t.toLowerCase();
    if (tag === ruleTag || tag.startsWith(`${ruleTag}/`)) return true;
  }
  return false;
}

/**
 * The Cadence objects one set of options can give, made once per options object: every
 * person at a level shares one, so a pass over 30,000 people allocates none of them.
 */
interface Rules {
  levels: Array<Cadence | null>;
  untriaged: Cadence | null;
  tags: Array<{ tag: string; cadence: Cadence }>;
  notes: Map<number, Cadence>;
}

const RULES = new WeakMap<CadenceOptions, Rules>();

function rulesOf(options: CadenceOptions): Rules {
  let rules = RULES.get(options);
  if (rules) return rules;
  let longest: number | null = null;
  for (const l of options.trustLevels)
    if (l.keepInTouchDays !== null && (longest === null || l.keepInTouchDays > longest)) longest = l.keepInTouchDays;
  const tags: Rules['tags'] = [];
  for (const r of options.tagCadences ?? []) {
    const tag = normaliseTag(r.tag);
    if (tag !== '' && r.days > 0) tags.push({ tag, cadence: { days: r.days, rule: { kind: 'tag', tag } } });
  }
  rules = {
    levels: options.trustLevels.map((l, i) =>
      l.keepInTouchDays ? { days: l.keepInTouchDays, rule: { kind: 'trust', level: i + 1, name: l.name } } : null,
    ),
    untriaged: options.includeUntriaged && longest !== null ? { days: longest, rule: { kind: 'untriaged' } } : null,
    tags,
    notes: new Map(),
  };
  RULES.set(options, rules);
  return rules;
}

export function cadenceOf(p: PersonRecord, options: CadenceOptions): Cadence | null {
  if (isUntracked(p)) return null;
  const rules = rulesOf(options);
  if (p.cadence !== null) {
    let note = rules.notes.get(p.cadence);
    if (!note) rules.notes.set(p.cadence, (note = { days: p.cadence, rule: { kind: 'note' } }));
    return note;
  }
  // Tag rules first, so a tie names the tag; then the level.
  let best: Cadence | null = null;
  if (p.tags.length > 0)
    for (const { tag, cadence } of rules.tags)
      if ((best === null || cadence.days < best.days) && tagApplies(tag, p.tags)) best = cadence;
  const level = p.trust === null ? rules.untriaged : (rules.levels[p.trust - 1] ?? null);
  if (level !== null && (best === null || level.days < best.days)) best = level;
  return best;
}

/** "every 60 days, as #mentor": the words a row and the CLI show for the rule that applies. */
export function cadenceText(c: Cadence): string {
  const every = `every ${c.days === 1 ? 'day' : `${c.days} days`}`;
  switch (c.rule.kind) {
    case 'note':
      return `${every}, set on the note`;
    case 'tag':
      return `${every}, as #${c.rule.tag}`;
    case 'trust':
      return `${every}, as ${c.rule.name}`;
    case 'untriaged':
      return `${every}, untriaged`;
  }
}

/**
 * The sanity brake: a re-import that would move a large share of the network to another
 * company at once is far more likely a bad file (a wrong encoding, a broken export, the
 * wrong person's archive) than a year of real job changes, and it would rewrite hundreds of
 * notes and fill `## History` with false job changes. Such a plan is held back: the CLI
 * stops unless `--yes`, the plugin's preview asks before importing, both showing examples.
 * The rule lives here so the two agree.
 */
import { coerceText } from '../people/coerce';
import { formatCount } from '../text/format';
import { FIELD } from '../notes/schema';
import type { ImportPlan } from './plan-types';

/** Trips when more than this share of the notes the export matched would change company… */
export const BRAKE_SHARE = 0.1;
/** …and more than this many (a small network's handful of real changes never trips it). */
export const BRAKE_MIN_PEOPLE = 50;
const EXAMPLES = 5;

export interface CompanyChangeExample {
  name: string;
  path: string;
  from: string;
  to: string;
}

export interface SanityBrake {
  /** Notes whose company would change from one known value to another. */
  changed: number;
  /** Existing notes the export matched (updated or unchanged). */
  matched: number;
  examples: CompanyChangeExample[];
  /** One line for a notice or a terminal. */
  message: string;
}

/**
 * Can an import over a vault of `notes` person notes trip the brake at all? It moves more
 * than BRAKE_MIN_PEOPLE of them, so it cannot over fewer (the CLI then skips planning a
 * huge file twice, see core/import/parts.ts).
 */
export function brakeCanTrip(notes: number): boolean {
  return notes > BRAKE_MIN_PEOPLE;
}

/** The brake when `plan` trips it, else null. */
export function sanityBrake(plan: ImportPlan): SanityBrake | null {
  const matched = plan.updates.length + plan.unchanged.length;
  const changes: CompanyChangeExample[] = [];
  for (const u of plan.updates) {
    const c = u.changes.find((x) => x.field === FIELD.company);
    if (!c) continue;
    const from = coerceText(c.from);
    // Filling an empty company is not a move.
    if (from !== '') changes.push({ name: u.name, path: u.path, from, to: String(c.to) });
  }
  if (changes.length <= BRAKE_MIN_PEOPLE || changes.length <= matched * BRAKE_SHARE) return null;
  const share = Math.round((changes.length / matched) * 100);
  return {
    changed: changes.length,
    matched,
    examples: changes.slice(0, EXAMPLES),
    message: `This import would change the company of ${formatCount(changes.length)} of ${formatCount(matched)} people (${share}%) at once. That is more often a damaged or wrong export than real job changes: check the examples before going on.`,
  };
}

/**
 * An import source: where people come from (a LinkedIn export today; address books and
 * calendars next). The plan (plan.ts) is the same for every source: it matches each
 * incoming person to a note by identity, creates or updates notes, and keeps the user's
 * data safe. A source only says what it knows:
 *
 * - **people**, each with identities (profile URL, emails, name) the matcher uses in that
 *   order, the values of the fields it owns, and dated interactions to log once;
 * - **the fields it owns** (`owns`): an import never writes any other field, and an empty
 *   value never clears one (field-diff.ts). Values for fields a source does not own are
 *   dropped before planning, whatever the source hands in;
 * - its own **counts** for the preview and the report, and rows it skipped or doubted.
 *
 * Sources may also refine a field from the note's current value (`settle`: LinkedIn keeps
 * a recorded decline), and name notes that should have been in their data (`missing`:
 * LinkedIn's connections no longer in the export). See docs/ARCHITECTURE.md, "Adding a
 * source".
 */
import type { IsoDate } from '../dates/iso-date';
import type { RowIssue } from '../linkedin/records';
import type { OwnedValues } from '../notes/compose-note';
import type { IncomingSet } from './incoming';
import type { NoteMatcher } from './note-matcher';
import type { FrontmatterValue } from '../yaml/emit';
import type { CountRow, ImportPlan, ImportSettings, MissingPerson, SourceDetail } from './plan-types';
import type { ExistingNote } from './vault-snapshot';

/**
 * How a source's value for a field meets the note's (or, for a new note, the other values
 * the note is made with): the value to write, or undefined to write nothing. Without a
 * rule, the source's value replaces a different one (LinkedIn's fields).
 */
export type FieldRule = (
  current: Readonly<Record<string, unknown>>,
  value: FrontmatterValue,
) => FrontmatterValue | undefined;

export interface SourceContext {
  /** The vault's notes, to look at (never claim) while collecting: `peek`, `notesWithUrl`. */
  notes: NoteMatcher;
  settings: ImportSettings;
  today: IsoDate;
  /** The plan being made, for a source that reports more than counts (LinkedIn's invitations and messages). */
  plan: ImportPlan;
  /**
   * This source is the import's only one, planned whole (not in parts): it may settle rows
   * that change nothing (settled-rows.ts), which no other source's people can merge with.
   */
  alone?: boolean;
}

export interface ImportSource {
  /** Stable id (`linkedin`), for code and JSON. */
  id: string;
  /** For people: the report is titled "<label> import". */
  label: string;
  /** The inputs as the user gave them (file names), for the report. */
  files: readonly string[];
  /** Frontmatter fields this source may write, in the order changes are listed. */
  owns: readonly string[];
  /**
   * How its values meet the note's, per field (an address book only fills an empty
   * `company` and only adds to `emails`). A field's rule is that of the source whose value
   * is written: in a run with LinkedIn and an address book, LinkedIn's company replaces,
   * the address book's only fills.
   */
  rules?: Readonly<Record<string, FieldRule>>;
  /** Rows that were not used, and rows used with a doubt, each with file and line. */
  skipped: readonly RowIssue[];
  warnings: readonly RowIssue[];
  /** The people this source describes, merged per person within the source. */
  collect(ctx: SourceContext): IncomingSet;
  /** The values to write, given the note's current frontmatter (default: the incoming values). */
  settle?(current: Readonly<Record<string, unknown>>, incoming: OwnedValues): OwnedValues;
  /**
   * Notes that should have been in this source's data and were not (LinkedIn: connections
   * no longer in Connections.csv). `accounted`: the notes matched (or possibly meant, for
   * an ambiguous row) by people flagged `isConnection`, the source's complete list.
   */
  missing?(notes: readonly ExistingNote[], accounted: ReadonlySet<ExistingNote>): MissingPerson[];
  /** Counts shown in the preview and the report after the common ones, once the plan is made. */
  counts(plan: ImportPlan): CountRow[];
  /**
   * Lists the preview and the report show for this source, as plain text (escaped by the
   * report, set as text by the preview): a calendar's attendees with no note, what an
   * address book left out on purpose.
   */
  details?(plan: ImportPlan): SourceDetail[];
  /** The line under a new note's frontmatter (a profile link), or null for none. */
  headLine?(owned: OwnedValues): string | null;
}

/**
 * Drops the values of fields `owns` does not list: the seam's guarantee, whatever a source
 * hands in. In place, and allocation-free when there is nothing to drop (30,000 people).
 */
export function keepOwned(owns: ReadonlySet<string>, values: OwnedValues): void {
  for (const field in values) if (!owns.has(field)) delete values[field];
}

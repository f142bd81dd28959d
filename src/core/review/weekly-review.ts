/**
 * "Plan this week's reach-outs": N people to get in touch with, as tasks with the context
 * that makes the message easy to write.
 *
 * Picks come from four pools: birthdays in the coming week (time-bound, so first), then in
 * turn the oldest follow-up, the most overdue, the most adrift, until N are chosen. Only
 * *overdue* people are picked, not those merely due. Someone already planned this week (an
 * open task the review wrote since Monday) is not picked again, nor anyone pruned.
 */
import { addDays, compareDates, daysBetween, type IsoDate } from '../dates/iso-date';
import { isoWeekLabel, weekStart } from '../dates/iso-week';
import { REVIEW_HEADING } from '../followups/follow-ups';
import { wikiLink } from '../import/report';
import { appendToSection, sectionLines } from '../notes/body-sections';
import { lineEnding, splitNote } from '../notes/note-text';
import { escapeMarkdown } from '../notes/markdown-escape';
import { INTERACTIONS_HEADING } from '../notes/schema';
import { upcomingBirthdays, type UpcomingBirthday } from '../people/birthdays';
import { cadenceText } from '../stale/cadence';
import type { LastContact } from '../people/last-contact';
import { birthdayWhen, followUpText, lastContactOn, NEVER_CONTACTED, overdueText } from '../stale/describe';
import type { KeepInTouch } from '../stale/keep-in-touch';
import { compareStale, type StaleEntry } from '../stale/stale-list';
import { compareFollowUps, type FollowUp } from '../followups/follow-ups';
import { capitalised } from '../text/format';

export type PickKind = 'birthday' | 'follow-up' | 'overdue' | 'drifting';

export interface PickReason {
  kind: PickKind;
  text: string;
}

export interface ReviewPick {
  status: KeepInTouch;
  reasons: PickReason[];
}

export interface ReviewOptions {
  today: IsoDate;
  count: number;
}

/** Their birthday when it falls today or in the six days after ("Birthdays this week"). */
function birthdayThisWeek(k: KeepInTouch, today: IsoDate): UpcomingBirthday | null {
  return k.person.birthday === null ? null : (upcomingBirthdays([k.person], today, 7)[0] ?? null);
}

function birthdayReason(k: KeepInTouch, today: IsoDate): PickReason | null {
  const b = birthdayThisWeek(k, today);
  return b === null ? null : { kind: 'birthday', text: `birthday ${birthdayWhen(b, today, true)}` };
}

const NONE: readonly FollowUp[] = [];

/** Open follow-ups the review did not write itself (those are the plan, not a reason). */
function ownFollowUps(k: KeepInTouch): readonly FollowUp[] {
  const all = k.person.followUps;
  return all.length === 0 ? NONE : all.filter((f) => !f.review);
}

function reasonsFor(k: KeepInTouch, today: IsoDate): PickReason[] {
  const out: PickReason[] = [];
  const birthday = birthdayReason(k, today);
  if (birthday) out.push(birthday);
  const follow = ownFollowUps(k)[0];
  if (follow) out.push({ kind: 'follow-up', text: `follow-up: ${followUpText(follow, today)}` });
  if (k.stale?.state === 'overdue' && k.cadence)
    out.push({ kind: 'overdue', text: `${overdueText(k.stale)} (${cadenceText(k.cadence)})` });
  if (k.drift) out.push({ kind: 'drifting', text: `drifting: ${k.drift.reason}` });
  return out;
}

/** Planned by a review this week and not done yet. */
function plannedThisWeek(k: KeepInTouch, monday: IsoDate): boolean {
  return k.person.followUps.some((f) => f.review && f.since !== null && f.since >= monday);
}

export function planReview(all: readonly KeepInTouch[], options: ReviewOptions): ReviewPick[] {
  const { today } = options;
  const monday = weekStart(today);
  const birthdays: Array<{ k: KeepInTouch; on: IsoDate }> = [];
  const follows: Array<{ k: KeepInTouch; oldest: FollowUp }> = [];
  const overdue: KeepInTouch[] = [];
  const drifting: KeepInTouch[] = [];
  for (const k of all) {
    if (k.person.prune || plannedThisWeek(k, monday)) continue;
    const on = birthdayThisWeek(k, today)?.date ?? null;
    if (on !== null) birthdays.push({ k, on });
    const own = ownFollowUps(k);
    if (own.length > 0) follows.push({ k, oldest: own[0] as FollowUp });
    if (k.stale?.state === 'overdue') overdue.push(k);
    if (k.drift) drifting.push(k);
  }
  const byName = (a: KeepInTouch, b: KeepInTouch) => a.person.name.localeCompare(b.person.name);
  birthdays.sort((a, b) => compareDates(a.on, b.on) || byName(a.k, b.k));
  follows.sort((a, b) => compareFollowUps(a.oldest, b.oldest) || byName(a.k, b.k));
  overdue.sort((a, b) => compareStale(a.stale as StaleEntry, b.stale as StaleEntry));
  drifting.sort((a, b) => (b.drift?.ratio ?? 0) - (a.drift?.ratio ?? 0) || byName(a, b));

  const picked = new Map<string, KeepInTouch>();
  const take = (k: KeepInTouch) => {
    if (picked.size < options.count && !picked.has(k.person.path)) picked.set(k.person.path, k);
  };
  for (const { k } of birthdays) take(k);
  const rest = [follows.map((f) => f.k), overdue, drifting];
  const cursor = [0, 0, 0];
  while (picked.size < options.count && rest.some((pool, i) => (cursor[i] as number) < pool.length)) {
    rest.forEach((pool, i) => {
      // Each pool offers its next person not already picked.
      while ((cursor[i] as number) < pool.length) {
        const k = pool[cursor[i] as number] as KeepInTouch;
        cursor[i] = (cursor[i] as number) + 1;
        if (!picked.has(k.person.path)) {
          take(k);
          break;
        }
      }
    });
  }
  return [...picked.values()].map((k) => ({ status: k, reasons: reasonsFor(k, today) }));
}

/** The newest dated line under `## Interactions`, without its bullet: context for the review's "Last:". */
export function lastInteractionLine(body: string): string | null {
  let best: { date: string; text: string } | null = null;
  for (const line of sectionLines(body, INTERACTIONS_HEADING)) {
    const m = /^\s*[-*+]\s+(?:\[[ xX]\]\s+)?((?:\[\[)?(\d{4}-\d{2}-\d{2}).*)$/.exec(line);
    if (m && (best === null || (m[2] as string) > best.date))
      best = { date: m[2] as string, text: (m[1] as string).trim() };
  }
  return best?.text ?? null;
}

/** The date a line from {@link lastInteractionLine} starts with (`2026-02-11` or `[[2026-02-11]]`). */
const LINE_DATE = /^(?:\[\[)?(\d{4}-\d{2}-\d{2})/;

/**
 * The review's "Last:" text. The last contact is the one the stale view and list show
 * (`KeepInTouch.lastContact`, from `effectiveLastContact`), said with the same words
 * (`lastContactOn`), so the two cannot disagree. When the newest logged interaction is that
 * contact, its line is shown as written, since its words make the message easy ("2026-02-11
 * · call · talked about the pilot"); otherwise the contact's date and source ("2019-11-02 ·
 * via message"), then the newest logged line, if any, as context. Null only when there is
 * no contact on record at all.
 */
export function lastContactContext(k: Pick<KeepInTouch, 'lastContact'>, lastLine: string | null): string | null {
  const c = k.lastContact;
  if (c === null) return lastLine;
  // Not older than the last contact: the line is that contact (or newer, if the index has not caught up yet).
  const lineDate = lastLine === null ? undefined : LINE_DATE.exec(lastLine)?.[1];
  if (lastLine !== null && lineDate !== undefined && lineDate >= c.date) return lastLine;
  const on = lastContactOn(c);
  return lastLine === null ? on : `${on}; last logged ${lastLine}`;
}

/** What the pick's task and its context lines say; `lastLine` comes from the person's note. */
export interface PickContext {
  metWhere: string;
  company: string;
  position: string;
  /** The effective last contact, as the stale view has it. */
  lastContact: LastContact | null;
  /** The newest dated line under `## Interactions`, as written, or null. */
  lastLogged: string | null;
  /** What "Last:" says ({@link lastContactContext}); null only when never contacted. */
  lastInteraction: string | null;
}

export function pickContext(pick: ReviewPick, lastLine: string | null): PickContext {
  const p = pick.status.person;
  return {
    metWhere: p.metWhere,
    company: p.company,
    position: p.position,
    lastContact: pick.status.lastContact,
    lastLogged: lastLine,
    lastInteraction: lastContactContext(pick.status, lastLine),
  };
}

export function reviewHeading(today: IsoDate): string {
  return `${REVIEW_HEADING} for ${isoWeekLabel(today)}`;
}

/**
 * The task and its context, as lines: the task links the person and says why; indented
 * lines below give where you met, their work and the last contact. `➕ today` dates
 * the task (the Tasks plugin's created date), which is how a later review knows it was
 * planned this week.
 */
export function pickLines(pick: ReviewPick, context: PickContext, today: IsoDate): string[] {
  const p = pick.status.person;
  const why = pick.reasons.map((r) => r.text).join('; ');
  const lines = [`- [ ] Reach out to ${wikiLink(p.path)}${why === '' ? '' : ` — ${escapeMarkdown(why)}`} ➕ ${today}`];
  // met-where is the user's own text (often a [[link]] to an event note): kept as written.
  const met = context.metWhere.replace(/[\r\n]+/g, ' ').trim();
  const work = [context.position, context.company]
    .filter((v) => v.trim() !== '')
    .map(escapeMarkdown)
    .join(' at ');
  const about = [met === '' ? '' : `met at ${met}`, work].filter(Boolean).join(' · ');
  if (about !== '') lines.push(`\t- ${capitalised(about)}`);
  if (context.lastInteraction) lines.push(`\t- Last: ${context.lastInteraction}`);
  else lines.push(`\t- ${capitalised(NEVER_CONTACTED)}`);
  return lines;
}

/**
 * The note with this week's picks added: under the week's heading when the note has it
 * (a second run the same week adds below the first), else in a new section at the end.
 * `text` is null for a note that does not exist yet; `template` is its first content.
 */
export function addReviewToNote(
  text: string | null,
  picks: readonly ContextPick[],
  today: IsoDate,
  template = '',
): string {
  const parts = splitNote(text ?? template);
  return parts.head + addReviewToBody(parts.body, picks, today);
}

export type ContextPick = { pick: ReviewPick; context: PickContext };

/** The same for a note's body (the plugin edits bodies and leaves the frontmatter to Obsidian). */
export function addReviewToBody(body: string, picks: readonly ContextPick[], today: IsoDate): string {
  const lines = picks.flatMap(({ pick, context }) => pickLines(pick, context, today)).join(lineEnding(body));
  return appendToSection(body, reviewHeading(today), lines);
}

/** Where the review goes when daily notes are off: one note per ISO week. */
export const REVIEW_FOLDER = 'Network CRM/Reviews';

export function reviewNotePath(today: IsoDate): string {
  return `${REVIEW_FOLDER}/${isoWeekLabel(today)}.md`;
}

/** The week the review covers, for the notice and the CLI: Monday to Sunday. */
export function reviewWeek(today: IsoDate): { label: string; from: IsoDate; to: IsoDate; daysLeft: number } {
  const from = weekStart(today);
  const to = addDays(from, 6);
  return { label: isoWeekLabel(today), from, to, daysLeft: daysBetween(today, to) };
}

/** JSON for the CLI and tests. */
export function pickJson(pick: ReviewPick, context: PickContext) {
  const p = pick.status.person;
  return {
    name: p.name,
    path: p.path,
    reasons: pick.reasons,
    metWhere: context.metWhere || null,
    company: context.company || null,
    position: context.position || null,
    lastInteraction: context.lastInteraction,
    lastContact: context.lastContact,
    lastLogged: context.lastLogged,
  };
}

/**
 * What the views know about a person, read from the note's frontmatter (and, for the
 * interaction log and daily notes, from what the index adds). Hand-typed values are
 * coerced; anything unusable becomes null and a line in `problems`, so one bad note can
 * never break a view.
 */
import type { IsoDate } from '../dates/iso-date';
import { normaliseProfileUrl } from '../identity/profile-url';
import { FIELD } from '../notes/schema';
import type { FollowUp } from '../followups/follow-ups';
import { coerceBirthday } from './birthdays';
import { coerceBoolean, coerceDate, coerceDays, coerceTags, coerceText, coerceTrust, type Coerced } from './coerce';

export type MessageSide = 'me' | 'them';

export interface PersonRecord {
  path: string;
  /** The `name` field, else the file name. */
  name: string;
  profileUrl: string | null;
  company: string;
  position: string;
  metWhere: string;
  trust: number | null;
  status: string;
  connectedOn: IsoDate | null;
  invitedOn: IsoDate | null;
  invitationMessage: string;
  lastContactField: IsoDate | null;
  lastMessage: IsoDate | null;
  lastMessageFrom: MessageSide | null;
  unanswered: number | null;
  /** Their newest LinkedIn message (`last-reply`). */
  lastReply: IsoDate | null;
  /** When you asked "have we met?" (`asked-on`). */
  askedOn: IsoDate | null;
  snoozeUntil: IsoDate | null;
  /** Keep-in-touch period in days set on the note; 0 = never; null = use the trust level's. */
  cadence: number | null;
  /** `prune: true`: marked for removal on LinkedIn. */
  prune: boolean;
  /** `prune: false`: the user decided to keep them; no longer a prune candidate. */
  kept: boolean;
  tags: readonly string[];
  jobChangedOn: IsoDate | null;
  jobChangeSeen: IsoDate | null;
  /** `YYYY-MM-DD`, or `--MM-DD` when the year is not known (any source). */
  birthday: string | null;
  /** When the note was created (file ctime), for people never contacted nor connected. */
  createdOn: IsoDate | null;
  /** Newest dated line under `## Interactions`, filled in by the index. */
  logLatest: IsoDate | null;
  /** Every date of a dated line under `## Interactions`, oldest first, each once; filled in by the index. */
  logDates: readonly IsoDate[];
  /** The dates of meeting lines among them (`· meeting ·`), oldest first; filled in by the index. */
  meetingDates: readonly IsoDate[];
  /** Newest daily note that links to the person, filled in by the index. */
  dailyLatest: IsoDate | null;
  /** Every daily note date that links to the person (not from an open task), oldest first; by the index. */
  dailyDates: readonly IsoDate[];
  /** Open tasks anywhere in the vault that link the person, oldest first; by the index. */
  followUps: readonly FollowUp[];
  /** Dates of completed tasks that link the person (contact on that day), oldest first; by the index. */
  doneDates: readonly IsoDate[];
  /** Values that could not be used, for the user to fix ("last-contact "soon" is not a date"). */
  problems: readonly string[];
}

function isExplicitNo(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^(false|no)$/i.test(value.trim()));
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.md$/i, '');
}

export interface RecordContext {
  levelNames: readonly string[];
  createdOn: IsoDate | null;
}

/**
 * One empty list for every record that has none of a kind (most have no follow-ups, no daily
 * notes, no done tasks): 30,000 records held five empty arrays each, 150,000 objects for the
 * garbage collector to copy. Frozen: it is shared by every record.
 */
export const EMPTY_LIST: readonly never[] = Object.freeze([]);

/** A coerced value, its problem (if any) noted against the field. */
function take<T>(problems: string[], field: string, c: Coerced<T>): T | null {
  if (c.problem) problems.push(`${field}: ${c.problem}`);
  return c.value;
}

/**
 * A date field. Helpers at module level, not closures made per record: at 30,000 records
 * the closures and a `{ value: null }` for each missing field were some 250,000 objects
 * made only to be collected.
 */
function date(problems: string[], fm: Readonly<Record<string, unknown>>, field: string): IsoDate | null {
  return take(problems, field, coerceDate(fm[field]));
}

/**
 * You wrote last and they have never written back on LinkedIn (no `last-reply`): the one
 * meaning of "never answered", for the overview, the backlog and the prune rules alike.
 */
export function neverAnswered(p: PersonRecord): boolean {
  return p.lastMessageFrom === 'me' && p.lastReply === null;
}

export function personFromFrontmatter(
  path: string,
  fm: Readonly<Record<string, unknown>>,
  ctx: RecordContext,
): PersonRecord {
  const problems: string[] = [];
  const side = coerceText(fm[FIELD.lastMessageFrom]).toLowerCase();
  const unanswered = take(problems, FIELD.unanswered, coerceDays(fm[FIELD.unanswered]));
  return {
    path,
    name: coerceText(fm[FIELD.name]) || basenameOf(path),
    profileUrl: normaliseProfileUrl(coerceText(fm[FIELD.linkedin])),
    company: coerceText(fm[FIELD.company]),
    position: coerceText(fm[FIELD.position]),
    metWhere: coerceText(fm[FIELD.metWhere]),
    trust: take(problems, FIELD.trust, coerceTrust(fm[FIELD.trust], ctx.levelNames)),
    status: coerceText(fm[FIELD.status]).toLowerCase(),
    connectedOn: date(problems, fm, FIELD.connectedOn),
    invitedOn: date(problems, fm, FIELD.invitedOn),
    invitationMessage: coerceText(fm[FIELD.invitationMessage]),
    lastContactField: date(problems, fm, FIELD.lastContact),
    lastMessage: date(problems, fm, FIELD.lastMessage),
    lastMessageFrom: side === 'me' || side === 'them' ? side : null,
    unanswered,
    lastReply: date(problems, fm, FIELD.lastReply),
    askedOn: date(problems, fm, FIELD.askedOn),
    snoozeUntil: date(problems, fm, FIELD.snoozeUntil),
    cadence: take(problems, FIELD.cadence, coerceDays(fm[FIELD.cadence])),
    prune: coerceBoolean(fm[FIELD.prune]),
    kept: isExplicitNo(fm[FIELD.prune]),
    tags: coerceTags(fm[FIELD.tags]),
    jobChangedOn: date(problems, fm, FIELD.jobChangedOn),
    jobChangeSeen: date(problems, fm, FIELD.jobChangeSeen),
    birthday: take(problems, FIELD.birthday, coerceBirthday(fm[FIELD.birthday])),
    createdOn: ctx.createdOn,
    logLatest: null,
    logDates: EMPTY_LIST,
    meetingDates: EMPTY_LIST,
    dailyLatest: null,
    dailyDates: EMPTY_LIST,
    followUps: EMPTY_LIST,
    doneDates: EMPTY_LIST,
    // Most records have none: one shared empty list rather than 30,000 for the GC to copy.
    problems: problems.length === 0 ? EMPTY_LIST : problems,
  };
}

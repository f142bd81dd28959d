/**
 * "Network overview": the shape of your network in numbers, for the view's charts and
 * `network-crm overview --json`. Counts people in your network: notes in an invitation
 * state (received, sent, declined, withdrawn) are not connections yet and are left out.
 *
 * - People by trust level, with how many are due, overdue and drifting at each level.
 * - Contacts per month over the last 24 months: each day on record as contact with a
 *   person counts once (a logged call and the `last-contact` it moved are one contact).
 * - New connections per month (`connected-on`) over the same months.
 * - The 15 companies with the most people (spellings that differ only in case are one).
 * - Never answered: your last message is unanswered and nothing else is on record.
 */
import { addMonthsIso, type IsoDate } from '../dates/iso-date';
import { INVITATION_STATES } from '../notes/schema';
import { contactDates } from '../people/last-contact';
import { neverAnswered, type PersonRecord } from '../people/person-record';
import type { TrustLevel } from '../settings';
import { hasFollowUps, type KeepInTouch } from '../stale/keep-in-touch';

export const OVERVIEW_MONTHS = 24;
export const TOP_COMPANIES = 15;

export interface TrustRow {
  /** 1–5, or null for untriaged. */
  level: number | null;
  name: string;
  people: number;
  due: number;
  overdue: number;
  drifting: number;
}

export interface MonthCount {
  /** `YYYY-MM` */
  month: string;
  count: number;
}

export interface NetworkOverview {
  today: IsoDate;
  people: number;
  byTrust: TrustRow[];
  contactsPerMonth: MonthCount[];
  newConnectionsPerMonth: MonthCount[];
  topCompanies: Array<{ company: string; people: number }>;
  neverAnswered: number;
  awaitingReply: number;
  totals: { due: number; overdue: number; drifting: number; followUps: number; neverContacted: number };
}

export interface OverviewOptions {
  today: IsoDate;
  trustLevels: readonly TrustLevel[];
  useDailyNotes: boolean;
}

/** The last `n` months up to and including today's, oldest first, as `YYYY-MM`. */
export function lastMonths(today: IsoDate, n: number): string[] {
  const first = `${today.slice(0, 7)}-01`;
  return Array.from({ length: n }, (_, i) => addMonthsIso(first, i - n + 1).slice(0, 7));
}

/** Never answered a message, and no contact of any other kind on record either. */
function silentThroughout(p: PersonRecord): boolean {
  return (
    neverAnswered(p) &&
    p.lastContactField === null &&
    p.logDates.length === 0 &&
    p.dailyDates.length === 0 &&
    p.doneDates.length === 0
  );
}

export function networkOverview(all: readonly KeepInTouch[], options: OverviewOptions): NetworkOverview {
  const months = lastMonths(options.today, OVERVIEW_MONTHS);
  const contacts = new Map(months.map((m) => [m, 0]));
  const connections = new Map(months.map((m) => [m, 0]));
  const first = months[0] as string;
  const levels: TrustRow[] = options.trustLevels
    .map((l, i): TrustRow => ({ level: i + 1, name: l.name, people: 0, due: 0, overdue: 0, drifting: 0 }))
    .reverse();
  const untriaged: TrustRow = { level: null, name: 'Untriaged', people: 0, due: 0, overdue: 0, drifting: 0 };
  const companies = new Map<string, { people: number; spellings: Map<string, number> }>();
  const totals = { due: 0, overdue: 0, drifting: 0, followUps: 0, neverContacted: 0 };
  let people = 0;
  let silent = 0;
  let awaitingReply = 0;

  for (const k of all) {
    const p = k.person;
    if (INVITATION_STATES.includes(p.status)) continue;
    people++;
    const row = p.trust === null ? untriaged : (levels[levels.length - p.trust] ?? untriaged);
    row.people++;
    if (k.stale) {
      row[k.stale.state]++;
      totals[k.stale.state]++;
    }
    if (k.drift) {
      row.drifting++;
      totals.drifting++;
    }
    if (hasFollowUps(k)) totals.followUps++;
    if (k.lastContact === null) totals.neverContacted++;

    for (const d of contactDates(p, options)) {
      if (d < first || d > options.today) continue;
      const m = d.slice(0, 7);
      contacts.set(m, (contacts.get(m) ?? 0) + 1);
    }
    if (p.connectedOn !== null && p.connectedOn >= first && p.connectedOn <= options.today) {
      const m = p.connectedOn.slice(0, 7);
      connections.set(m, (connections.get(m) ?? 0) + 1);
    }
    const company = p.company.trim();
    if (company !== '') {
      const key = company.toLowerCase();
      const c = companies.get(key) ?? { people: 0, spellings: new Map<string, number>() };
      c.people++;
      c.spellings.set(company, (c.spellings.get(company) ?? 0) + 1);
      companies.set(key, c);
    }
    if (p.lastMessageFrom === 'me' && (p.unanswered ?? 0) >= 1) {
      awaitingReply++;
      if (silentThroughout(p)) silent++;
    }
  }

  const topCompanies = [...companies.values()]
    .map((c) => ({
      // The most used spelling; on a tie the first one met.
      company: [...c.spellings.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '',
      people: c.people,
    }))
    .sort((a, b) => b.people - a.people || a.company.localeCompare(b.company))
    .slice(0, TOP_COMPANIES);

  return {
    today: options.today,
    people,
    byTrust: [...levels, untriaged],
    contactsPerMonth: months.map((month) => ({ month, count: contacts.get(month) ?? 0 })),
    newConnectionsPerMonth: months.map((month) => ({ month, count: connections.get(month) ?? 0 })),
    topCompanies,
    neverAnswered: silent,
    awaitingReply,
    totals,
  };
}

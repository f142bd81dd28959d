/**
 * The keep-in-touch state of every person, computed from the person index once per index
 * revision, day and setting change, and shared by the stale view, the status bar, the
 * overview and the weekly review (30,000 people: compute once, and after an edit only for
 * the people whose records changed).
 */
import { dayNumber } from '../../core/dates/iso-date';
import { INVITATION_STATES } from '../../core/notes/schema';
import { upcomingBirthdays, type UpcomingBirthday } from '../../core/people/birthdays';
import type { PersonRecord } from '../../core/people/person-record';
import type { Rhythm } from '../../core/stale/drifting';
import {
  keepInTouch,
  rhythmFor,
  sectionCounts,
  sectionList,
  type KeepInTouch,
  type Section,
} from '../../core/stale/keep-in-touch';
import type { StaleOptions } from '../../core/stale/stale-list';
import type { CrmContext } from '../context';

/** A person's state and what it was computed from (the index assigns new lists when they change). */
interface Memo {
  state: KeepInTouch;
  generation: number;
  /** Kept across days and settings while the lists are the same (it depends on nothing else). */
  rhythm: Rhythm | null;
  rhythmFor: string;
  log: unknown;
  daily: unknown;
  follow: unknown;
  done: unknown;
}

export class StaleModel {
  private key = '';
  private cached: KeepInTouch[] = [];
  private sections = new Map<Section, KeepInTouch[]>();
  private counts: Record<Section, number> | null = null;
  private upcoming: UpcomingBirthday[] | null = null;
  /** Each person's state from an earlier pass, by record: records the index replaced are dropped with them. */
  private readonly memos = new WeakMap<PersonRecord, Memo>();
  /** Bumped when a new day or a setting makes every memo out of date. */
  private generation = 0;
  private optionsKey = '';

  constructor(private readonly ctx: CrmContext) {}

  options(): StaleOptions {
    const s = this.ctx.settings;
    return {
      today: this.ctx.today(),
      trustLevels: s.trustLevels,
      includeUntriaged: s.includeUntriagedInStale,
      useDailyNotes: s.useDailyNotes,
      tagCadences: s.tagCadences,
    };
  }

  /** Everyone, with their keep-in-touch state. */
  all(): KeepInTouch[] {
    const o = this.options();
    const optionsKey = JSON.stringify([o.today, o.trustLevels, o.includeUntriaged, o.useDailyNotes, o.tagCadences]);
    const key = `${this.ctx.index.revision}|${optionsKey}`;
    if (key === this.key) return this.cached;
    // After an edit only that person's record is new (the index replaces it): recompute just
    // them. A new day or a changed setting recomputes everyone.
    if (optionsKey !== this.optionsKey) this.generation++;
    const generation = this.generation;
    const todayDay = dayNumber(o.today);
    const out: KeepInTouch[] = [];
    // The rhythm depends on the dates (and whether daily notes count), and on today only when a
    // date lay in the future.
    const rhythmKey = `${o.useDailyNotes}`;
    for (const r of this.ctx.index.people()) {
      let memo = this.memos.get(r);
      const same =
        memo !== undefined &&
        memo.log === r.logDates &&
        memo.daily === r.dailyDates &&
        memo.follow === r.followUps &&
        memo.done === r.doneDates;
      if (!memo || !same || memo.generation !== generation) {
        const rhythm =
          memo && same && memo.rhythmFor === rhythmKey && !memo.rhythm?.futureLeftOut ? memo.rhythm : rhythmFor(r, o);
        memo = {
          state: keepInTouch(r, o, todayDay, rhythm),
          generation,
          rhythm,
          rhythmFor: rhythmKey,
          log: r.logDates,
          daily: r.dailyDates,
          follow: r.followUps,
          done: r.doneDates,
        };
        this.memos.set(r, memo);
      }
      out.push(memo.state);
    }
    this.optionsKey = optionsKey;
    this.cached = out;
    this.sections.clear();
    this.counts = null;
    this.upcoming = null;
    this.key = key;
    return out;
  }

  /** A section's people in its order (most overdue first for "stale"). */
  section(section: Section): KeepInTouch[] {
    const all = this.all();
    let list = this.sections.get(section);
    if (!list) {
      list = sectionList(all, section);
      this.sections.set(section, list);
    }
    return list;
  }

  /** Birthdays today and in the six days after ("Birthdays this week"), soonest first. */
  birthdays(): UpcomingBirthday[] {
    const all = this.all();
    this.upcoming ??= upcomingBirthdays(
      all.map((k) => k.person).filter((p) => !p.prune && !INVITATION_STATES.includes(p.status)),
      this.options().today,
      7,
    );
    return this.upcoming;
  }

  sectionCounts(): Record<Section, number> {
    const all = this.all();
    this.counts ??= sectionCounts(all);
    return this.counts;
  }
}

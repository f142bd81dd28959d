/**
 * The person index: every person note's record, built from Obsidian's metadata cache and
 * kept current from its events. Every view and command reads people from here.
 *
 * - Built in `onLayoutReady` from `getFileCache` (in memory: no file is read), then
 *   updated per file on `changed`, `deleted` and vault `rename` (a folder rename fires one
 *   `rename` per file inside it).
 * - Cold start (first open after install or sync, a phone, "Rebuild cache"): at
 *   layout-ready the metadata cache may not have read every note yet (`getFileCache` is
 *   null). The index then counts as not ready, views say "Indexing your vault…" rather
 *   than "nobody is overdue", and it is built again when the cache has caught up: on the
 *   first `resolved` (which also completes the links daily notes need), or once every note
 *   that was missing has come through `changed`.
 * - The interaction log lives in the note body, which the cache does not hold. Bodies are
 *   read only for notes whose cache shows list items under an `Interactions` heading (four
 *   reads at a time, after start-up); on `changed` the text arrives with the event.
 * - Daily notes that link a person count as contact; links come from `resolvedLinks`,
 *   less those only in open tasks or a weekly review's section.
 * - Follow-ups: notes whose cache shows a task linking a note (or any task, in a person
 *   note) are read the same way, and their tasks kept (see follow-up-tracker.ts).
 * - Subscribers are notified at most every 100 ms (an import changes 30,000 notes), and
 *   `revision` tells views whether anything changed since they last drew.
 */
import { Component, debounce, normalizePath, TFile, type App, type CachedMetadata } from 'obsidian';
import { localIsoDate, type IsoDate } from '../core/dates/iso-date';
import { datedItemDates } from '../core/notes/body-sections';
import { splitNote } from '../core/notes/note-text';
import { INTERACTIONS_HEADING } from '../core/notes/schema';
import { dailyNoteMatcher, type DailyNoteMatcher } from '../core/people/daily-notes';
import { effectiveLastContact, type LastContact } from '../core/people/last-contact';
import { isPersonNote, personNoteRule, type PersonNoteRule } from '../core/people/person-note';
import { EMPTY_LIST, personFromFrontmatter, type PersonRecord } from '../core/people/person-record';
import { levelNames, type NetworkCrmSettings } from '../core/settings';
import type { FollowUp } from '../core/followups/follow-ups';
import { contactTargets, FollowUpTracker, type CheckedReviewTask } from './follow-up-tracker';

const NOTIFY_MS = 100;
/**
 * Shared empty lists (the core's one): a record's lists keep their identity while unchanged,
 * which lets the stale model recompute only the people whose lists were replaced.
 */
const NO_DATES: readonly IsoDate[] = EMPTY_LIST;
const NO_FOLLOW_UPS: readonly FollowUp[] = EMPTY_LIST;

interface Log {
  dates: readonly IsoDate[];
  meetings: readonly IsoDate[];
}

function readLog(text: string): Log {
  const meetings: IsoDate[] = [];
  const dates = datedItemDates(splitNote(text).body, INTERACTIONS_HEADING, meetings);
  return { dates, meetings: meetings.length === 0 ? NO_DATES : meetings };
}
const MAX_CONCURRENT_READS = 4;
/** How often a cold start's progress is looked at. */
const POLL_MS = 1000;

interface DailyNote {
  date: IsoDate;
  targets: string[];
}

export class PersonIndex extends Component {
  private readonly records = new Map<string, PersonRecord>();
  private readonly byUrl = new Map<string, Set<string>>();
  /** Per person note: the dates of its log lines and of its meeting lines. */
  private readonly logs = new Map<string, Log>();
  private readonly tasks: FollowUpTracker;
  /** Told when the user checks a task of a weekly review (the plugin logs the contact). */
  onReviewTaskChecked: ((checked: CheckedReviewTask[]) => void) | null = null;
  private readonly dailyNotes = new Map<string, DailyNote>();
  /** Daily note dates per linked path, oldest first; derived from dailyNotes, dropped whenever they change. */
  private dailyByTarget: Map<string, IsoDate[]> | null = null;
  private readonly listeners = new Set<() => void>();
  private dailyMatcher: DailyNoteMatcher = dailyNoteMatcher(null);
  private readQueue: TFile[] = [];
  private reading = 0;
  private started = false;
  private readyWaiters: Array<() => void> = [];
  /** Whether the metadata cache has fired `resolved` since the plugin loaded. */
  private resolvedSeen = false;
  /** Notes the cache had not read at the last build; the index is ready when none is left. */
  private uncached = new Set<string>();
  /** Whether the last build saw every note in the cache (then `resolved` only completes daily-note links). */
  private builtComplete = false;
  private markdownCount = 0;
  revision = 0;
  /** True once the index holds every person note (the metadata cache has read the vault). */
  ready = false;

  constructor(
    private readonly app: App,
    private readonly settings: () => NetworkCrmSettings,
  ) {
    super();
    this.tasks = new FollowUpTracker(app);
  }

  private readonly notify = debounce(() => {
    this.flush();
    for (const listener of this.listeners) listener();
  }, NOTIFY_MS);

  /** Subscribes to changes; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  override onload(): void {
    // Registered at load, not at layout-ready: on a warm start `resolved` can come before it.
    this.registerEvent(this.app.metadataCache.on('resolved', () => this.onResolved()));
  }

  /** While the vault is being indexed: how many notes the cache has read so far, of how many. */
  indexingProgress(): { done: number; total: number } | null {
    return this.ready ? null : { done: this.markdownCount - this.uncached.size, total: this.markdownCount };
  }

  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  people(): PersonRecord[] {
    this.flush();
    return [...this.records.values()];
  }

  get(path: string): PersonRecord | undefined {
    this.flush();
    return this.records.get(path);
  }

  size(): number {
    return this.records.size;
  }

  /** Notes whose `linkedin` is this canonical URL (normally one). */
  withProfileUrl(url: string): PersonRecord[] {
    this.flush();
    return [...(this.byUrl.get(url) ?? [])]
      .map((p) => this.records.get(p))
      .filter((r): r is PersonRecord => r !== undefined);
  }

  /** A person's effective last contact and where it comes from (field, log, daily note, message). */
  lastContact(path: string): LastContact | null {
    this.flush();
    const record = this.records.get(path);
    return record ? effectiveLastContact(record, { useDailyNotes: this.settings().useDailyNotes }) : null;
  }

  /** `met-where` values in use, most used first, for suggestions. */
  metWhereValues(): string[] {
    const counts = new Map<string, number>();
    for (const r of this.records.values())
      if (r.metWhere !== '') counts.set(r.metWhere, (counts.get(r.metWhere) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([v]) => v);
  }

  /** Called from onLayoutReady: registers the events and builds the index. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.registerEvent(this.app.metadataCache.on('changed', (file, data, cache) => this.onChanged(file, data, cache)));
    this.registerEvent(this.app.metadataCache.on('deleted', (file) => this.onDeleted(file.path)));
    this.registerEvent(this.app.metadataCache.on('resolve', (file) => this.onResolve(file)));
    this.registerEvent(
      this.app.vault.on('rename', (file, oldPath) => {
        if (file instanceof TFile) this.onRenamed(file, oldPath);
      }),
    );
    await this.rebuild();
    if (!this.ready) {
      // Whether or not Obsidian reports each note it reads, look every second how far it got.
      const timer = window.setInterval(() => {
        this.pollIndexing();
        if (this.ready) window.clearInterval(timer);
      }, POLL_MS);
      this.registerInterval(timer);
    }
  }

  /**
   * While the cache is still reading the vault: takes in the notes it has read since, so the
   * views can say how far it got, and becomes ready when none is missing.
   */
  private pollIndexing(): void {
    if (this.ready) return;
    let found = false;
    for (const path of [...this.uncached]) {
      const file = this.app.vault.getFileByPath(path);
      const cache = file ? this.app.metadataCache.getFileCache(file) : null;
      if (file && cache === null) continue;
      this.uncached.delete(path);
      found = true;
      if (!file) continue;
      this.indexDaily(file);
      this.take(file, cache);
    }
    if (this.uncached.size === 0) {
      this.applyDaily();
      this.markReady();
      this.pumpReads();
    }
    if (found) this.changed();
  }

  /** Reads everything again when the people folder or tag setting changes (once started). */
  rebuildIfStarted(): void {
    if (this.started) void this.rebuild();
  }

  /** Reads everything again; used at start, on the first `resolved`, and when settings change. */
  async rebuild(): Promise<void> {
    this.dailyMatcher = dailyNoteMatcher(await this.readDailyFormat());
    this.records.clear();
    this.byUrl.clear();
    this.dailyNotes.clear();
    this.dailyByTarget = null;
    this.tasks.clear();
    this.readQueue = [];
    this.uncached.clear();
    const files = this.app.vault.getMarkdownFiles();
    this.markdownCount = files.length;
    for (const file of files) {
      const cache = this.app.metadataCache.getFileCache(file);
      if (cache === null) this.uncached.add(file.path);
      this.indexDaily(file);
      this.take(file, cache);
    }
    this.applyDaily();
    this.builtComplete = this.uncached.size === 0;
    if (this.builtComplete || this.resolvedSeen) this.markReady();
    this.changed();
    this.pumpReads();
  }

  /** A note seen while building: its record if it is a person, and a read if its log or tasks need one. */
  private take(file: TFile, cache: CachedMetadata | null): void {
    const person = this.isPerson(file, cache);
    if (person) this.put(file, cache);
    const needsLog = person && this.hasLoggedItems(cache) && !this.logs.has(file.path);
    if (needsLog || this.tasks.mayHaveTasks(cache, person)) this.readQueue.push(file);
  }

  private markReady(): void {
    this.uncached.clear();
    if (this.ready) return;
    this.ready = true;
    for (const w of this.readyWaiters.splice(0)) w();
  }

  /**
   * The metadata cache has read everything. The first time, build again if notes were
   * missing at start-up (a full pass costs about as much as start-up itself at 30,000
   * notes); otherwise only the daily notes' links, which are complete only now.
   */
  private onResolved(): void {
    if (this.resolvedSeen) return;
    this.resolvedSeen = true;
    if (!this.started) return;
    if (!this.builtComplete) {
      void this.rebuild();
      return;
    }
    for (const path of [...this.dailyNotes.keys()]) {
      const file = this.app.vault.getFileByPath(path);
      if (file) this.indexDaily(file);
    }
    this.applyDaily();
    this.changed();
  }

  private async readDailyFormat(): Promise<string | null> {
    // Obsidian keeps the Daily notes settings in the config folder; no public API reads them.
    const path = normalizePath(`${this.app.vault.configDir}/daily-notes.json`);
    try {
      if (!(await this.app.vault.adapter.exists(path))) return null;
      const data = JSON.parse(await this.app.vault.adapter.read(path)) as { format?: unknown };
      return typeof data.format === 'string' && data.format.trim() !== '' ? data.format : null;
    } catch {
      return null;
    }
  }

  /** The person-note rule, made once per settings value rather than once per note. */
  private rule: { key: string; rule: PersonNoteRule } | null = null;

  private isPerson(file: TFile, cache: CachedMetadata | null): boolean {
    const s = this.settings();
    const key = `${s.peopleFolder}\n${s.reportFolder}\n${s.defaultTag}`;
    if (this.rule?.key !== key) this.rule = { key, rule: personNoteRule(s) };
    return isPersonNote(file.path, cache?.frontmatter, this.rule.rule);
  }

  private put(file: TFile, cache: CachedMetadata | null): void {
    this.remove(file.path);
    const record = personFromFrontmatter(file.path, cache?.frontmatter ?? {}, {
      levelNames: levelNames(this.settings()),
      createdOn: file.stat.ctime > 0 ? localIsoDate(new Date(file.stat.ctime)) : null,
    });
    const log = this.logs.get(file.path);
    record.logDates = log?.dates ?? NO_DATES;
    record.meetingDates = log?.meetings ?? NO_DATES;
    record.logLatest = record.logDates[record.logDates.length - 1] ?? null;
    this.applyTasksTo(record);
    this.records.set(file.path, record);
    if (record.profileUrl) {
      const set = this.byUrl.get(record.profileUrl) ?? new Set<string>();
      set.add(file.path);
      this.byUrl.set(record.profileUrl, set);
    }
  }

  private remove(path: string): void {
    const old = this.records.get(path);
    if (!old) return;
    this.records.delete(path);
    if (old.profileUrl) this.byUrl.get(old.profileUrl)?.delete(path);
  }

  /** Whether the cache shows list items under an Interactions heading (so the body has a log). */
  private hasLoggedItems(cache: CachedMetadata | null): boolean {
    const headings = cache?.headings ?? [];
    const i = headings.findIndex((h) => h.heading.trim().toLowerCase() === INTERACTIONS_HEADING.toLowerCase());
    if (i === -1) return false;
    const start = (headings[i] as (typeof headings)[number]).position.start.line;
    const next = headings.slice(i + 1).find((h) => h.level <= (headings[i] as (typeof headings)[number]).level);
    const end = next ? next.position.start.line : Infinity;
    return (cache?.listItems ?? []).some((li) => li.position.start.line > start && li.position.start.line < end);
  }

  private pumpReads(): void {
    while (this.reading < MAX_CONCURRENT_READS) {
      const file = this.readQueue.shift();
      if (file === undefined) return;
      this.reading++;
      void this.app.vault
        .cachedRead(file)
        .then((text) => this.onRead(file, text))
        .catch(() => undefined)
        .finally(() => {
          this.reading--;
          this.pumpReads();
        });
    }
  }

  private onRead(file: TFile, text: string): void {
    let changed = false;
    const record = this.records.get(file.path);
    if (record) {
      const log = readLog(text);
      this.logs.set(file.path, log);
      if (log.dates.join() !== record.logDates.join() || log.meetings.join() !== record.meetingDates.join()) {
        record.logDates = log.dates;
        record.meetingDates = log.meetings;
        record.logLatest = log.dates[log.dates.length - 1] ?? null;
        changed = true;
      }
    }
    if (this.updateTasks(file, text, null).changed) changed = true;
    if (changed) this.changed();
  }

  /** Re-reads a note's tasks; when they changed, every person's follow-ups are brought up to date. */
  private updateTasks(file: TFile, text: string, cache: CachedMetadata | null): { changed: boolean } {
    if (cache !== null && !this.tasks.has(file.path) && !this.tasks.mayHaveTasks(cache, this.records.has(file.path)))
      return { changed: false };
    const result = this.tasks.update(file, text, this.dailyMatcher(file.basename));
    if (result.checked.length > 0) this.onReviewTaskChecked?.(result.checked);
    if (result.changed) this.applyTasks();
    return result;
  }

  private applyTasksTo(record: PersonRecord): void {
    const t = this.tasks.forPerson(record.path);
    record.followUps = t?.followUps ?? NO_FOLLOW_UPS;
    record.doneDates = t?.doneDates ?? NO_DATES;
  }

  /** Follow-ups changed: every record is brought up to date once, before subscribers are told. */
  private tasksDirty = false;

  private applyTasks(): void {
    this.tasksDirty = true;
  }

  private flushTasks(): void {
    if (!this.tasksDirty) return;
    this.tasksDirty = false;
    for (const r of this.records.values()) this.applyTasksTo(r);
  }

  private onChanged(file: TFile, data: string, cache: CachedMetadata): void {
    if (!this.ready && this.uncached.delete(file.path) && this.uncached.size === 0) {
      this.markReady();
      this.changed();
    }
    const wasDaily = this.dailyNotes.has(file.path);
    this.indexDaily(file, cache);
    const person = this.isPerson(file, cache);
    if (person) this.logs.set(file.path, readLog(data));
    const tasksChanged = this.updateTasks(file, data, cache).changed;
    if (person) {
      this.put(file, cache);
      this.applyDailyTo(file.path);
      this.changed();
    } else if (this.records.has(file.path)) {
      this.remove(file.path);
      this.changed();
    } else if (wasDaily || this.dailyNotes.has(file.path)) {
      this.applyDaily();
      this.changed();
    } else if (tasksChanged) this.changed();
  }

  private onDeleted(path: string): void {
    this.logs.delete(path);
    if (this.tasks.remove(path) || this.records.has(path)) {
      this.tasks.invalidate();
      this.applyTasks();
      this.changed();
    }
    const hadDaily = this.dailyNotes.delete(path);
    if (hadDaily) this.dailyByTarget = null;
    if (this.records.has(path) || hadDaily) {
      this.remove(path);
      if (hadDaily) this.applyDaily();
      this.changed();
    }
  }

  private onRenamed(file: TFile, oldPath: string): void {
    const log = this.logs.get(oldPath);
    this.logs.delete(oldPath);
    if (log !== undefined) this.logs.set(file.path, log);
    if (this.dailyNotes.delete(oldPath)) this.dailyByTarget = null;
    this.remove(oldPath);
    this.tasks.rename(oldPath, file.path);
    this.indexDaily(file);
    const cache = this.app.metadataCache.getFileCache(file);
    if (this.isPerson(file, cache)) this.put(file, cache);
    // Links to the renamed note now resolve to its new path.
    this.applyDaily();
    this.applyTasks();
    this.changed();
  }

  private onResolve(file: TFile): void {
    if (this.dailyNotes.has(file.path) || this.dailyMatcher(file.basename) !== null) {
      this.indexDaily(file);
      this.applyDaily();
      this.changed();
    }
  }

  private indexDaily(file: TFile, cache = this.app.metadataCache.getFileCache(file)): void {
    if (!this.settings().useDailyNotes) return;
    const date = this.dailyMatcher(file.basename);
    if (date === null) {
      if (this.dailyNotes.delete(file.path)) this.dailyByTarget = null;
      return;
    }
    this.dailyNotes.set(file.path, { date, targets: contactTargets(this.app, file, cache) });
    this.dailyByTarget = null;
  }

  /** Computed once per change to the daily notes, so a burst of 30,000 person-note changes costs one pass. */
  private datesByTarget(): Map<string, IsoDate[]> {
    if (this.dailyByTarget) return this.dailyByTarget;
    const byTarget = new Map<string, IsoDate[]>();
    for (const { date, targets } of this.dailyNotes.values()) {
      for (const t of targets) {
        const dates = byTarget.get(t);
        if (dates) dates.push(date);
        else byTarget.set(t, [date]);
      }
    }
    for (const dates of byTarget.values()) dates.sort();
    this.dailyByTarget = byTarget;
    return byTarget;
  }

  private setDaily(r: PersonRecord, byTarget: Map<string, IsoDate[]>): void {
    const dates = byTarget.get(r.path) ?? NO_DATES;
    r.dailyDates = dates;
    r.dailyLatest = dates[dates.length - 1] ?? null;
  }

  /**
   * Daily-note dates changed: every record is brought up to date once, when the index is next
   * read or its subscribers told. Done at once, a folder rename of 30,000 person notes (one
   * `rename` each) was 30,000 passes over 30,000 records: over a minute of frozen app.
   */
  private dailyDirty = false;

  private applyDaily(): void {
    this.dailyDirty = true;
  }

  private flushDaily(): void {
    if (!this.dailyDirty) return;
    this.dailyDirty = false;
    const byTarget = this.datesByTarget();
    for (const r of this.records.values()) this.setDaily(r, byTarget);
  }

  /** Brings every record up to date with what changed since it was last read. */
  private flush(): void {
    this.flushDaily();
    this.flushTasks();
  }

  private applyDailyTo(path: string): void {
    const r = this.records.get(path);
    if (r) this.setDaily(r, this.datesByTarget());
  }

  private changed(): void {
    this.revision++;
    this.notify();
  }

  /** Tells subscribers to redraw although no note changed (a setting did). */
  touch(): void {
    this.changed();
  }

  /** For tests and commands that must see their own write at once. */
  flushNotifications(): void {
    this.notify.run();
  }
}

/**
 * Follow-ups for the person index: which notes may hold tasks about people (decided from
 * the metadata cache, without reading), the tasks of those notes once read, and per person
 * the open follow-ups and completion dates.
 *
 * Links are resolved when the per-person view is built, not when a note is read, so a
 * renamed or newly created person note is found by tasks written before. Only notes whose
 * cache shows a task with a link on its line (or any task, in a person note) are read.
 */
import type { App, CachedMetadata, TFile } from 'obsidian';
import { localIsoDate, type IsoDate } from '../core/dates/iso-date';
import { taskContacts, tasksByPerson, type PersonTasks } from '../core/followups/follow-ups';
import { reviewPlanLines } from '../core/followups/review-plan';
import { findTasks, isReviewHeading, type MarkdownTask } from '../core/followups/tasks';

interface TaskNote {
  tasks: MarkdownTask[];
  noteDate: IsoDate | null;
  createdOn: IsoDate | null;
}

/** The lines of the items that are tasks in the cache: open ones, and all. */
function taskLines(cache: CachedMetadata | null): { open: Set<number>; any: Set<number> } {
  const open = new Set<number>();
  const any = new Set<number>();
  for (const li of cache?.listItems ?? []) {
    if (li.task === undefined) continue;
    for (let l = li.position.start.line; l <= li.position.end.line; l++) {
      any.add(l);
      if (li.task === ' ' || li.task === '/') open.add(l);
    }
  }
  return { open, any };
}

/** Whether a line sits under a weekly review's heading, from the cache's headings (in line order). */
function inReviewOf(cache: CachedMetadata | null): (line: number) => boolean {
  const headings = cache?.headings ?? [];
  return (line) => {
    let heading: string | null = null;
    for (const h of headings) {
      if (h.position.start.line > line) break;
      heading = h.heading.trim();
    }
    return isReviewHeading(heading);
  };
}

/**
 * The notes a daily note links that count as contact: its resolved links, less those that
 * appear only in open tasks or in a weekly review's plan (review-plan.ts: a plan is not a
 * contact, what you write beside it is).
 */
export function contactTargets(app: App, file: TFile, cache: CachedMetadata | null): string[] {
  const resolved = app.metadataCache.resolvedLinks[file.path] ?? {};
  const excluded = taskLines(cache).open;
  // Most daily notes hold no review: their list items are not looked at.
  if (cache?.headings?.some((h) => isReviewHeading(h.heading.trim()))) {
    const items = (cache.listItems ?? []).map((li) => ({
      line: li.position.start.line,
      parent: li.parent,
      task: li.task !== undefined,
    }));
    for (const line of reviewPlanLines(items, inReviewOf(cache))) excluded.add(line);
  }
  if (excluded.size === 0) return Object.keys(resolved);
  const less = new Map<string, number>();
  for (const ref of [...(cache?.links ?? []), ...(cache?.embeds ?? [])]) {
    if (!excluded.has(ref.position.start.line)) continue;
    const dest = app.metadataCache.getFirstLinkpathDest(ref.link, file.path);
    if (dest) less.set(dest.path, (less.get(dest.path) ?? 0) + 1);
  }
  return Object.entries(resolved)
    .filter(([path, n]) => n - (less.get(path) ?? 0) > 0)
    .map(([path]) => path);
}

/** A task the user checked in a weekly review section, with no completion date of its own. */
export interface CheckedReviewTask {
  file: TFile;
  task: MarkdownTask;
}

export class FollowUpTracker {
  private readonly notes = new Map<string, TaskNote>();
  private byPerson: Map<string, PersonTasks> | null = null;

  constructor(private readonly app: App) {}

  /** Whether the note is worth reading for tasks: a task with a link on its line, or any task in a person note. */
  mayHaveTasks(cache: CachedMetadata | null, isPerson: boolean): boolean {
    const { any } = taskLines(cache);
    if (any.size === 0) return false;
    if (isPerson) return true;
    return (cache?.links ?? []).some((l) => any.has(l.position.start.line));
  }

  has(path: string): boolean {
    return this.notes.has(path);
  }

  /**
   * Takes the note's tasks from its text. Returns whether anything changed, and the review
   * tasks that were open before and are now checked without a date (to log as contact).
   */
  update(file: TFile, text: string, noteDate: IsoDate | null): { changed: boolean; checked: CheckedReviewTask[] } {
    const tasks = findTasks(text).filter((t) => t.targets.length > 0 || t.state === 'open' || t.doneOn !== null);
    const before = this.notes.get(file.path);
    const checked: CheckedReviewTask[] = [];
    if (before) {
      const wasOpen = new Set(before.tasks.filter((t) => t.state === 'open').map((t) => t.text));
      for (const t of tasks)
        if (t.state === 'done' && t.doneOn === null && isReviewHeading(t.heading) && wasOpen.has(t.text))
          checked.push({ file, task: t });
    }
    if (tasks.length === 0) return { changed: this.remove(file.path), checked };
    const next: TaskNote = {
      tasks,
      noteDate,
      createdOn: file.stat.ctime > 0 ? localIsoDate(new Date(file.stat.ctime)) : null,
    };
    const changed = !before || JSON.stringify(before) !== JSON.stringify(next);
    this.notes.set(file.path, next);
    if (changed) this.byPerson = null;
    return { changed, checked };
  }

  remove(path: string): boolean {
    const had = this.notes.delete(path);
    if (had) this.byPerson = null;
    return had;
  }

  rename(oldPath: string, newPath: string): void {
    const note = this.notes.get(oldPath);
    if (note) {
      this.notes.delete(oldPath);
      this.notes.set(newPath, note);
    }
    this.byPerson = null; // links to the renamed note resolve to its new path
  }

  clear(): void {
    this.notes.clear();
    this.byPerson = null;
  }

  /** Links may resolve differently (a note was created, deleted or renamed). */
  invalidate(): void {
    if (this.notes.size > 0) this.byPerson = null;
  }

  /** Open follow-ups and completion dates for the person note at `path`. */
  forPerson(path: string): PersonTasks | undefined {
    if (this.notes.size === 0) return undefined;
    this.byPerson ??= this.aggregate();
    return this.byPerson.get(path);
  }

  private aggregate(): Map<string, PersonTasks> {
    const resolve = (target: string, from: string) =>
      this.app.metadataCache.getFirstLinkpathDest(target, from)?.path ?? null;
    return tasksByPerson(
      [...this.notes.entries()].map(([path, n]) =>
        // Every note counts as its own owner: only person notes have a record to receive it.
        taskContacts(n.tasks, { path, noteDate: n.noteDate, createdOn: n.createdOn, owner: path }, resolve),
      ),
    );
  }
}

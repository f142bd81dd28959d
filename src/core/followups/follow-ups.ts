/**
 * Follow-ups: an open task anywhere in the vault that links a person (or sits in the
 * person's own note) is something you mean to do with them; a completed one with a date
 * is contact on that date. Both adapters find the tasks ({@link findTasks}), resolve the
 * links their own way, and aggregate here, so the plugin and the CLI agree.
 */
import { sortUniqueDates, type IsoDate } from '../dates/iso-date';
import { findTasks, isReviewHeading, REVIEW_HEADING, taskDisplayText, type MarkdownTask } from './tasks';

export { REVIEW_HEADING };

export interface FollowUp {
  /** The note that holds the task. */
  path: string;
  /** 0-based line of the task in that note. */
  line: number;
  /** The task's text as a person reads it (links by name, Tasks' dates left out). */
  text: string;
  /** Open since: its ➕ created date, else the daily note's date, else when the note was made. */
  since: IsoDate | null;
  due: IsoDate | null;
  /** Written by the weekly review. */
  review: boolean;
}

export interface TaskNote {
  path: string;
  text: string;
  /** The day a daily note stands for, else null. */
  noteDate: IsoDate | null;
  /** When the note was created (file time), the last resort for "open since". */
  createdOn: IsoDate | null;
  /** The note's own person, when it is a person note: its tasks concern them without a link. */
  owner: string | null;
}

/** What one note contributes: open follow-ups and completed tasks, by person path. */
export interface NoteTaskContacts {
  open: Array<{ person: string; followUp: FollowUp }>;
  done: Array<{ person: string; date: IsoDate }>;
}

export const NO_TASKS: NoteTaskContacts = { open: [], done: [] };

/**
 * The follow-ups and completions in one note. `resolve` turns a link target written in
 * `from` into the path of a person note, or null when it is not one.
 */
export function noteTaskContacts(
  note: TaskNote,
  resolve: (target: string, from: string) => string | null,
): NoteTaskContacts {
  return taskContacts(findTasks(note.text), note, resolve);
}

/** The same from tasks already read (the plugin keeps them per note and resolves links again on renames). */
export function taskContacts(
  tasks: readonly MarkdownTask[],
  note: Omit<TaskNote, 'text'>,
  resolve: (target: string, from: string) => string | null,
): NoteTaskContacts {
  const open: NoteTaskContacts['open'] = [];
  const done: NoteTaskContacts['done'] = [];
  for (const task of tasks) {
    const people = new Set<string>();
    if (note.owner !== null) people.add(note.owner);
    for (const target of task.targets) {
      const person = resolve(target, note.path);
      if (person !== null) people.add(person);
    }
    if (people.size === 0) continue;
    if (task.state === 'done') {
      if (task.doneOn !== null) for (const person of people) done.push({ person, date: task.doneOn });
      continue;
    }
    const followUp: FollowUp = {
      path: note.path,
      line: task.line,
      text: taskDisplayText(task.text),
      since: task.createdOn ?? note.noteDate ?? note.createdOn,
      due: task.due,
      review: isReviewHeading(task.heading),
    };
    for (const person of people) open.push({ person, followUp });
  }
  return open.length === 0 && done.length === 0 ? NO_TASKS : { open, done };
}

export interface PersonTasks {
  followUps: FollowUp[];
  doneDates: IsoDate[];
}

/** Oldest first; a follow-up of unknown age after the dated ones. */
export function compareFollowUps(a: FollowUp, b: FollowUp): number {
  if (a.since !== b.since) {
    if (a.since === null) return 1;
    if (b.since === null) return -1;
    return a.since < b.since ? -1 : 1;
  }
  return a.path.localeCompare(b.path) || a.line - b.line;
}

/** Every note's contribution gathered per person: follow-ups oldest first, done dates once each, oldest first. */
export function tasksByPerson(notes: Iterable<NoteTaskContacts>): Map<string, PersonTasks> {
  const out = new Map<string, PersonTasks>();
  const entry = (person: string): PersonTasks => {
    let e = out.get(person);
    if (!e) {
      e = { followUps: [], doneDates: [] };
      out.set(person, e);
    }
    return e;
  };
  for (const note of notes) {
    for (const { person, followUp } of note.open) entry(person).followUps.push(followUp);
    for (const { person, date } of note.done) entry(person).doneDates.push(date);
  }
  for (const e of out.values()) {
    e.followUps.sort(compareFollowUps);
    sortUniqueDates(e.doneDates);
  }
  return out;
}

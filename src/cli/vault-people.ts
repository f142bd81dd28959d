/**
 * The CLI's person index: the same PersonRecords the plugin builds, from the files. The
 * CLI reads whole notes anyway, so the interaction log comes straight from the body;
 * daily notes are found by the Daily notes format in `.obsidian/daily-notes.json`, and
 * follow-ups from the tasks of every note that has any.
 */
import fs from 'node:fs';
import path from 'node:path';
import { localIsoDate, sortUniqueDates, type IsoDate } from '../core/dates/iso-date';
import { nameKey } from '../core/identity/person-name';
import { normaliseProfileUrl } from '../core/identity/profile-url';
import { noteTaskContacts, tasksByPerson, type NoteTaskContacts } from '../core/followups/follow-ups';
import { contactLinkTargets } from '../core/followups/tasks';
import { datedItemDates } from '../core/notes/body-sections';
import { wikiLinkTargets } from '../core/notes/links';
import { INTERACTIONS_HEADING } from '../core/notes/schema';
import { dailyNoteMatcher } from '../core/people/daily-notes';
import { basenameOf, personFromFrontmatter, type PersonRecord } from '../core/people/person-record';
import { levelNames, type NetworkCrmSettings } from '../core/settings';
import { UsageError } from './args';
import type { FsVault } from './fs-vault';
import type { VaultSession } from './options';
import { eachPersonNote, type PersonNote } from './person-notes';
import type { ExistingNote } from '../core/import/vault-snapshot';
import { readNoteFrontmatter } from '../core/yaml/frontmatter';
import { parseYaml } from './yaml-full';
import { ownCopy } from '../core/text/own-copy';

/** A quick test before parsing a note for tasks: a list item with a checkbox somewhere. */
const HAS_TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX/]\]/m;

/** Most notes have no task at all: a cheap look for " [" before the line-by-line test. */
function mayHaveTasks(text: string): boolean {
  return text.includes(' [') && HAS_TASK.test(text);
}

/**
 * What the index keeps of a person note once it is read: its frontmatter, the notes it
 * links to, and its text only when it has tasks (what the follow-ups are read from). The
 * whole text of every note was tens of MB at 30,000 notes (30 MB for notes of 500 characters).
 */
interface HeldNote {
  note: ExistingNote;
  links: readonly string[];
  text: string | null;
}

const NO_LINKS: readonly string[] = [];

export class VaultPeople {
  private readonly held: HeldNote[] = [];
  readonly records: PersonRecord[] = [];
  readonly settings: NetworkCrmSettings;
  private readonly vault: FsVault;

  /** `workerScript`: the bundled read-ahead worker (CliIo.workerScript), to read the notes off the main thread. */
  constructor(
    private readonly session: VaultSession,
    workerScript?: string,
  ) {
    this.vault = session.vault;
    this.settings = session.settings;
    const names = levelNames(this.settings);
    eachPersonNote(
      this.vault,
      session.rule,
      ({ note, body, text }) => {
        const r = personFromFrontmatter(note.path, note.frontmatter ?? {}, { levelNames: names, createdOn: null });
        // The creation date only stands in for a missing connected-on (the stale rule's last
        // resort), so only notes without one pay for a stat: imported notes all have it.
        if (r.connectedOn === null) r.createdOn = localIsoDate(new Date(this.vault.createdMs(note.path)));
        const meetings: IsoDate[] = [];
        r.logDates = datedItemDates(body, INTERACTIONS_HEADING, meetings);
        r.meetingDates = meetings;
        r.logLatest = r.logDates[r.logDates.length - 1] ?? null;
        if (note.yamlError) r.problems.push(`frontmatter: ${note.yamlError}`);
        this.records.push(r);
        // Links as first read (backlinks), the text only for the follow-ups of a note with tasks.
        // Copies: a link cut from the text as a view into it would keep the whole note alive.
        const links = text.includes('[[') ? [...new Set(wikiLinkTargets(text))].map(ownCopy) : NO_LINKS;
        this.held.push({ note, links, text: mayHaveTasks(body) ? text : null });
      },
      undefined,
      workerScript,
    );
    this.applyOtherNotes();
  }

  /** The Daily notes format, from the vault's config folder (Obsidian keeps it there). */
  private dailyFormat(): string | null {
    try {
      const file = this.vault.abs(`${this.session.config.configDir}/daily-notes.json`);
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown };
      return typeof data.format === 'string' && data.format.trim() !== '' ? data.format : null;
    } catch {
      return null;
    }
  }

  /** A link target written in note `from`, as the person note it reaches, or null. */
  private resolver(): (target: string, from: string) => string | null {
    const byKey = new Map<string, PersonRecord[]>();
    const add = (key: string, r: PersonRecord) => {
      const list = byKey.get(key);
      if (list) list.push(r);
      else byKey.set(key, [r]);
    };
    for (const r of this.records) {
      const key = r.path.replace(/\.md$/i, '').toLowerCase();
      add(key, r);
      add(key.slice(key.lastIndexOf('/') + 1), r);
    }
    // Obsidian resolves a bare name to the note with the shortest path.
    for (const list of byKey.values()) list.sort((a, b) => a.path.length - b.path.length);
    return (target, from) => {
      const key = target.replace(/\.md$/i, '').toLowerCase();
      const hit = byKey.get(key)?.[0];
      if (hit) return hit.path;
      // A relative Markdown link: `../People/Jane Doe.md` from the note's folder.
      const folder = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
      const joined = path.posix.normalize(`${folder}/${key}`).replace(/^\/+/, '');
      return byKey.get(joined)?.[0]?.path ?? null;
    };
  }

  /**
   * Daily notes that link people (contact on that day, when that source is on) and tasks
   * that link people (follow-ups, and completed ones as contact), from every note.
   */
  private applyOtherNotes(): void {
    const match = dailyNoteMatcher(this.dailyFormat());
    const resolve = this.resolver();
    const personNote = this.byPath();
    const daily = new Map<string, IsoDate[]>();
    const tasks: NoteTaskContacts[] = [];
    for (const file of this.vault.markdownFiles()) {
      const own = personNote.get(file.path);
      // A person note is in hand, its text kept only when its body has tasks (their line numbers
      // count the frontmatter, as Obsidian's do, so the whole text is what they are read from).
      if (own !== undefined && own.text === null) continue;
      const date = match(basenameOf(file.path));
      const text = own?.text ?? this.vault.readText(file.path);
      if (date !== null && this.settings.useDailyNotes) {
        for (const target of new Set(contactLinkTargets(text))) {
          const hit = resolve(target, file.path);
          if (hit !== null && hit !== file.path) daily.set(hit, [...(daily.get(hit) ?? []), date]);
        }
      }
      if (!mayHaveTasks(text)) continue;
      tasks.push(
        noteTaskContacts(
          {
            path: file.path,
            text,
            noteDate: date,
            createdOn: localIsoDate(new Date(this.vault.createdMs(file.path))),
            owner: own !== undefined ? file.path : null,
          },
          resolve,
        ),
      );
    }
    const byPerson = tasksByPerson(tasks);
    for (const r of this.records) {
      const dates = sortUniqueDates(daily.get(r.path) ?? []);
      r.dailyDates = dates;
      r.dailyLatest = dates[dates.length - 1] ?? null;
      const t = byPerson.get(r.path);
      if (t) {
        r.followUps = t.followUps;
        r.doneDates = t.doneDates;
      }
    }
  }

  private byPath(): Map<string, HeldNote> {
    return new Map(this.held.map((n) => [n.note.path, n]));
  }

  /**
   * Notes (any note in the vault) that link to each person note, by the person's path.
   * Person notes are taken as first read (`triage` read all 30,000 of them twice); only
   * the other notes are read again.
   */
  backlinks(): Map<string, string[]> {
    const personNote = this.byPath();
    const byKey = new Map<string, PersonRecord[]>();
    for (const r of this.records) {
      for (const key of [r.path.replace(/\.md$/i, '').toLowerCase(), basenameOf(r.path).toLowerCase()])
        byKey.set(key, [...(byKey.get(key) ?? []), r]);
    }
    const out = new Map<string, string[]>();
    for (const file of this.vault.markdownFiles()) {
      const links = personNote.get(file.path)?.links ?? wikiLinkTargets(this.vault.readText(file.path));
      for (const target of new Set(links)) {
        const hit = (byKey.get(target.replace(/\.md$/i, '').toLowerCase()) ?? []).sort(
          (a, b) => a.path.length - b.path.length,
        )[0];
        if (hit && hit.path !== file.path) out.set(hit.path, [...(out.get(hit.path) ?? []), file.path]);
      }
    }
    return out;
  }

  /** A person by LinkedIn URL, note path (vault-relative or absolute), note name or `name`; a clear error otherwise. */
  find(query: string): PersonRecord {
    if (path.isAbsolute(query)) {
      const rel = this.vault.relative(query);
      if (rel === null) throw new UsageError(`${query} is not inside the vault ${this.vault.root}`);
      query = rel;
    }
    const url = normaliseProfileUrl(query);
    let hits: PersonRecord[];
    if (url !== null) hits = this.records.filter((r) => r.profileUrl === url);
    else {
      const q = query.replace(/\.md$/i, '');
      hits = this.records.filter((r) => r.path.replace(/\.md$/i, '') === q);
      if (hits.length === 0)
        hits = this.records.filter(
          (r) => basenameOf(r.path).toLowerCase() === q.toLowerCase() || nameKey(r.name) === nameKey(q),
        );
    }
    if (hits.length === 1) return hits[0] as PersonRecord;
    if (hits.length === 0)
      throw new UsageError(`no person note matches "${query}" (give a LinkedIn URL, a note name or a path)`);
    throw new UsageError(
      `"${query}" matches ${hits.length} notes (${hits.map((h) => h.path).join(', ')}); give the path or the LinkedIn URL`,
    );
  }

  /** A person note with its body, read again (the index keeps only what the commands need of each). */
  note(path: string): PersonNote | undefined {
    const held = this.held.find((n) => n.note.path === path);
    if (held === undefined) return undefined;
    const text = held.text ?? this.vault.readText(path);
    return { note: held.note, body: readNoteFrontmatter(text, parseYaml).body, text };
  }
}

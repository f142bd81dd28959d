/**
 * The CLI's person index: the same PersonRecords the plugin builds, from the facts of each
 * note (person-notes.ts and person-facts.ts: made from the note, or taken from the note
 * cache when it has not changed). The interaction log's dates come from the body; daily
 * notes are found by the Daily notes format in `.obsidian/daily-notes.json`, and follow-ups
 * from the tasks of every note that has any (those notes are read again for them).
 */
import path from 'node:path';
import { localIsoDate, sortUniqueDates, type IsoDate } from '../core/dates/iso-date';
import { nameKey } from '../core/identity/person-name';
import { normaliseProfileUrl } from '../core/identity/profile-url';
import { noteTaskContacts, tasksByPerson, type NoteTaskContacts } from '../core/followups/follow-ups';
import type { DailyNoteMatcher } from '../core/people/daily-notes';
import { basenameOf, type PersonRecord } from '../core/people/person-record';
import { levelNames, type NetworkCrmSettings } from '../core/settings';
import { formatCount, plural } from '../core/text/format';
import { UsageError } from './args';
import type { FsVault } from './fs-vault';
import type { CliIo } from './io';
import type { VaultSession } from './options';
import { firstByPath, NAMED, UnreadableNotes, type Unreachable } from './failures';
import { FRONTMATTER_PROBLEM, peopleView } from './person-facts';
import { mayHaveTasks, NoteReads, unreadableReason, type NoteIndex, type UnreadableNote } from './person-notes';
import { existingNoteOf, type ExistingNote } from '../core/import/vault-snapshot';
import { readNoteFrontmatter } from '../core/yaml/frontmatter';
import { parseYaml } from './yaml-full';

/** A person note read again, whole (for `show` and `review`). */
export interface PersonNote {
  note: ExistingNote;
  body: string;
  text: string;
}

/**
 * What the index keeps of a note once it is read: the notes it links to, whether it has
 * tasks, and its text only when it has (what the follow-ups are read from) and it was read
 * this run. A person note's frontmatter is not kept past its record: the whole text of every
 * note was tens of MB at 30,000 notes, and frontmatter objects kept alive cost the garbage
 * collector more than building them.
 */
interface IndexedNote {
  notePath: string;
  index: NoteIndex;
  person: boolean;
  text: string | null;
}

/** A link target as a key: without `.md`, in lower case (Obsidian matches names so). */
function linkKey(target: string): string {
  // `.md` comes off before the lower-casing: a final `Σ` lower-cases to `ς` only at the end of
  // a word, and before `.md` it is not (`ΝΙΚΟΣ.md` and `[[ΝΙΚΟΣ]]` must give one key).
  return (MARKDOWN_END.test(target) ? target.slice(0, -3) : target).toLowerCase();
}

const MARKDOWN_END = /\.md$/i;

/**
 * {@link linkKey}, remembered: the same few targets (an event, a project, a company) come
 * back in thousands of notes.
 */
function linkKeys(): (target: string) => string {
  const seen = new Map<string, string>();
  return (target) => {
    let key = seen.get(target);
    if (key === undefined) {
      key = linkKey(target);
      seen.set(target, key);
    }
    return key;
  };
}

/**
 * One warning on stderr: `about` says what is wrong with the notes or folders (for `n` of
 * them), then each and why, a few at most, by path. One of them takes one line.
 */
function warnNotes(io: CliIo, about: (n: number) => string, notes: readonly Unreachable[]): void {
  if (notes.length === 0) return;
  const head = `network-crm: warning: ${about(notes.length)}`;
  const line = (n: Unreachable) => `${n.path}: ${n.reason}`;
  if (notes.length === 1) {
    io.err(`${head}: ${line(notes[0] as Unreachable)}`);
    return;
  }
  io.err(`${head}:`);
  const named = firstByPath(notes);
  for (const n of named) io.err(`  ${line(n)}`);
  if (notes.length > NAMED) io.err(`  …and ${formatCount(notes.length - NAMED)} more`);
}

export class VaultPeople {
  /**
   * The people of the vault for a command, with what it had to leave out said on stderr, once
   * (stdout stays the command's: valid JSON with --json): the folders that could not be
   * listed, the notes that could not be read and, for the read commands (`frontmatter`), the
   * person notes whose frontmatter cannot be parsed, whose fields (trust level, dates) are
   * then not read.
   */
  static open(
    session: VaultSession,
    io: CliIo,
    options: { frontmatter?: boolean; writes?: boolean } = {},
  ): VaultPeople {
    const { dataPath, dataProblem } = session.config;
    if (dataProblem !== null) io.err(`network-crm: warning: ${dataPath} ${dataProblem}; using the default settings`);
    const people = new VaultPeople(session, io.workerScript);
    // Met by the walk that listed the notes (nothing more is read for them).
    const folders = session.vault.unlistedFolders();
    // A command that writes decides from the whole vault: a note left out could lose a tick on
    // the prune list, or make someone look out of touch to `bulk` or `decide`. It stops instead.
    if (options.writes === true && (people.unreadable.length > 0 || folders.length > 0))
      throw new UnreadableNotes(people.unreadable, folders);
    warnNotes(
      io,
      (n) => `could not list ${plural(n, 'folder')} (the notes in ${n === 1 ? 'it' : 'them'} are left out)`,
      folders,
    );
    warnNotes(
      io,
      (n) => `could not read ${plural(n, 'note')} (left as ${n === 1 ? 'it is' : 'they are'})`,
      people.unreadable,
    );
    if (options.frontmatter === true)
      warnNotes(
        io,
        (n) =>
          `${plural(n, 'person note')} ${n === 1 ? 'has' : 'have'} frontmatter that cannot be parsed, so ${n === 1 ? 'its' : 'their'} fields are not read (left as ${n === 1 ? 'it is' : 'they are'})`,
        people.brokenFrontmatter(),
      );
    return people;
  }

  /**
   * The notes that could not be read (permissions, an I/O error): left out of the index and
   * left as they are. A note gone since the vault was listed is left out and not counted.
   */
  readonly unreadable: UnreadableNote[] = [];
  /**
   * In vault order, the notes that count for links, tasks and daily notes: every person note,
   * and the other notes that link, have tasks or are daily notes with contacts.
   */
  private readonly indexed: IndexedNote[] = [];
  private readonly daily: DailyNoteMatcher;
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
    const view = peopleView(levelNames(this.settings));
    const reads = new NoteReads(session, { workerScript, view, skipUnreadable: true });
    this.daily = reads.daily;
    try {
      reads.each((notePath, { record: r, index: facts }, text) => {
        if (r === null) {
          // Other notes count for their links, their tasks and, as daily notes, their contacts.
          if (facts.links.length > 0 || facts.tasks || (facts.contacts?.length ?? 0) > 0)
            this.indexed.push({ notePath, index: facts, person: false, text: null });
          return;
        }
        // The creation date only stands in for a missing connected-on (the stale rule's last
        // resort), so only notes without one pay for a stat: imported notes all have it.
        if (r.connectedOn === null) r.createdOn = localIsoDate(new Date(this.vault.createdMs(notePath)));
        this.records.push(r);
        // The text only for the follow-ups of a note with tasks (read again when it came from the cache).
        if (facts.links.length > 0 || facts.tasks || facts.contacts !== null)
          this.indexed.push({ notePath, index: facts, person: true, text: facts.tasks ? text : null });
      });
    } finally {
      reads.close();
    }
    this.unreadable.push(...reads.unreadable);
    this.applyOtherNotes();
  }

  /** The person notes whose frontmatter cannot be parsed, each with the parser's reason. */
  brokenFrontmatter(): UnreadableNote[] {
    const out: UnreadableNote[] = [];
    for (const r of this.records) {
      if (r.problems.length === 0) continue;
      const problem = r.problems.find((p) => p.startsWith(FRONTMATTER_PROBLEM));
      // The parser's first line ends with a colon where its excerpt of the YAML followed.
      if (problem !== undefined)
        out.push({ path: r.path, reason: problem.slice(FRONTMATTER_PROBLEM.length).replace(/:\s*$/, '') });
    }
    return out;
  }

  /** A note's text read again (its facts came from the cache), or null when it cannot be read now. */
  private readAgain(notePath: string): string | null {
    try {
      return this.vault.readText(notePath);
    } catch (e) {
      const reason = unreadableReason(e);
      if (reason !== null) this.unreadable.push({ path: notePath, reason });
      return null;
    }
  }

  /** A link target written in note `from`, as the person note it reaches, or null. */
  private resolver(): (target: string, from: string) => string | null {
    const byKey = this.byLinkKey();
    return (target, from) => {
      const key = linkKey(target);
      const hit = byKey.get(key)?.[0];
      if (hit) return hit.path;
      // A relative Markdown link: `../People/Jane Doe.md` from the note's folder.
      const folder = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
      const joined = path.posix.normalize(`${folder}/${key}`).replace(/^\/+/, '');
      return byKey.get(joined)?.[0]?.path ?? null;
    };
  }

  /**
   * Person records by the keys a link can name them by (the vault path and the bare name,
   * without `.md`, in lower case), shortest path first, as Obsidian resolves a bare name.
   * `wanted`: only these keys.
   */
  private byLinkKey(wanted?: ReadonlySet<string>): Map<string, PersonRecord[]> {
    const byKey = new Map<string, PersonRecord[]>();
    for (const r of this.records) {
      const key = linkKey(r.path);
      for (const k of [key, key.slice(key.lastIndexOf('/') + 1)]) {
        if (wanted !== undefined && !wanted.has(k)) continue;
        const list = byKey.get(k);
        if (list) list.push(r);
        else byKey.set(k, [r]);
      }
    }
    for (const list of byKey.values()) list.sort((a, b) => a.path.length - b.path.length);
    return byKey;
  }

  /**
   * Daily notes that link people (contact on that day, when that source is on) and tasks
   * that link people (follow-ups, and completed ones as contact), from every note.
   */
  private applyOtherNotes(): void {
    // Built on first use: a vault whose notes link no one and have no tasks never needs it.
    let resolver: ReturnType<VaultPeople['resolver']> | null = null;
    const resolve = (target: string, from: string) => (resolver ??= this.resolver())(target, from);
    const daily = new Map<string, IsoDate[]>();
    const tasks: NoteTaskContacts[] = [];
    for (const { notePath, index, person, text: kept } of this.indexed) {
      const date = index.contacts !== null ? this.daily(basenameOf(notePath)) : null;
      if (date !== null && index.contacts !== null && this.settings.useDailyNotes) {
        for (const target of new Set(index.contacts)) {
          const hit = resolve(target, notePath);
          if (hit !== null && hit !== notePath) daily.set(hit, [...(daily.get(hit) ?? []), date]);
        }
      }
      if (!index.tasks) continue;
      // Tasks' line numbers count the frontmatter, as Obsidian's do: the whole text is what they are read from.
      const text = kept ?? this.readAgain(notePath);
      if (text === null || !mayHaveTasks(text)) continue;
      tasks.push(
        noteTaskContacts(
          {
            path: notePath,
            text,
            noteDate: date,
            createdOn: localIsoDate(new Date(this.vault.createdMs(notePath))),
            owner: person ? notePath : null,
          },
          resolve,
        ),
      );
    }
    const byPerson = tasksByPerson(tasks);
    for (const r of this.records) {
      const mentions = daily.get(r.path);
      if (mentions !== undefined) {
        const dates = sortUniqueDates(mentions);
        r.dailyDates = dates;
        r.dailyLatest = dates[dates.length - 1] ?? null;
      }
      const t = byPerson.get(r.path);
      if (t) {
        r.followUps = t.followUps;
        r.doneDates = t.doneDates;
      }
    }
  }

  /**
   * Notes (any note in the vault) that link to each person note, by the person's path.
   * Person notes are taken as first read (`triage` read all 30,000 of them twice); only
   * the other notes are read again.
   */
  backlinks(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    // Only the records some note links to are indexed: indexing all 30,000 by two keys each
    // cost `triage` ~15 MB, and most vaults link a few hundred people, or none.
    const wanted = new Set<string>();
    const keyOf = linkKeys();
    for (const { index } of this.indexed) for (const target of index.links) wanted.add(keyOf(target));
    if (wanted.size === 0) return out;
    const byKey = this.byLinkKey(wanted);
    for (const { notePath: from, index } of this.indexed) {
      for (const target of index.links) {
        const hit = byKey.get(keyOf(target))?.[0];
        if (!hit || hit.path === from) continue;
        const list = out.get(hit.path);
        if (list === undefined) out.set(hit.path, [from]);
        // Once per note, however many of its links reach the person (`[[Ann]]` and `[[Ann.md|her]]`).
        else if (list[list.length - 1] !== from) list.push(from);
      }
    }
    return out;
  }

  /**
   * A person by LinkedIn URL, note path (vault-relative or absolute), note name or `name`; a
   * clear error otherwise. The first of these that matches any note decides: the exact path,
   * the exact file name, the path or file name in another case or Unicode form, the `name`.
   * Several notes on one rung are ambiguous, and their paths are listed; so is a bare name
   * that is one note's file name when other notes have that `name` (`Ahmed Henry` with
   * `Ahmed Henry (Acme).md` of that name): `Ahmed Henry.md` or the path settles it. Its
   * errors point at the help of the command that asked (runCli names it).
   */
  find(query: string): PersonRecord {
    if (path.isAbsolute(query)) {
      const rel = this.vault.relative(query);
      if (rel === null) throw new UsageError(`${query} is not inside the vault ${this.vault.root}`);
      query = rel;
    }
    const url = normaliseProfileUrl(query);
    let hits: PersonRecord[] = [];
    if (url !== null) hits = this.records.filter((r) => r.profileUrl === url);
    else {
      const withoutMd = (p: string) => p.replace(/\.md$/i, '');
      const loose = (p: string) => p.normalize('NFC').toLowerCase();
      const q = withoutMd(query);
      const rungs: ((r: PersonRecord) => boolean)[] = [
        (r) => withoutMd(r.path) === q,
        (r) => basenameOf(r.path) === q,
        (r) => loose(withoutMd(r.path)) === loose(q) || loose(basenameOf(r.path)) === loose(q),
        (r) => nameKey(r.name) === nameKey(q),
      ];
      for (let i = 0; i < rungs.length; i++) {
        hits = this.records.filter(rungs[i] as (r: PersonRecord) => boolean);
        if (hits.length === 0) continue;
        // A bare name that is one note's file name and other notes' `name` is a namesake: taking
        // the file silently wrote to the wrong person (a triage card of "Zoë Bakker 2" read as
        // "Zoë Bakker"). With `.md` or a folder, the text names that file and nothing else.
        const bare = (i === 1 || i === 2) && !/\.md$/i.test(query) && !query.includes('/');
        if (bare && hits.length === 1) {
          const key = nameKey(q);
          const namesakes = this.records.filter((r) => r !== hits[0] && nameKey(r.name) === key);
          if (namesakes.length > 0) hits = [...hits, ...namesakes];
        }
        break;
      }
    }
    if (hits.length === 1) return hits[0] as PersonRecord;
    if (hits.length === 0)
      throw new UsageError(`no person note matches "${query}" (give a LinkedIn URL, a note name or a path)`);
    const paths = hits.map((h) => h.path).sort(); // code-unit order, whatever the locale
    throw new UsageError(
      `"${query}" matches ${hits.length} notes (${paths.join(', ')}); give the path or the LinkedIn URL`,
    );
  }

  /** A person note with its body, read again (the index keeps only what the commands need of each). */
  note(path: string): PersonNote | undefined {
    if (!this.records.some((r) => r.path === path)) return undefined;
    const text = this.vault.readText(path);
    const fm = readNoteFrontmatter(text, parseYaml);
    const note = existingNoteOf(path, fm, this.session.rule) ?? { path, frontmatter: null };
    return { note, body: fm.body, text };
  }
}

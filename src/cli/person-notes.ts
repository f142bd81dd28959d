/**
 * The CLI's notes as facts: every markdown file of the vault, judged by the core's
 * person-note rule, its frontmatter classified by the core (with the CLI's YAML parser),
 * and what the read commands' index needs of it (log dates, links, tasks). The import's
 * snapshot and the commands' person records both come from here. The import needs no
 * index, but makes it anyway (~3 µs a note read): the facts it caches then serve the read
 * commands too.
 *
 * The facts of a note are what its text gives, so the note cache (note-cache.ts) keeps them
 * by stat key: a note that has not changed since the last run is statted, not read. The
 * others are read on a worker thread a few hundred notes ahead of the parsing here.
 *
 * Notes outside the people folder are parsed only when their frontmatter block could carry
 * the person tag, which keeps a large vault of other notes cheap.
 */
import fs from 'node:fs';
import { version } from '../../package.json';
import type { IsoDate } from '../core/dates/iso-date';
import { contactLinkTargets } from '../core/followups/tasks';
import type { ExistingNote, VaultSnapshot } from '../core/import/vault-snapshot';
import { existingNoteOf } from '../core/import/vault-snapshot';
import { datedItemDates } from '../core/notes/body-sections';
import { wikiLinkTargets } from '../core/notes/links';
import { splitNote } from '../core/notes/note-text';
import { INTERACTIONS_HEADING } from '../core/notes/schema';
import { dailyNoteMatcher, type DailyNoteMatcher } from '../core/people/daily-notes';
import { inPeopleFolder, isBrokenPersonNote, mayCarryTag, type PersonNoteRule } from '../core/people/person-note';
import { basenameOf, EMPTY_LIST } from '../core/people/person-record';
import { readNoteFrontmatter, type NoteFrontmatter } from '../core/yaml/frontmatter';
import { objectShape } from '../core/object-shape';
import { ownCopy } from '../core/text/own-copy';
import { UnreadableNotes } from './failures';
import { fileErrorReason, type FsVault, type VaultFile } from './fs-vault';
import { NoteCache, noteCacheDir, type CacheKind, type FactsCodec, type KeyLists } from './note-cache';
import type { VaultSession } from './options';
import { MIN_FILES, ReadStream, StartedWorker } from './read-ahead';
import { putStatKey, STAT_FIELDS } from './read-ahead-files';
import { parseYaml } from './yaml-full';

/** What the read commands index of a note, besides its frontmatter. */
export interface NoteIndex {
  /** Dates of the `## Interactions` items, sorted, and those of meetings among them. */
  logDates: readonly IsoDate[];
  meetingDates: readonly IsoDate[];
  /** The notes it links to, each once, as written. */
  links: readonly string[];
  /** For a daily note: the links that count as contact on its day (contactLinkTargets); else null. */
  contacts: readonly string[] | null;
  /** May it have tasks? Then its text is read again for the follow-ups. */
  tasks: boolean;
}

/** What a note's text gives: the person note it is (null: none), and what the index needs. */
export interface NoteFacts {
  person: Omit<ExistingNote, 'path'> | null;
  index: NoteIndex;
}

/**
 * What a pass over the notes makes of each: the facts of its text for the import (the
 * default), or something built from them (the read commands keep person records). Each
 * kind has its own cache files, so the cache holds what the pass needs and no more.
 */
export interface NoteView<T> {
  readonly kind: CacheKind;
  readonly codec: FactsCodec<T>;
  /** What else `of` depends on (settings), for the cache's fingerprint. */
  readonly depends: unknown;
  /** What an empty note gives. */
  readonly empty: T;
  of(path: string, facts: NoteFacts): T;
}

/**
 * One markdown file as visited: its path, what the view made of it, and its text when it was
 * read this run (null: from the cache).
 */
export type Visit<T> = (path: string, facts: T, text: string | null) => void;

/** A quick test before parsing a note for tasks: a list item with a checkbox somewhere. */
const HAS_TASK = /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX/]\]/m;

/** Most notes have no task at all: a cheap look for " [" before the line-by-line test. */
export function mayHaveTasks(text: string): boolean {
  return text.includes(' [') && HAS_TASK.test(text);
}

/** Could the note at this path with this text be a person note? False settles it without parsing. */
function worthParsing(file: VaultFile, text: string, rule: PersonNoteRule): boolean {
  if (inPeopleFolder(file.path, rule)) return true;
  if (!/^\uFEFF?---/.test(text)) return false; // a note saved with a BOM has frontmatter too
  const parts = splitNote(text);
  if (parts.unterminated) return isBrokenPersonNote(file.path, text.slice(0, 2000), rule);
  return parts.yaml !== null && mayCarryTag(parts.yaml, rule.tag);
}

/** The facts of one note's text (`daily`: the Daily notes matcher). */
function factsOf(file: VaultFile, text: string, rule: PersonNoteRule, daily: DailyNoteMatcher): NoteFacts {
  let person: ExistingNote | null = null;
  let body = text;
  if (worthParsing(file, text, rule)) {
    const fm: NoteFrontmatter = readNoteFrontmatter(text, parseYaml);
    person = existingNoteOf(file.path, fm, rule);
    body = fm.body;
  }
  const kept = person && withoutPath(person);
  const meetingDates: IsoDate[] = [];
  const logDates = person ? datedItemDates(body, INTERACTIONS_HEADING, meetingDates) : [];
  // Copies: a link cut from the text as a view into it would keep the whole note alive.
  const links = text.includes('[[') ? [...new Set(wikiLinkTargets(text))].map(ownCopy) : [];
  const contacts = daily(basenameOf(file.path)) !== null ? contactLinkTargets(text).map(ownCopy) : null;
  return { person: kept, index: { logDates, meetingDates, links, contacts, tasks: mayHaveTasks(body) } };
}

function withoutPath(note: ExistingNote): Omit<ExistingNote, 'path'> {
  const { path: _path, ...rest } = note;
  return rest;
}

/** The index of most notes: nothing logged, linked or to do (a line then stores only its first item). */
export const NO_INDEX: NoteIndex = Object.freeze({
  logDates: EMPTY_LIST,
  meetingDates: EMPTY_LIST,
  links: EMPTY_LIST,
  contacts: null,
  tasks: false,
});

/** An empty note: nothing of the user's, never a person note (the import may fill it). */
const EMPTY_FACTS: NoteFacts = { person: null, index: NO_INDEX };

/** A list of strings, as a facts line must hold (helpers at module level: decode runs once per note). */
export function strings(l: unknown): boolean {
  if (!Array.isArray(l)) return false;
  for (const x of l as unknown[]) if (typeof x !== 'string') return false;
  return true;
}

/** Empty lists as the one shared empty list: most notes have no meetings, many no links. */
function shared<T>(l: T[]): readonly T[] {
  return l.length === 0 ? EMPTY_LIST : l;
}

function isEmptyIndex(index: NoteIndex): boolean {
  const { logDates, meetingDates, links, contacts, tasks } = index;
  return logDates.length + meetingDates.length + links.length === 0 && contacts === null && !tasks;
}

/**
 * A facts line (every kind): `[first]`, or `[first, …index]` when the note logs, links or has
 * tasks: log dates, meeting dates, links, contacts, tasks. Most notes have none, and four empty
 * lists for each were four arrays to parse and collect per note on every run.
 */
export function encodeLine(first: unknown, index: NoteIndex): unknown[] {
  if (isEmptyIndex(index)) return [first];
  return [first, index.logDates, index.meetingDates, index.links, index.contacts, index.tasks ? 1 : 0];
}

/** The index from the end of a stored line (items 1–5, or none); throws for a line of the wrong shape. */
export function decodeIndex(stored: unknown[]): NoteIndex {
  if (stored.length === 1) return NO_INDEX;
  if (stored.length !== 6) throw new Error('not a facts line');
  // By index, not destructured: destructuring walks the array's iterator, which until the
  // code is optimised costs more than the rest of the line (a third of a vault's lines have it).
  const line = stored as [unknown, IsoDate[], IsoDate[], string[], string[] | null, number];
  const logDates = line[1];
  const meetingDates = line[2];
  const links = line[3];
  const contacts = line[4];
  const tasks = line[5];
  if (!strings(logDates) || !strings(meetingDates) || !strings(links) || (contacts !== null && !strings(contacts)))
    throw new Error('not a facts line');
  return {
    logDates: shared(logDates),
    meetingDates: shared(meetingDates),
    links: shared(links),
    contacts,
    tasks: tasks === 1,
  };
}

/**
 * A frontmatter object with these keys, in this order, their values still to be set: a clone
 * of one objectShape per list of keys. Filled key by key from `{}`, a note's frontmatter was 32
 * bytes more once grown (3 MB of a 100,000-note re-import) and slower to fill.
 */
const shapeOf = (() => {
  const shapes = new WeakMap<readonly string[], Record<string, unknown>>();
  return (names: readonly string[]): Record<string, unknown> => {
    let shape = shapes.get(names);
    if (shape === undefined) shapes.set(names, (shape = objectShape(names)));
    return { ...shape };
  };
})();

/**
 * A list of text the note before had too under the same key (the `tags: [person]` of every
 * imported note) as that note's list, frozen and shared: a list for each note was 1.7 MB of a
 * 30,000-note re-import's heap. Any other value as it is. Frozen, a list the import changed in
 * place would throw rather than change every note's.
 */
const sameList = (() => {
  const lastOf = new Map<string, readonly string[]>();
  return (key: string, value: unknown): unknown => {
    if (!Array.isArray(value) || value.length === 0 || value.length > 4 || !strings(value)) return value;
    const last = lastOf.get(key);
    if (last !== undefined && value.length === last.length && value.every((v, i) => v === last[i])) return last;
    lastOf.set(key, Object.freeze(value as string[]));
    return value;
  };
})();

/**
 * Facts as the cache stores them: tuples, the frontmatter as its key list's number and the
 * values, so the same dozen keys are not written out 30,000 times (half the file).
 * Person: 0 (not a person note), [-1, yamlError, rawYaml] (no frontmatter, or a broken one)
 * or [key list, ...values]; then, when the note has any, log dates, meeting dates, links,
 * contacts, tasks (see encodeLine).
 */
const FACTS_CODEC: FactsCodec<NoteFacts> = {
  encode({ person, index }, keys: KeyLists): unknown {
    let p: unknown = 0;
    if (person !== null) {
      const fm = person.frontmatter;
      p =
        fm === null
          ? [-1, person.yamlError ?? null, person.rawYaml ?? null]
          : [keys.of(Object.keys(fm)), ...Object.values(fm)];
    }
    return encodeLine(p, index);
  },
  decode(stored, keys): NoteFacts {
    // The file's hash is checked before any line is read; a line of the wrong shape (a bug, or
    // a cache written by hand) still throws, and the note is read instead.
    if (!Array.isArray(stored)) throw new Error('not a facts line');
    const index = decodeIndex(stored);
    const p = stored[0] as 0 | unknown[];
    let person: NoteFacts['person'] = null;
    if (p !== 0) {
      if (!Array.isArray(p)) throw new Error('not a facts line');
      const keyList = p[0] as number;
      if (keyList === -1) {
        person = { frontmatter: null };
        if (typeof p[1] === 'string') person.yamlError = p[1];
        if (typeof p[2] === 'string') person.rawYaml = p[2];
      } else {
        const names = keys.at(keyList);
        if (names.length !== p.length - 1) throw new Error('not a facts line');
        const frontmatter = shapeOf(names);
        for (let i = 0; i < names.length; i++) {
          const key = names[i] as string;
          frontmatter[key] = sameList(key, p[i + 1]);
        }
        person = { frontmatter };
      }
    }
    return { person, index };
  },
};

/** The facts of a note's text, as the import keeps them. */
export const NOTE_VIEW: NoteView<NoteFacts> = {
  kind: 'notes',
  codec: FACTS_CODEC,
  depends: null,
  empty: EMPTY_FACTS,
  of: (_path, facts) => facts,
};

/** A note that could not be read: its vault path, and why in a few words ("permission denied"). */
export interface UnreadableNote {
  path: string;
  reason: string;
}

/** An error of the file system (it has a code), rather than a bug. */
function isFileError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

/**
 * Why a note could not be read ("permission denied"), or null for a note gone since the walk;
 * rethrows what is not a file system's error (a bug). The same rule as a folder the walk
 * could not list (fs-vault.ts).
 */
export const unreadableReason: (e: unknown) => string | null = fileErrorReason;

/** The Daily notes format, from the vault's config folder (Obsidian keeps it there), or null. */
function dailyFormat(session: VaultSession): string | null {
  try {
    const file = session.vault.abs(`${session.config.configDir}/daily-notes.json`);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { format?: unknown };
    return typeof data.format === 'string' && data.format.trim() !== '' ? data.format : null;
  } catch {
    return null;
  }
}

/**
 * The reading of a vault's markdown files for one pass: the cache's facts for notes that have
 * not changed, the others read on a worker thread (`workerScript`, the bundled read-ahead
 * worker) up to `window` batches ahead. Open it early (the import does, before it parses the
 * export) and close it when done: the worker stops and the cache is saved. `view`: what the
 * pass makes of each note (the import's facts by default).
 */
export class NoteReads<T = NoteFacts> {
  readonly files: VaultFile[];
  readonly cache: NoteCache<T> | null;
  private readonly view: NoteView<T>;
  readonly rule: PersonNoteRule;
  readonly daily: DailyNoteMatcher;
  private readonly stream: ReadStream;
  /** Leave out the notes that cannot be read (see {@link unreadable}), rather than stop once all are read? */
  private readonly skipUnreadable: boolean;
  /**
   * The notes this pass could not read (permissions, an I/O error), left out and left as they
   * are, for the command to name. A note gone since the walk is left out and not listed.
   */
  readonly unreadable: UnreadableNote[] = [];
  private readonly key = new Float64Array(STAT_FIELDS);
  /** The file whose stat key `key` holds (statted here when there is no worker). */
  private statted = -1;

  constructor(
    readonly session: VaultSession,
    options: {
      workerScript?: string | undefined;
      window?: number;
      cacheDir?: string | null;
      view?: NoteView<T>;
      skipUnreadable?: boolean;
    } = {},
  ) {
    const { vault } = session;
    this.skipUnreadable = options.skipUnreadable ?? false;
    // Without a view, T is its default, NoteFacts: the import's view is the one that fits.
    this.view = options.view ?? (NOTE_VIEW as unknown as NoteView<T>);
    this.rule = session.rule;
    const format = dailyFormat(session);
    this.daily = dailyNoteMatcher(format);
    // The facts depend on the person-note rule, the Daily notes format, the settings the view
    // uses and the code that made them: a change of any is a new cache.
    const { view } = this;
    const fingerprint = JSON.stringify({ rule: this.rule, daily: format, view: view.depends, build: buildId() });
    const dir = options.cacheDir === undefined ? noteCacheDir() : options.cacheDir;
    this.cache = NoteCache.open(dir, vault.root, fingerprint, view.codec, view.kind);
    // A vault the cache knows to be large gets its worker now, so the thread starts while the
    // vault is walked (~40 ms at 30,000 notes) rather than after.
    const early = (this.cache?.size ?? 0) >= MIN_FILES ? StartedWorker.start(options.workerScript) : null;
    this.files = vault.markdownFiles();
    // Without `skipUnreadable` (the import), a folder the walk could not list stops the pass
    // before anything is written, as a note that cannot be read does: a person's note in it
    // could be created again. Otherwise the command names it (VaultPeople.open).
    const unlisted = this.skipUnreadable ? [] : vault.unlistedFolders();
    if (unlisted.length > 0) {
      early?.release();
      throw new UnreadableNotes([], unlisted);
    }
    const paths = this.files.map((f) => f.path);
    this.stream = new ReadStream(
      paths,
      early ?? options.workerScript,
      options.window,
      this.cache?.knownKeys(paths),
      vault.readerPaths(this.files),
    );
    // While the worker stats the notes.
    this.cache?.loadFacts();
  }

  get vault(): FsVault {
    return this.session.vault;
  }

  /**
   * Every markdown file in turn, with what the view makes of it. Callers keep what they need
   * of each, not every note's text (tens of MB at 30,000 notes).
   */
  each(visit: Visit<T>): void {
    const { view } = this;
    for (let i = 0; i < this.files.length; i++) {
      const file = this.files[i] as VaultFile;
      const cached = this.fromCache(i, file);
      if (cached !== undefined) {
        visit(file.path, cached, null);
        continue;
      }
      const text = this.stream.text(i) ?? this.readHere(file);
      if (text === null) continue;
      if (text === '') {
        visit(file.path, view.empty, text);
        continue;
      }
      const facts = view.of(file.path, factsOf(file, text, this.rule, this.daily));
      const key = this.stream.statKey(i) ?? (this.statted === i ? this.key : this.statKey(file));
      if (key !== null) this.cache?.put(file.path, key, facts);
      visit(file.path, facts, text);
    }
    // Saved now, before any caller can change the objects it was handed (the import plans with them).
    this.cache?.save();
    // For `npm run bench`: whether the notes came from the cache.
    if (process.env.NETWORK_CRM_PERF === '1' && this.cache !== null)
      process.stderr.write(`${JSON.stringify({ noteCache: { hits: this.cache.hits, misses: this.cache.misses } })}\n`);
    this.cache?.release();
    // The import must not plan without a note that may be a person's (it could create them
    // again): it stops, naming every note it could not read, not only the first.
    if (!this.skipUnreadable && this.unreadable.length > 0) throw new UnreadableNotes(this.unreadable);
  }

  /**
   * A note the worker did not read (there is none, or it could not): read here. The worker's
   * failures come here too, so a note that cannot be read is met in one place: null, and it is
   * named in {@link unreadable} (a note gone since the walk is not). Without `skipUnreadable`
   * (the import) the pass then stops, see {@link each}.
   */
  private readHere(file: VaultFile): string | null {
    try {
      return this.vault.readNoteText(file);
    } catch (e) {
      const reason = unreadableReason(e);
      if (reason !== null) this.unreadable.push({ path: file.path, reason });
      return null;
    }
  }

  /** Stops the worker, even when a note threw part-way. */
  close(): void {
    this.stream.close();
  }

  /** The cached facts of file `i` when its stat still matches; else undefined. */
  private fromCache(i: number, file: VaultFile): T | undefined {
    if (this.cache === null) return undefined;
    if (!this.stream.unchanged(i)) {
      if (this.stream.statKey(i) !== null) return undefined; // the worker found it changed, and read it
      // No worker (a small vault, or in process), or it could not stat the file: stat here.
      const key = this.statKey(file);
      this.statted = i;
      if (key === null || !this.cache.matches(file.path, key, i)) return undefined;
    }
    return this.cache.take(file.path, i);
  }

  private statKey(file: VaultFile): Float64Array | null {
    if (this.cache === null) return null;
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(file.abs, { throwIfNoEntry: false });
    } catch (e) {
      if (isFileError(e)) return null; // a folder that may not be searched: the read says why
      throw e;
    }
    if (stat === undefined) return null;
    putStatKey(stat, this.key, 0);
    return this.key;
  }
}

/** Run from the sources (tests, `tsx`): an id of this process, so no cache outlives it. */
const SOURCE_RUN = `source-${process.pid}-${Math.random().toString(36).slice(2)}`;

/**
 * The code that makes the facts: the bundle's build id (esbuild.config.mjs defines it), so a
 * new build, even at the same version, never reads facts an older one made.
 */
function buildId(): string {
  return `${version}:${process.env.NETWORK_CRM_BUILD ?? SOURCE_RUN}`;
}

/**
 * The import's view of the vault (see core/import/vault-snapshot.ts), from `reads` opened
 * before the export was parsed, or a pass of its own.
 */
export function vaultSnapshot(session: VaultSession, reads?: NoteReads): VaultSnapshot {
  const own = reads ?? new NoteReads(session);
  const { vault } = session;
  const empty = new Set<string>();
  const notes: ExistingNote[] = [];
  const bodies = new Map<string, string>();
  // Only the frontmatter is kept, not every note's text (30-60 MB at 30,000 notes). The import
  // checks the ## History of these notes (core/import/update-note.ts): keep the body just read.
  try {
    own.each((notePath, { person }, text) => {
      if (text === '') empty.add(notePath);
      if (person === null) return;
      const note: ExistingNote = { path: notePath, ...person };
      notes.push(note);
      if (text !== null && note.frontmatter?.['job-changed-on']) bodies.set(notePath, splitNote(text).body);
    });
  } finally {
    if (reads === undefined) own.close();
  }
  return {
    notes,
    paths: vault
      .files()
      .map((f) => f.path)
      .filter((p) => !empty.has(p)),
    readBody: (p) => {
      let body = bodies.get(p);
      if (body === undefined) {
        body = splitNote(vault.readText(p)).body;
        bodies.set(p, body);
      }
      return Promise.resolve(body);
    },
  };
}

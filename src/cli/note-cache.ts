/**
 * The CLI's note cache: what reading each note gave (its facts, see person-notes.ts), kept
 * outside the vault and keyed by the note's stat (size, mtime, ctime, inode, device). A command over
 * a vault whose notes have not changed stats them instead of reading and parsing them: at
 * 30,000 notes `stale` spent ~20 µs a note on decoding, YAML and log dates, a stat is ~3.
 *
 * Never wrong, safe to delete, invisible in the vault:
 * - A note is taken from the cache only when its stat key is the one the cache read it
 *   with. Any write changes the ctime (tools that restore mtimes cannot set it), a rename
 *   over it changes the inode.
 * - A file system stamps times with a coarse clock (a tick of 1–10 ms, 2 s on FAT), so a
 *   second write in the same tick as the one the cache saw would keep the key. A note
 *   changed less than {@link SETTLE_MS} before the run started is therefore never cached:
 *   any later write lands in a later tick and changes the key.
 * - Facts that JSON cannot carry exactly (a YAML `.nan`, `-0`) are not cached either.
 * - The cache lives in the user's cache folder (`~/.cache/network-crm` and the like, never
 *   inside the vault), two files per vault readable by the user only, each replaced by a
 *   rename; the keys file holds the facts file's generation id and SHA-256. A missing,
 *   unreadable, damaged, mismatched or foreign file is just no cache;
 *   `NETWORK_CRM_CACHE=off` turns it off, `NETWORK_CRM_CACHE=<folder>` moves it.
 * - Where a file system keeps no change time (FAT drives keep the creation time instead), an
 *   edit that keeps the size and puts the modification time back would go unseen.
 *
 * Two files because of when they are needed: the stat keys (a small binary file) go to the
 * read-ahead worker first, which stats the notes while this thread parses the facts (JSON).
 * Each kind of facts has its pair (see person-notes.ts): the import keeps each note's
 * frontmatter, the read commands the person record made of it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FactsFile, openRegularFile } from './facts-file';
import { sameStatKey, STAT_FIELDS } from './read-ahead-files';

/** Bump when the facts change shape or meaning: an older cache is then ignored. */
const FORMAT = 4;
/** How long a note must have been left alone before the run for the cache to keep it (see above). */
export const SETTLE_MS = 3000;
const MAGIC = 'network-crm note cache';

/** Where a note is looked for around its expected line before the files' paths are indexed. */
const NEAR = [0, -1, 1, -2, 2];
/** Old cache pairs (vaults not opened for this long) and temp files left by a killed run are removed on save. */
const FORGET_MS = 90 * 86_400_000;
const TEMP_MS = 3_600_000;
/** The facts of one note past this many characters are not cached (a real note's are a few hundred). */
const MAX_LINE = 64 * 1024;

/** Where the cache files go, or null when the cache is off. */
export function noteCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string | null {
  const set = env.NETWORK_CRM_CACHE?.trim();
  if (set !== undefined && /^(off|0|false|no|none)$/i.test(set)) return null;
  if (set) return path.resolve(set);
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), 'network-crm', 'Cache');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', 'network-crm');
  // The XDG spec: a relative XDG_CACHE_HOME is invalid and ignored.
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, '.cache'), 'network-crm');
}

/**
 * The real path of `p`, or for a path not made yet, its nearest existing folder's real path
 * with the rest added: a cache folder still to be made under a link to the vault is inside
 * the vault.
 */
function realPath(p: string): string {
  const missing: string[] = [];
  for (let at = path.resolve(p); ;) {
    try {
      return path.join(fs.realpathSync(at), ...missing.reverse());
    } catch {
      const up = path.dirname(at);
      if (up === at) return path.resolve(p);
      missing.push(path.basename(at));
      at = up;
    }
  }
}

/** Is `inner` the folder `outer` or inside it (as real paths, see {@link realPath})? */
function isInside(inner: string, outer: string): boolean {
  const rel = path.relative(realPath(outer), realPath(inner));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Would JSON give this value back exactly? Strings, finite numbers, booleans, null, arrays and plain objects. */
export function survivesJson(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      // Loops, not every(): this runs on every note a cold run reads.
      if (Array.isArray(value)) {
        for (const item of value as unknown[]) if (!survivesJson(item)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      if (Object.hasOwn(value, '__proto__')) return false;
      for (const key in value) if (!survivesJson((value as Record<string, unknown>)[key])) return false;
      return true;
    }
    default:
      return false; // undefined, functions, bigints, symbols
  }
}

/**
 * How the facts are stored: compactly (the facts file of 30,000 notes is parsed on every run,
 * and its size is its cost). `keys` is the file's table of property-name lists: the same dozen
 * frontmatter keys in every note are stored once, each note refers to its list by number.
 */
export interface FactsCodec<T> {
  encode(facts: T, keys: KeyLists): unknown;
  /** `path`: the note's vault path, which the facts may hold (the file keys them by it). */
  decode(stored: unknown, keys: KeyLists, path: string): T;
}

/**
 * A table of lists of text (property names, tags), append-only so that stored numbers keep
 * their meaning. A list read back is the table's own array, shared by every note that has it.
 */
export class KeyLists {
  private readonly byText = new Map<string, number>();
  private last: { names: readonly string[]; at: number } | null = null;
  constructor(readonly lists: (readonly string[])[] = []) {
    // Frozen: a list is shared by every note that has it, so no one may change it for all.
    lists.forEach((l, i) => this.byText.set(JSON.stringify(Object.freeze(l)), i));
  }

  /** The number of this list of names, added when new. */
  of(names: readonly string[]): number {
    // Most notes have the keys of the note before: compare with those first.
    const last = this.last;
    if (last !== null && last.names.length === names.length && last.names.every((n, i) => n === names[i]))
      return last.at;
    const text = JSON.stringify(names); // not a join: a key may hold any character
    let at = this.byText.get(text);
    if (at === undefined) {
      at = this.lists.length;
      this.lists.push(Object.freeze(names));
      this.byText.set(text, at);
    }
    this.last = { names, at };
    return at;
  }

  /** The list numbered `i`; throws for a number the table does not have (a damaged cache). */
  at(i: number): readonly string[] {
    const list = this.lists[i];
    if (list === undefined) throw new Error(`no key list ${i}`);
    return list;
  }
}

interface KeysHeader {
  magic: string;
  format: number;
  vault: string;
  fingerprint: string;
  generation: string;
  count: number;
  /** The facts file's length and SHA-256: a facts file damaged in any byte is no cache. */
  factsBytes: number;
  factsHash: string;
}

/** JSON with every character past ASCII escaped as JSON does: read back as latin1, which skips UTF-8 decoding. */
function asciiOnly(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function readKeysFile(file: string, vault: string, fingerprint: string) {
  let bytes: Buffer;
  try {
    const fd = openRegularFile(file); // not a FIFO or a device, which would hang the run
    if (fd === null) return null;
    try {
      bytes = fs.readFileSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return null;
  }
  if (bytes.length < 4) return null;
  const headerLength = bytes.readUInt32LE(0);
  let header: KeysHeader;
  try {
    header = JSON.parse(bytes.toString('utf8', 4, 4 + headerLength)) as KeysHeader;
  } catch {
    return null;
  }
  if (header.magic !== MAGIC || header.format !== FORMAT || header.vault !== vault) return null;
  if (header.fingerprint !== fingerprint || !Number.isInteger(header.count)) return null;
  const keysAt = Math.ceil((4 + headerLength) / 8) * 8;
  const keysEnd = keysAt + header.count * STAT_FIELDS * 8;
  if (keysEnd > bytes.length) return null;
  const keys = new Float64Array(bytes.buffer.slice(bytes.byteOffset + keysAt, bytes.byteOffset + keysEnd));
  const paths = new PathList(header.count === 0 ? null : bytes.toString('utf8', keysEnd));
  if (paths.length !== header.count) return null;
  return { generation: header.generation, keys, paths, factsBytes: header.factsBytes, factsHash: header.factsHash };
}

type LoadedKeys = NonNullable<ReturnType<typeof readKeysFile>>;

/**
 * The paths of the notes the cache holds, as the keys file lists them (each ended by a NUL):
 * one string and where each path starts in it. A string for each path was a 32-byte view into
 * that string, 1 MB at 30,000 notes kept through the pass and garbage after it.
 */
class PathList {
  private readonly starts: Int32Array;

  /** `text`: the paths, each followed by a NUL but the last; null for none. */
  constructor(private readonly text: string | null) {
    if (text === null) {
      this.starts = new Int32Array(1);
      return;
    }
    let count = 1;
    for (let at = text.indexOf('\0'); at >= 0; at = text.indexOf('\0', at + 1)) count++;
    this.starts = new Int32Array(count + 1);
    let i = 1;
    for (let at = text.indexOf('\0'); at >= 0; at = text.indexOf('\0', at + 1)) this.starts[i++] = at + 1;
    this.starts[count] = text.length + 1;
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    return (this.text as string).slice(this.starts[i], (this.starts[i + 1] as number) - 1);
  }

  /** Is path `i` this one? (Without making a string of it.) */
  is(i: number, path: string): boolean {
    if (i < 0 || i >= this.length) return false;
    const from = this.starts[i] as number;
    return (this.starts[i + 1] as number) - 1 - from === path.length && (this.text as string).startsWith(path, from);
  }
}

export class NoteCache<T> {
  /**
   * Each note's number in the files read, by path: built only when a note is not near where
   * the last run put it. The files keep the notes in the order the vault is walked, so in an
   * everyday run note i of the walk is note i of the file, give or take the notes the file
   * does not hold (empty, just changed), and 30,000 paths are neither hashed nor looked up
   * (~15 ms).
   */
  private byPath: Map<string, number> | null = null;
  /** How far the last note found was from its place in the walk (notes that came or went before it). */
  private shift = 0;
  /**
   * The number {@link knownKeys} found for each note of the walk (-1: none), which is the one
   * whose stat key was checked: {@link take} and {@link matches} use it rather than look again.
   * Looked up again, a path the walk lists twice (a note and its decomposed twin, one vault path
   * on Linux) could land on the other's entry and give one note the other's facts.
   */
  private found: Int32Array | null = null;
  /** The walk's paths {@link found} was made for: a note taken is checked against its own. */
  private walked: readonly string[] = [];
  /** How many notes the files read hold. */
  private count: number;
  private keys: Float64Array;
  private loaded: LoadedKeys | null;
  /**
   * The facts file: a line with the generation, a line with the key lists, then one JSON line
   * per note, read and parsed only when that note is taken (so each parsed line is garbage as
   * soon as its facts are made, and a save copies taken lines as they are). Null until
   * {@link loadFacts}, and when there is no usable file.
   */
  private facts: FactsFile | null = null;
  private factsLoaded = false;
  private keyLists = new KeyLists();
  /**
   * What the next save writes, in the order the notes were visited: a note taken from the
   * cache as its number in the file read, a note read this run as `-1 - i`, i its place in
   * `added` (with its key and JSON line). Numbers, not copies: at 100,000 notes a copy of
   * every key and line cost ~10 MB for a save that mostly never happens.
   */
  private readonly order: number[] = [];
  private taken = 0;
  private readonly added = { paths: [] as string[], keys: [] as number[], lines: [] as string[] };
  private dirty: boolean;
  /** Notes taken from the cache and notes read this run: for NETWORK_CRM_PERF and the tests. */
  hits = 0;
  misses = 0;

  private constructor(
    private readonly file: string,
    private readonly header: Pick<KeysHeader, 'magic' | 'format' | 'vault' | 'fingerprint'>,
    private readonly codec: FactsCodec<T>,
    loaded: LoadedKeys | null,
    private readonly startedMs: number,
  ) {
    this.loaded = loaded;
    this.keys = loaded?.keys ?? new Float64Array(0);
    this.count = loaded?.paths.length ?? 0;
    this.dirty = loaded === null;
  }

  /**
   * The cache of the vault at `root` for facts made under `fingerprint` (the settings they
   * depend on), or null when the cache is off. Reads the stat keys only: {@link loadFacts}
   * reads the facts. `kind`: which facts (each kind has its own files; see {@link OURS}).
   * `now`: when the run started (before any stat).
   */
  static open<T>(
    dir: string | null,
    root: string,
    fingerprint: string,
    codec: FactsCodec<T>,
    kind: CacheKind = 'notes',
    now = Date.now(),
  ): NoteCache<T> | null {
    // Never inside the vault (NETWORK_CRM_CACHE=. run from the vault): the cache is not the user's note.
    if (dir === null || isInside(dir, root)) return null;
    let vault = root;
    try {
      vault = fs.realpathSync(root);
    } catch {
      // the vault was checked when it was opened; keep its path as given
    }
    const name = crypto.createHash('sha256').update(vault).digest('hex').slice(0, 24);
    const file = path.join(dir, kind === 'notes' ? name : `${name}-${kind}`);
    const header = { magic: MAGIC, format: FORMAT, vault, fingerprint };
    return new NoteCache(file, header, codec, readKeysFile(`${file}.keys`, vault, fingerprint), now);
  }

  /**
   * Lets go of what the cache holds once it is saved: the index, the stat keys, the facts
   * text, and the file of paths the index's keys are views into (~15 MB at 100,000 notes,
   * which lived on through the import's plan). The counts stay; nothing is taken after.
   */
  release(): void {
    this.byPath = null;
    this.found = null;
    this.walked = [];
    this.count = 0;
    this.keys = new Float64Array(0);
    this.loaded = null;
    this.facts?.close();
    this.facts = null;
    this.order.length = 0;
    this.taken = 0;
    for (const list of Object.values(this.added)) list.length = 0;
    this.dirty = false;
  }

  /** How many notes the cache holds (the vault's size when it was last read). */
  get size(): number {
    return this.count;
  }

  /**
   * The number of `vaultPath` in the files read, or undefined. `hint`: where the note comes in
   * the walk, which is where the last run kept it unless notes came or went before it.
   */
  private numberOf(vaultPath: string, hint = -1): number | undefined {
    const paths = this.loaded?.paths;
    if (paths === undefined) return undefined;
    if (hint >= 0) {
      // Where the note before says, then a note or two either side. The path itself decides.
      // (A path listed twice, a note and its decomposed twin, may find the twin's entry: its
      // stat key then differs, the inode at least, so the note is read, never given the twin's facts.)
      if (paths.is(hint + this.shift, vaultPath)) return hint + this.shift;
      for (const near of NEAR) {
        const at = hint + this.shift + near;
        if (paths.is(at, vaultPath)) {
          this.shift = at - hint;
          return at;
        }
      }
    }
    if (this.byPath === null) {
      this.byPath = new Map();
      for (let i = 0; i < paths.length; i++) this.byPath.set(paths.at(i), i);
    }
    const at = this.byPath.get(vaultPath);
    if (at !== undefined && hint >= 0) this.shift = at - hint;
    return at;
  }

  /**
   * The stat keys the cache holds for these paths (the walk's files, in its order), NaN where
   * it has none (for the read-ahead worker).
   */
  knownKeys(paths: readonly string[]): Float64Array {
    const out = new Float64Array(paths.length * STAT_FIELDS).fill(Number.NaN);
    const found = new Int32Array(paths.length).fill(-1);
    const { keys } = this;
    // Copied number by number: a subarray per note (30,000 typed-array views) cost ~6 ms.
    for (let i = 0; i < paths.length; i++) {
      const at = this.numberOf(paths[i] as string, i);
      if (at === undefined) continue;
      found[i] = at;
      for (let k = 0; k < STAT_FIELDS; k++) out[i * STAT_FIELDS + k] = keys[at * STAT_FIELDS + k] as number;
    }
    this.found = found;
    this.walked = paths;
    this.shift = 0;
    return out;
  }

  /** The number of note `hint` of the walk: the one {@link knownKeys} found, else looked up. */
  private entryOf(vaultPath: string, hint?: number): number | undefined {
    const found = this.found;
    if (found === null || hint === undefined || hint < 0 || hint >= found.length) return this.numberOf(vaultPath, hint);
    const at = found[hint] as number;
    // The walk's own path string in an everyday run, so one comparison of references: the path
    // found[hint] was found for is then this one. (Compared in the path list, ~10 ms at 30,000.)
    return at >= 0 && this.walked[hint] === vaultPath ? at : undefined;
  }

  /** Reads the facts file; a file of another generation than the keys (a run cut short) is no cache. */
  loadFacts(): void {
    if (this.factsLoaded) return;
    this.factsLoaded = true;
    if (this.count === 0) return;
    let facts: FactsFile | null = null;
    try {
      const loaded = this.loaded as LoadedKeys;
      facts = FactsFile.open(`${this.file}.json`, loaded.factsBytes, loaded.factsHash, this.count + 2);
      if (facts !== null && JSON.parse(facts.line(0)) === loaded.generation) {
        const lists = JSON.parse(facts.line(1)) as string[][];
        // The table only grows (lines refer to it by number): once it is far larger than the
        // notes need, start afresh rather than carry lists no note uses any more.
        if (lists.length <= Math.max(1000, 2 * this.count)) {
          this.keyLists = new KeyLists(lists);
          this.facts = facts;
          return;
        }
      }
    } catch {
      // unreadable: as good as none
    }
    facts?.close();
    this.dirty = true; // the next save writes a good one
  }

  /** Does the cache hold `vaultPath` under this stat key? (`hint`: see {@link numberOf}.) */
  matches(vaultPath: string, key: Float64Array, hint?: number): boolean {
    const at = this.entryOf(vaultPath, hint);
    return at !== undefined && sameStatKey(this.keys, at * STAT_FIELDS, key, 0);
  }

  /**
   * The facts cached for a note whose key matched, kept for the next run; undefined if there
   * are none. `hint`: where the note comes in the walk (see {@link numberOf}).
   */
  take(vaultPath: string, hint?: number): T | undefined {
    this.loadFacts();
    const at = this.entryOf(vaultPath, hint);
    if (at === undefined || this.facts === null) return undefined;
    let facts: T;
    try {
      facts = this.codec.decode(JSON.parse(this.line(at)), this.keyLists, vaultPath);
    } catch {
      return undefined; // a damaged line: the note is read
    }
    this.hits++;
    // A note out of the file's order: the next save writes the file in the walk's (an older
    // file, or a vault whose listing changed order, is put right once).
    if (at !== this.order.length) this.dirty = true;
    this.order.push(at);
    this.taken++;
    return facts;
  }

  /** Facts just read from a note with this stat key; kept when the note has settled and JSON carries them. */
  put(vaultPath: string, key: Float64Array, facts: T): void {
    this.loadFacts();
    this.misses++;
    this.dirty = true;
    const changedMs = Math.max(key[1] as number, key[2] as number);
    // An empty note is left out: it is not a person note whatever the rule, and the import may fill it.
    if (key[0] === 0 || !(this.startedMs - changedMs > SETTLE_MS) || !survivesJson(facts)) return;
    const line = JSON.stringify(this.codec.encode(facts, this.keyLists));
    // A note with huge properties is read each time: cached, it would weigh on every run.
    if (line.length > MAX_LINE) return;
    this.order.push(-1 - this.added.paths.length);
    this.added.paths.push(vaultPath);
    for (let k = 0; k < STAT_FIELDS; k++) this.added.keys.push(key[k] as number);
    this.added.lines.push(asciiOnly(line));
  }

  /** The line of note `at` in the facts file read. */
  private line(at: number): string {
    return (this.facts as FactsFile).line(at + 2);
  }

  /**
   * Writes the notes of this run (a note deleted since is dropped) when anything changed: the
   * facts, then the keys, each by a temp file and a rename. A cache that cannot be written is
   * only a slower next run: nothing here throws.
   */
  save(): void {
    if (!this.dirty && this.taken === this.count) return;
    this.dirty = false;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      const generation = crypto.randomBytes(8).toString('hex');
      const lists = asciiOnly(JSON.stringify(this.keyLists.lists));
      const { order, added } = this;
      const paths = this.loaded?.paths ?? new PathList(null);
      const keys = new Float64Array(order.length * STAT_FIELDS);
      const names: string[] = [];
      order.forEach((at, i) => {
        const [from, k] = at >= 0 ? [this.keys, at] : [added.keys, -1 - at];
        for (let f = 0; f < STAT_FIELDS; f++) keys[i * STAT_FIELDS + f] = from[k * STAT_FIELDS + f] as number;
        names.push(at >= 0 ? paths.at(at) : (added.paths[k] as string));
      });
      // Each line read from the file read as it is written, not all of them first.
      const line = (at: number) => (at >= 0 ? this.line(at) : (added.lines[-1 - at] as string));
      const lines = (function* () {
        yield* [JSON.stringify(generation), lists];
        for (const at of order) yield line(at);
      })();
      const facts = writeReplacing(`${this.file}.json`, lines);
      if (facts === null) return;
      const header: KeysHeader = {
        ...this.header,
        generation,
        count: order.length,
        factsBytes: facts.bytes,
        factsHash: facts.hash,
      };
      const headerBytes = Buffer.from(JSON.stringify(header));
      const keysAt = Math.ceil((4 + headerBytes.length) / 8) * 8;
      const keysFile = Buffer.concat([
        Buffer.alloc(keysAt),
        Buffer.from(keys.buffer, keys.byteOffset, keys.byteLength),
        Buffer.from(names.join('\0')),
      ]);
      keysFile.writeUInt32LE(headerBytes.length, 0);
      headerBytes.copy(keysFile, 4);
      writeReplacing(`${this.file}.keys`, [keysFile]);
      forgetOld(path.dirname(this.file), this.startedMs);
    } catch {
      // no cache this time
    }
  }
}

/**
 * Writes a file from parts (ASCII lines, each ended here, or one buffer) by a temp file only
 * the user may read and a rename, a MB at a time: one string of a huge vault's facts could
 * pass V8's limits. Returns the bytes written and their SHA-256, or null when it could not.
 */
function writeReplacing(file: string, parts: Iterable<string | Buffer>): { bytes: number; hash: string } | null {
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  const hash = crypto.createHash('sha256');
  let bytes = 0;
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'w', 0o600);
    let chunk: string[] = [];
    let size = 0;
    const flush = (data: Buffer) => {
      for (let at = 0; at < data.length;) at += fs.writeSync(fd as number, data, at);
      hash.update(data);
      bytes += data.length;
    };
    for (const part of parts) {
      if (typeof part !== 'string') {
        flush(part);
        continue;
      }
      chunk.push(part, '\n');
      size += part.length + 1;
      if (size > 1 << 20) {
        flush(Buffer.from(chunk.join(''), 'latin1'));
        chunk = [];
        size = 0;
      }
    }
    if (chunk.length > 0) flush(Buffer.from(chunk.join(''), 'latin1'));
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, file);
    return { bytes, hash: hash.digest('hex') };
  } catch {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    return null;
  }
}

/**
 * Our files only (NETWORK_CRM_CACHE may name a folder that holds others): `<24 hex>.keys|json`
 * for the notes' facts, `<24 hex>-people.keys|json` for the people's, and their temp files.
 */
const OURS = /^[0-9a-f]{24}(?:-people)?\.(?:keys|json)(\.\d+\.[0-9a-f]{8}\.tmp)?$/;

/** The kinds of facts a vault's cache keeps, each in its own pair of files. */
export type CacheKind = 'notes' | 'people';

/** Removes temp files a killed run left, and the caches of vaults not opened for 90 days. */
function forgetOld(dir: string, now: number): void {
  for (const name of fs.readdirSync(dir)) {
    const ours = OURS.exec(name);
    if (ours === null) continue;
    const stat = fs.statSync(path.join(dir, name), { throwIfNoEntry: false });
    if (stat !== undefined && now - stat.mtimeMs > (ours[1] !== undefined ? TEMP_MS : FORGET_MS))
      fs.rmSync(path.join(dir, name), { force: true });
  }
}

/**
 * A zip reader that trusts nothing in the archive.
 *
 * fflate's `unzipSync` returns an object keyed by entry name, so a second entry with the
 * same name silently replaced the first, and it inflates each entry whole into memory, so
 * an 18 MB archive holding 5 GiB took the process down after minutes. Here the central
 * directory is read as it is (every entry, duplicates included, with its flags and sizes),
 * and an entry is inflated as a stream of chunks through fflate's `Inflate` (or by a host's
 * faster {@link HostInflater}: whole when small, else as a stream), counting what comes out:
 * an entry that declares or produces more than {@link MAX_ENTRY_BYTES}, or more than it
 * declared, stops with a {@link ZipError} within a few megabytes of output. Entries are
 * checked against their CRC, so a damaged download is reported, not imported.
 */
import { Inflate } from 'fflate';
import { formatCount } from '../text/format';
import { crc32 } from './crc32';

/**
 * Far above any real file of an export (Connections.csv at LinkedIn's cap of 30,000 is
 * ~3 MB; messages.csv of a heavy user ~100 MB; a whole Complete archive a few hundred MB),
 * well below what a JavaScript string can hold.
 */
export const MAX_ENTRY_BYTES = 512 * 1024 * 1024;

/** Compressed bytes fed to the inflater at a time: at deflate's best ratio (~1:1032), ≤ 8.5 MB out. */
const FEED = 8 * 1024;
/**
 * Real export files compress 1:4 to 1:20 (unique names and URLs on every row); a file that
 * inflates more than 100 times over and past 16 MB is a bomb, whatever its headers say,
 * and is stopped there rather than at the size limit.
 */
const MAX_RATIO = 100;
const RATIO_FLOOR = 16 * 1024 * 1024;

export class ZipError extends Error {
  /** The entry the problem is in, when it is about one entry. */
  readonly entry: string | undefined;

  constructor(message: string, entry?: string) {
    super(message);
    this.name = 'ZipError';
    this.entry = entry;
  }
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  /** Size in the archive. */
  compressedSize: number;
  /** What the central directory says it inflates to. */
  size: number;
  crc: number;
  localOffset: number;
  /** 0-based position in the central directory. */
  index: number;
}

export function isEncrypted(entry: ZipEntry): boolean {
  return (entry.flags & 0x0001) !== 0;
}

function u16(b: Uint8Array, at: number): number {
  return (b[at] as number) | ((b[at + 1] as number) << 8);
}

function u32(b: Uint8Array, at: number): number {
  return (
    ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16)) +
    (b[at + 3] as number) * 0x1000000
  );
}

function u64(b: Uint8Array, at: number): number {
  return u32(b, at) + u32(b, at + 4) * 0x100000000;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const utf8 = new TextDecoder('utf-8', { fatal: false });

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) === EOCD) return at;
  }
  throw new ZipError('the end of the archive is missing: the download was probably cut short');
}

/** Every entry of the central directory, in order, duplicates included. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const eocd = findEndOfCentralDirectory(bytes);
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  const locator = eocd - 20;
  if ((count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) && locator >= 0) {
    if (u32(bytes, locator) === ZIP64_LOCATOR) {
      const at = u64(bytes, locator + 8);
      if (at + 56 > bytes.length || u32(bytes, at) !== ZIP64_EOCD) throw new ZipError('the ZIP64 directory is damaged');
      count = u64(bytes, at + 32);
      cdSize = u64(bytes, at + 40);
      cdOffset = u64(bytes, at + 48);
    }
  }
  if (cdOffset + cdSize > bytes.length)
    throw new ZipError('the archive is cut short (its directory points past the end)');
  const entries: ZipEntry[] = [];
  let at = cdOffset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== CENTRAL) throw new ZipError('the archive directory is damaged');
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const entry: ZipEntry = {
      name: utf8.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: u16(bytes, at + 8),
      method: u16(bytes, at + 10),
      crc: u32(bytes, at + 16),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
      index,
    };
    readZip64Extra(bytes, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** ZIP64 keeps the real sizes and offset in an extra field when the header says 0xFFFFFFFF. */
function readZip64Extra(bytes: Uint8Array, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = u16(bytes, at);
    const size = u16(bytes, at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      if (entry.size === 0xffffffff) {
        entry.size = u64(bytes, field);
        field += 8;
      }
      if (entry.compressedSize === 0xffffffff) {
        entry.compressedSize = u64(bytes, field);
        field += 8;
      }
      if (entry.localOffset === 0xffffffff) entry.localOffset = u64(bytes, field);
      return;
    }
    at += 4 + size;
  }
}

/** The entry's stored bytes, after its local header. */
function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== LOCAL) throw new ZipError('its header is damaged', entry.name);
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError('the archive is cut short inside this file', entry.name);
  return bytes.subarray(start, end);
}

function megabytes(n: number): string {
  return `${formatCount(Math.round(n / 1024 / 1024))} MB`;
}

/** Refuses what cannot be read before any work is done: encryption, unknown methods, sizes over the limit. */
export function checkEntry(entry: ZipEntry, limit = MAX_ENTRY_BYTES): void {
  if (isEncrypted(entry))
    throw new ZipError(
      'is encrypted (the archive has a password). LinkedIn exports have none: download it again, or unzip it with its password and import the folder',
      entry.name,
    );
  if (entry.method !== 0 && entry.method !== 8)
    throw new ZipError(
      `is compressed with a method we cannot read (${entry.method}; expected deflate). Unzip the archive and import the folder`,
      entry.name,
    );
  if (entry.size > limit)
    throw new ZipError(
      `would inflate to ${megabytes(entry.size)}, more than the ${megabytes(limit)} any real export file stays under; not read`,
      entry.name,
    );
  if (entry.size > RATIO_FLOOR && entry.size > entry.compressedSize * MAX_RATIO)
    throw new ZipError(bombMessage(entry.size, entry.compressedSize), entry.name);
}

function bombMessage(size: number, compressed: number): string {
  return `would inflate ${formatCount(Math.round(size / Math.max(1, compressed)))} times over (to ${megabytes(size)}), which no real export does; not read (a zip bomb?)`;
}

/** What a host's streaming inflater hands on: bytes inflated, and how many compressed bytes it has read so far. */
export interface InflatedChunk {
  bytes: Uint8Array;
  consumed: number;
}

/**
 * A faster inflater a host may offer: the CLI's zlib, ten times as fast as fflate (inflating
 * was a tenth of an unchanged re-import at 30,000 people). `inflate` takes an entry whole, so
 * it is used only for entries that declare at most {@link WHOLE_MAX}; `stream` takes larger
 * ones (a heavy user's messages.csv) a chunk at a time. The plugin offers neither (Obsidian
 * mobile has no zlib) and everything streams through fflate. The reader makes every check
 * (sizes, ratio, CRC) on what either hands on.
 */
export interface HostInflater {
  /** Raw deflate data inflated at once; null when it would pass `max` bytes. Throws when the data is damaged. */
  inflate?(data: Uint8Array, max: number): Uint8Array | null;
  /**
   * Raw deflate data inflated as the caller reads, a bounded way ahead; null when the host
   * cannot now (fflate then streams it). Throws when the data is damaged. A caller that stops
   * reading early ends the iteration (`return`), which lets go of whatever runs it.
   */
  stream?(data: Uint8Array, entry: string): Iterable<InflatedChunk> | null;
  /** Continues a running CRC-32 (start with 0), as {@link crc32} does. */
  crc32: (bytes: Uint8Array, crc: number) => number;
}

/**
 * Entries up to this size may be inflated whole: Connections.csv at LinkedIn's cap of 30,000
 * is ~3 MB. The whole entry is held until it is parsed (and then until the next full garbage
 * collection), so larger ones stream: at 100,000 rows, inflating the 10 MB file whole put
 * 20 MB on the import's peak.
 */
export const WHOLE_MAX = 8 * 1024 * 1024;

/**
 * Chunks handed on from an entry inflated whole or stored, about as the streaming path's
 * come. Small, so that each chunk's decoded text dies young: in 1 MB chunks at 30,000 people
 * the texts and the rows cut from them outlived young collections and stayed as garbage
 * through the plan, 8 MB of both the first import's and the re-import's peak.
 */
const CHUNK = 1 << 16;

/**
 * The entry's content, chunk by chunk. Stops with a {@link ZipError} as soon as the output
 * passes what the entry declared or `limit`, and at the end when its size or CRC is wrong.
 * `host`: the host's faster inflater (see {@link HostInflater}); the checks are the same
 * whoever inflates.
 */
export function* inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  limit = MAX_ENTRY_BYTES,
  host?: HostInflater,
): Generator<Uint8Array> {
  checkEntry(entry, limit);
  const stored = storedBytes(bytes, entry);
  const ceiling = Math.min(entry.size, limit);
  const checksum = host ? host.crc32 : crc32;
  let produced = 0;
  let consumed = 0;
  let crc = 0;
  const out: Uint8Array[] = [];
  const tooMuch = (): ZipError =>
    new ZipError(
      produced > limit
        ? `inflates to more than ${megabytes(limit)}, more than any real export file; stopped (a zip bomb?)`
        : `inflates to more than the ${formatCount(entry.size)} bytes it declares; stopped (the archive is damaged or hostile)`,
      entry.name,
    );
  const take = (chunk: Uint8Array): void => {
    produced += chunk.length;
    if (produced > ceiling) throw tooMuch();
    if (produced > RATIO_FLOOR && produced > consumed * MAX_RATIO)
      throw new ZipError(
        `inflates ${formatCount(Math.round(produced / consumed))} times over (stopped after ${megabytes(produced)}), which no real export does (a zip bomb?)`,
        entry.name,
      );
    crc = checksum(chunk, crc);
    out.push(chunk);
  };
  const damaged = (e: unknown): ZipError =>
    e instanceof ZipError
      ? e
      : new ZipError(
          `cannot be inflated (${e instanceof Error ? e.message : String(e)}): the archive is damaged`,
          entry.name,
        );
  if (entry.method === 0) {
    for (let at = 0; at < stored.length; at += CHUNK) {
      consumed = Math.min(stored.length, at + CHUNK);
      take(stored.subarray(at, Math.min(stored.length, at + CHUNK)));
      yield* out.splice(0);
    }
  } else if (host?.inflate && entry.size <= WHOLE_MAX && stored.length > 0) {
    // (No stored bytes at all, as some writers store an empty file: fflate reads that as
    // empty, zlib as cut short. fflate decides, as it does in the plugin.)
    let all: Uint8Array | null;
    try {
      all = host.inflate(stored, ceiling);
    } catch (e) {
      throw damaged(e);
    }
    consumed = stored.length;
    if (all === null) {
      produced = ceiling + 1;
      throw tooMuch();
    }
    take(all);
    out.length = 0;
    for (let at = 0; at < all.length; at += CHUNK) yield all.subarray(at, Math.min(all.length, at + CHUNK));
  } else {
    // (Empty stored bytes: fflate decides, as above.)
    const chunks = stored.length > 0 ? (host?.stream?.(stored, entry.name) ?? null) : null;
    try {
      if (chunks !== null)
        for (const chunk of chunks) {
          consumed = chunk.consumed;
          take(chunk.bytes);
          yield* out.splice(0);
        }
      else {
        const inflater = new Inflate((chunk) => take(chunk));
        for (let at = 0; at < stored.length || at === 0; at += FEED) {
          const end = Math.min(stored.length, at + FEED);
          consumed = end;
          inflater.push(stored.subarray(at, end), end === stored.length);
          yield* out.splice(0);
          if (end === stored.length) break;
        }
      }
    } catch (e) {
      throw damaged(e);
    }
  }
  if (produced !== entry.size)
    throw new ZipError(
      `inflates to ${formatCount(produced)} bytes but declares ${formatCount(entry.size)}: the archive is damaged`,
      entry.name,
    );
  if (crc !== entry.crc)
    throw new ZipError('is damaged (its checksum does not match): download the export again', entry.name);
}

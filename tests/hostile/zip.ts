/**
 * Hostile archives, built in memory: a zip writer that lets a test say exactly what the
 * central directory claims (duplicate names, lying sizes, the encryption flag, ZIP64),
 * and a deflate stream of zeros written by hand, so a bomb that inflates to gigabytes
 * costs a few megabytes to build and nothing on disk.
 *
 * fflate's `zipSync` cannot do any of this: it takes an object keyed by name (no
 * duplicates) and always tells the truth about sizes.
 */
import { deflateSync } from 'fflate';
import { crc32 } from '../../src/core/zip/crc32';

export interface ZipEntrySpec {
  name: string;
  /** Stored bytes: the raw deflate stream for method 8, the data itself for method 0. */
  data: Uint8Array;
  method?: 0 | 8;
  /** What the headers claim the entry inflates to (default: the truth, when known). */
  declaredSize?: number;
  crc?: number;
  /** General-purpose flags; bit 0 means encrypted. */
  flags?: number;
}

/** An entry compressed honestly from `text` or bytes. */
export function entry(name: string, content: string | Uint8Array, method: 0 | 8 = 8): ZipEntrySpec {
  const raw = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    data: method === 8 ? deflateSync(raw, { level: 6 }) : raw,
    method,
    declaredSize: raw.length,
    crc: crc32(raw),
  };
}

class Writer {
  private readonly parts: Uint8Array[] = [];
  length = 0;

  bytes(b: Uint8Array): void {
    this.parts.push(b);
    this.length += b.length;
  }

  le(value: number, width: 2 | 4 | 8): void {
    const b = new Uint8Array(width);
    let v = BigInt(value);
    for (let i = 0; i < width; i++) {
      b[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    this.bytes(b);
  }

  join(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

const MAX32 = 0xffffffff;

/** A zip archive with exactly these entries, in this order (names may repeat). */
export function buildZip(entries: readonly ZipEntrySpec[]): Uint8Array {
  const w = new Writer();
  const central = new Writer();
  for (const e of entries) {
    const name = new TextEncoder().encode(e.name);
    const declared = e.declaredSize ?? e.data.length;
    const zip64 = declared >= MAX32 || e.data.length >= MAX32;
    const extra = new Writer();
    if (zip64) {
      extra.le(0x0001, 2);
      extra.le(16, 2);
      extra.le(declared, 8);
      extra.le(e.data.length, 8);
    }
    const extraBytes = extra.join();
    const offset = w.length;
    w.le(0x04034b50, 4);
    w.le(zip64 ? 45 : 20, 2);
    w.le((e.flags ?? 0) | 0x0800, 2); // bit 11: the name is UTF-8
    w.le(e.method ?? 8, 2);
    w.le(0, 2);
    w.le(0x5a21, 2); // 2025-01-01
    w.le(e.crc ?? 0, 4);
    w.le(zip64 ? MAX32 : e.data.length, 4);
    w.le(zip64 ? MAX32 : declared, 4);
    w.le(name.length, 2);
    w.le(extraBytes.length, 2);
    w.bytes(name);
    w.bytes(extraBytes);
    w.bytes(e.data);

    central.le(0x02014b50, 4);
    central.le(zip64 ? 45 : 20, 2);
    central.le(zip64 ? 45 : 20, 2);
    central.le((e.flags ?? 0) | 0x0800, 2);
    central.le(e.method ?? 8, 2);
    central.le(0, 2);
    central.le(0x5a21, 2);
    central.le(e.crc ?? 0, 4);
    central.le(zip64 ? MAX32 : e.data.length, 4);
    central.le(zip64 ? MAX32 : declared, 4);
    central.le(name.length, 2);
    central.le(extraBytes.length, 2);
    central.le(0, 2);
    central.le(0, 2);
    central.le(0, 2);
    central.le(0, 4);
    central.le(offset, 4);
    central.bytes(name);
    central.bytes(extraBytes);
  }
  const cd = central.join();
  const cdOffset = w.length;
  w.bytes(cd);
  w.le(0x06054b50, 4);
  w.le(0, 2);
  w.le(0, 2);
  w.le(entries.length, 2);
  w.le(entries.length, 2);
  w.le(cd.length, 4);
  w.le(cdOffset, 4);
  w.le(0, 2);
  return w.join();
}

/** LSB-first bit writer, as deflate packs its fields. */
class BitWriter {
  private buf: Uint8Array;
  private byte = 0;
  private bits = 0;
  private at = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(capacity);
  }

  write(value: number, count: number): void {
    for (let i = 0; i < count; i++) {
      this.byte |= ((value >> i) & 1) << this.bits;
      if (++this.bits === 8) {
        this.buf[this.at++] = this.byte;
        this.byte = 0;
        this.bits = 0;
      }
    }
  }

  get aligned(): boolean {
    return this.bits === 0;
  }

  /** Appends `pattern` `times` times (only at a byte boundary), doubling with copyWithin. */
  repeat(pattern: Uint8Array, times: number): void {
    if (times === 0) return;
    const start = this.at;
    this.buf.set(pattern, start);
    let filled = pattern.length;
    const total = pattern.length * times;
    while (filled < total) {
      const n = Math.min(filled, total - filled);
      this.buf.copyWithin(start + filled, start, start + n);
      filled += n;
    }
    this.at += total;
  }

  /** Skips to the next byte boundary (stored blocks start on one). */
  align(): void {
    if (this.bits > 0) {
      this.buf[this.at++] = this.byte;
      this.byte = 0;
      this.bits = 0;
    }
  }

  /** Huffman codes go most significant bit first. */
  code(value: number, count: number): void {
    for (let i = count - 1; i >= 0; i--) this.write((value >> i) & 1, 1);
  }

  finish(): Uint8Array {
    if (this.bits > 0) this.buf[this.at++] = this.byte;
    return this.buf.subarray(0, this.at);
  }
}

export interface RunOptions {
  /** The byte repeated (default 0; `\n` makes endless blank lines, which a CSV reader skips). */
  byte?: number;
  /** Text before the run, in a stored block (a real CSV header, so the reader goes on reading). */
  prefix?: string;
}

/**
 * A raw deflate stream that inflates to `prefix` then `size` copies of one byte (size ≥ 1):
 * a stored block for the prefix, then one fixed-Huffman block holding a literal and
 * back-references of 258 bytes at distance 1, 13 bits each, so 1 GiB costs about 6.5 MB
 * and 5 GiB about 33 MB.
 */
export function deflatedRun(size: number, options: RunOptions = {}): Uint8Array {
  const byte = options.byte ?? 0;
  const prefix = new TextEncoder().encode(options.prefix ?? '');
  const matches = Math.floor((size - 1) / 258);
  let rest = size - 1 - matches * 258;
  const w = new BitWriter(Math.ceil((matches * 13 + 64 + rest * 9) / 8) + prefix.length + 32);
  if (prefix.length > 0) {
    w.write(0, 1); // not the last block
    w.write(0, 2); // stored
    w.align();
    w.write(prefix.length, 16);
    w.write(~prefix.length & 0xffff, 16);
    for (const b of prefix) w.write(b, 8);
  }
  const literal = (b: number) => (b < 144 ? w.code(0x30 + b, 8) : w.code(0x190 + b - 144, 9));
  w.write(1, 1); // final block
  w.write(1, 2); // fixed Huffman codes
  literal(byte);
  const match = (to: BitWriter) => {
    to.code(0xc5, 8); // length 258 (symbol 285)
    to.code(0, 5); // distance 1
  };
  // Bit by bit until a byte boundary, then 8 matches (104 bits = 13 bytes) copied in bulk.
  let left = matches;
  while (left > 0 && !w.aligned) {
    match(w);
    left--;
  }
  const eight = new BitWriter(13);
  for (let i = 0; i < 8; i++) match(eight);
  w.repeat(eight.finish(), Math.floor(left / 8));
  for (left %= 8; left > 0; left--) match(w);
  for (; rest > 0; rest--) literal(byte); // the last few as literals
  w.code(0, 7); // end of block
  return w.finish();
}

export interface BombOptions extends RunOptions {
  /** What the entry really inflates to (the run, after the prefix). */
  inflatedBytes: number;
  /** What the headers claim (default: the truth). */
  declaredBytes?: number;
  name?: string;
}

/** A zip holding one entry that inflates to `inflatedBytes` of one byte. */
export function zipBomb(options: BombOptions): Uint8Array {
  const prefixLength = new TextEncoder().encode(options.prefix ?? '').length;
  return buildZip([
    {
      name: options.name ?? 'Connections.csv',
      data: deflatedRun(options.inflatedBytes, options),
      method: 8,
      declaredSize: options.declaredBytes ?? options.inflatedBytes + prefixLength,
      crc: 0,
    },
  ]);
}

/** A zip whose entry carries the encryption flag (a password-protected archive), with random bytes. */
export function encryptedZip(name = 'Connections.csv'): Uint8Array {
  const data = new Uint8Array(200);
  for (let i = 0; i < data.length; i++) data[i] = (i * 73 + 41) & 0xff;
  return buildZip([{ name, data, method: 8, declaredSize: 1000, crc: 0x12345678, flags: 0x0001 }]);
}

/**
 * Connections.csv rows held compactly: each row's fields as UTF-8 bytes in a shared arena
 * instead of a record object and its eight strings. A record costs ~500 B of heap, a compact
 * row ~150 B, and a 1,000,000-row file is read whole before its people can be matched
 * (core/import/parts.ts plans it a part at a time). A row becomes a {@link ConnectionRecord}
 * again when its part is planned. Bytes, not strings: a string cut from a decoded chunk that
 * held one non-Latin-1 character is stored two bytes a character, whatever it holds.
 *
 * Each field is stored behind its length (two characters of 15 bits each: never a surrogate,
 * which UTF-8 could not hold), so no character of the input, a control character included,
 * can be mistaken for a separator. `null` and `''` share
 * one encoding: the three fields that can be null (URL, email, date) are never empty.
 */
import type { CompactConnections, ConnectionRecord, ConnectionsFile } from './records';

const FIELDS = 8;
/** Arena block size; a longer row gets a block of its own. */
const BLOCK = 1 << 20;

function encode(values: readonly string[]): string {
  let out = '';
  for (const v of values) out += String.fromCharCode(v.length >>> 15, v.length & 0x7fff) + v;
  return out;
}

/** The first `count` fields of a decoded row. */
function fields(row: string, count: number): string[] {
  const f: string[] = [];
  let at = 0;
  for (let k = 0; k < count; k++) {
    const length = row.charCodeAt(at) * 0x8000 + row.charCodeAt(at + 1);
    f.push(row.slice(at + 2, at + 2 + length));
    at += 2 + length;
  }
  return f;
}

export class CompactRows implements CompactConnections {
  private readonly blocks: Uint8Array[] = [];
  private used = BLOCK;
  /** Per row: its block, where it starts and ends in it, its line. */
  private readonly block: number[] = [];
  private readonly start: number[] = [];
  private readonly end: number[] = [];
  private readonly lines: number[] = [];
  private readonly encoder = new TextEncoder();
  private readonly decoder = new TextDecoder();

  constructor(readonly file: string) {}

  get length(): number {
    return this.lines.length;
  }

  push(r: ConnectionRecord): void {
    const text = encode([
      r.firstName,
      r.lastName,
      r.name,
      r.profileUrl ?? '',
      r.email ?? '',
      r.company,
      r.position,
      r.connectedOn ?? '',
    ]);
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    const most = text.length * 3;
    let block = this.blocks[this.blocks.length - 1];
    if (block === undefined || this.used + most > block.length) {
      block = new Uint8Array(Math.max(BLOCK, most));
      this.blocks.push(block);
      this.used = 0;
    }
    const { written } = this.encoder.encodeInto(text, block.subarray(this.used));
    this.block.push(this.blocks.length - 1);
    this.start.push(this.used);
    this.end.push(this.used + written);
    this.used += written;
    this.lines.push(r.source.line);
  }

  private text(i: number): string {
    const block = this.blocks[this.block[i] as number] as Uint8Array;
    return this.decoder.decode(block.subarray(this.start[i], this.end[i]));
  }

  /** The name, profile URL and connection date of row `i`, without making its record. */
  identity(i: number): { name: string; profileUrl: string | null; connectedOn: string | null } {
    const f = fields(this.text(i), FIELDS);
    return { name: f[2] as string, profileUrl: f[3] || null, connectedOn: f[7] || null };
  }

  /** Row `i` as the record the reader made. */
  record(i: number): ConnectionRecord {
    const f = fields(this.text(i), FIELDS);
    const [firstName, lastName, name, url, email, company, position, date] = f as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    return {
      firstName,
      lastName,
      name,
      profileUrl: url === '' ? null : url,
      email: email === '' ? null : email,
      company,
      position,
      connectedOn: date === '' ? null : date,
      source: { file: this.file, line: this.lines[i] as number },
    };
  }
}

/** The file with its people as records, compact or not (for code that needs them all at once). */
export function withRecords(file: ConnectionsFile): ConnectionsFile {
  const compact = file.compact;
  if (compact === undefined) return file;
  const records: ConnectionRecord[] = [];
  for (let i = 0; i < compact.length; i++) records.push(compact.record(i));
  const { compact: _, ...rest } = file;
  return { ...rest, records };
}

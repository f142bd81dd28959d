/**
 * Bytes → text for LinkedIn export files, whole or chunk by chunk.
 *
 * Raw exports are UTF-8 without a BOM, but files people re-save in Excel come back as
 * UTF-8 with a BOM, as UTF-16LE (with BOM, tab-separated), or as Windows-1252 when a
 * Danish or German Excel saved them. We decode by BOM first, then as UTF-8. A file that is
 * UTF-8 except for a few bad bytes (a stray 0xFF, a download cut inside a character) stays
 * UTF-8: the bad bytes become U+FFFD and are counted, so the rows holding them can be
 * reported and skipped. Only a file with bad bytes and no valid multi-byte UTF-8 at all is
 * Windows-1252; reading one bad byte as a reason to re-decode the whole file once garbled
 * 746 names out of 3,716 and recorded hundreds of false job changes.
 */
import { decodeWindows1252 } from './windows-1252';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodeFacts {
  encoding: TextEncodingName;
  /** Invalid UTF-8 sequences, each decoded as U+FFFD; 0 for a clean file. */
  invalidSequences: number;
  /** The bytes end inside a multi-byte character: the file was cut short. */
  cutShort: boolean;
}

export interface DecodedText extends DecodeFacts {
  text: string;
}

const REPLACEMENT = '\uFFFD';
/** Any character outside ASCII other than U+FFFD: proof of a valid multi-byte sequence. */
// eslint-disable-next-line no-control-regex -- the range starts at NUL because NUL is ASCII
const MULTIBYTE = /[^\u0000-\u007f\uFFFD]/;

/** How many bytes a UTF-8 sequence starting with `lead` has (0: not a lead byte). */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** True when `tail` (the last bytes of a file) stops inside a multi-byte sequence. */
function endsInsideSequence(tail: Uint8Array): boolean {
  for (let i = tail.length - 1; i >= 0 && i >= tail.length - 3; i--) {
    const b = tail[i] as number;
    if (b < 0x80) return false;
    if (b >= 0xc0) return tail.length - i < sequenceLength(b);
  }
  return false;
}

/**
 * U+FFFD written in the file as such (EF BF BD), as opposed to one standing for bad bytes,
 * counting those that end in `bytes`; `before` is the end of the previous chunk (≤ 2 bytes).
 */
function countLiteralReplacements(before: Uint8Array, bytes: Uint8Array): number {
  const all = before.length > 0 ? concat(before, bytes) : bytes;
  let n = 0;
  for (let i = all.indexOf(0xef); i !== -1 && i + 2 < all.length; i = all.indexOf(0xef, i + 1)) {
    if (all[i + 1] === 0xbf && all[i + 2] === 0xbd) n++;
  }
  return n;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i !== -1; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

type Mode = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Decodes a file chunk by chunk, so a 100 MB export never exists as one string. After
 * {@link end}, {@link facts} says what was found; when {@link wantsWindows1252} is true
 * the caller decodes the bytes again with `new StreamingTextDecoder('windows-1252')`.
 */
export class StreamingTextDecoder {
  private mode: Mode | null = null;
  private decoder: TextDecoder | null = null;
  private pending: Uint8Array | null = null;
  private tail = new Uint8Array(0);
  private sawMultibyte = false;
  readonly facts: DecodeFacts = { encoding: 'utf-8', invalidSequences: 0, cutShort: false };

  constructor(private readonly forced?: 'windows-1252') {}

  /** True after {@link end} when the bytes had invalid UTF-8 and no valid multi-byte character. */
  get wantsWindows1252(): boolean {
    // A lead byte cut off at the very end is a download cut short, not a sign of Windows-1252.
    const invalid = this.facts.invalidSequences - (this.facts.cutShort ? 1 : 0);
    return this.mode === 'utf-8' && invalid > 0 && !this.sawMultibyte;
  }

  push(chunk: Uint8Array): string {
    let bytes = chunk;
    if (this.mode === null) {
      // The BOM is up to 3 bytes: wait for them (a first chunk is almost never that short).
      bytes = this.pending ? concat(this.pending, chunk) : chunk;
      if (bytes.length < 3) {
        this.pending = bytes;
        return '';
      }
      this.pending = null;
      bytes = this.start(bytes);
    }
    return this.decode(bytes, false);
  }

  end(): string {
    if (this.mode === null) {
      const bytes = this.start(this.pending ?? new Uint8Array(0));
      this.pending = null;
      return this.decode(bytes, true);
    }
    return this.decode(new Uint8Array(0), true);
  }

  /** Picks the encoding from the first bytes; returns them without the BOM. */
  private start(bytes: Uint8Array): Uint8Array {
    if (this.forced === 'windows-1252') {
      this.mode = 'windows-1252';
      this.facts.encoding = 'windows-1252';
      return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return this.use('utf-16le', 'utf-16le', bytes.subarray(2));
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return this.use('utf-16be', 'utf-16be', bytes.subarray(2));
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
      return this.use('utf-8', 'utf-8-bom', bytes.subarray(3));
    return this.use('utf-8', 'utf-8', bytes);
  }

  private use(mode: Mode, encoding: TextEncodingName, rest: Uint8Array): Uint8Array {
    this.mode = mode;
    this.facts.encoding = encoding;
    // ignoreBOM: true because we strip it ourselves and want to keep a second, stray one visible.
    if (mode !== 'windows-1252') this.decoder = new TextDecoder(mode, { fatal: false, ignoreBOM: true });
    return rest;
  }

  private decode(bytes: Uint8Array, last: boolean): string {
    if (this.mode === 'windows-1252') return decodeWindows1252(bytes);
    const decoder = this.decoder as TextDecoder;
    const text = last ? decoder.decode(bytes) : decoder.decode(bytes, { stream: true });
    if (this.mode !== 'utf-8') return text;
    const previous = this.tail.slice(-2);
    if (bytes.length > 0) this.tail = (bytes.length >= 3 ? bytes : concat(this.tail, bytes)).slice(-3);
    if (!this.sawMultibyte && MULTIBYTE.test(text)) this.sawMultibyte = true;
    if (text.includes(REPLACEMENT)) {
      const literal = countLiteralReplacements(previous, bytes);
      this.facts.invalidSequences += Math.max(0, countChar(text, REPLACEMENT) - literal);
    }
    if (last && endsInsideSequence(this.tail)) this.facts.cutShort = true;
    return text;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Decodes a whole file by the rules above. */
export function decodeText(bytes: Uint8Array): DecodedText {
  let decoder = new StreamingTextDecoder();
  let text = decoder.push(bytes) + decoder.end();
  if (decoder.wantsWindows1252) {
    decoder = new StreamingTextDecoder('windows-1252');
    text = decoder.push(bytes) + decoder.end();
  }
  return { text, ...decoder.facts };
}

/**
 * vCard bytes → cards of properties, for every version real exporters write (2.1, 3.0, 4.0).
 *
 * We evaluated ical.js (which parses vCard 3.0/4.0 and iCalendar) on the staged real
 * exports: it rejects Apple's Mac Address Book file (`PHOTO;BASE64:`, a parameter with no
 * value) and Outlook's and Android's 2.1 files (QUOTED-PRINTABLE soft line breaks, whose
 * continuation lines start without a space), two of the four big exporters. A pre-pass that
 * rewrote those into 3.0 would be a tokenizer of its own, so the vCard side has this small
 * one, property-tested, and ical.js is used where it is strong: calendars.
 *
 * What it handles, each seen in a real export (see docs/ARCHITECTURE.md, "Address books"):
 * CRLF, LF, CR CR LF and mixed line ends; folding with one space or tab; 2.1
 * QUOTED-PRINTABLE with `=` soft breaks and CHARSET; bare 2.1 parameters (`TEL;WORK;VOICE`,
 * `PHOTO;BASE64`); quoted parameter values; `itemN.` groups; files that are not UTF-8.
 * Base64 photos and keys are skipped without being decoded or kept.
 */
import { decodeWindows1252 } from '../../text/windows-1252';

export interface VProperty {
  /** `item1` for `item1.EMAIL`, '' without a group. */
  group: string;
  /** Upper-case property name (`EMAIL`, `X-ABLABEL`). */
  name: string;
  /** Upper-case parameter names → values (bare 2.1 parameters are filed under TYPE). */
  params: ReadonlyMap<string, readonly string[]>;
  /** The value, transfer-decoded (QUOTED-PRINTABLE, CHARSET) but with vCard escapes still in. */
  value: string;
  /** 1-based physical line where the property starts. */
  line: number;
}

export interface VCard {
  /** Line of `BEGIN:VCARD`. */
  line: number;
  version: string;
  props: VProperty[];
  /** The line of a value holding bytes that are not UTF-8 in a file that otherwise is (the card is skipped). */
  badBytes?: number;
}

export interface VCardFile {
  cards: VCard[];
  /** Lines outside any card, cards never closed and the like: what we could not read, and where. */
  problems: { line: number; reason: string }[];
  /** Number of base64 photos, keys and sounds skipped. */
  skippedBinary: number;
}

/** Parameters 2.1 writes without a name (`TEL;WORK;VOICE`): they are all types except these. */
const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

interface Physical {
  text: string;
  line: number;
}

/** Splits on any line end (CRLF, LF, CR, and the CR CR LF iPhone exports carry). */
function physicalLines(text: string): Physical[] {
  const out: Physical[] = [];
  const re = /\r*\n|\r/g;
  let start = 0;
  let line = 1;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push({ text: text.slice(start, m.index), line });
    start = m.index + m[0].length;
    line++;
  }
  if (start < text.length) out.push({ text: text.slice(start), line });
  return out;
}

/** Splits `NAME;P=V;P="a;b":value` at the first colon outside quotes. */
function splitNameAndValue(logical: string): { head: string; value: string } | null {
  let quoted = false;
  for (let i = 0; i < logical.length; i++) {
    const ch = logical[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ':' && !quoted) return { head: logical.slice(0, i), value: logical.slice(i + 1) };
  }
  return null;
}

function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === sep && !quoted) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function unquote(v: string): string {
  return v.length >= 2 && v.startsWith('"') && v.endsWith('"') ? v.slice(1, -1) : v;
}

function parseHead(head: string): { group: string; name: string; params: Map<string, string[]> } {
  const [nameWithGroup = '', ...rawParams] = splitOutsideQuotes(head, ';');
  const dot = nameWithGroup.lastIndexOf('.');
  const group = dot === -1 ? '' : nameWithGroup.slice(0, dot).trim();
  const name = (dot === -1 ? nameWithGroup : nameWithGroup.slice(dot + 1)).trim().toUpperCase();
  const params = new Map<string, string[]>();
  const add = (k: string, v: string) => {
    const list = params.get(k);
    if (list) list.push(v);
    else params.set(k, [v]);
  };
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    if (eq === -1) {
      const bare = raw.trim().toUpperCase();
      if (bare === '') continue;
      if (ENCODINGS.has(bare)) add('ENCODING', bare);
      else add('TYPE', bare);
      continue;
    }
    const key = raw.slice(0, eq).trim().toUpperCase();
    // `TYPE=HOME,WORK` and `TYPE="home,work"` are lists; every other value is one string.
    const values = key === 'TYPE' ? splitOutsideQuotes(raw.slice(eq + 1), ',') : [raw.slice(eq + 1)];
    for (const v of values) add(key, key === 'TYPE' ? unquote(v.trim()).toUpperCase() : unquote(v.trim()));
  }
  return { group, name, params };
}

function firstParam(params: ReadonlyMap<string, readonly string[]>, key: string): string {
  return (params.get(key)?.[0] ?? '').toUpperCase();
}

/** QUOTED-PRINTABLE → bytes (`=C3=91` → 0xC3 0x91; soft breaks were joined before). */
function decodeQuotedPrintable(value: string): Uint8Array {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch === 0x3d /* = */ && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch < 0x100) bytes.push(ch);
    else for (const b of new TextEncoder().encode(value[i])) bytes.push(b);
  }
  return Uint8Array.from(bytes);
}

/** Labels Windows-1252 decodes exactly (ASCII is a subset; browsers read Latin-1 as 1252). */
const WESTERN = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'l1', 'us-ascii', 'ascii']);

function decodeBytes(bytes: Uint8Array, charset: string, fallback: 'utf-8' | 'windows-1252'): string {
  const label = charset === '' ? fallback : charset.toLowerCase();
  // Decoded by hand: TextDecoder's Windows-1252 needs full ICU, which some WebViews lack.
  if (WESTERN.has(label)) return decodeWindows1252(bytes);
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    // An unknown label, or bytes that are not in that charset: UTF-8 if they are valid, else
    // Windows-1252, which maps every byte, so nothing is ever dropped.
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return decodeWindows1252(bytes);
    }
  }
}

/** The bytes of a string that holds one byte per character (the binary reading of the file). */
function binaryBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

function binaryString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192)
    out += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
  return out;
}

/**
 * `binary`: the file is not valid UTF-8 and is read one byte per character. `utf8` says
 * whether it holds valid multi-byte UTF-8 anyway: then it is a UTF-8 file with a few bad
 * bytes (a value holding them is unreadable, and its card is skipped), else an 8-bit file
 * (Latin-1, or the CHARSET of each value), as LinkedIn's reader decides (core/text/decode.ts).
 */
type Reading = { mode: 'unicode'; text: string } | { mode: 'binary'; text: string; utf8: boolean };

/** A valid UTF-8 multi-byte sequence, in the one-byte-per-character reading. */
const UTF8_SEQUENCE = /[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}/;

/**
 * UTF-8 files (nearly all) are read as text. A file that is not valid UTF-8 (an old
 * Outlook or XING export in ISO-8859-1, a Russian phone's windows-1251) is read one byte
 * per character, and each value is then decoded with its own CHARSET, else Windows-1252.
 */
function readBytes(input: Uint8Array | string): Reading {
  if (typeof input === 'string') return { mode: 'unicode', text: input.replace(/^\uFEFF/, '') };
  if (input[0] === 0xff && input[1] === 0xfe)
    return { mode: 'unicode', text: new TextDecoder('utf-16le').decode(input.subarray(2)) };
  if (input[0] === 0xfe && input[1] === 0xff)
    return { mode: 'unicode', text: new TextDecoder('utf-16be').decode(input.subarray(2)) };
  const body = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf ? input.subarray(3) : input;
  try {
    return { mode: 'unicode', text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    const text = binaryString(body);
    return { mode: 'binary', text, utf8: UTF8_SEQUENCE.test(text) };
  }
}

/** The value as text, or null when it holds bytes that are not UTF-8 in a UTF-8 file. */
function decodeValue(raw: string, params: ReadonlyMap<string, readonly string[]>, reading: Reading): string | null {
  const qp = firstParam(params, 'ENCODING') === 'QUOTED-PRINTABLE';
  const charset = firstParam(params, 'CHARSET');
  if (qp) return decodeBytes(decodeQuotedPrintable(raw), charset, reading.mode === 'binary' ? 'windows-1252' : 'utf-8');
  if (reading.mode === 'unicode') return raw;
  if (charset !== '' || !reading.utf8) return decodeBytes(binaryBytes(raw), charset, 'windows-1252');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(binaryBytes(raw));
  } catch {
    return null;
  }
}

/** Reads every card of a .vcf file. Never throws: what it cannot read is listed in `problems`. */
export function readVCardFile(input: Uint8Array | string): VCardFile {
  const reading = readBytes(input);
  const lines = physicalLines(reading.text);
  const result: VCardFile = { cards: [], problems: [], skippedBinary: 0 };
  let card: VCard | null = null;
  let i = 0;
  while (i < lines.length) {
    const first = lines[i] as Physical;
    i++;
    if (first.text.trim() === '') continue;
    // Unfold: a following line that starts with a space or a tab continues this one.
    let logical = first.text;
    while (i < lines.length && /^[ \t]/.test((lines[i] as Physical).text)) {
      logical += (lines[i] as Physical).text.slice(1);
      i++;
    }
    const split = splitNameAndValue(logical);
    if (split === null) {
      result.problems.push({
        line: first.line,
        reason: card ? `not a vCard property (no ":"): ${preview(logical)}` : `outside any card: ${preview(logical)}`,
      });
      continue;
    }
    const head = parseHead(split.head);
    let value = split.value;
    if (firstParam(head.params, 'ENCODING') === 'QUOTED-PRINTABLE') {
      // A soft line break: `=` at the end, the value goes on at the start of the next line.
      while (value.endsWith('=') && i < lines.length) {
        value = value.slice(0, -1) + (lines[i] as Physical).text;
        i++;
      }
    }
    if (head.name === 'BEGIN' && value.trim().toUpperCase() === 'VCARD') {
      if (card) result.problems.push({ line: card.line, reason: 'card not closed with END:VCARD before the next one' });
      card = { line: first.line, version: '', props: [] };
      result.cards.push(card);
      continue;
    }
    if (card === null) {
      result.problems.push({ line: first.line, reason: `outside any card: ${preview(logical)}` });
      continue;
    }
    if (head.name === 'END' && value.trim().toUpperCase() === 'VCARD') {
      card = null;
      continue;
    }
    if (BINARY.has(head.name) && !/^(?:https?|data):/i.test(value.trim())) {
      // Outlook's 2.1 base64 runs until a blank line, with continuation lines not indented.
      result.skippedBinary++;
      if (
        value !== '' ||
        firstParam(head.params, 'ENCODING') === 'BASE64' ||
        firstParam(head.params, 'ENCODING') === 'B'
      ) {
        while (
          i < lines.length &&
          /^[A-Za-z0-9+/=]+$/.test((lines[i] as Physical).text.trim()) &&
          !/^[A-Z-]+[:;]/.test((lines[i] as Physical).text)
        )
          i++;
      }
      continue;
    }
    if (head.name === 'VERSION') card.version = value.trim();
    const decoded = decodeValue(value, head.params, reading);
    if (decoded === null) {
      card.badBytes ??= first.line;
      continue;
    }
    card.props.push({ group: head.group, name: head.name, params: head.params, value: decoded, line: first.line });
  }
  if (card) result.problems.push({ line: card.line, reason: 'card not closed with END:VCARD at the end of the file' });
  return result;
}

function preview(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * Note file names that are safe on every platform Obsidian runs on and in Obsidian links.
 *
 * - Characters Windows, macOS, iOS or Android refuse, or that break a `[[link]]`
 *   (`\ / : * ? " < > | # ^ [ ]`), and control/bidi-override characters become spaces.
 * - No leading dot (hidden file), no trailing dot or space (Windows drops them), no
 *   reserved device names (`CON`, `NUL`, `COM1`…), NFC, at most 120 UTF-8 bytes.
 * - Collisions are case-insensitive because macOS and Windows file systems are.
 * - The result never contains a slash, so no CSV value can place a file outside the folder.
 */
import { profileSlug } from '../identity/profile-url';
import { nfc } from '../text/nfc';
import { nameForFile } from './name-cleanup';

// eslint-disable-next-line no-control-regex -- control characters are exactly what must not reach a file name
const FORBIDDEN = /[\\/:*?"<>|#^[\]\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i;
export const MAX_NAME_BYTES = 120;
const MAX_COMPANY_BYTES = 40;

function utf8Length(value: string): number {
  let n = 0;
  for (const ch of value) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Cuts at a code point boundary so a name never ends in half an emoji. */
function truncateBytes(value: string, maxBytes: number): string {
  if (utf8Length(value) <= maxBytes) return value;
  let out = '';
  let bytes = 0;
  for (const ch of value) {
    const len = utf8Length(ch);
    if (bytes + len > maxBytes) break;
    out += ch;
    bytes += len;
  }
  return out;
}

function tidy(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
}

/** A safe file base name (no extension), or '' when nothing usable is left. */
export function sanitizeFileName(raw: string, maxBytes = MAX_NAME_BYTES): string {
  const cleaned = tidy(nfc(raw).replace(FORBIDDEN, ' '));
  let name = tidy(truncateBytes(cleaned, maxBytes));
  if (RESERVED.test(name)) name = `${name} (person)`;
  return name;
}

export interface NameParts {
  first: string;
  last: string;
  name: string;
  company: string;
}

const PLACEHOLDER = /\{(first|last|name|company)\}/g;
const compiled = new Map<string, (parts: NameParts) => string>();

/**
 * Fills `{first}`, `{last}`, `{name}` and `{company}` in the user's file-name format.
 * The format is compiled once into literal and field pieces: this runs for every row.
 */
export function formatFileName(format: string, parts: NameParts): string {
  let fill = compiled.get(format);
  if (!fill) {
    const pieces: string[] = [];
    const literal: boolean[] = [];
    let last = 0;
    for (const m of format.matchAll(PLACEHOLDER)) {
      pieces.push(format.slice(last, m.index), m[1] as string);
      literal.push(true, false);
      last = (m.index ?? 0) + m[0].length;
    }
    pieces.push(format.slice(last));
    literal.push(true);
    fill = (p) => {
      let out = '';
      for (let i = 0; i < pieces.length; i++) {
        const piece = pieces[i] as string;
        out += literal[i] ? piece : p[piece as keyof NameParts];
      }
      return out;
    };
    if (compiled.size < 50) compiled.set(format, fill);
  }
  return fill(parts);
}

/** The name parts as they read in a file name: without credentials, bracketed pronouns or dangling punctuation. */
export function fileNameParts(parts: NameParts, format = '{first}{last}{name}'): NameParts {
  // Only the parts the format uses: this runs for every new note.
  return {
    first: format.includes('{first}') ? nameForFile(parts.first) : parts.first,
    last: format.includes('{last}') ? nameForFile(parts.last) : parts.last,
    name: format.includes('{name}') ? nameForFile(parts.name, 2) : parts.name,
    company: parts.company,
  };
}

/**
 * The base name for a person: the formatted name (cleaned, see notes/name-cleanup.ts),
 * else the profile slug, else a placeholder.
 */
export function personBaseName(format: string, parts: NameParts, profileUrl: string | null): string {
  const fromName = sanitizeFileName(formatFileName(format, fileNameParts(parts, format)));
  if (fromName !== '' && parts.name !== '') return fromName;
  const fromSlug = profileUrl ? sanitizeFileName(profileSlug(profileUrl)) : '';
  return fromSlug !== '' ? fromSlug : 'Unnamed connection';
}

export function pathKey(path: string): string {
  return nfc(path).toLowerCase();
}

export function joinPath(folder: string, baseName: string): string {
  return folder === '' ? `${baseName}.md` : `${folder}/${baseName}.md`;
}

/**
 * Hands out free paths for new notes, so people who share a name each get their own: the
 * first gets the bare name (`Jane Doe`), the next ones their company (`Jane Doe (Acme)`),
 * and when that is taken too, a number after it (`Jane Doe (Acme) 2`), or after the bare
 * name when the company is unknown (`Jane Doe 2`, `Jane Doe 3`…). Comparison is
 * case-insensitive (macOS and Windows file systems are), against existing files and paths
 * already handed out. Existing notes are never renamed, so a note keeps its name when
 * someone with the same name joins later: the newcomer takes the next free one.
 */
export class PathClaimer {
  /** The vault's paths as keys, made on the first claim: an import that creates no note needs none. */
  private taken: Set<string> | null = null;
  /** Next number to try per stem, so 500 people called "Wei Wang" cost linear time. */
  private readonly nextNumber = new Map<string, number>();

  constructor(private readonly existingPaths: Iterable<string>) {}

  private tryClaim(folder: string, candidate: string): string | null {
    const path = joinPath(folder, candidate);
    // Folder and candidate are NFC already (normaliseFolder, sanitizeFileName).
    const key = path.toLowerCase();
    if (this.taken === null) {
      this.taken = new Set();
      for (const p of this.existingPaths) this.taken.add(pathKey(p));
    }
    if (this.taken.has(key)) return null;
    this.taken.add(key);
    return path;
  }

  claim(folder: string, baseName: string, company: string): string {
    const plain = this.tryClaim(folder, baseName);
    if (plain) return plain;
    const org = sanitizeFileName(company, MAX_COMPANY_BYTES);
    const stem = org === '' ? baseName : `${baseName} (${org})`;
    if (org !== '') {
      const withOrg = this.tryClaim(folder, stem);
      if (withOrg) return withOrg;
    }
    const counterKey = joinPath(folder, stem).toLowerCase();
    for (let n = this.nextNumber.get(counterKey) ?? 2; ; n++) {
      const numbered = this.tryClaim(folder, `${stem} ${n}`);
      if (numbered) {
        this.nextNumber.set(counterKey, n + 1);
        return numbered;
      }
    }
  }
}

/**
 * Cleans a folder setting: forward slashes, no empty, `.` or `..` segments, no leading or
 * trailing slash. Returns null for a value that would leave the vault.
 */
export function normaliseFolder(raw: string): string | null {
  const segments = nfc(raw)
    .replace(/\\/g, '/')
    .split('/')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;
  return segments.join('/');
}

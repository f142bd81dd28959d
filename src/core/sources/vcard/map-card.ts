/**
 * vCard properties → an {@link AddressBookContact}: the mapping is ours (see content-lines.ts
 * for why the tokenizer is too).
 *
 * Name: FN, else N's given + family names, else nothing (an e-mail-only card still matches
 * by e-mail). ORG is `Company;Department;Unit`: the company is the first component, escapes
 * (`ABC\, Inc.`) undone. A LinkedIn profile is looked for in every URL (grouped or not, any
 * label) and in X-SOCIALPROFILE, as a URL or as a bare handle (Nextcloud writes those).
 * Every property we do not map is counted by name in `ignored`.
 */
import { normaliseEmail } from '../../identity/email';
import { fullName } from '../../identity/person-name';
import { normaliseProfileUrl } from '../../identity/profile-url';
import { parseBirthday } from '../birthday';
import {
  addUnique,
  countIgnored,
  emptyContact,
  isIdentifiable,
  type AddressBookFile,
  type AddressBookContact,
} from '../contact';
import { readVCardFile, type VCard, type VProperty } from './content-lines';

/** Undoes vCard text escapes, `\:` included (Apple and Google escape the colon of URLs). */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;:"nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * vCard 2.1 knows one escape, `\;` inside structured values; its text values are taken as
 * written (a 2.1 note with a backslash keeps it). 3.0 and 4.0 escape `\\ \, \; \n`.
 */
function unescapersFor(version: string): { text: (v: string) => string; part: (v: string) => string } {
  if (version !== '2.1') return { text: unescapeText, part: unescapeText };
  return { text: (v) => v, part: (v) => v.replace(/\\;/g, ';') };
}

/** Splits a structured value (N, ORG, ADR) on `;` that are not escaped, then unescapes each part. */
export function structured(value: string, unescape: (value: string) => string = unescapeText): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '\\' && i + 1 < value.length) {
      current += ch + (value[i + 1] as string);
      i++;
    } else if (ch === ';') {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => unescape(p).trim());
}

/** Properties that only describe the card itself, not the person: never worth a mention. */
const HOUSEKEEPING = new Set([
  'VERSION',
  'PRODID',
  'UID',
  'REV',
  'X-ABUID',
  'X-ABLABEL',
  'CATEGORIES',
  'X-MS-OL-DEFAULT-POSTAL-ADDRESS',
  'X-MS-OL-DESIGN',
  'SORT-STRING',
  'KIND',
  'CLIENTPIDMAP',
]);

export function linkedInFromSocial(prop: VProperty, value: string): string | null {
  const direct = normaliseProfileUrl(value);
  if (direct !== null) return direct;
  const types = prop.params.get('TYPE') ?? [];
  if (!types.includes('LINKEDIN')) return null;
  const handle = (prop.params.get('X-USER')?.[0] ?? value).trim().replace(/^@/, '');
  return /^[\p{L}\p{N}_-]+$/u.test(handle) ? normaliseProfileUrl(`https://www.linkedin.com/in/${handle}`) : null;
}

function mapCard(card: VCard, file: string, out: AddressBookFile): void {
  const c: AddressBookContact = emptyContact({ file, line: card.line });
  let fn = '';
  let given = '';
  let family = '';
  const notes: string[] = [];
  const unescape = unescapersFor(card.version);
  for (const prop of card.props) {
    const text = () => unescape.text(prop.value).trim();
    switch (prop.name) {
      case 'FN':
        if (fn === '') fn = fullName(text(), '');
        break;
      case 'N': {
        const [f = '', g = '', additional = ''] = structured(prop.value, unescape.part);
        if (given === '' && family === '') {
          family = f;
          given = fullName(g, additional);
        }
        break;
      }
      case 'EMAIL':
        addUnique(c.emails, normaliseEmail(text()));
        break;
      case 'TEL':
        addUnique(c.phones, text().replace(/^tel:/i, ''));
        break;
      case 'ORG': {
        // Android can write two ORG lines; the first non-empty one names the company.
        const [company = '', ...units] = structured(prop.value, unescape.part);
        if (c.company === '') c.company = company;
        else countIgnored(out.ignored, 'ORG (second)');
        if (units.some((u) => u !== '')) countIgnored(out.ignored, 'ORG department');
        break;
      }
      case 'TITLE':
        if (c.position === '') c.position = text();
        break;
      case 'BDAY': {
        const omit = Number(prop.params.get('X-APPLE-OMIT-YEAR')?.[0] ?? NaN);
        const parsed = parseBirthday(text(), { omitYear: Number.isFinite(omit) ? omit : null });
        if (parsed.problem) out.warnings.push({ file, line: prop.line, reason: parsed.problem });
        else if (c.birthday === null) c.birthday = parsed.value;
        break;
      }
      case 'URL':
      case 'X-SOCIALPROFILE': {
        const url = prop.name === 'URL' ? normaliseProfileUrl(text()) : linkedInFromSocial(prop, text());
        if (url !== null && c.linkedin === null) c.linkedin = url;
        else countIgnored(out.ignored, prop.name === 'URL' ? 'URL (not LinkedIn)' : 'X-SOCIALPROFILE (not LinkedIn)');
        break;
      }
      case 'NOTE':
        if (text() !== '') notes.push(text());
        break;
      default:
        if (!HOUSEKEEPING.has(prop.name)) countIgnored(out.ignored, prop.name);
    }
  }
  c.first = given;
  c.last = family;
  c.name = fn !== '' ? fn : fullName(given, family);
  c.notes = notes.join('\n\n').replace(/\r\n?/g, '\n');
  if (!isIdentifiable(c)) {
    out.skipped.push({ file, line: card.line, reason: 'the card has no name, e-mail or LinkedIn profile' });
    return;
  }
  out.contacts.push(c);
}

/** Reads a .vcf file (bytes, or text in tests) into contacts. */
export const VCARD_BAD_BYTES =
  'holds bytes that are not valid UTF-8 (the rest of the file is UTF-8); card skipped. Export the address book again, or save the file as UTF-8';

export function readVCardContacts(input: Uint8Array | string, file: string): AddressBookFile {
  const parsed = readVCardFile(input);
  const out: AddressBookFile = { file, format: 'vcard', contacts: [], skipped: [], warnings: [], ignored: {} };
  for (const p of parsed.problems) out.warnings.push({ file, line: p.line, reason: p.reason });
  if (parsed.skippedBinary > 0) out.ignored['PHOTO/KEY (binary, not copied)'] = parsed.skippedBinary;
  for (const card of parsed.cards) {
    // A garbled name or address could match the wrong note: the card is left out, and said so.
    if (card.badBytes !== undefined) out.skipped.push({ file, line: card.badBytes, reason: VCARD_BAD_BYTES });
    else mapCard(card, file, out);
  }
  return out;
}

/**
 * E-mail addresses as an identity: every source (LinkedIn's `email` column, an address
 * book's cards, a calendar's attendees) and every note (`email`, `emails`) is compared
 * through this one normaliser, so `Jane.Doe@Example.COM`, `mailto:jane.doe@example.com` and
 * `<jane.doe@example.com>` are the same person and anything that is not an address is none.
 */
import { coerceText } from '../people/coerce';

/** `Jane.Doe@Example.COM ` → `jane.doe@example.com`; '' for something that is not an address. */
export function normaliseEmail(raw: string): string {
  const v = raw
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+$/.test(v) ? v : '';
}

/** Every address in a frontmatter value: a string (comma, semicolon or space separated) or a list. */
export function emailsIn(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,;\s]+/) : [];
  const out: string[] = [];
  for (const v of raw) {
    const e = normaliseEmail(coerceText(v));
    if (e !== '' && !out.includes(e)) out.push(e);
  }
  return out;
}

/** The normalised, de-duplicated addresses of a list (what an identity holds). */
export function emailKeys(emails: readonly string[] | undefined): string[] {
  if (!emails || emails.length === 0) return [];
  const out: string[] = [];
  for (const e of emails) {
    const k = normaliseEmail(e);
    if (k !== '' && !out.includes(k)) out.push(k);
  }
  return out;
}

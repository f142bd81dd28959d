/**
 * Builders for address-book test data: vCards in any version with the quirks real
 * exporters have (folding at any point, QUOTED-PRINTABLE with soft breaks, CRLF or LF),
 * and Google/Outlook CSV rows keyed by header name.
 */
export type Eol = '\r\n' | '\n';

/** Folds a content line at `width` characters (RFC: 75 octets), continuation lines start with a space. */
export function fold(line: string, width = 75, indent = ' '): string[] {
  if (line.length <= width) return [line];
  const out = [line.slice(0, width)];
  for (let i = width; i < line.length; i += width - 1) out.push(indent + line.slice(i, i + width - 1));
  return out;
}

export { quotedPrintable } from '../../scripts/lib/synthetic-address-book';

export interface CardOptions {
  version?: '2.1' | '3.0' | '4.0';
  eol?: Eol;
  foldAt?: number;
}

/** A vCard from content lines (without BEGIN/END/VERSION); long lines are folded. */
export function vcard(lines: readonly string[], options: CardOptions = {}): string {
  const eol = options.eol ?? '\r\n';
  const all = ['BEGIN:VCARD', `VERSION:${options.version ?? '3.0'}`, ...lines, 'END:VCARD'];
  return (
    all.flatMap((l) => (l.includes(':') && !l.startsWith(' ') ? fold(l, options.foldAt ?? 75) : [l])).join(eol) + eol
  );
}

/** A CSV row from a header and a record keyed by header name (missing cells empty), RFC 4180 quoted. */
export function csvRow(header: readonly string[], values: Record<string, string>): string {
  return header
    .map((h) => {
      const v = values[h] ?? '';
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

export const OUTLOOK_HEADER = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Title',
  'Suffix',
  'Web Page',
  'Birthday',
  'Anniversary',
  'Notes',
  'E-mail Address',
  'E-mail 2 Address',
  'E-mail 3 Address',
  'Primary Phone',
  'Home Phone',
  'Home Phone 2',
  'Mobile Phone',
  'Pager',
  'Home Fax',
  'Home Address',
  'Company',
  'Job Title',
  'Department',
  'Business Phone',
  'Business Address',
  'Categories',
];

/** The current Google Contacts CSV header (the generator's). */
export { GOOGLE_HEADER as GOOGLE_CURRENT_HEADER } from '../../scripts/lib/synthetic-address-book';

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

/** QUOTED-PRINTABLE of UTF-8 (or the given byte encoder), with `=` soft breaks every `width` characters. */
export function quotedPrintable(
  value: string,
  width = 70,
  bytes: (s: string) => Uint8Array = (s) => new TextEncoder().encode(s),
): string[] {
  let encoded = '';
  for (const b of bytes(value)) {
    const ch = String.fromCharCode(b);
    encoded += b >= 33 && b <= 126 && ch !== '=' ? ch : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  const lines: string[] = [];
  let i = 0;
  while (encoded.length - i > width) {
    let cut = i + width;
    // Never split an =XX escape.
    const eq = encoded.lastIndexOf('=', cut);
    if (eq > cut - 3 && eq >= i) cut = eq;
    lines.push(`${encoded.slice(i, cut)}=`);
    i = cut;
  }
  lines.push(encoded.slice(i));
  return lines;
}

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

export const GOOGLE_CURRENT_HEADER = [
  'First Name',
  'Middle Name',
  'Last Name',
  'File As',
  'Organization Name',
  'Organization Title',
  'Organization Department',
  'Birthday',
  'Notes',
  'Labels',
  'E-mail 1 - Label',
  'E-mail 1 - Value',
  'E-mail 2 - Label',
  'E-mail 2 - Value',
  'Phone 1 - Label',
  'Phone 1 - Value',
  'Website 1 - Label',
  'Website 1 - Value',
];

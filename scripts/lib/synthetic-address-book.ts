/**
 * Synthetic address books with the quirks of real exports (see
 * ../shared/docs/contacts-calendar-formats.md), for tests, the benchmark and trying the
 * importer on a network-sized vault: vCard as Outlook/Android write it (2.1, QUOTED-PRINTABLE
 * with soft breaks, bare parameters), as Apple writes it (3.0, `itemN.` groups with
 * X-ABLabel, `\:` in URLs, `X-APPLE-OMIT-YEAR`, base64 photos), as Google writes it (3.0,
 * folded at 75), as Nextcloud writes it (4.0, X-SOCIALPROFILE handles), and Google CSV
 * (current header, ` ::: ` multi-values). Real address books are never copied into the
 * repository; this writes the same shapes from invented people.
 */
export interface BookPerson {
  first: string;
  last: string;
  emails: string[];
  phones: string[];
  /** `YYYY-MM-DD`, `--MM-DD` or null. */
  birthday: string | null;
  company: string;
  department?: string;
  title: string;
  /** A LinkedIn slug, or null. */
  linkedin: string | null;
  notes: string;
}

export type VCardFlavour = 'outlook-2.1' | 'apple-3.0' | 'google-3.0' | 'nextcloud-4.0';

function fold(line: string): string[] {
  if (line.length <= 75) return [line];
  const out = [line.slice(0, 75)];
  for (let i = 75; i < line.length; i += 74) out.push(` ${line.slice(i, i + 74)}`);
  return out;
}

function escapeText(v: string): string {
  return v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r?\n/g, '\\n');
}

/**
 * QUOTED-PRINTABLE of UTF-8 (or of the bytes `bytes` gives) with `=` soft breaks every
 * `width` characters; continuation lines are not indented, as Outlook and Android write them.
 */
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
    const eq = encoded.lastIndexOf('=', cut);
    if (eq > cut - 3 && eq >= i) cut = eq;
    lines.push(`${encoded.slice(i, cut)}=`);
    i = cut;
  }
  lines.push(encoded.slice(i));
  return lines;
}

const PHOTO =
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/';

function card(p: BookPerson, flavour: VCardFlavour): string[] {
  const name = `${p.first} ${p.last}`.trim();
  const lines: string[] = ['BEGIN:VCARD'];
  const bday = (b: string) => {
    if (flavour === 'apple-3.0' && b.startsWith('--')) return `BDAY;X-APPLE-OMIT-YEAR=1604:1604${b.slice(1)}`;
    if (flavour === 'outlook-2.1') return b.startsWith('--') ? `BDAY:${b}` : `BDAY:${b.replace(/-/g, '')}`;
    if (flavour === 'nextcloud-4.0' && b.startsWith('--')) return `BDAY:--${b.slice(2).replace('-', '')}`;
    return flavour === 'apple-3.0' ? `BDAY;value=date:${b}` : `BDAY:${b}`;
  };
  // 2.1 escapes only `;` (inside structured values); 3.0 and 4.0 escape `\ , ; newline`.
  const esc = flavour === 'outlook-2.1' ? (v: string) => v.replace(/;/g, '\\;') : escapeText;
  const org = [p.company, p.department ?? '']
    .filter((x, i) => i === 0 || x !== '')
    .map(esc)
    .join(';');
  if (flavour === 'outlook-2.1') {
    lines.push('VERSION:2.1');
    lines.push(
      `N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable(`${esc(p.last)};${esc(p.first)};;;`).join('\r\n')}`,
    );
    lines.push(`FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable(name).join('\r\n')}`);
    if (p.company) lines.push(`ORG:${org}`);
    if (p.title) lines.push(`TITLE:${p.title}`);
    p.emails.forEach((e, i) => lines.push(`EMAIL;${i === 0 ? 'PREF;' : ''}INTERNET:${e}`));
    p.phones.forEach((t, i) => lines.push(`TEL;${i === 0 ? 'CELL' : 'WORK'};VOICE:${t}`));
    if (p.birthday) lines.push(bday(p.birthday));
    if (p.linkedin) lines.push(`URL;WORK:https://www.linkedin.com/in/${p.linkedin}`);
    if (p.notes)
      lines.push(
        `NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:${quotedPrintable(p.notes.replace(/\n/g, '\r\n')).join('\r\n')}`,
      );
    lines.push(
      'PHOTO;TYPE=JPEG;ENCODING=BASE64:',
      ' /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8U',
      '',
    );
  } else {
    lines.push(flavour === 'nextcloud-4.0' ? 'VERSION:4.0' : 'VERSION:3.0');
    if (flavour === 'apple-3.0') lines.push('PRODID:-//Apple Inc.//iOS 17.0//EN');
    lines.push(`N:${escapeText(p.last)};${escapeText(p.first)};;;`, `FN:${escapeText(name)}`);
    if (p.company) lines.push(`ORG:${org}`);
    if (p.title) lines.push(`TITLE:${escapeText(p.title)}`);
    p.emails.forEach((e, i) =>
      lines.push(
        flavour === 'apple-3.0'
          ? `item${i + 1}.EMAIL;type=INTERNET${i === 0 ? ';type=pref' : ''}:${e}`
          : `EMAIL;TYPE=INTERNET;TYPE=${i === 0 ? 'HOME' : 'WORK'}:${e}`,
      ),
    );
    if (flavour === 'apple-3.0')
      p.emails.forEach((_, i) => lines.push(`item${i + 1}.X-ABLabel:${i === 0 ? '_$!<Home>!$_' : 'custom'}`));
    p.phones.forEach((t) =>
      lines.push(flavour === 'nextcloud-4.0' ? `TEL;VALUE=uri;TYPE=cell:tel:${t}` : `TEL;TYPE=CELL:${t}`),
    );
    if (p.birthday) lines.push(bday(p.birthday));
    if (p.linkedin) {
      if (flavour === 'apple-3.0')
        lines.push(`X-SOCIALPROFILE;type=linkedin;x-user=${p.linkedin}:http\\://www.linkedin.com/in/${p.linkedin}`);
      else if (flavour === 'nextcloud-4.0') lines.push(`X-SOCIALPROFILE;TYPE=linkedin:${p.linkedin}`);
      else lines.push(`item9.URL:https\\://www.linkedin.com/in/${p.linkedin}`, 'item9.X-ABLabel:PROFILE');
    }
    if (p.notes) lines.push(`NOTE:${escapeText(p.notes)}`);
    if (flavour === 'apple-3.0') lines.push(PHOTO);
    if (flavour === 'google-3.0') lines.push('CATEGORIES:myContacts');
  }
  lines.push('END:VCARD');
  return lines;
}

/** A .vcf file of these people; `eol` LF for Nextcloud, CRLF elsewhere unless given. */
export function vcardFile(people: readonly BookPerson[], flavour: VCardFlavour, eol?: '\r\n' | '\n'): string {
  const end = eol ?? (flavour === 'nextcloud-4.0' ? '\n' : '\r\n');
  // 2.1 QP lines must not be folded again; others fold at 75 as Google and Apple do.
  const lines = people.flatMap((p) => card(p, flavour));
  const out = flavour === 'outlook-2.1' ? lines.flatMap((l) => l.split('\r\n')) : lines.flatMap(fold);
  return out.join(end) + end;
}

export const GOOGLE_HEADER = [
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
  'Phone 1 - Label',
  'Phone 1 - Value',
  'Website 1 - Label',
  'Website 1 - Value',
];

function csvCell(v: string): string {
  return /[",\r\n]/.test(v) || v.startsWith(' ') ? `"${v.replace(/"/g, '""')}"` : v;
}

/** A Google Contacts CSV (current header) of these people. */
export function googleCsv(people: readonly BookPerson[]): string {
  const rows = people.map((p) =>
    [
      p.first,
      '',
      p.last,
      '',
      p.company,
      p.title,
      p.department ?? '',
      p.birthday === null ? '' : p.birthday.startsWith('--') ? ` ${p.birthday}` : p.birthday,
      p.notes,
      '* myContacts',
      '* Home',
      p.emails.join(' ::: '),
      'Mobile',
      p.phones.join(' ::: '),
      p.linkedin ? 'Profile' : '',
      p.linkedin ? `https://www.linkedin.com/in/${p.linkedin}` : '',
    ]
      .map(csvCell)
      .join(','),
  );
  return [GOOGLE_HEADER.join(','), ...rows].join('\n') + '\n';
}

/**
 * Synthetic LinkedIn exports with the quirks of real ones (see
 * ../shared/docs/linkedin-export-formats.md), for the demo, the benchmark and tests.
 * Real exports are never copied into the repository; this writes the same formats from
 * invented people, and returns the truth the tests check against.
 */
import { zipSync, strToU8 } from 'fflate';
import { Random } from './random';

const FIRST = [
  'Aisha',
  'Alejandro',
  'Amara',
  'Andrei',
  'Astrid',
  'Bilal',
  'Camille',
  'Chiara',
  'Daniel',
  'Dana',
  'Emil',
  'Emma',
  'Farid',
  'Freya',
  'Giulia',
  'Hamza',
  'Hannah',
  'Ivan',
  'Jakub',
  'Julia',
  'Kai',
  'Katarzyna',
  'Leon',
  'Lucía',
  'Magnus',
  'Mei',
  'Noah',
  'Olga',
  'Pablo',
  'Rahul',
  'Sofia',
  'Theo',
  'Valentina',
  'William',
  'Yara',
  'Anna',
  'Bernard',
  'Chen',
  'Dmitri',
  'Elif',
  'Fatima',
  'Gustav',
  'Hiroshi',
  'Ines',
  'Jonas',
  'Kwame',
  'Lena',
  'Mateo',
  'Nadia',
  'Oskar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sven',
  'Tomás',
  'Uma',
  'Viktor',
  'Wei',
  'Ximena',
  'Yusuf',
  'Zoë',
  'Matej',
  'Björn',
  'Søren',
  'Ahmed',
  'Maria',
  'John',
  'Sarah',
  'David',
  'Laura',
];
const LAST = [
  'Adeyemi',
  'Bakker',
  'Costa',
  'Dahl',
  'Ekström',
  'Ferrari',
  'Gomez',
  'Horvat',
  'Iqbal',
  'Janssen',
  'Kim',
  'Larsen',
  'Moreau',
  'Novak',
  'Öztürk',
  'Park',
  'Reyes',
  'Schmidt',
  'Sato',
  'Takahashi',
  'Urban',
  'Vasquez',
  'Weber',
  'Yamamoto',
  'Zhang',
  'Lopez',
  'Khan',
  'Singh',
  'Ali',
  'Silva',
  'Andersson',
  'Bianchi',
  'Çelik',
  'Dubois',
  'Eriksson',
  'Fischer',
  'García',
  'Hansen',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Müller',
  'Nakamura',
  'Olsen',
  'Petrović',
  'Quinn',
  'Rossi',
  'Šarić',
  'Tanaka',
  'Ueda',
  'Virtanen',
  'Wang',
  'Xu',
  'Yilmaz',
  'Zimmermann',
  'Smith',
  'Nguyễn',
  "O'Brien",
  'van der Berg',
];
const COMPANIES = [
  'Acme Corp',
  'Försvarsmakten',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Enterprises',
  'Hooli',
  'Pied Piper',
  'Vandelay Industries',
  'Soylent',
  'Tyrell Corporation',
  'Cyberdyne Systems',
  'Aperture Science',
  'Massive Dynamic',
  'Folktandvården Halland',
  'Gegnat Yards',
  '',
  '',
];
const POSITIONS = [
  'Software Engineer',
  'Product Manager',
  'CTO',
  'Founder',
  'Data Analyst',
  'Head of Sales',
  'Deputy Director, Futures and Concepts',
  'Recruiter',
  'Designer',
  'Consultant',
  'VP Engineering',
  '',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const PREAMBLE =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\n\n';

export interface SyntheticPerson {
  first: string;
  last: string;
  /** Decoded, canonical profile URL (what the importer should store). */
  url: string;
  company: string;
  position: string;
  email: string;
  /** ISO date. */
  connectedOn: string;
}

export interface SyntheticExport {
  files: Record<string, string>;
  people: SyntheticPerson[];
  blankRows: number;
  owner: { name: string; url: string };
  /** Display names (`first last`) that several connections share: by name alone they are ambiguous. */
  sharedNames: string[];
}

export interface ExportOptions {
  connections: number;
  seed?: number;
  /**
   * `2024`: URL columns everywhere. `2022`: the shape of real exports before 2023: no URL in
   * Connections.csv nor Invitations.csv, sender URLs in messages.csv (never recipient URLs),
   * conversations that mix connections and strangers, and connections that share a name
   * or carry credentials, pronouns, decorative Unicode or emoji in their name.
   */
  era?: '2024' | '2022';
  /** 2022 only: Invitations.csv with the 2024 URL columns (a transitional shape, not seen in a raw file). */
  invitationUrls?: boolean;
  /** Newest connection date (ISO); older ones go back from here. */
  newest?: string;
  invitations?: number;
  messages?: number;
  /** Extra people with hostile names appended to Connections.csv. */
  hostile?: boolean;
}

/** The sizes of the two real exports issue #12 was measured on (2022: 306 connections; 2024: 3,716). */
export const SHAPE_2022: ExportOptions = {
  era: '2022',
  connections: 306,
  messages: 235,
  invitations: 68,
  seed: 2022,
  newest: '2022-09-09',
};
export const SHAPE_2024: ExportOptions = {
  connections: 3716,
  messages: 2143,
  invitations: 1596,
  seed: 2024,
  newest: '2024-12-16',
};

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

function slugify(first: string, last: string, n: number): string {
  return `${first}-${last}`.toLowerCase().replace(/[\s']+/g, '-') + (n > 0 ? `-${n.toString(36)}` : '');
}

function ddMonYyyy(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d} ${MONTHS[Number(m) - 1]} ${y}`;
}

function usDateTime(iso: string, r: Random): string {
  const [y, m, d] = iso.split('-');
  return `${Number(m)}/${Number(d)}/${(y as string).slice(2)}, ${r.int(1, 12)}:${String(r.int(0, 59)).padStart(2, '0')} ${r.pick(['AM', 'PM'])}`;
}

function isoMinusDays(iso: string, days: number): string {
  const t = Date.parse(`${iso}T00:00:00Z`) - days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

export const HOSTILE_PEOPLE: ReadonlyArray<Omit<SyntheticPerson, 'url' | 'connectedOn' | 'email'> & { slug: string }> =
  [
    { first: '../../etc', last: 'passwd', slug: 'path-person', company: 'C:\\Windows', position: 'root' },
    {
      first: '<img src=x onerror="window.__pwned=1">',
      last: 'Smith',
      slug: 'xss-person',
      company: '<script>window.__pwned=2</script>',
      position: '<b>bold</b>',
    },
    {
      first: 'Yaml',
      last: 'Specials',
      slug: 'yaml-person',
      company: 'key: value # not a comment',
      position: '--- [[Link]] #tag',
    },
    {
      first: 'Emoji 🚀',
      last: 'Rocket 👩‍💻',
      slug: 'emoji-person',
      company: '🦄 Unicorn Inc',
      position: 'Chief ✨ Officer',
    },
    { first: 'مريم', last: 'العربية', slug: 'rtl-person', company: 'شركة\u202Eevil', position: 'مديرة' },
    { first: 'CON', last: '', slug: 'con-person', company: 'Reserved', position: 'Name' },
    { first: 'A'.repeat(150), last: 'Long', slug: 'long-person', company: 'x'.repeat(300), position: 'Long' },
    { first: 'Null', last: 'true', slug: 'null-person', company: 'null', position: 'yes' },
  ];

export function generateExport(options: ExportOptions): SyntheticExport {
  const r = new Random(options.seed ?? 42);
  const era = options.era ?? '2024';
  const newest = options.newest ?? '2026-11-20';
  const owner = { name: 'Alex Owner', url: 'https://www.linkedin.com/in/alex-owner' };
  const people: SyntheticPerson[] = [];
  const lines: string[] = [];
  const header =
    era === '2024'
      ? 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
      : 'First Name,Last Name,Email Address,Company,Position,Connected On';
  let blankRows = 0;
  let day = 0;
  const usedSlugs = new Set<string>();
  const usedNames = new Set<string>();
  // Real-world names at fixed, spread positions of a 2022 export (see REAL_NAMES).
  const special = new Map<number, (typeof REAL_NAMES)[number]>();
  if (era === '2022')
    REAL_NAMES.forEach((n, k) => special.set(Math.floor(((k + 1) * options.connections) / (REAL_NAMES.length + 1)), n));

  for (let i = 0; i < options.connections; i++) {
    // People who share a name connect on different days (the parser takes the same name on the same day for one row twice).
    if (r.chance(0.02) || special.has(i)) day += 1;
    const connectedOn = isoMinusDays(newest, day);
    if (!special.has(i) && r.chance(0.012)) {
      blankRows++;
      lines.push(era === '2024' ? `,,,,,,${ddMonYyyy(connectedOn)}` : `,,,,,${ddMonYyyy(connectedOn)}`);
      continue;
    }
    const real = special.get(i);
    const first = real
      ? real.first
      : r.chance(0.25)
        ? `${r.pick(FIRST)} ${String.fromCharCode(65 + r.int(0, 25))}.`
        : r.pick(FIRST);
    let last = real ? real.last : r.pick(LAST);
    // Without URLs, names are the identity: random names stay unique, so only REAL_NAMES repeat one.
    if (era === '2022' && !real) {
      let n = 1;
      while (usedNames.has(`${first} ${last}`)) last = `${r.pick(LAST)}-${r.pick(LAST)}${n++ > 3 ? ` ${n}` : ''}`;
      usedNames.add(`${first} ${last}`);
    }
    let slug = real ? real.slug : slugify(first, last, 0);
    for (let n = 1; usedSlugs.has(slug); n++) slug = slugify(first, last, n * 7919 + i);
    usedSlugs.add(slug);
    const url = `https://www.linkedin.com/in/${slug}`;
    const company = real ? real.company : r.pick(COMPANIES);
    const position = company === '' ? '' : r.pick(POSITIONS);
    const email = r.chance(0.03) ? `${slug.replace(/[^a-z0-9-]/g, '')}@example.com` : '';
    // LinkedIn leaves stray spaces in names; we must trim them.
    const rawFirst = r.chance(0.03) ? `${first} ` : first;
    people.push({ first: first.trim(), last, url, company, position, email, connectedOn });
    const encodedUrl = `https://www.linkedin.com/in/${encodeURIComponent(slug)}`;
    const cells =
      era === '2024'
        ? [rawFirst, last, encodedUrl, email, company, position, ddMonYyyy(connectedOn)]
        : [rawFirst, last, email, company, position, ddMonYyyy(connectedOn)];
    lines.push(cells.map(csvField).join(','));
  }
  if (options.hostile) {
    for (const h of HOSTILE_PEOPLE) {
      const url = `https://www.linkedin.com/in/${h.slug}`;
      const connectedOn = isoMinusDays(newest, day);
      people.push({
        first: h.first,
        last: h.last,
        url,
        company: h.company,
        position: h.position,
        email: '',
        connectedOn,
      });
      const cells =
        era === '2024'
          ? [h.first, h.last, url, '', h.company, h.position, ddMonYyyy(connectedOn)]
          : [h.first, h.last, '', h.company, h.position, ddMonYyyy(connectedOn)];
      lines.push(cells.map(csvField).join(','));
    }
  }
  // Raw exports since 2021 have the preamble and no final newline.
  const files: Record<string, string> = { 'Connections.csv': `${PREAMBLE}${header}\n${lines.join('\n')}` };

  const counts = new Map<string, number>();
  for (const p of people) counts.set(displayName(p), (counts.get(displayName(p)) ?? 0) + 1);
  const sharedNames = [...counts].filter(([, n]) => n > 1).map(([name]) => name);

  if (options.invitations)
    files['Invitations.csv'] = generateInvitations(
      r,
      options.invitations,
      people,
      owner,
      newest,
      era === '2024' || options.invitationUrls === true,
    );
  if (options.messages)
    files['messages.csv'] =
      era === '2024'
        ? generateMessages(r, options.messages, people, owner, newest)
        : generateConversations2022(r, options.messages, people, owner, newest);
  // Every real export has the owner's profile; the importer takes the owner's name from it.
  files['Profile.csv'] = `${PROFILE_HEADER}\nAlex,Owner,,,"Mar 31",Synthetic owner,,Software,,Stockholm,,,`;
  return { files, people, blankRows, owner, sharedNames };
}

const PROFILE_HEADER =
  'First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers';

/** How LinkedIn shows a person in messages and invitations: first and last name, as typed. */
export function displayName(p: Pick<SyntheticPerson, 'first' | 'last'>): string {
  return `${p.first} ${p.last}`.replace(/\s+/g, ' ').trim();
}

/**
 * Names as they occur in real pre-2023 exports (see the formats doc, §1.5): people who share
 * a name (two Saad Khans, three Wei Wangs), credentials and pronouns in the last-name field,
 * a stray comma, decorative Unicode letters and emoji.
 */
export const REAL_NAMES: ReadonlyArray<{ first: string; last: string; company: string; slug: string }> = [
  { first: 'Saad', last: 'Khan', company: 'ShiftCare', slug: 'saad-khan-1' },
  { first: 'Saad', last: 'Khan', company: 'Globex', slug: 'saad-khan-2' },
  { first: 'Wei', last: 'Wang', company: 'Hooli', slug: 'wei-wang-1' },
  { first: 'Wei', last: 'Wang', company: 'Initech', slug: 'wei-wang-2' },
  { first: 'Wei', last: 'Wang', company: '', slug: 'wei-wang-3' },
  { first: 'Arman', last: 'Rezaee, PhD', company: 'Acme Corp', slug: 'arman-rezaee' },
  { first: 'OOI KOK', last: 'LOANG, CIA, AIIA', company: 'SEGi University & Colleges', slug: 'ooi-kok-loang' },
  { first: 'Ramona', last: 'Maniceanu (She/Her)', company: 'Hooli', slug: 'ramona-maniceanu' },
  { first: 'Tom', last: 'Baker ,', company: 'Initech', slug: 'tom-baker-7' },
  { first: 'Priya', last: 'Nair MBA, PMP', company: 'Globex', slug: 'priya-nair' },
  { first: '𝓩𝓪𝓫𝓲𝓱', last: '𝓤𝓵𝓵𝓪𝓱', company: 'Soylent', slug: 'zabih-ullah' },
  { first: '𝐁𝐨𝐥𝐝', last: '𝐒𝐚𝐥𝐞𝐬', company: 'Pied Piper', slug: 'bold-sales' },
  { first: 'Lena 🌍', last: 'Fischer', company: 'Hooli', slug: 'lena-fischer-travel' },
];

function generateInvitations(
  r: Random,
  count: number,
  people: SyntheticPerson[],
  owner: { name: string; url: string },
  newest: string,
  withUrls: boolean,
): string {
  const header = withUrls
    ? 'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl'
    : 'From,To,Sent At,Message,Direction';
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const incoming = r.chance(0.3);
    const known = r.chance(0.6) && people.length > 0;
    const person = known ? r.pick(people) : null;
    const name = person ? displayName(person) : `${r.pick(FIRST)} Stranger${i}`;
    const url = person ? person.url : `https://www.linkedin.com/in/stranger-${i}`;
    const date = usDateTime(isoMinusDays(newest, r.int(0, 90)), r);
    const message = r.chance(0.15)
      ? r.pick([
          'Hi, great meeting you at the conference!',
          'Would love to connect, we met at Web Summit.',
          "Hello, I am a recruiter, let's talk",
        ])
      : '';
    const cells = incoming
      ? [name, owner.name, date, message, 'INCOMING', url, owner.url]
      : [owner.name, name, date, message, 'OUTGOING', owner.url, url];
    rows.push((withUrls ? cells : cells.slice(0, 5)).map(csvField).join(','));
  }
  return `${header}\n${rows.join('\n')}`;
}

function messageTime(r: Random, newest: string, maxDaysBack: number): string {
  const day = isoMinusDays(newest, r.int(0, maxDaysBack));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} ${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))} UTC`;
}

const CONTENTS = [
  'Thanks!',
  'Sounds good, talk soon.',
  'Hi, how are you, long time no see?',
  '<p>Hello</p>',
  'Let\'s meet, "soon"',
];

/**
 * 2024+ messages.csv: random one-to-one messages, both URL columns filled, written as LinkedIn
 * writes them: each conversation's messages together, newest first, the conversations in the
 * order they were first drawn (the 2022 generator and the real samples are shaped so too).
 */
function generateMessages(
  r: Random,
  count: number,
  people: SyntheticPerson[],
  owner: { name: string; url: string },
  newest: string,
): string {
  const header =
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT';
  const rows: { conv: string; when: string; line: string }[] = [];
  const pool = people.slice(0, Math.max(1, Math.min(people.length, 2000)));
  for (let i = 0; i < count; i++) {
    const person = r.pick(pool);
    const mine = r.chance(0.5);
    const when = messageTime(r, newest, 1500);
    const name = `${person.first} ${person.last}`;
    const conv = `2-${Buffer.from(person.url).toString('base64')}`;
    const cells = [
      conv,
      '',
      mine ? owner.name : name,
      mine ? owner.url : person.url,
      mine ? name : owner.name,
      mine ? person.url : owner.url,
      when,
      '',
      r.pick(CONTENTS),
      'INBOX',
      'No',
    ];
    rows.push({ conv, when, line: cells.map(csvField).join(',') });
  }
  // Drawn in random order, written grouped: the draws (and so the rest of the export) stay as they were.
  const firstDrawn = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!firstDrawn.has(row.conv)) firstDrawn.set(row.conv, i);
  });
  const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  rows.sort(
    (a, b) => (firstDrawn.get(a.conv) as number) - (firstDrawn.get(b.conv) as number) || newestFirst(a.when, b.when),
  );
  return `${header}\n${rows.map((row) => row.line).join('\n')}`;
}

/**
 * A 2021–2023 messages.csv: no RECIPIENT PROFILE URLS column, so a recipient is known by
 * name only unless they wrote in the conversation. About one conversation partner in six
 * is not a connection (recruiters, people met once); some never answer, some write
 * without an answer; everyone who shares a name with another connection gets a
 * conversation (the importer must report those, never guess); a few sponsored rows have
 * no sender URL. Rows are newest first within a conversation, as LinkedIn writes them.
 */
function generateConversations2022(
  r: Random,
  count: number,
  people: SyntheticPerson[],
  owner: { name: string; url: string },
  newest: string,
): string {
  const header = 'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER';
  const rows: string[] = [];
  const row = (cells: string[]) => rows.push(cells.map(csvField).join(','));
  const slugOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
  const first = people.filter((p) => REAL_NAMES.some((n) => n.slug === slugOf(p.url)));
  const talkedTo = new Set<string>();
  const sponsored = Math.max(1, Math.round(count * 0.03));
  let stranger = 0;
  for (let c = 0; rows.length < count - sponsored; c++) {
    let partner: { name: string; url: string };
    const real = first[c];
    if (real) partner = { name: displayName(real), url: real.url };
    else if (r.chance(0.17) || people.length === 0) {
      stranger++;
      partner = {
        name: `${r.pick(FIRST)} ${r.pick(LAST)}`,
        url: `https://www.linkedin.com/in/not-a-connection-${stranger}`,
      };
    } else {
      const p = r.pick(people);
      if (talkedTo.has(p.url)) continue;
      partner = { name: displayName(p), url: p.url };
    }
    talkedTo.add(partner.url);
    const conv = `2-${Buffer.from(`conversation-${c}`).toString('base64')}`;
    const n = Math.min(count - sponsored - rows.length, r.int(1, 8));
    const style = r.next(); // below 0.15 only I write, below 0.25 only they write, else both
    const times = Array.from({ length: n }, () => messageTime(r, newest, 1200))
      .sort()
      .reverse();
    for (const when of times) {
      const mine = style < 0.15 ? true : style < 0.25 ? false : r.chance(0.5);
      row([
        conv,
        '',
        mine ? owner.name : partner.name,
        mine ? owner.url : partner.url,
        mine ? partner.name : owner.name,
        when,
        '',
        r.pick(CONTENTS),
        'INBOX',
      ]);
    }
  }
  // Premium offers and the like: no sender URL, skipped by the importer.
  for (let k = 0; rows.length < count; k++)
    row([
      `2-sponsored-${k}`,
      '',
      'Melissa from LinkedIn Premium',
      '',
      owner.name,
      messageTime(r, newest, 600),
      'Premium',
      'Try Premium',
      'INBOX',
    ]);
  return `${header}\n${rows.join('\n')}`;
}

/** The export as LinkedIn ships it: a zip with a dated name and a few files we ignore. */
export function zipExport(exp: SyntheticExport): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(exp.files)) entries[name] = strToU8(text);
  entries['Jobs/Saved Jobs.csv'] = strToU8('Saved Date,Job Url,Job Title,Company Name\n');
  entries['coach_messages.csv'] = strToU8(
    'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n',
  );
  return zipSync(entries, { level: 6 });
}

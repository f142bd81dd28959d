/**
 * A LinkedIn network shaped like a real one, for the demo, the triage tests and the
 * measurements of issue 11. `synthetic-export.ts` writes exports with every format quirk;
 * this one writes the *life* of an account: five years of connections on a growth curve
 * with bursts around conferences, ~50 invitations received (most without a note, a few
 * generic, a pitch, a real context note), ~1,500 sent of which about a third are still
 * pending, and ~2,000 messages with the reply patterns people have (conversations,
 * recruiters nobody answers, contacts who never answer you). The defaults reproduce the
 * counts of the real export quoted in the issue (3,716 connections, 51 received, 1,545 sent,
 * 543 still pending, 2,143 messages).
 *
 * `advanceNetwork` moves the same account forward (new connections, accepted invitations,
 * answers to messages, job changes) so a second import can be checked against the truth.
 */
import { strToU8, zipSync } from 'fflate';
import { Random } from './random';
import { csvField, PREAMBLE } from './synthetic-export';

const FIRST = (
  'Aisha Alejandro Amara Andrei Astrid Bilal Camille Chiara Daniel Dana Emil Emma Farid Freya Giulia Hamza Hannah ' +
  'Ivan Jakub Julia Kai Katarzyna Leon Lucía Magnus Mei Noah Olga Pablo Rahul Sofia Theo Valentina William Yara ' +
  'Anna Bernard Chen Dmitri Elif Fatima Gustav Hiroshi Inès Jonas Kwame Lena Mateo Nadia Oskar Priya Quentin Rosa ' +
  'Sven Tomás Uma Viktor Wei Ximena Yusuf Zoë Matej Björn Søren Ahmed Maria John Sarah David Laura Thomas Claire ' +
  'Julien Mathilde Antoine Chloé Nicolas Léa Hugo Manon Louis Pauline Arnaud Élodie Karim Sophie Olivier Amélie'
).split(' ');
const LAST = (
  'Adeyemi Bakker Costa Dahl Ekström Ferrari Gomez Horvat Iqbal Janssen Kim Larsen Moreau Novak Öztürk Park Reyes ' +
  'Schmidt Sato Takahashi Urban Vasquez Weber Yamamoto Zhang Lopez Khan Singh Ali Silva Andersson Bianchi Çelik ' +
  'Dubois Eriksson Fischer García Hansen Ivanova Jensen Kowalski Lindqvist Müller Nakamura Olsen Petrović Quinn ' +
  'Rossi Šarić Tanaka Ueda Virtanen Wang Xu Yilmaz Zimmermann Smith Nguyễn Martin Bernard Durand Lefèvre Mercier ' +
  'Girard Bonnet Lambert Fontaine Rousseau Chevalier Garnier Faure Blanc Guérin Muller Henry Roussel Perrin Morel'
).split(' ');
const COMPANIES = [
  'Acme Corp',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  'Hooli',
  'Pied Piper',
  'Vandelay Industries',
  'Soylent',
  'Tyrell Corporation',
  'Massive Dynamic',
  'Eventrum Nordic',
  'Société Générale des Eaux',
  'Blanchard & Fils',
  'Datalune',
  'Nordlys Capital',
  'Freelance',
  '',
];
const POSITIONS = [
  'Software Engineer',
  'Senior Product Manager',
  'CTO',
  'Founder & CEO',
  'Data Scientist',
  'Head of Sales',
  'Talent Acquisition Partner',
  'Account Executive',
  'Designer',
  'Consultant',
  'VP Engineering',
  'Directrice marketing',
  'Ingénieur logiciel',
  'Business Developer',
];
/** Conferences the account went to: a burst of connections in the days after each. */
const EVENTS: ReadonlyArray<{ name: string; daysBeforeNewest: number; people: number }> = [
  { name: 'Web Summit 2024', daysBeforeNewest: 34, people: 48 },
  { name: 'VivaTech 2024', daysBeforeNewest: 190, people: 31 },
  { name: 'KubeCon 2023', daysBeforeNewest: 420, people: 27 },
  { name: 'Web Summit 2022', daysBeforeNewest: 770, people: 35 },
  { name: 'Devoxx 2021', daysBeforeNewest: 1150, people: 22 },
];

/** Invitation notes as people write them, by what they turn out to be. */
export const INVITATION_NOTES = {
  generic: [
    "Hi Alex, I'd like to join your professional network.",
    'Bonjour Alex, ravie de rejoindre votre réseau ! Votre parcours est vraiment inspirant.',
    'Delighted to connect with such an inspiring leader in the tech space!',
  ],
  pitch: [
    'Hi Alex, I help SaaS founders cut their cloud bill by 30%. Open to a quick 15-min call next week? https://calendly.com/cloudcut/intro',
    "Saw you're heading to Web Summit! We give founders free access to our investor-matching platform, sign up here before Friday.",
  ],
  context: [
    'Hi Alex, we met at the Eventrum Nordic booth at Web Summit 2024, I was with Maria Lundgren. Would love to stay in touch!',
  ],
} as const;

export interface NetPerson {
  first: string;
  last: string;
  name: string;
  /** Canonical profile URL (decoded, as the importer stores it). */
  url: string;
  company: string;
  position: string;
}

export interface NetConnection extends NetPerson {
  connectedOn: string;
}

export type NoteKind = 'none' | 'generic' | 'pitch' | 'context';

export interface NetInvitation {
  person: NetPerson;
  direction: 'incoming' | 'outgoing';
  /** `YYYY-MM-DD HH:MM` */
  sentAt: string;
  message: string;
  kind: NoteKind;
}

export interface NetMessage {
  conversation: string;
  person: NetPerson;
  mine: boolean;
  /** `YYYY-MM-DD HH:MM:SS` (UTC) */
  at: string;
}

export interface Network {
  owner: NetPerson;
  /** The newest connection date: the export was made that day. */
  asOf: string;
  connections: NetConnection[];
  blankRowDates: string[];
  invitations: NetInvitation[];
  messages: NetMessage[];
  /** Rows LinkedIn adds that the importer must skip: sponsored (no sender URL) and drafts. */
  junkMessages: number;
  /** Truth for tests: whom you wrote two or more times in a row without an answer, ever. */
  ghosts: NetPerson[];
  seed: number;
}

export interface NetworkOptions {
  seed?: number;
  newest?: string;
  years?: number;
  connections?: number;
  blankRows?: number;
  incoming?: number;
  incomingAccepted?: number;
  outgoing?: number;
  outgoingAccepted?: number;
  messages?: number;
}

const DAY = 86_400_000;
const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

class People {
  private readonly slugs = new Set<string>();
  constructor(private readonly r: Random) {}

  make(): NetPerson {
    const first = this.r.pick(FIRST);
    const last = this.r.pick(LAST);
    let slug = '';
    do slug = `${first}-${last}-${this.r.int(0x1000000, 0xfffffff).toString(16)}`.toLowerCase().replace(/\s+/g, '-');
    while (this.slugs.has(slug));
    this.slugs.add(slug);
    const company = this.r.pick(COMPANIES);
    return {
      first,
      last,
      name: `${first} ${last}`,
      url: `https://www.linkedin.com/in/${slug}`,
      company,
      position: company === '' ? '' : this.r.pick(POSITIONS),
    };
  }
}

function time(r: Random, date: string): string {
  return `${date} ${pad(r.int(7, 22))}:${pad(r.int(0, 59))}`;
}

/** Days before `newest` on a growth curve: connections per day grow about 30% a year. */
function growthDay(r: Random, spanDays: number): number {
  const k = 0.3 / 365;
  // Inverse CDF of a density ∝ exp(k·t) on [0, span], t counted from the oldest day.
  const t = Math.log(1 + r.next() * (Math.exp(k * spanDays) - 1)) / k;
  return Math.floor(spanDays - t);
}

export function generateNetwork(options: NetworkOptions = {}): Network {
  const seed = options.seed ?? 11;
  const r = new Random(seed);
  const people = new People(r);
  const newest = options.newest ?? '2024-12-16';
  const span = Math.round((options.years ?? 5) * 365);
  const total = options.connections ?? 3716;
  const owner: NetPerson = {
    first: 'Alex',
    last: 'Martin',
    name: 'Alex Martin',
    url: 'https://www.linkedin.com/in/alex-martin-owner',
    company: 'Datalune',
    position: 'Founder',
  };
  const connections: NetConnection[] = [];
  const invitations: NetInvitation[] = [];
  const connect = (p: NetPerson, on: string) => connections.push({ ...p, connectedOn: on > newest ? newest : on });

  // Invitations you sent over the last five months: most accepted within two weeks.
  const outgoing = options.outgoing ?? 1545;
  const outAccepted = options.outgoingAccepted ?? Math.round((outgoing * 1002) / 1545);
  for (let i = 0; i < outgoing; i++) {
    const p = people.make();
    const sent = addDays(newest, -r.int(0, 150));
    invitations.push({ person: p, direction: 'outgoing', sentAt: time(r, sent), message: '', kind: 'none' });
    if (i < outAccepted) connect(p, addDays(sent, Math.min(r.int(0, 3) * r.int(0, 4), 14)));
  }
  // Invitations you received over the last three months: the older ones accepted.
  const incoming = options.incoming ?? 51;
  const inAccepted = options.incomingAccepted ?? Math.round((incoming * 40) / 51);
  const received = Array.from({ length: incoming }, () => addDays(newest, -r.int(0, 100)))
    .sort()
    .reverse();
  const pendingNotes: Array<[NoteKind, string]> = [
    ['context', INVITATION_NOTES.context[0]],
    ['pitch', INVITATION_NOTES.pitch[0]],
    ['pitch', INVITATION_NOTES.pitch[1]],
    ['generic', INVITATION_NOTES.generic[0]],
    ['generic', INVITATION_NOTES.generic[1]],
    ['generic', INVITATION_NOTES.generic[2]],
  ];
  received.forEach((sent, i) => {
    const p = people.make();
    const pending = i < incoming - inAccepted;
    const [kind, message] = pending
      ? (pendingNotes[i] ?? ['none', ''])
      : r.chance(0.12)
        ? (['context', 'Great to meet you at the meetup yesterday!'] as [NoteKind, string])
        : (['none', ''] as [NoteKind, string]);
    invitations.push({ person: p, direction: 'incoming', sentAt: time(r, sent), message, kind });
    if (!pending) connect(p, addDays(sent, r.int(0, 3)));
  });
  // Conferences: a burst of connections in the four days after each.
  for (const e of EVENTS) {
    if (e.daysBeforeNewest > span) continue;
    for (let i = 0; i < e.people; i++) connect(people.make(), addDays(newest, -e.daysBeforeNewest + r.int(0, 3)));
  }
  // Someone the context note names, met at the last conference.
  connect(
    {
      first: 'Maria',
      last: 'Lundgren',
      name: 'Maria Lundgren',
      url: 'https://www.linkedin.com/in/maria-lundgren-eventrum',
      company: 'Eventrum Nordic',
      position: 'Owner',
    },
    addDays(newest, -(EVENTS[0]?.daysBeforeNewest ?? 34)),
  );
  // Everyone else, on the growth curve; the newest day always has someone.
  connect(people.make(), newest);
  while (connections.length < total) connect(people.make(), addDays(newest, -growthDay(r, span)));
  connections.sort((a, b) => b.connectedOn.localeCompare(a.connectedOn));
  const blankRowDates = Array.from({ length: options.blankRows ?? 45 }, () => addDays(newest, -growthDay(r, span)));

  const { messages, ghosts, junk } = generateMessages(r, people, connections, newest, options.messages ?? 2143);
  return {
    owner,
    asOf: newest,
    connections,
    blankRowDates,
    invitations,
    messages,
    junkMessages: junk,
    ghosts,
    seed,
  };
}

/** Conversations with the reply patterns of a real inbox, about `target` rows in all. */
function generateMessages(r: Random, people: People, connections: NetConnection[], newest: string, target: number) {
  const messages: NetMessage[] = [];
  const ghosts: NetPerson[] = [];
  let conv = 0;
  const thread = (p: NetPerson, sides: boolean[], start: string) => {
    const id = `2-${(++conv).toString(36).padStart(6, '0')}`;
    let day = start;
    for (const mine of sides) {
      messages.push({ conversation: id, person: p, mine, at: `${time(r, day)}:${pad(r.int(0, 59))}` });
      day = addDays(day, r.int(0, 9));
      if (day > newest) day = newest;
    }
  };
  const someone = () => r.pick(connections);
  const start = () => addDays(newest, -growthDay(r, 5 * 365));
  // Contacts who never answer you: two to four messages of yours, nothing back.
  for (let i = 0; i < 45; i++) {
    const p = someone();
    ghosts.push(p);
    thread(
      p,
      Array.from({ length: r.int(2, 4) }, () => true),
      start(),
    );
  }
  // Recruiters and sellers who write and get no answer.
  for (let i = 0; i < 110; i++)
    thread(
      r.chance(0.6) ? someone() : people.make(),
      Array.from({ length: r.int(1, 3) }, () => false),
      start(),
    );
  // Real conversations, until the inbox has its size.
  while (messages.length < target) {
    const p = someone();
    const length = Math.min(r.int(2, 6) * r.int(1, 4), target - messages.length);
    if (length < 2) break;
    const sides = Array.from({ length }, (_, i) => (i === 0 ? r.chance(0.5) : r.chance(0.5)));
    if (sides.every((s) => s)) sides[sides.length - 1] = false;
    thread(p, sides, start());
  }
  return { messages, ghosts: ghosts.filter((g, i) => ghosts.indexOf(g) === i), junk: 27 };
}

export interface AdvanceOptions {
  /** Days between the two exports. */
  days?: number;
  /** New connections in the later export (some are invitations accepted since). */
  newConnections?: number;
  /** Invitation senders (profile URLs) who answer a message of yours in the meantime. */
  answers?: ReadonlyArray<{ url: string; on: string }>;
  /** Pending invitations received that must stay pending (for example the ones you asked about). */
  keepPending?: readonly string[];
  /** How many connections change jobs. */
  jobChanges?: number;
  seed?: number;
}

export interface Advanced {
  network: Network;
  newConnections: NetConnection[];
  jobChanges: NetConnection[];
}

/** The same account some days later: new connections (accepted invitations first), answers, job changes. */
export function advanceNetwork(net: Network, options: AdvanceOptions = {}): Advanced {
  const r = new Random(options.seed ?? net.seed + 1);
  const people = new People(r);
  const days = options.days ?? 7;
  const asOf = addDays(net.asOf, days);
  const want = options.newConnections ?? 20;
  const connected = new Set(net.connections.map((c) => c.url));
  const keep = new Set(options.keepPending ?? []);
  const fresh: NetConnection[] = [];
  const when = () => addDays(net.asOf, r.int(1, days));
  const pending = (dir: NetInvitation['direction']) =>
    net.invitations.filter((i) => i.direction === dir && !connected.has(i.person.url) && !keep.has(i.person.url));
  for (const inv of pending('outgoing').slice(0, Math.ceil(want * 0.6)))
    fresh.push({ ...inv.person, connectedOn: when() });
  for (const inv of pending('incoming').slice(-2)) fresh.push({ ...inv.person, connectedOn: when() });
  while (fresh.length < want) fresh.push({ ...people.make(), connectedOn: when() });
  fresh.splice(want);
  const invitations = [...net.invitations];
  const sentAt = () => `${addDays(net.asOf, r.int(1, days))} ${pad(r.int(7, 22))}:${pad(r.int(0, 59))}`;
  for (let i = 0; i < 3; i++)
    invitations.push({ person: people.make(), direction: 'incoming', sentAt: sentAt(), message: '', kind: 'none' });

  const changed: NetConnection[] = [];
  const connections = net.connections.map((c, i) => {
    if (i % 97 !== 5 || changed.length >= (options.jobChanges ?? 6)) return c;
    const moved = { ...c, company: c.company === 'Hooli' ? 'Globex' : 'Hooli', position: 'Head of Product' };
    changed.push(moved);
    return moved;
  });
  const messages = [...net.messages];
  for (const a of options.answers ?? []) {
    const inv = invitations.find((i) => i.person.url === a.url);
    if (!inv) throw new Error(`no invitation from ${a.url} to answer`);
    messages.push({
      conversation: `2-answer-${messages.length}`,
      person: inv.person,
      mine: false,
      at: `${a.on} 09:30:00`,
    });
  }
  const all = [...fresh, ...connections].sort((a, b) => b.connectedOn.localeCompare(a.connectedOn));
  return {
    network: { ...net, asOf, connections: all, invitations, messages },
    newConnections: fresh,
    jobChanges: changed,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function connectedOnCell(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d} ${MONTHS[Number(m) - 1]} ${y}`;
}

/** `M/D/YY, h:mm AM/PM` as Invitations.csv writes it. */
function sentAtCell(at: string): string {
  const [date = '', clock = '00:00'] = at.split(' ');
  const [y, m, d] = date.split('-');
  const [h = 0, min = 0] = clock.split(':').map(Number);
  return `${Number(m)}/${Number(d)}/${(y ?? '').slice(2)}, ${h % 12 === 0 ? 12 : h % 12}:${pad(min)} ${h < 12 ? 'AM' : 'PM'}`;
}

/** The CSV files of the export, as LinkedIn writes them (2024 formats). */
export function networkFiles(net: Network): Record<string, string> {
  const rows = net.connections.map((c) =>
    [c.first, c.last, encodeURI(c.url), '', c.company, c.position, connectedOnCell(c.connectedOn)]
      .map(csvField)
      .join(','),
  );
  // Blank member rows sit where their date puts them.
  for (const date of net.blankRowDates) {
    const at = net.connections.findIndex((c) => c.connectedOn <= date);
    rows.splice(at === -1 ? rows.length : at, 0, `,,,,,,${connectedOnCell(date)}`);
  }
  const o = net.owner;
  const invitations = [...net.invitations]
    .sort((a, b) => b.sentAt.localeCompare(a.sentAt))
    .map((i) => {
      const p = i.person;
      const cells =
        i.direction === 'incoming'
          ? [p.name, o.name, sentAtCell(i.sentAt), i.message, 'INCOMING', p.url, o.url]
          : [o.name, p.name, sentAtCell(i.sentAt), i.message, 'OUTGOING', o.url, p.url];
      return cells.map(csvField).join(',');
    });
  const byConversation = new Map<string, NetMessage[]>();
  for (const m of net.messages) byConversation.set(m.conversation, [...(byConversation.get(m.conversation) ?? []), m]);
  const messageRows: string[] = [];
  for (const [id, list] of byConversation) {
    for (const m of [...list].sort((a, b) => b.at.localeCompare(a.at))) {
      const p = m.person;
      const [from, to] = m.mine ? [o, p] : [p, o];
      messageRows.push(
        [id, '', from.name, from.url, to.name, to.url, `${m.at} UTC`, '', 'Thanks, talk soon.', 'INBOX', 'No']
          .map(csvField)
          .join(','),
      );
    }
  }
  for (let i = 0; i < net.junkMessages; i++) {
    const at = `${addDays(net.asOf, -i * 11)} 10:00:00 UTC`;
    messageRows.push(
      i % 5 === 0
        ? ['', '', o.name, o.url, '', '', at, '', 'draft', '', 'Yes'].map(csvField).join(',')
        : [
            `2-sponsored-${i}`,
            'Sponsored Conversation',
            'LinkedIn Member',
            '',
            o.name,
            o.url,
            at,
            '',
            'Offer',
            'INBOX',
            'No',
          ]
            .map(csvField)
            .join(','),
    );
  }
  return {
    'Connections.csv': `${PREAMBLE}First Name,Last Name,URL,Email Address,Company,Position,Connected On\n${rows.join('\n')}`,
    'Invitations.csv': `From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n${invitations.join('\n')}`,
    'messages.csv': `CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,IS MESSAGE DRAFT\n${messageRows.join('\n')}`,
    'Profile.csv': `First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n${o.first},${o.last},,,,${csvField(`${o.position} at ${o.company}`)},,,,,,,`,
  };
}

/** The export as LinkedIn ships it: a zip named after the export date. */
export function zipNetwork(net: Network): { name: string; bytes: Uint8Array } {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(networkFiles(net))) entries[name] = strToU8(text);
  const [y, m, d] = net.asOf.split('-');
  return { name: `Complete_LinkedInDataExport_${m}-${d}-${y}.zip`, bytes: zipSync(entries, { level: 6 }) };
}

/** What the network holds, for tests and reports. */
export function networkCounts(net: Network) {
  const connected = new Set(net.connections.map((c) => c.url));
  const pending = (dir: NetInvitation['direction']) =>
    net.invitations.filter((i) => i.direction === dir && !connected.has(i.person.url));
  return {
    connections: net.connections.length,
    received: net.invitations.filter((i) => i.direction === 'incoming').length,
    sent: net.invitations.filter((i) => i.direction === 'outgoing').length,
    pendingReceived: pending('incoming'),
    pendingSent: pending('outgoing'),
    messages: net.messages.length,
  };
}

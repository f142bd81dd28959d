/**
 * A network seen from three sides, as issue 17 describes it: a LinkedIn export, an address
 * book (vCard) of some of the same people and more, and a calendar of meetings with them.
 * The address book finds its people every way the matcher can: by the LinkedIn URL on the
 * card, by an address LinkedIn exported, by the exact name (people LinkedIn has no address
 * for), plus one card named like several connections (ambiguous) and people LinkedIn does
 * not know. The calendar meets card people by their card address, connections by the
 * address LinkedIn exported, and strangers (attendees with no note). Invented people only;
 * for tests, the e2e suite, the contract fixture and trying a network-sized vault.
 */
import { generateCalendar, type CalendarPerson } from './synthetic-calendar';
import { googleCsv, vcardFile, type BookPerson, type VCardFlavour } from './synthetic-address-book';
import { generateExport, type SyntheticExport, type SyntheticPerson } from './synthetic-export';
import { Random } from './random';

export interface NetworkOptions {
  connections: number;
  /** Cards of each kind (by URL, by e-mail, by name, new people). */
  cardsPerKind: number;
  /** Calendar size. */
  singles: number;
  series: number;
  occurrencesPerSeries?: number;
  years?: number;
  /** First day of the calendar. */
  from?: string;
  strangers?: number;
  flavour?: VCardFlavour;
  seed?: number;
}

export interface MixedNetwork {
  linkedin: SyntheticExport;
  vcf: string;
  /** The same address book as a Google Contacts CSV. */
  googleCsv: string;
  ics: string;
  owner: CalendarPerson;
  /** What a correct import finds. */
  expected: {
    byUrl: number;
    byEmail: number;
    byName: number;
    /** The name of the card that fits several connections. */
    ambiguous: string;
    newPeople: number;
    /** Cards with a birthday (all of them imported: the ambiguous card has none). */
    birthdays: number;
  };
}

const slugOf = (p: SyntheticPerson) => p.url.slice(p.url.lastIndexOf('/in/') + 4).replace(/\/$/, '');
const nameOf = (p: SyntheticPerson) => `${p.first} ${p.last}`.trim();

function birthday(r: Random): string {
  const m = String(r.int(1, 12)).padStart(2, '0');
  const d = String(r.int(1, 28)).padStart(2, '0');
  return r.chance(0.3) ? `--${m}-${d}` : `${r.int(1950, 2000)}-${m}-${d}`;
}

export function generateMixedNetwork(options: NetworkOptions): MixedNetwork {
  const r = new Random(options.seed ?? 17);
  const linkedin = generateExport({ connections: options.connections, seed: options.seed ?? 17 });
  const counts = new Map<string, number>();
  for (const p of linkedin.people) counts.set(nameOf(p), (counts.get(nameOf(p)) ?? 0) + 1);
  const unique = linkedin.people.filter((p) => counts.get(nameOf(p)) === 1 && /^[\p{L} .'-]+$/u.test(nameOf(p)));
  const withEmail = unique.filter((p) => p.email !== '');
  const withoutEmail = unique.filter((p) => p.email === '');
  const n = options.cardsPerKind;
  const byUrl = withoutEmail.slice(0, n);
  const byName = withoutEmail.slice(n, 2 * n);
  const byEmail = withEmail.slice(0, n);
  const cards: BookPerson[] = [];
  const card = (p: Partial<BookPerson> & { first: string; last: string }): BookPerson => ({
    emails: [],
    phones: [`+49 30 ${r.int(1000000, 9999999)}`],
    birthday: r.chance(0.7) ? birthday(r) : null,
    company: '',
    title: '',
    linkedin: null,
    notes: '',
    ...p,
  });
  const mail = (p: { first: string; last: string }, domain: string) =>
    `${p.first}.${p.last}`
      .toLowerCase()
      .replace(/[^a-z0-9.]/g, '')
      .replace(/\.+/g, '.') + `@${domain}`;
  for (const p of byUrl)
    cards.push(card({ first: p.first, last: p.last, linkedin: slugOf(p), emails: [mail(p, 'home.example')] }));
  // The address LinkedIn exported, in another case; a short form of the name.
  for (const p of byEmail)
    cards.push(card({ first: p.first.slice(0, 1) + '.', last: p.last, emails: [p.email.toUpperCase()] }));
  for (const p of byName)
    cards.push(card({ first: p.first, last: p.last, emails: [mail(p, 'private.example')], notes: 'Met at a meetup' }));
  const shared = linkedin.sharedNames[0] ?? '';
  const [sharedFirst = '', ...sharedLast] = shared.split(' ');
  // No birthday: the ambiguous card is imported nowhere, so every birthday counted below lands on a note.
  if (shared !== '')
    cards.push(
      card({ first: sharedFirst, last: sharedLast.join(' '), emails: ['namesake@x.example'], birthday: null }),
    );
  const fresh: BookPerson[] = [];
  for (let i = 0; i < n; i++) {
    const p = { first: `Newperson${i}`, last: `Fromcards` };
    fresh.push(card({ ...p, emails: [mail(p, 'new.example')], company: 'Card Co' }));
  }
  cards.push(...fresh);

  const owner = { name: linkedin.owner.name, email: 'alex.owner@example.com' };
  const met: CalendarPerson[] = [
    ...cards
      .filter((c) => c.emails[0])
      .map((c) => ({ name: `${c.first} ${c.last}`, email: (c.emails[0] as string).toLowerCase() })),
    ...withEmail.slice(n, 2 * n).map((p) => ({ name: nameOf(p), email: p.email })),
  ];
  for (let i = 0; i < (options.strangers ?? Math.max(3, Math.round(n / 2))); i++)
    met.push({ name: `Stranger ${i}`, email: `stranger${i}@elsewhere.example` });
  const cal = generateCalendar({
    singles: options.singles,
    series: options.series,
    occurrencesPerSeries: options.occurrencesPerSeries ?? 20,
    years: options.years ?? 3,
    from: options.from ?? '2023-01-01',
    owner,
    people: met,
    seed: (options.seed ?? 17) + 1,
  });
  return {
    linkedin,
    vcf: vcardFile(cards, options.flavour ?? 'apple-3.0'),
    googleCsv: googleCsv(cards),
    ics: cal.text,
    owner,
    expected: {
      byUrl: byUrl.length,
      byEmail: byEmail.length,
      byName: byName.length,
      ambiguous: shared,
      newPeople: fresh.length,
      birthdays: cards.filter((c) => c.birthday !== null).length,
    },
  };
}

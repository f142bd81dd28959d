/**
 * Address books as import sources, one per format (vCard, Google Contacts CSV, Outlook
 * CSV), each holding every file of its format: a card becomes a person identified by its
 * LinkedIn URL, its e-mail addresses and its name (its birthday tells namesakes apart),
 * owning what an address book is the authority for (core/sources/address-book-fields.ts).
 * Cards about one person (duplicates, or the same person in two files) are one person. A
 * card with no name is only ever added to a note its addresses find; what a card holds
 * that a note does not take (photos, postal addresses…) is counted and reported.
 */
import { fullName } from '../../identity/person-name';
import type { AddressBookContact, AddressBookFile } from '../../sources/contact';
import { ADDRESS_BOOK_RULES, addressBookNoteText } from '../../sources/address-book-fields';
import { linkedInHeadLine, type OwnedValues } from '../../notes/compose-note';
import { ADDRESS_BOOK_HEADING, ADDRESS_BOOK_OWNED, FIELD } from '../../notes/schema';
import { formatCount } from '../../text/format';
import { IncomingSet, partsFromName, type IncomingPerson } from '../incoming';
import type { SourceDetail } from '../plan-types';
import type { ImportSource } from '../source';

export type AddressBookFormat = AddressBookFile['format'];

const LABEL: Record<AddressBookFormat, string> = {
  vcard: 'vCard',
  'google-csv': 'Google Contacts',
  'outlook-csv': 'Outlook contacts',
};

/** Why a left-out field is not copied, where its name does not say. */
const LEFT_OUT_WHY: Record<string, string> = { PHOTO: 'photos are not copied' };

function personOf(c: AddressBookContact): IncomingPerson {
  const owned: OwnedValues = {
    [FIELD.name]: c.name,
    [FIELD.linkedin]: c.linkedin,
    [FIELD.company]: c.company,
    [FIELD.position]: c.position,
    ...(c.emails.length > 0 ? { [FIELD.emails]: c.emails } : {}),
    ...(c.phones.length > 0 ? { [FIELD.phones]: c.phones } : {}),
    ...(c.birthday ? { [FIELD.birthday]: c.birthday } : {}),
  };
  const notes = addressBookNoteText(c.notes);
  const name = c.name || fullName(c.first, c.last);
  return {
    identity: { profileUrl: c.linkedin, emails: c.emails, name, birthday: c.birthday },
    parts:
      c.first !== '' || c.last !== ''
        ? { first: c.first, last: c.last, name, company: c.company }
        : partsFromName(name, c.company),
    owned,
    interactions: [],
    ...(notes !== '' ? { sections: [{ heading: ADDRESS_BOOK_HEADING, text: notes }] } : {}),
    source: c.source,
    // A card with nothing to name a note by only fills a note its addresses find.
    createIfMissing: name !== '',
    isConnection: false,
  };
}

export function addressBookSource(format: AddressBookFormat, files: readonly AddressBookFile[]): ImportSource {
  const id = format;
  const label = LABEL[format];
  const cards = files.reduce((n, f) => n + f.contacts.length, 0);
  return {
    id,
    label,
    files: files.map((f) => f.file),
    owns: [...ADDRESS_BOOK_OWNED, FIELD.name],
    rules: ADDRESS_BOOK_RULES,
    skipped: files.flatMap((f) => f.skipped),
    warnings: files.flatMap((f) => f.warnings),

    collect() {
      const people = new IncomingSet();
      for (const f of files) for (const c of f.contacts) people.merge(personOf(c));
      return people;
    },

    counts: (plan) => {
      const mine = plan.bySource.find((s) => s.id === id);
      return [
        [`${label} entries`, cards],
        [`${label} entries with no name and no note (not created)`, mine?.withoutNote ?? 0],
      ];
    },

    details(plan) {
      const out: SourceDetail[] = [];
      const nameless = plan.withoutNote.filter((p) => p.sourceId === id);
      if (nameless.length > 0)
        out.push({
          title: `${label}: entries with no name whose addresses are on no note (not created)`,
          items: nameless.map(
            (p) => `${p.emails.join(', ') || '(no address)'} (${p.source.file}, line ${p.source.line})`,
          ),
          total: nameless.length,
        });
      const leftOut = files.flatMap((f) =>
        Object.entries(f.ignored)
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .map(
            ([field, n]) =>
              `${f.file}: ${field} ×${formatCount(n)}${LEFT_OUT_WHY[field] ? ` (${LEFT_OUT_WHY[field]})` : ''}`,
          ),
      );
      if (leftOut.length > 0)
        out.push({
          title: `${label}: left out on purpose (what a person note does not take)`,
          items: leftOut,
          total: leftOut.length,
        });
      return out;
    },

    // A new note from a card with a LinkedIn profile links to it; without one, no head line.
    headLine: (owned) => (typeof owned[FIELD.linkedin] === 'string' ? linkedInHeadLine(owned) : null),
  };
}

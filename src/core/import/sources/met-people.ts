/**
 * "Create notes for these": the people a calendar import found without a note, as a
 * source of their own, so their notes are made by the same plan as every other note (the
 * people folder, the file-name format, the same-name rule) and a note that appeared since
 * is found instead of doubled. Each note gets the person's name, their address in
 * `emails` (so the next calendar import finds them by it) and their meetings.
 */
import { FIELD } from '../../notes/schema';
import { IncomingSet } from '../incoming';
import type { PersonWithoutNote } from '../plan-types';
import type { ImportSource } from '../source';
import { ADDRESS_BOOK_RULES } from '../../sources/address-book-fields';

export function metPeopleSource(people: readonly PersonWithoutNote[]): ImportSource {
  return {
    id: 'met-people',
    label: 'People you met',
    files: [...new Set(people.map((p) => p.source.file))],
    owns: [FIELD.name, FIELD.emails],
    // Like an address book: the name only where the note has none, addresses only added.
    rules: { [FIELD.name]: ADDRESS_BOOK_RULES[FIELD.name]!, [FIELD.emails]: ADDRESS_BOOK_RULES[FIELD.emails]! },
    skipped: [],
    warnings: [],
    collect() {
      const set = new IncomingSet();
      for (const p of people)
        set.merge({
          identity: { profileUrl: null, emails: p.emails, name: p.name },
          parts: p.parts,
          owned: {
            [FIELD.name]: p.name || (p.emails[0] ?? ''),
            ...(p.emails.length > 0 ? { [FIELD.emails]: p.emails } : {}),
          },
          interactions: [...p.interactions],
          source: p.source,
          createIfMissing: true,
          isConnection: false,
        });
      return set;
    },
    counts: () => [['People you met, given a note', people.length]],
  };
}

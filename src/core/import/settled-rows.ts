/**
 * Connection rows that change nothing, told apart before any plan object is made for them.
 *
 * On a re-import nearly every row of Connections.csv finds its note by profile URL, and the
 * note already holds every value the row has. Making each such row a person, indexing it,
 * matching it and diffing it was half of an unchanged 30,000-person re-import's plan (and
 * most of its garbage), for a result of "unchanged". A row is settled here instead, with the
 * same outcome the plan would reach, when nothing else in the import can be about that person:
 *
 * - the row has a profile URL and a date, and exactly one note has that URL, readable;
 * - every non-empty value of the row equals the note's, as the same string (equal strings
 *   are no change by any rule of field-diff.ts; anything else goes the long way);
 * - the note records no job change (whose `## History` line the plan checks in the body);
 * - no other file of the export names that URL or that name (an invitation, a message): those
 *   rows merge with the connection and may change the note;
 * - every row of the file has a URL (a row without one is matched by name or address in file
 *   order, which a row settled ahead of its turn could change);
 * - the import has one source and is not planned in parts (a second source merges people
 *   across sources, and a part does not know the whole export).
 *
 * The plan (plan.ts) counts a settled row as the update path would: matched by profile,
 * unchanged, accounted for; its URL, name and day still count where the plan compares a row
 * with all the others (a changed URL, a shared name), and the export-age check finds it by an
 * e-mail address or a name (IncomingSet.findSame). tests/core/import/settled-rows.test.ts and
 * settled-rows.property.test.ts pin all of it to the long way (`linkedInSource(exp, { settle: false })`).
 */
import { nameKey, memoNameKey } from '../identity/person-name';
import type { LinkedInExport } from '../linkedin/read-export';
import type { ConnectionRecord } from '../linkedin/records';
import { FIELD } from '../notes/schema';
import { isEmptyValue } from '../people/coerce';
import { CONNECTION_FIELDS, type SettledRow } from './incoming';
import type { ExistingNote } from './vault-snapshot';

/** The profile URLs and name keys the export's other files (invitations, messages) name. */
export interface Mentions {
  urls: Set<string>;
  names: Set<string>;
}

/**
 * Everyone the invitations and messages of `exp` name, by URL and by name key: both parties
 * of every row, the owner too (more than the plan would match, never less).
 */
export function mentionedElsewhere(exp: Pick<LinkedInExport, 'invitations' | 'messages'>): Mentions {
  const urls = new Set<string>();
  const names = new Set<string>();
  const keyOf = memoNameKey();
  const name = (n: string) => {
    if (n !== '') names.add(keyOf(n));
  };
  for (const f of exp.invitations)
    for (const inv of f.records) {
      if (inv.inviterUrl) urls.add(inv.inviterUrl);
      if (inv.inviteeUrl) urls.add(inv.inviteeUrl);
      name(inv.from);
      name(inv.to);
    }
  for (const { records: m } of exp.messages)
    for (let i = 0; i < m.length; i++) {
      const sender = m.senderUrl(i);
      if (sender) urls.add(sender);
      for (const url of m.recipientUrls(i)) urls.add(url);
      name(m.from(i));
      name(m.to(i));
    }
  return { urls, names };
}

/** Whether the note's frontmatter holds every non-empty value of the row, as the same string. */
export function noteHoldsRow(frontmatter: Readonly<Record<string, unknown>>, c: ConnectionRecord): boolean {
  for (const [field, value] of CONNECTION_FIELDS) {
    const v = value(c);
    // An empty value never clears a field (field-diff.ts), and the same string is no change.
    if (!isEmptyValue(v) && frontmatter[field] !== v) return false;
  }
  return frontmatter[FIELD.jobChangedOn] === undefined || isEmptyValue(frontmatter[FIELD.jobChangedOn]);
}

/** Whether another file of the export names this row's person (see {@link mentionedElsewhere}). */
export function isMentioned(mentions: Mentions, c: ConnectionRecord): boolean {
  if (c.profileUrl !== null && mentions.urls.has(c.profileUrl)) return true;
  return mentions.names.size > 0 && mentions.names.has(nameKey(c.name));
}

/**
 * The test that settles a row of `exp`'s Connections.csv (its note, or null: the row goes the
 * long way), or null when no row may be settled: a row without a profile URL (an export
 * before 2023) is matched by name or e-mail in file order, which a row settled ahead of
 * its turn could change. `notesWithUrl`: the vault's notes by canonical profile URL.
 */
export function rowSettler(
  exp: Pick<LinkedInExport, 'connections' | 'invitations' | 'messages'>,
  notesWithUrl: (url: string) => readonly ExistingNote[],
): ((c: ConnectionRecord) => SettledRow | null) | null {
  // A URL on two rows: the first row in the file claims the note, the other is ambiguous.
  const rowsOfUrl = new Map<string, number>();
  for (const file of exp.connections)
    for (const c of file.records) {
      if (c.profileUrl === null) return null;
      rowsOfUrl.set(c.profileUrl, (rowsOfUrl.get(c.profileUrl) ?? 0) + 1);
    }
  const mentions = mentionedElsewhere(exp);
  return (c) => {
    const url = c.profileUrl;
    // A row without a date leaves the note's, which may be after the export's newest (export-age.ts asks about those).
    if (url === null || c.connectedOn === null || rowsOfUrl.get(url) !== 1 || isMentioned(mentions, c)) return null;
    const notes = notesWithUrl(url);
    const note = notes.length === 1 ? (notes[0] as ExistingNote) : null;
    if (note === null || note.yamlError !== undefined || note.frontmatter === null) return null;
    return noteHoldsRow(note.frontmatter, c) ? { note, record: c as SettledRow['record'] } : null;
  };
}

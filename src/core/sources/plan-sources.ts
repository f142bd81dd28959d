/**
 * Address books and calendars + the vault → what to create and update, in the same
 * create/update operations the LinkedIn import applies (apply.ts), so one writer, one
 * progress and one cancel serve every source.
 *
 * Address books come first: a card matched to a note (match-person.ts) brings only the
 * fields an address book owns (address-book-fields.ts); an unmatched card with a name
 * becomes a new note; a name on several notes is "ambiguous" with every candidate. Cards
 * about the same note (duplicates in an address book, or the same person in two files) are
 * combined first. Calendars come second, so a person a card just created is found by the
 * addresses the card gave. Meeting lines already in a note (word for word, or as the start
 * of a line the user extended) are not added again: a re-import of the same files plans
 * nothing.
 *
 * This is the address-book and calendar half of the import; putting it beside LinkedIn's in
 * one plan is the source seam's job (see docs/ARCHITECTURE.md).
 */
import { fullName } from '../identity/person-name';
import type { DatedLine } from '../import/incoming';
import { partsFromName } from '../import/incoming';
import type { AmbiguousPerson, CreateOp, ImportSettings, UnchangedNote, UpdateOp } from '../import/plan-types';
import type { ExistingNote, VaultSnapshot } from '../import/vault-snapshot';
import type { RowIssue } from '../linkedin/records';
import { sectionLines } from '../notes/body-sections';
import { composePersonNote, type OwnedValues } from '../notes/compose-note';
import { PathClaimer, personBaseName } from '../notes/file-name';
import { FIELD, INTERACTIONS_HEADING } from '../notes/schema';
import { noteName } from '../import/note-matcher';
import { addressBookChanges, addressBookNoteText, addressBookSection, combineContacts } from './address-book-fields';
import type { AddressBookContact, AddressBookFile } from './contact';
import {
  detectOwner,
  planMeetings,
  type CalendarOwner,
  type OwnerHints,
  type UnmatchedAttendee,
} from './calendar/meetings';
import type { CalendarRead } from './calendar/read-calendar';
import { PersonMatcher, type MatchedBy } from './match-person';

export interface SourceCounts {
  file: string;
  kind: 'vcard' | 'google-csv' | 'outlook-csv' | 'icalendar';
  /** Cards or rows read (address books) or past occurrences (calendars). */
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  ambiguous: number;
  matched: Record<MatchedBy, number>;
}

export interface CalendarOutcome {
  file: string;
  owner: CalendarOwner;
  timeZone: string;
  occurrences: number;
  meetings: number;
  declined: number;
  cancelled: number;
  /** Attendees with no note, most meetings first (all of them; the report shows the top 20). */
  unmatched: UnmatchedAttendee[];
}

export interface SourcesPlan {
  creates: CreateOp[];
  updates: UpdateOp[];
  unchanged: UnchangedNote[];
  ambiguous: AmbiguousPerson[];
  skipped: RowIssue[];
  warnings: RowIssue[];
  /** Notes whose frontmatter cannot be read: reported and left as they are. */
  unreadable: { path: string; error: string }[];
  perSource: SourceCounts[];
  calendars: CalendarOutcome[];
  /** Fields left out on purpose, per address-book file. */
  ignored: Array<{ file: string; fields: Record<string, number> }>;
}

export interface SourceInputs {
  addressBooks: readonly AddressBookFile[];
  calendars: readonly CalendarRead[];
  /** Who owns the calendars: the user's addresses, and their name from the LinkedIn export. */
  owner?: OwnerHints;
}

interface Draft {
  contact: AddressBookContact;
  owned: OwnedValues;
  note: ExistingNote;
  lines: DatedLine[];
}

const emptyMatched = (): Record<MatchedBy, number> => ({ profile: 0, email: 0, name: 0 });

function ownedFor(c: AddressBookContact): OwnedValues {
  return {
    [FIELD.name]: c.name,
    [FIELD.linkedin]: c.linkedin,
    [FIELD.company]: c.company,
    [FIELD.position]: c.position,
    [FIELD.email]: null,
    [FIELD.connectedOn]: null,
    [FIELD.status]: null,
    ...(c.emails.length > 0 ? { [FIELD.emails]: c.emails } : {}),
    ...(c.phones.length > 0 ? { [FIELD.phones]: c.phones } : {}),
    ...(c.birthday ? { [FIELD.birthday]: c.birthday } : {}),
  };
}

/** A draft note as the matcher sees it, so later cards and attendees find it. */
function asNote(path: string, owned: OwnedValues): ExistingNote {
  return { path, frontmatter: { ...owned } };
}

function alreadyLogged(existing: readonly string[], line: DatedLine): boolean {
  return existing.some((l) => l === line.line || (line.key !== undefined && l.startsWith(line.key)));
}

export async function planSources(
  inputs: SourceInputs,
  vault: VaultSnapshot,
  settings: ImportSettings,
): Promise<SourcesPlan> {
  const plan: SourcesPlan = {
    creates: [],
    updates: [],
    unchanged: [],
    ambiguous: [],
    skipped: [],
    warnings: [],
    unreadable: [],
    perSource: [],
    calendars: [],
    ignored: [],
  };
  const matcher = new PersonMatcher(vault.notes);
  const paths = new PathClaimer(vault.paths);
  const drafts = new Map<string, Draft>();
  /** Combined contact per existing note. */
  const updates = new Map<string, { note: ExistingNote; contact: AddressBookContact; sources: SourceCounts[] }>();
  const unreadable = new Set<string>();

  for (const file of inputs.addressBooks) {
    const counts: SourceCounts = {
      file: file.file,
      kind: file.format,
      read: file.contacts.length + file.skipped.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      ambiguous: 0,
      matched: emptyMatched(),
    };
    plan.perSource.push(counts);
    plan.skipped.push(...file.skipped);
    plan.warnings.push(...file.warnings);
    if (Object.keys(file.ignored).length > 0) plan.ignored.push({ file: file.file, fields: file.ignored });
    for (const contact of file.contacts) {
      const m = matcher.match({
        profileUrl: contact.linkedin,
        emails: contact.emails,
        name: contact.name,
        birthday: contact.birthday,
      });
      if (m.kind === 'ambiguous') {
        counts.ambiguous++;
        plan.ambiguous.push({
          name: contact.name || contact.emails[0] || '(no name)',
          source: contact.source,
          candidates: m.candidates.map((n) => ({ path: n.path, description: noteName(n) })),
          reason: m.reason,
        });
        continue;
      }
      if (m.kind === 'found') {
        counts.matched[m.by]++;
        const draft = drafts.get(m.note.path);
        if (draft) {
          draft.contact = combineContacts(draft.contact, contact);
          continue;
        }
        if (m.note.yamlError !== undefined) {
          if (!unreadable.has(m.note.path)) {
            unreadable.add(m.note.path);
            plan.unreadable.push({ path: m.note.path, error: m.note.yamlError });
          }
          continue;
        }
        const u = updates.get(m.note.path);
        if (u) {
          u.contact = combineContacts(u.contact, contact);
          if (!u.sources.includes(counts)) u.sources.push(counts);
        } else updates.set(m.note.path, { note: m.note, contact, sources: [counts] });
        continue;
      }
      if (contact.name === '') {
        plan.skipped.push({
          ...contact.source,
          reason: `no name and no note with ${contact.emails.join(', ') || 'its details'}: not created`,
        });
        continue;
      }
      if (m.reason) plan.warnings.push({ ...contact.source, reason: `${m.reason}: a new note is made` });
      const parts =
        contact.first !== '' || contact.last !== ''
          ? { first: contact.first, last: contact.last, name: contact.name, company: contact.company }
          : partsFromName(contact.name, contact.company);
      const path = paths.claim(
        settings.folder,
        personBaseName(settings.fileNameFormat, parts, contact.linkedin),
        contact.company,
      );
      const owned = ownedFor(contact);
      const note = asNote(path, owned);
      drafts.set(path, { contact, owned, note, lines: [] });
      matcher.add(note);
      counts.created++;
    }
  }

  // A card matched to a note brings addresses the calendars below may use to find it.
  for (const u of updates.values()) matcher.learnEmails(u.note, u.contact.emails);

  // Calendars: meetings for existing notes and for the notes just drafted.
  const meetingLines = new Map<string, { note: ExistingNote; lines: DatedLine[]; counts: SourceCounts }[]>();
  for (const cal of inputs.calendars) {
    const owner = detectOwner(cal, inputs.owner ?? {});
    const meetings = planMeetings(cal, owner, matcher);
    const counts: SourceCounts = {
      file: cal.file,
      kind: 'icalendar',
      read: cal.occurrences.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      ambiguous: meetings.ambiguous.length,
      matched: emptyMatched(),
    };
    plan.perSource.push(counts);
    for (const p of cal.problems) plan.warnings.push({ file: cal.file, line: p.line, reason: p.reason });
    for (const a of meetings.ambiguous)
      plan.ambiguous.push({
        name: a.name || a.email,
        source: { file: cal.file, line: 0 },
        candidates: a.candidates.map((path) => ({ path, description: path })),
        reason: a.reason,
      });
    let lines = 0;
    for (const [path, m] of meetings.byNote) {
      counts.matched[m.by]++;
      lines += m.lines.length;
      const list = meetingLines.get(path) ?? [];
      list.push({ note: m.note, lines: m.lines, counts });
      meetingLines.set(path, list);
    }
    plan.calendars.push({
      file: cal.file,
      owner,
      timeZone: cal.timeZone,
      occurrences: cal.occurrences.length,
      meetings: lines,
      declined: meetings.declined,
      cancelled: cal.cancelled,
      unmatched: meetings.unmatched,
    });
  }

  for (const draft of drafts.values()) {
    const extra = (meetingLines.get(draft.note.path) ?? []).flatMap((m) => m.lines);
    meetingLines.delete(draft.note.path);
    const seen = new Set<string>();
    const log = extra
      .filter((l) => !seen.has(l.line) && seen.add(l.line))
      .sort((a, b) => b.date.localeCompare(a.date))
      .map((l) => l.line);
    const c = draft.contact;
    const owned = ownedFor(c);
    const notes = addressBookNoteText(c.notes);
    plan.creates.push({
      path: draft.note.path,
      name: c.name,
      text: composePersonNote(owned, {
        tag: settings.tag,
        interactions: log,
        sections: notes === '' ? [] : [{ heading: 'From address book', text: notes }],
      }),
      profileUrl: c.linkedin,
      source: c.source,
    });
  }

  const paths2 = new Set([...updates.keys(), ...meetingLines.keys()]);
  for (const path of paths2) {
    const u = updates.get(path);
    const meets = meetingLines.get(path) ?? [];
    const note = u?.note ?? (meets[0] as { note: ExistingNote }).note;
    if (note.yamlError !== undefined) {
      if (!unreadable.has(path)) {
        unreadable.add(path);
        plan.unreadable.push({ path, error: note.yamlError });
      }
      continue;
    }
    const changes = u ? addressBookChanges(note.frontmatter ?? {}, u.contact) : [];
    const needsBody = meets.length > 0 || (u !== undefined && u.contact.notes.trim() !== '');
    const body = needsBody ? await vault.readBody(path) : '';
    const existing = meets.length > 0 ? sectionLines(body, INTERACTIONS_HEADING).map((l) => l.trim()) : [];
    const seen = new Set<string>();
    const interactions: DatedLine[] = [];
    const touched = new Set<SourceCounts>();
    for (const m of meets) {
      for (const line of m.lines) {
        if (seen.has(line.line) || alreadyLogged(existing, line)) continue;
        seen.add(line.line);
        interactions.push(line);
        touched.add(m.counts);
      }
    }
    const section = u ? addressBookSection(body, u.contact.notes) : null;
    if (changes.length > 0 || section !== null) for (const s of u?.sources ?? []) touched.add(s);
    const name = (u?.contact.name ?? '') || noteName(note);
    for (const s of [...(u?.sources ?? []), ...meets.map((m) => m.counts)]) {
      if (touched.has(s)) s.updated++;
      else s.unchanged++;
    }
    if (changes.length === 0 && interactions.length === 0 && section === null) {
      plan.unchanged.push({ path, name: fullName(name, '') });
      continue;
    }
    plan.updates.push({
      path,
      name,
      changes,
      jobChange: null,
      history: null,
      interactions: interactions.sort((a, b) => a.date.localeCompare(b.date)),
      sections: section ? [section] : [],
    });
  }
  return plan;
}

/** The import plan: everything the import would do, computed before anything is written. */
import type { MergedExports } from '../linkedin/merge-exports';
import type { IsoDate } from '../dates/iso-date';
import type { RowIssue, SourceRef } from '../linkedin/records';
import type { ExportSeen } from '../triage/triage-state';
import type { FieldChange, JobChange } from './field-diff';
import type { NameParts } from '../notes/file-name';
import type { DatedLine } from './incoming';
import type { MatchedBy } from './note-matcher';
import type { ExportOwner } from '../vault-state';
import type { OwnerRule } from './export-owner';

export interface CreateOp {
  path: string;
  name: string;
  /**
   * The new note's text, composed when it is written: a plan holds its ingredients (values
   * the people already hold), not the text. Holding every text cost ~1 KB a person: 2 GB
   * of a 1,000,000-row import's peak, and a fifth of a 30,000-person import's.
   */
  text(): string;
  profileUrl: string | null;
  source: SourceRef;
}

export interface UpdateOp {
  path: string;
  name: string;
  changes: FieldChange[];
  /** One `## History` line when the job changed. */
  history: string | null;
  jobChange: JobChange | null;
  /** Lines for `## Interactions`, placed by date (already checked to be absent). */
  interactions: readonly DatedLine[];
  /** Whole sections to append (an address book's notes), checked to be absent. */
  sections?: Array<{ heading: string; text: string }>;
}

/** One of the people an ambiguous row could be. */
export interface AmbiguousCandidate {
  /** Their note, when the vault has one. */
  path: string | null;
  /** Who they are and where the export names them, e.g. `Saad Khan, Globex (Connections.csv, line 40)`. */
  description: string;
}

/** A row that fits several people (always two or more candidates), so it was not imported. */
export interface AmbiguousPerson {
  name: string;
  /** The row that could not be matched: its file and real line. */
  source: SourceRef;
  candidates: AmbiguousCandidate[];
  reason: string;
}

export interface UnreadableNote {
  path: string;
  error: string;
}

export interface MissingPerson {
  path: string;
  name: string;
}

export interface PendingInvitation {
  name: string;
  profileUrl: string | null;
  sentOn: IsoDate;
  ageDays: number;
  /** The invitee's note, when the vault has one. */
  notePath: string | null;
  source: SourceRef;
}

export interface ImportSettings {
  /** People folder, already normalised (see normaliseFolder). */
  folder: string;
  fileNameFormat: string;
  tag: string;
  today: IsoDate;
  /** Also create notes for people you invited who have not accepted yet (off by default). */
  createNotesForPendingInvitees?: boolean;
  /** Add one Interactions line per day of LinkedIn messages (off by default). */
  logMessageDays?: boolean;
  /**
   * The newest `connected-on` of the exports this vault imported (the vault state's
   * `lastImport.newestConnectedOn`): an export older than that only fills empty fields
   * (export-age.ts). Absent or null when the state does not say: the notes' newest is taken.
   */
  vaultNewestConnectedOn?: IsoDate | null;
  /**
   * The archive date of the newest dated export this vault imported (the vault state's
   * `lastImport.exportDate`): a dated export made before it is older, even with the same
   * newest connection (export-age.ts). Absent or null when the state does not say.
   */
  vaultExportDate?: IsoDate | null;
}

export type CountRow = readonly [label: string, count: number];

/** A list a source adds to the preview and the report (plain text; `total` may exceed the items shown). */
export interface SourceDetail {
  title: string;
  items: string[];
  total: number;
}

/** What the preview and the report show per source (see source.ts). */
export interface SourceSummary {
  id: string;
  label: string;
  /** People this source described, merged per person, before matching. */
  people: number;
  /** Notes this source's people get (a person several sources describe counts for each). */
  created: number;
  updated: number;
  unchanged: number;
  /** Its people matched to a note, by what. */
  matched: Record<MatchedBy, number>;
  /** Its rows left ambiguous (not imported). */
  ambiguous: number;
  /** Its people with no note, who are not created (a calendar's attendees). */
  withoutNote: number;
  counts: CountRow[];
  details: SourceDetail[];
}

/**
 * Someone a source described who has no note and was not created (a calendar's attendees,
 * pending invitees): enough to create their note later ("Create notes for these").
 */
export interface PersonWithoutNote {
  sourceId: string;
  name: string;
  emails: string[];
  parts: NameParts;
  /** Their log lines (meetings), oldest first. */
  interactions: DatedLine[];
  source: SourceRef;
}

/** What the import made of messages.csv: whose export it is, the messages counted and matched. */
export interface MessagesOutcome {
  ownerUrl: string | null;
  ownerRule: OwnerRule;
  messages: number;
  skippedDrafts: number;
  skippedSponsored: number;
  counterparts: number;
  matched: number;
}

export interface ImportPlan {
  /** The inputs of every source, as the user gave them. */
  sources: string[];
  /** One entry per source, in the order they were given. */
  bySource: SourceSummary[];
  folder: string;
  today: IsoDate;
  creates: CreateOp[];
  updates: UpdateOp[];
  /**
   * The paths of the notes found as they should be. Paths only: an object for each (with the
   * name no one read) was 1 MB of a 30,000-note re-import's peak.
   */
  unchanged: string[];
  skipped: RowIssue[];
  warnings: RowIssue[];
  ambiguous: AmbiguousPerson[];
  unreadable: UnreadableNote[];
  /** Notes a source says should have been in its data and were not (LinkedIn: connections no longer in the export). */
  missingFromExport: MissingPerson[];
  /** People described but not created, who have no note (calendar attendees), in source order. */
  withoutNote: PersonWithoutNote[];
  // The LinkedIn source's own sections (filled by sources/linkedin.ts; empty for other sources).
  /** Set when several files of one kind were read as one export (core/linkedin/merge-exports.ts). */
  mergedExports?: MergedExports | null;
  /** Invitations you sent that were not accepted (yet), oldest first. */
  pendingInvitations: PendingInvitation[];
  stats: {
    connectionRows: number;
    blankMemberRows: number;
    invitationRows: number;
    pendingIncoming: number;
    acceptedWithMessage: number;
    /** The newest `connected-on` among this export's connections (null without Connections.csv). */
    newestConnectedOn: IsoDate | null;
    /**
     * The date in the export's archive name when every file of it has one (export-age.ts),
     * for the vault state; absent or null otherwise (files picked one by one, no LinkedIn).
     */
    exportDate?: IsoDate | null;
  };
  messages: MessagesOutcome;
  /**
   * Whose export this is (name from Profile.csv, URL from the invitations), or null when the
   * export does not say; `messages.ownerRule` tells which evidence decided. The adapters
   * store it in the vault state (the "have we met?" reply is signed with the name).
   */
  owner: ExportOwner | null;
  /**
   * What triage remembers about this export beside `stats.newestConnectedOn`: who connected
   * on that newest day, and whether it listed invitations (see triage-state.ts).
   */
  seen: Omit<ExportSeen, 'newestConnectedOn'>;
}

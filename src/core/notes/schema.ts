/**
 * The person-note schema: frontmatter keys, who owns them, and their order.
 *
 * LinkedIn-owned fields are rewritten by a re-import when LinkedIn's data changes.
 * User-owned fields are written empty on creation (so Obsidian's Properties panel invites
 * filling them) and never touched by an import. `name` is not in LinkedIn's own column
 * list but is LinkedIn-owned: it is what identifies a person in exports before 2023,
 * which have no profile URL, and what a Bases table shows whatever the file is called.
 */
export const FIELD = {
  name: 'name',
  aliases: 'aliases',
  linkedin: 'linkedin',
  company: 'company',
  position: 'position',
  email: 'email',
  connectedOn: 'connected-on',
  status: 'linkedin-status',
  invitedOn: 'invited-on',
  invitationMessage: 'invitation-message',
  lastMessage: 'last-message',
  lastMessageFrom: 'last-message-from',
  unanswered: 'unanswered',
  lastReply: 'last-reply',
  jobChangedOn: 'job-changed-on',
  metWhere: 'met-where',
  trust: 'trust',
  lastContact: 'last-contact',
  tags: 'tags',
  snoozeUntil: 'snooze-until',
  cadence: 'cadence',
  prune: 'prune',
  jobChangeSeen: 'job-change-seen',
  // Address-book fields (any address book: vCard, Google or Outlook CSV).
  emails: 'emails',
  phones: 'phones',
  birthday: 'birthday',
  askedOn: 'asked-on',
  /**
   * The LinkedIn profiles of notes merged into this one (`merge`), when they differed from its
   * own: an import skips their rows rather than make the merged note again.
   */
  linkedinMerged: 'linkedin-merged',
} as const;

export type FieldName = (typeof FIELD)[keyof typeof FIELD];

/** Fields the import may update. Everything else in a note belongs to the user. */
export const LINKEDIN_OWNED: readonly FieldName[] = [
  FIELD.linkedin,
  FIELD.company,
  FIELD.position,
  FIELD.email,
  FIELD.connectedOn,
  FIELD.status,
  FIELD.name,
  FIELD.invitedOn,
  FIELD.invitationMessage,
  FIELD.lastMessage,
  FIELD.lastMessageFrom,
  FIELD.unanswered,
  FIELD.lastReply,
  FIELD.jobChangedOn,
];

/**
 * `aliases` (Obsidian's "other names of this note") belongs to the user too: the import
 * only adds a name's plain form to it (see notes/name-cleanup.ts), never removes or reorders.
 */

/**
 * Fields that hold text: names, companies, messages. A value that looks like an ISO date
 * is quoted in these (a company called `2024-01-01` stays a company for YAML 1.1 tools);
 * in every other field ISO dates are written plain, as Obsidian writes a date property, so
 * date fields added later keep working without being listed.
 */
export const TEXT_FIELDS: ReadonlySet<string> = new Set<string>([
  FIELD.name,
  FIELD.aliases,
  FIELD.linkedin,
  FIELD.company,
  FIELD.position,
  FIELD.email,
  FIELD.status,
  FIELD.invitationMessage,
  FIELD.lastMessageFrom,
  FIELD.metWhere,
  FIELD.tags,
  FIELD.emails,
  FIELD.phones,
]);

/** User fields a new note gets, present but empty. */
export const USER_FIELDS: readonly FieldName[] = [FIELD.metWhere, FIELD.trust, FIELD.lastContact];

export type LinkedInStatus =
  'connected' | 'invitation-received' | 'invitation-sent' | 'invitation-declined' | 'invitation-withdrawn';

export const INVITATION_STATES: readonly string[] = [
  'invitation-received',
  'invitation-sent',
  'invitation-declined',
  'invitation-withdrawn',
];

/** Fields an address-book import may update (see core/sources/address-book-fields.ts for how). */
export const ADDRESS_BOOK_OWNED: readonly FieldName[] = [
  FIELD.emails,
  FIELD.phones,
  FIELD.birthday,
  FIELD.company,
  FIELD.position,
  FIELD.linkedin,
];

export const INTERACTIONS_HEADING = 'Interactions';
export const ADDRESS_BOOK_HEADING = 'From address book';
export const HISTORY_HEADING = 'History';

/**
 * Everything one export says about people, merged per person before matching against the
 * vault: a connection row, an invitation and (later) their messages can all be about the
 * same person and must become one create or one update, never two.
 */
import type { IsoDate } from '../dates/iso-date';
import { fullName, nameKey } from '../identity/person-name';
import type { LinkedInExport } from '../linkedin/read-export';
import type { SourceRef } from '../linkedin/records';
import type { OwnedValues } from '../notes/compose-note';
import type { NameParts } from '../notes/file-name';
import { FIELD } from '../notes/schema';
import type { PersonIdentity } from './note-matcher';

export interface DatedLine {
  date: IsoDate;
  line: string;
  /** When set, a log line starting with this counts as already there (one line per day of messages). */
  key?: string;
}

/** One person as this export describes them. */
export interface IncomingPerson {
  identity: PersonIdentity;
  parts: NameParts;
  owned: OwnedValues;
  /** Log lines to add once, placed by date. */
  interactions: DatedLine[];
  source: SourceRef;
  /** False for someone we only update when they already have a note (a pending invitee). */
  createIfMissing: boolean;
  /** In this export's Connections.csv. */
  isConnection: boolean;
}

export function partsFromName(name: string, company = ''): NameParts {
  const [first = '', ...rest] = name.split(' ');
  return { first, last: rest.join(' '), name, company };
}

/** The people of an export, findable by profile URL or (for exports without URLs) by name. */
export class IncomingSet {
  private readonly list: IncomingPerson[] = [];
  private readonly byUrl = new Map<string, IncomingPerson>();
  private readonly byName = new Map<string, IncomingPerson[]>();

  add(person: IncomingPerson): IncomingPerson {
    this.list.push(person);
    if (person.identity.profileUrl) this.byUrl.set(person.identity.profileUrl, person);
    const key = nameKey(person.identity.name);
    if (key !== '') this.byName.set(key, [...(this.byName.get(key) ?? []), person]);
    return person;
  }

  /** The person with this URL, or the one person with this name when there is no URL. */
  find(profileUrl: string | null, name: string): IncomingPerson | 'ambiguous' | null {
    if (profileUrl) return this.byUrl.get(profileUrl) ?? null;
    const same = this.byName.get(nameKey(name)) ?? [];
    if (same.length > 1) return 'ambiguous';
    return same[0] ?? null;
  }

  all(): readonly IncomingPerson[] {
    return this.list;
  }
}

export function addConnections(set: IncomingSet, exp: LinkedInExport): void {
  for (const file of exp.connections) {
    for (const c of file.records) {
      set.add({
        identity: { profileUrl: c.profileUrl, name: c.name, connectedOn: c.connectedOn },
        parts: {
          first: c.firstName,
          last: c.lastName,
          name: c.name || fullName(c.firstName, c.lastName),
          company: c.company,
        },
        owned: {
          [FIELD.name]: c.name,
          [FIELD.linkedin]: c.profileUrl,
          [FIELD.company]: c.company,
          [FIELD.position]: c.position,
          [FIELD.email]: c.email,
          [FIELD.connectedOn]: c.connectedOn,
          [FIELD.status]: 'connected',
        },
        interactions: [],
        source: c.source,
        createIfMissing: true,
        isConnection: true,
      });
    }
  }
}

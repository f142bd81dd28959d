/**
 * A person added by hand gets the same note as an imported one: the same schema, the same
 * file-name rules, and no second note for a LinkedIn URL the vault already has.
 */
import { fullName } from '../identity/person-name';
import { normaliseProfileUrl } from '../identity/profile-url';
import { composePersonNote } from '../notes/compose-note';
import { PathClaimer, personBaseName } from '../notes/file-name';
import { FIELD } from '../notes/schema';

export interface NewPerson {
  name: string;
  linkedin: string;
  company: string;
}

export type AddPersonResult =
  | { ok: true; path: string; text: string }
  | { ok: false; reason: 'invalid-url' | 'no-name'; message: string }
  | { ok: false; reason: 'duplicate'; message: string; existingPath: string };

export interface AddPersonContext {
  folder: string;
  fileNameFormat: string;
  tag: string;
  paths: Iterable<string>;
  /** Paths of notes that already have this canonical LinkedIn URL. */
  notesWithUrl(url: string): string[];
}

export function planAddPerson(input: NewPerson, ctx: AddPersonContext): AddPersonResult {
  const name = fullName(input.name, '');
  const rawUrl = input.linkedin.trim();
  const url = rawUrl === '' ? null : normaliseProfileUrl(rawUrl);
  if (rawUrl !== '' && url === null)
    return {
      ok: false,
      reason: 'invalid-url',
      message: `"${rawUrl}" is not a LinkedIn profile URL (expected https://www.linkedin.com/in/…)`,
    };
  if (name === '' && url === null)
    return { ok: false, reason: 'no-name', message: 'Give a name or a LinkedIn profile URL.' };
  if (url !== null) {
    const existing = ctx.notesWithUrl(url)[0];
    if (existing !== undefined)
      return {
        ok: false,
        reason: 'duplicate',
        message: `${existing} already has this LinkedIn profile`,
        existingPath: existing,
      };
  }
  const [first = '', ...rest] = name.split(' ');
  const parts = { first, last: rest.join(' '), name, company: input.company.trim() };
  const path = new PathClaimer(ctx.paths).claim(
    ctx.folder,
    personBaseName(ctx.fileNameFormat, parts, url),
    parts.company,
  );
  const text = composePersonNote(
    {
      [FIELD.name]: name,
      [FIELD.linkedin]: url,
      [FIELD.company]: parts.company,
      [FIELD.position]: null,
      [FIELD.email]: null,
      [FIELD.connectedOn]: null,
      [FIELD.status]: null,
    },
    { tag: ctx.tag },
  );
  return { ok: true, path, text };
}

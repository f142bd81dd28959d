/**
 * The "have we met?" loop. Replying to an invitation with the template (`r` in the view,
 * `decide --asked` in the CLI) records the ask: `asked-on` in the frontmatter and a dated
 * line under `## Interactions`. The card then waits. When an import brings a message from
 * them dated on or after the ask (`last-reply`), the card comes back as answered; after the
 * "ask wait" period with no answer it comes back offering to decline. The message text is
 * never read into notes: only its date.
 */
import { daysBetween, type IsoDate } from '../dates/iso-date';
import { insertDatedLine } from '../notes/body-sections';
import { FIELD, INTERACTIONS_HEADING } from '../notes/schema';
import { interactionLine } from '../people/person-edits';
import type { PersonRecord } from '../people/person-record';

export type AskState =
  | { state: 'not-asked' }
  | { state: 'waiting'; askedOn: IsoDate; days: number }
  | { state: 'answered'; askedOn: IsoDate; answeredOn: IsoDate }
  | { state: 'no-answer'; askedOn: IsoDate; days: number };

export function askState(p: PersonRecord, today: IsoDate, waitDays: number): AskState {
  const askedOn = p.askedOn;
  if (askedOn === null) return { state: 'not-asked' };
  if (p.lastReply !== null && p.lastReply >= askedOn) return { state: 'answered', askedOn, answeredOn: p.lastReply };
  const days = Math.max(0, daysBetween(askedOn, today));
  return days >= waitDays ? { state: 'no-answer', askedOn, days } : { state: 'waiting', askedOn, days };
}

/** `- 2026-11-26 · message · asked “have we met?”` */
export function askLine(today: IsoDate): string {
  return interactionLine({ date: today, channel: 'message', note: 'asked “have we met?”' });
}

/** The frontmatter and body edits that record an ask (applied by either adapter). */
export const recordAsk = {
  frontmatter: (today: IsoDate) => (fm: Record<string, unknown>) => {
    fm[FIELD.askedOn] = today;
  },
  body: (today: IsoDate) => (body: string) =>
    body.includes(askLine(today)) ? body : insertDatedLine(body, INTERACTIONS_HEADING, askLine(today), today),
};

/**
 * Who signs the reply: the "Your name" setting, else the export owner's name (Profile.csv),
 * else nobody (the template's `{my-name}` and the comma before it are dropped, never "me").
 */
export function replySigner(myName: string, ownerName: string | null | undefined): string {
  return myName.trim() || (ownerName ?? '').trim();
}

/** `{first}`, `{name}`, `{company}` and `{my-name}` in the reply template. */
export function fillReplyTemplate(template: string, person: PersonRecord, myName: string): string {
  const first = person.name.split(' ')[0] ?? person.name;
  const text = myName === '' ? template.replace(/,?[ \t]*\{my-name\}/g, '') : template;
  return text.replace(/\{(first|name|company|my-name)\}/g, (_m, key: string) => {
    if (key === 'first') return first;
    if (key === 'name') return person.name;
    if (key === 'company') return person.company;
    return myName;
  });
}

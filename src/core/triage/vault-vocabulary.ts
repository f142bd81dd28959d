/**
 * The names a vault knows, for the note hints: where you met people, their companies, their
 * names, and the names of your other notes (events, places, projects). Built only when an
 * invitation with a note is on the queue.
 */
import type { PersonRecord } from '../people/person-record';
import { buildHintVocabulary, type HintVocabulary } from './note-hint';

export function vaultVocabulary(people: readonly PersonRecord[], otherNoteNames: readonly string[]): HintVocabulary {
  const metWhere = new Set<string>();
  const companies = new Set<string>();
  const names: string[] = [];
  for (const p of people) {
    if (p.metWhere !== '') metWhere.add(p.metWhere);
    // An inviter's company is theirs, not a place you share: only connections' companies count.
    if (p.company !== '' && p.status === 'connected') companies.add(p.company);
    if (p.status === 'connected') names.push(p.name);
  }
  return buildHintVocabulary({
    metWhere: [...metWhere],
    companies: [...companies],
    people: names,
    noteNames: otherNoteNames,
  });
}

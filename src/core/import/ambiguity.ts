/**
 * How an ambiguous row is reported: every person it could be, each shown by their note when
 * they have one, else by where the export names them (file and real line), so the user can
 * look them up and tell the rows apart.
 */
import type { Candidate, IncomingPerson } from './incoming';
import { noteName, type MatchResult, type NoteMatcher } from './note-matcher';
import type { AmbiguousCandidate, AmbiguousPerson } from './plan-types';

/** One candidate: their note when they have one, else where the export names them. */
export function describeCandidate(c: Candidate, matcher: NoteMatcher): AmbiguousCandidate {
  if ('person' in c) {
    const p = c.person;
    const found = matcher.peek(p.identity);
    const company = p.parts.company === '' ? '' : `, ${p.parts.company}`;
    return {
      path: found.kind === 'found' ? found.note.path : null,
      description: `${p.identity.name}${company} (${p.source.file}, line ${p.source.line})`,
    };
  }
  const notes = matcher.notesWithUrl(c.profileUrl);
  return {
    path: notes.length === 1 ? (notes[0]?.path ?? null) : null,
    description: `${c.name}, ${c.profileUrl} (${c.source.file}, line ${c.source.line})`,
  };
}

/** Every candidate of an ambiguous row: the notes it fits, the row that took the note first, its namesakes. */
export function ambiguousCandidates(
  match: Extract<MatchResult, { kind: 'ambiguous' }>,
  namesakes: readonly IncomingPerson[],
  bySource: ReadonlyMap<unknown, IncomingPerson>,
  matcher: NoteMatcher,
): AmbiguousCandidate[] {
  const out: AmbiguousCandidate[] = match.candidates.map((n) => ({ path: n.path, description: noteName(n) }));
  const rows = [...namesakes];
  const claimer = match.claimedBy ? bySource.get(match.claimedBy) : undefined;
  if (claimer && !rows.includes(claimer)) rows.unshift(claimer);
  for (const person of rows) {
    const c = describeCandidate({ person }, matcher);
    if (c.path === null || !out.some((o) => o.path === c.path)) out.push(c);
  }
  return out;
}

/** An ambiguous row as plain text, as the import's preview and the CLI show it (the report links the notes). */
export function ambiguousText(a: AmbiguousPerson): string {
  const could = a.candidates.map((c) => c.path ?? c.description).join(', ');
  return `${a.name} (${a.source.file}, line ${a.source.line}): ${a.reason}. Could be: ${could}`;
}

/**
 * The prune list note: a checklist of everyone marked `prune: true`, with profile links,
 * because removing a connection is done by hand on LinkedIn (the plugin never contacts it).
 * Regenerating it keeps the boxes the user already ticked.
 */
import { linkableProfileUrl } from '../identity/profile-url';
import { escapeMarkdown } from '../notes/markdown-escape';
import type { PersonRecord } from '../people/person-record';
import { wikiLink } from '../import/report';

const CHECKED = /^- \[[xX]\] \[\[([^|\]]+)/;

export function composePruneList(people: readonly PersonRecord[], previous: string | null, today: string): string {
  const ticked = new Set<string>();
  for (const line of (previous ?? '').split('\n')) {
    const m = CHECKED.exec(line);
    if (m) ticked.add(m[1] as string);
  }
  const marked = people.filter((p) => p.prune).sort((a, b) => a.name.localeCompare(b.name));
  const lines = marked.map((p) => {
    const parts = [wikiLink(p.path)];
    if (p.company !== '') parts.push(escapeMarkdown(p.company));
    parts.push(p.profileUrl ? `[LinkedIn profile](${linkableProfileUrl(p.profileUrl)})` : 'no profile link');
    return `- [${ticked.has(p.path.replace(/\.md$/i, '')) ? 'x' : ' '}] ${parts.join(' · ')}`;
  });
  return [
    '# Prune list',
    '',
    `People you marked to remove from your LinkedIn network (${marked.length}, updated ${today}). Remove them on LinkedIn by hand, tick them off here, then take \`prune: true\` off their note or delete it.`,
    '',
    ...(lines.length > 0 ? lines : ['Nobody is marked to prune. Mark people with **p** in the triage view.']),
    '',
  ].join('\n');
}

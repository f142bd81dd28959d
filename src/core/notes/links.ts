/** Link targets in a note's text: `[[Target]]`, `[[Target|alias]]`, `[[Target#heading]]`, `![[embed]]`. */
const WIKILINK = /!?\[\[([^\]|#^]+)(?:[#^][^\]|]*)?(?:\|[^\]]*)?\]\]/g;

export function wikiLinkTargets(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(WIKILINK)) {
    const target = (m[1] as string).trim();
    if (target !== '') out.push(target);
  }
  return out;
}

/** Text as a reader sees it: `[[Web Summit 2024]]` → `Web Summit 2024`, `[[Target|alias]]` → `alias`. */
export function linkDisplayText(text: string): string {
  return text.replace(/!?\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_m, target: string, alias?: string) =>
    (alias ?? target.replace(/[#^].*$/, '')).trim(),
  );
}

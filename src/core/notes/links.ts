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

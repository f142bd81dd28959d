/**
 * Links to a removed note, pointed at the note that replaces it: `[[Old]]`, `[[Old|shown]]`,
 * `[[Old#Heading]]`, `![[Old]]` embeds and Markdown links `[shown](Old.md#x)`, with the
 * heading, block and display text kept. Links inside code (fenced or inline) are text, not
 * links, and are left alone. The plugin finds links through Obsidian's metadata cache and
 * only uses {@link retargetLink} on each; the CLI also uses {@link findLinks}.
 */
export interface FoundLink {
  start: number;
  end: number;
  original: string;
  /** The link path as written, decoded (`Folder/Old`, `Old.md`). */
  target: string;
}

const WIKI = /!?\[\[([^\]|#^\r\n]*)((?:[#^][^\]|\r\n]*)?)((?:\|[^\]\r\n]*)?)\]\]/y;
const MARKDOWN = /!?\[([^\]\r\n]*)\]\(\s*(<[^>\r\n]*>|[^)\s]*)((?:\s+"[^"\r\n]*")?)\s*\)/y;

function decodeTarget(raw: string): string {
  const t = raw.replace(/^<(.*)>$/, '$1');
  try {
    return decodeURIComponent(t);
  } catch {
    return t;
  }
}

/** Every wiki and Markdown link in a note, outside code. */
export function findLinks(text: string): FoundLink[] {
  const out: FoundLink[] = [];
  let fence: string | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl === -1 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      const marker = (f[1] as string)[0] as string;
      if (fence === null) fence = marker;
      else if (fence === marker) fence = null;
    } else if (fence === null) {
      let i = 0;
      while (i < line.length) {
        const ch = line[i];
        if (ch === '`') {
          // Inline code: skip to the matching run of backticks.
          const run = /^`+/.exec(line.slice(i))?.[0] ?? '`';
          const close = line.indexOf(run, i + run.length);
          i = close === -1 ? i + run.length : close + run.length;
          continue;
        }
        if (ch === '[' || (ch === '!' && line[i + 1] === '[')) {
          WIKI.lastIndex = i;
          const w = WIKI.exec(line);
          if (w) {
            out.push({
              start: lineStart + i,
              end: lineStart + i + w[0].length,
              original: w[0],
              target: (w[1] as string).trim(),
            });
            i += w[0].length;
            continue;
          }
          MARKDOWN.lastIndex = i;
          const m = MARKDOWN.exec(line);
          if (m && !/^[a-z][a-z0-9+.-]*:/i.test(m[2] as string)) {
            out.push({
              start: lineStart + i,
              end: lineStart + i + m[0].length,
              original: m[0],
              target: decodeTarget((m[2] as string).replace(/#.*$/, '')),
            });
            i += m[0].length;
            continue;
          }
        }
        i++;
      }
    }
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return out;
}

/**
 * The same link pointing at `newTarget` (a link path without `.md`, as Obsidian writes it):
 * subpath, display text, embed marker and Markdown title kept.
 */
export function retargetLink(original: string, newTarget: string): string {
  WIKI.lastIndex = 0;
  const w = WIKI.exec(original);
  if (w && w[0] === original) return `${original.startsWith('!') ? '!' : ''}[[${newTarget}${w[2] ?? ''}${w[3] ?? ''}]]`;
  MARKDOWN.lastIndex = 0;
  const m = MARKDOWN.exec(original);
  if (m && m[0] === original) {
    const sub = /#.*$/.exec((m[2] as string).replace(/^<(.*)>$/, '$1'))?.[0] ?? '';
    const encoded = `${newTarget}.md`.split('/').map(encodeURIComponent).join('/');
    return `${original.startsWith('!') ? '!' : ''}[${m[1] ?? ''}](${encoded}${sub}${m[3] ?? ''})`;
  }
  return original;
}

/** Rewrites every link for which `isOld(target)` holds; returns the new text and how many changed. */
export function rewriteLinks(
  text: string,
  isOld: (target: string) => boolean,
  newTarget: string,
): { text: string; count: number } {
  let out = '';
  let last = 0;
  let count = 0;
  for (const link of findLinks(text)) {
    if (!isOld(link.target)) continue;
    out += text.slice(last, link.start) + retargetLink(link.original, newTarget);
    last = link.end;
    count++;
  }
  return { text: count === 0 ? text : out + text.slice(last), count };
}

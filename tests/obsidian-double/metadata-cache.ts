/**
 * A metadata cache that really indexes notes: frontmatter (parsed with the `yaml`
 * package's core schema, as Obsidian's parser treats `2024-01-05`: a string), headings,
 * list items (with `task` for `- [ ]` items), links, embeds, and resolved links.
 *
 * Like Obsidian's, it is asynchronous: after a write, `getFileCache` keeps the old entry
 * (or null for a new file) until the file has been indexed on a later tick; then
 * `changed` fires with the file's text, and `resolved` when the queue is empty. Renames
 * do not fire `changed` (Obsidian documents that), deletes fire `deleted` with the old
 * cache. It can start warm (everything indexed, no events) or cold (nothing indexed yet,
 * files indexed in batches over time, then `resolved`). Tests await
 * {@link MetadataCache.settled}.
 */
import type * as Real from 'obsidian';
import YAML from 'yaml';
import { Events } from './events';
import { TFile, type TAbstractFile, type Vault } from './vault';

type Pos = Real.Pos;

function pos(line: number, col: number, offset: number, endLine: number, endCol: number, endOffset: number): Pos {
  return { start: { line, col, offset }, end: { line: endLine, col: endCol, offset: endOffset } };
}

export function computeCache(text: string): Real.CachedMetadata {
  const cache: Real.CachedMetadata = {};
  const lines = text.split('\n');
  let bodyStartLine = 0;
  if (/^---\r?\n/.test(text)) {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*\r?$/.test(l));
    if (close > 0) {
      const yamlText = lines.slice(1, close).join('\n');
      const endOffset = lines.slice(0, close + 1).join('\n').length;
      cache.frontmatterPosition = pos(0, 0, 0, close, 3, endOffset);
      try {
        const data: unknown = YAML.parse(yamlText);
        if (data && typeof data === 'object' && !Array.isArray(data)) cache.frontmatter = data;
      } catch {
        // Obsidian keeps no frontmatter for YAML it cannot parse.
      }
      bodyStartLine = close + 1;
    }
  }
  const headings: Real.HeadingCache[] = [];
  const listItems: Real.ListItemCache[] = [];
  const links: Real.LinkCache[] = [];
  const embeds: Real.EmbedCache[] = [];
  let offset = lines.slice(0, bodyStartLine).reduce((n, l) => n + l.length + 1, 0);
  let fence: string | null = null;
  const openItems: Array<{ line: number; indent: number }> = [];
  let listStart = -1;
  let afterBlank = false;
  for (let i = bodyStartLine; i < lines.length; i++) {
    const line = (lines[i] as string).replace(/\r$/, '');
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f) fence = fence === null ? ((f[1] as string)[0] as string) : fence === (f[1] as string)[0] ? null : fence;
    else if (fence === null) {
      const h = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
      if (h)
        headings.push({
          heading: h[2] as string,
          level: (h[1] as string).length,
          position: pos(i, 0, offset, i, line.length, offset + line.length),
        });
      const bullet = /^(\s*)(?:[-*+]|\d+[.)])\s/.exec(line);
      // A heading, or a paragraph after a blank line, ends the list; a line right below an item
      // continues its text (CommonMark's lazy continuation).
      if (!bullet && line.trim() !== '' && !/^\s/.test(line) && (h || afterBlank)) {
        openItems.length = 0;
        listStart = -1;
      }
      afterBlank = line.trim() === '';
      if (bullet) {
        // As Obsidian: `parent` is the line of the item this one is indented under, or minus
        // the line of its list's first item for a top-level item.
        const indent = (bullet[1] as string).replace(/\t/g, '    ').length;
        while (openItems.length > 0 && (openItems[openItems.length - 1] as { indent: number }).indent >= indent)
          openItems.pop();
        if (listStart < 0) listStart = i;
        const above = openItems[openItems.length - 1];
        const item: Real.ListItemCache = {
          parent: above === undefined ? -listStart : above.line,
          position: pos(i, 0, offset, i, line.length, offset + line.length),
        };
        openItems.push({ line: i, indent });
        // As Obsidian: the character in `[ ]` for a task, undefined for a plain item.
        const task = /^\s*(?:[-*+]|\d+[.)])\s+\[(.)\]/.exec(line);
        if (task) item.task = task[1];
        listItems.push(item);
      }
      for (const m of line.matchAll(/!?\[\[([^\]|#^]*)(?:[#^][^\]|]*)?(?:\|([^\]]*))?\]\]/g)) {
        const link = (m[1] as string).trim();
        // Embeds (`![[…]]`) are listed apart from links, as Obsidian does; both resolve.
        if (link !== '')
          (m[0].startsWith('!') ? embeds : links).push({
            link,
            original: m[0],
            displayText: m[2] ?? link,
            position: pos(i, m.index, offset + m.index, i, m.index + m[0].length, offset + m.index + m[0].length),
          });
      }
    }
    offset += (lines[i] as string).length + 1;
  }
  if (headings.length) cache.headings = headings;
  if (listItems.length) cache.listItems = listItems;
  if (links.length) cache.links = links;
  if (embeds.length) cache.embeds = embeds;
  return cache;
}

/** How a cold start indexes: `batch` files every `intervalMs`, with or without `changed` per file. */
export interface ColdIndexOptions {
  batch?: number;
  intervalMs?: number;
  /**
   * Whether the first indexing fires `changed` for each file. Reports disagree (see
   * tests/README.md), so the default is the harder case for a plugin: it does not, and
   * only `resolved` says the cache is complete.
   */
  changedEvents?: boolean;
}

export class MetadataCache extends Events {
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};
  private readonly caches = new Map<string, Real.CachedMetadata>();
  private readonly queue = new Set<TFile>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private waiters: Array<() => void> = [];
  /** Files of a cold start not indexed yet, and how they are worked through. */
  private cold: TFile[] = [];
  private coldOptions: Required<ColdIndexOptions> = { batch: 100, intervalMs: 10, changedEvents: false };
  private coldTimer: ReturnType<typeof setTimeout> | null = null;
  private resolveAllTimer: ReturnType<typeof setTimeout> | null = null;
  /** How many times a file was indexed so far (tests wait until it stops moving). */
  indexed = 0;

  constructor(private readonly vault: Vault) {
    super();
    vault.on('create', (file: TAbstractFile) => file instanceof TFile && this.enqueue(file));
    vault.on('modify', (file: TAbstractFile) => file instanceof TFile && this.enqueue(file));
    vault.on('delete', (file: TAbstractFile) => {
      if (!(file instanceof TFile)) return;
      const prev = this.caches.get(file.path) ?? null;
      this.caches.delete(file.path);
      delete this.resolvedLinks[file.path];
      this.queue.delete(file);
      this.trigger('deleted', file, prev);
    });
    vault.on('rename', (file: TAbstractFile, oldPath: string) => {
      if (!(file instanceof TFile) || typeof oldPath !== 'string') return;
      const cache = this.caches.get(oldPath);
      this.caches.delete(oldPath);
      if (cache) this.caches.set(file.path, cache);
      const links = this.resolvedLinks[oldPath];
      delete this.resolvedLinks[oldPath];
      if (links) this.resolvedLinks[file.path] = links;
      // A folder rename fires one event per file: resolve links once for the burst.
      this.resolveAllTimer ??= setTimeout(() => {
        this.resolveAllTimer = null;
        this.resolveAll();
      }, 0);
    });
  }

  getFileCache(file: TFile): Real.CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }

  getCache(path: string): Real.CachedMetadata | null {
    return this.caches.get(path) ?? null;
  }

  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    const target = linkpath.split('#')[0]?.trim() ?? '';
    if (target === '') return this.vault.getFileByPath(sourcePath);
    const withExt = /\.[a-z0-9]+$/i.test(target) ? target : `${target}.md`;
    const exact = this.vault.getFileByPath(withExt);
    if (exact) return exact;
    const base = withExt.slice(withExt.lastIndexOf('/') + 1).toLowerCase();
    const candidates = this.vault
      .getFiles()
      .filter(
        (f) =>
          f.name.toLowerCase() === base &&
          (!target.includes('/') || f.path.toLowerCase().endsWith(withExt.toLowerCase())),
      );
    candidates.sort((a, b) => a.path.length - b.path.length);
    return candidates[0] ?? null;
  }

  /** Indexes files at once, as when Obsidian starts with a warm cache. No events. */
  indexNow(files: readonly TFile[], texts: ReadonlyMap<string, string>): void {
    for (const f of files) this.caches.set(f.path, computeCache(texts.get(f.path) ?? ''));
    this.resolveAll();
  }

  /**
   * A cold start (first open after install or sync, a phone, "Rebuild cache"): the files are
   * there, the cache is empty, and Obsidian indexes them over the next seconds. Until a file
   * is indexed `getFileCache` answers null; when the last one is, `resolved` fires.
   */
  startColdIndex(files: readonly TFile[], options: ColdIndexOptions = {}): void {
    this.coldOptions = { ...this.coldOptions, ...options };
    this.cold = [...files];
    this.scheduleCold();
  }

  /** Whether the first indexing of a cold start is still going on. */
  get indexing(): boolean {
    return this.cold.length > 0;
  }

  private scheduleCold(): void {
    this.coldTimer ??= setTimeout(() => void this.coldBatch(), this.coldOptions.intervalMs);
  }

  private async coldBatch(): Promise<void> {
    this.coldTimer = null;
    for (const file of this.cold.splice(0, this.coldOptions.batch)) {
      const text = await this.vault.cachedRead(file).catch(() => null);
      if (text === null || this.caches.has(file.path)) continue;
      const cache = computeCache(text);
      this.caches.set(file.path, cache);
      this.indexed++;
      if (this.coldOptions.changedEvents) this.trigger('changed', file, text, cache);
    }
    if (this.cold.length > 0) {
      this.scheduleCold();
      return;
    }
    this.resolveAll();
    this.finish();
  }

  private enqueue(file: TFile): void {
    this.queue.add(file);
    this.timer ??= setTimeout(() => void this.flush(), 0);
  }

  private async flush(): Promise<void> {
    this.timer = null;
    const batch = [...this.queue];
    this.queue.clear();
    for (const file of batch) {
      const text = await this.vault.cachedRead(file).catch(() => null);
      if (text === null) continue;
      const cache = computeCache(text);
      this.caches.set(file.path, cache);
      this.indexed++;
      this.resolveFile(file, cache);
      this.trigger('changed', file, text, cache);
      this.trigger('resolve', file);
    }
    if (this.queue.size > 0) {
      this.timer ??= setTimeout(() => void this.flush(), 0);
      return;
    }
    this.finish();
  }

  /** `resolved` fires when nothing is left to index, the first indexing included. */
  private finish(): void {
    if (this.cold.length > 0 || this.queue.size > 0) return;
    this.trigger('resolved');
    for (const w of this.waiters.splice(0)) w();
  }

  private resolveFile(file: TFile, cache: Real.CachedMetadata): void {
    const out: Record<string, number> = {};
    const missing: Record<string, number> = {};
    for (const link of [...(cache.links ?? []), ...(cache.embeds ?? [])]) {
      const dest = this.getFirstLinkpathDest(link.link, file.path);
      if (dest) out[dest.path] = (out[dest.path] ?? 0) + 1;
      else missing[link.link] = (missing[link.link] ?? 0) + 1;
    }
    this.resolvedLinks[file.path] = out;
    this.unresolvedLinks[file.path] = missing;
  }

  private resolveAll(): void {
    for (const file of this.vault.getMarkdownFiles()) {
      const cache = this.caches.get(file.path);
      if (cache) this.resolveFile(file, cache);
    }
  }

  /** The app closes: no more indexing, no timers left behind. */
  stop(): void {
    for (const t of [this.timer, this.coldTimer, this.resolveAllTimer]) if (t !== null) clearTimeout(t);
    this.timer = this.coldTimer = this.resolveAllTimer = null;
    this.cold = [];
    this.queue.clear();
    for (const w of this.waiters.splice(0)) w();
  }

  /** Resolves when every pending file has been indexed and `resolved` has fired. */
  settled(): Promise<void> {
    if (this.queue.size === 0 && this.timer === null && this.cold.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

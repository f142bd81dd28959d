/**
 * The note editor: a `MarkdownView` whose `Editor` holds the text being typed, which is
 * NOT on disk yet. Obsidian saves it two seconds after the last keystroke
 * (`TextFileView.requestSave`: "Debounced save in 2 seconds from now"), or on `save()`.
 *
 * When the file changes on disk under an open editor (another plugin, `vault.process`,
 * `processFrontMatter`), a clean editor takes the new text with the cursor kept where it
 * was. An editor with unsaved typing shows "Merging changes" and, in the case users report
 * losing text (alangrainger/obsidian-frontmatter-modified-date#32), the disk version wins:
 * the typing since the last save is gone. The double models that worst case, so a plugin
 * that writes to disk under the user's keystrokes fails its tests here.
 *
 * The view also renders the note as Obsidian's live preview shows it: the file name as an
 * inline title, the frontmatter as a properties table, then the body's lines.
 */
import type * as Real from 'obsidian';
import YAML from 'yaml';
import { textChanges } from '../../src/core/edits/text-changes';
import { Notice } from './ui';
import { ItemView } from './view';
import type { TFile } from './vault';
import type { WorkspaceLeaf } from './workspace';

const AUTOSAVE_MS = 2000;

interface Change {
  from: number;
  to: number;
  insert: string;
}

/** Where `pos` ends up after `changes` (all relative to the old text), as CodeMirror maps a cursor. */
function mapOffset(pos: number, changes: readonly Change[]): number {
  let delta = 0;
  for (const c of changes) {
    if (pos < c.from || (pos === c.from && c.to === c.from)) break;
    if (pos < c.to) return c.from + delta;
    delta += c.insert.length - (c.to - c.from);
  }
  return pos + delta;
}

export class Editor {
  private text = '';
  private anchor = 0;
  private head = 0;
  /** One entry per transaction: what Ctrl-Z would undo step by step. */
  readonly history: string[] = [];

  constructor(private readonly changed: (byUser: boolean) => void) {}

  getValue(): string {
    return this.text;
  }
  setValue(content: string): void {
    this.apply([{ from: 0, to: this.text.length, insert: content }], false);
  }
  lineCount(): number {
    return this.text.split('\n').length;
  }
  lastLine(): number {
    return this.lineCount() - 1;
  }
  getLine(line: number): string {
    return this.text.split('\n')[line] ?? '';
  }
  posToOffset(pos: Real.EditorPosition): number {
    const lines = this.text.split('\n');
    let offset = 0;
    for (let i = 0; i < Math.min(pos.line, lines.length - 1); i++) offset += (lines[i] as string).length + 1;
    const line = lines[Math.min(pos.line, lines.length - 1)] ?? '';
    return offset + Math.min(Math.max(pos.ch, 0), line.length);
  }
  offsetToPos(offset: number): Real.EditorPosition {
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    const before = this.text.slice(0, clamped).split('\n');
    return { line: before.length - 1, ch: (before[before.length - 1] as string).length };
  }
  getCursor(side: 'from' | 'to' | 'head' | 'anchor' = 'head'): Real.EditorPosition {
    const at =
      side === 'anchor'
        ? this.anchor
        : side === 'from'
          ? Math.min(this.anchor, this.head)
          : side === 'to'
            ? Math.max(this.anchor, this.head)
            : this.head;
    return this.offsetToPos(at);
  }
  setCursor(pos: Real.EditorPosition | number, ch?: number): void {
    const p = typeof pos === 'number' ? { line: pos, ch: ch ?? 0 } : pos;
    this.anchor = this.head = this.posToOffset(p);
  }
  setSelection(anchor: Real.EditorPosition, head?: Real.EditorPosition): void {
    this.anchor = this.posToOffset(anchor);
    this.head = this.posToOffset(head ?? anchor);
  }
  getSelection(): string {
    return this.text.slice(Math.min(this.anchor, this.head), Math.max(this.anchor, this.head));
  }
  getRange(from: Real.EditorPosition, to: Real.EditorPosition): string {
    return this.text.slice(this.posToOffset(from), this.posToOffset(to));
  }
  replaceRange(replacement: string, from: Real.EditorPosition, to?: Real.EditorPosition, _origin?: string): void {
    const a = this.posToOffset(from);
    this.apply([{ from: a, to: to ? this.posToOffset(to) : a, insert: replacement }], false);
  }
  replaceSelection(replacement: string, _origin?: string): void {
    this.apply(
      [{ from: Math.min(this.anchor, this.head), to: Math.max(this.anchor, this.head), insert: replacement }],
      false,
    );
  }
  /** Several changes as one step; positions refer to the text before the transaction, as in CodeMirror. */
  transaction(tx: Real.EditorTransaction, _origin?: string): void {
    const changes = (tx.changes ?? []).map((c) => {
      const from = this.posToOffset(c.from);
      return { from, to: c.to ? this.posToOffset(c.to) : from, insert: c.text };
    });
    this.apply(changes, false);
    if (tx.selection) this.setSelection(tx.selection.from, tx.selection.to);
  }
  focus(): void {}

  /** The user typing at the cursor (replacing any selection). Test helper, not Obsidian API. */
  type(text: string): void {
    const from = Math.min(this.anchor, this.head);
    this.apply([{ from, to: Math.max(this.anchor, this.head), insert: text }], true);
    this.anchor = this.head = from + text.length;
  }

  /** Replaces the whole text with what is on disk, changing only the lines that differ, so the cursor stays. */
  load(text: string): void {
    if (text === this.text) return;
    this.apply(
      textChanges(this.text, text).map((c) => ({ from: c.from, to: c.to, insert: c.insert })),
      false,
      false,
    );
  }

  private apply(changes: Change[], byUser: boolean, record = true): void {
    const sorted = [...changes].sort((a, b) => a.from - b.from);
    for (let i = 1; i < sorted.length; i++)
      if ((sorted[i] as Change).from < (sorted[i - 1] as Change).to)
        throw new RangeError('Editor transaction: changes overlap');
    let out = '';
    let at = 0;
    for (const c of sorted) {
      out += this.text.slice(at, c.from) + c.insert;
      at = c.to;
    }
    out += this.text.slice(at);
    this.anchor = mapOffset(this.anchor, sorted);
    this.head = mapOffset(this.head, sorted);
    this.text = out;
    if (record) this.history.push(out);
    this.changed(byUser);
  }
}

/** A Markdown note open in a tab, in live preview. */
export class MarkdownView extends ItemView {
  file: TFile | null = null;
  editor: Editor;
  /** What the view last read from or wrote to disk: the buffer differs from it while typing is unsaved. */
  private lastSaved = '';
  private saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Times the disk changed under unsaved typing (and that typing was lost). */
  mergeLosses = 0;
  private readonly bodyEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.editor = new Editor((byUser) => {
      if (byUser || this.dirty) this.requestSave();
      this.renderNote();
    });
    this.contentEl.addClass('markdown-source-view', 'mod-cm6', 'is-live-preview');
    this.bodyEl = this.contentEl.createDiv('cm-scroller').createDiv('cm-sizer');
    this.registerEvent(this.app.vault.on('modify', (f) => f === this.file && void this.onDiskChange()));
    this.registerEvent(
      this.app.vault.on('rename', (f) => {
        if (f === this.file) {
          this.updateHeader();
          this.renderNote();
        }
      }),
    );
  }

  getViewType(): string {
    return 'markdown';
  }
  getDisplayText(): string {
    return this.file?.basename ?? 'New tab';
  }
  getMode(): 'source' | 'preview' {
    return 'source';
  }
  get data(): string {
    return this.editor.getValue();
  }
  getViewData(): string {
    return this.editor.getValue();
  }
  setViewData(data: string, clear: boolean): void {
    if (clear) this.editor.setValue(data);
    else this.editor.load(data);
  }
  clear(): void {
    this.editor.setValue('');
  }
  /** Unsaved typing in the buffer. */
  get dirty(): boolean {
    return this.editor.getValue() !== this.lastSaved;
  }

  readonly requestSave = (): void => {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), AUTOSAVE_MS);
  };

  async save(_clear?: boolean): Promise<void> {
    if (this.saveTimer !== null) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const file = this.file;
    if (!file || !this.dirty) return;
    const text = this.editor.getValue();
    this.lastSaved = text;
    await this.app.vault.modify(file, text);
  }

  async showFile(file: TFile): Promise<void> {
    if (this.file && this.file !== file) await this.save();
    this.file = file;
    this.updateHeader();
    const text = await this.app.vault.read(file);
    this.lastSaved = text;
    this.editor.setValue(text);
    this.editor.setCursor(0, 0);
  }

  private async onDiskChange(): Promise<void> {
    const file = this.file;
    if (!file) return;
    const disk = await this.app.vault.read(file);
    if (disk === this.editor.getValue()) {
      this.lastSaved = disk;
      return;
    }
    if (this.dirty) {
      // The case users report: the editor "merges" and the typing since the last save is gone.
      new Notice('Merging changes');
      this.mergeLosses++;
    }
    this.lastSaved = disk;
    this.editor.load(disk);
  }

  protected override async onClose(): Promise<void> {
    await this.save();
  }

  /** The note as live preview shows it: title, properties table, body lines. */
  private renderNote(): void {
    const el = this.bodyEl;
    el.empty();
    if (!this.file) return;
    el.createDiv({ cls: 'inline-title', text: this.file.basename });
    const text = this.editor.getValue();
    const m = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/.exec(text);
    let body = text;
    if (m) {
      body = text.slice(m[0].length);
      renderProperties(el, m[1] ?? '');
    }
    const content = el.createDiv('cm-contentContainer').createDiv('cm-content');
    for (const line of body.replace(/\r/g, '').split('\n')) {
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        const level = (heading[1] as string).length;
        inline(content.createDiv(`cm-line HyperMD-header HyperMD-header-${level}`), heading[2] as string);
      } else if (/^\s*[-*+]\s/.test(line)) {
        inline(content.createDiv('cm-line HyperMD-list-line'), `•\u00a0${line.replace(/^\s*[-*+]\s/, '')}`);
      } else inline(content.createDiv('cm-line'), line === '' ? '\u00a0' : line);
    }
  }
}

/** A line's text with `[text](url)` and `[[note]]` links shown as links, as live preview does. */
function inline(el: HTMLElement, text: string): void {
  let at = 0;
  for (const m of text.matchAll(/\[([^\]]+)\]\(([^)\s]+)\)|\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g)) {
    el.appendText(text.slice(at, m.index));
    if (m[1] !== undefined) el.createSpan({ cls: 'cm-link external-link', text: m[1] });
    else el.createSpan({ cls: 'cm-hmd-internal-link internal-link', text: m[4] ?? m[3] ?? '' });
    at = m.index + m[0].length;
  }
  el.appendText(text.slice(at));
}

function renderProperties(parent: HTMLElement, yaml: string): void {
  let data: unknown;
  try {
    data = YAML.parse(yaml);
  } catch {
    parent.createDiv({ cls: 'metadata-container mod-error', text: 'Invalid properties' });
    return;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) return;
  const box = parent.createDiv('metadata-container');
  box.createDiv({ cls: 'metadata-properties-heading', text: 'Properties' });
  const list = box.createDiv('metadata-properties');
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const row = list.createDiv({ cls: 'metadata-property', attr: { 'data-property-key': key } });
    row.createDiv({ cls: 'metadata-property-key', text: key });
    const cell = row.createDiv('metadata-property-value');
    const values = Array.isArray(value) ? value : [value];
    if (value === null || value === undefined || value === '' || values.length === 0)
      cell.createSpan({ cls: 'metadata-property-empty', text: 'Empty' });
    else if (Array.isArray(value))
      for (const v of values)
        cell.createSpan({ cls: 'multi-select-pill', text: typeof v === 'string' ? v : JSON.stringify(v) });
    else inline(cell.createSpan(), typeof value === 'string' ? value : JSON.stringify(value));
  }
}

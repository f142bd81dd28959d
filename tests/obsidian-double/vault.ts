/**
 * An in-memory vault: files and folders, the read/write API the plugin uses, and the same
 * events Obsidian fires. Writes are serialised per file like Obsidian's, and `create`
 * rejects an existing path as Obsidian does ("File already exists").
 */
import { Events } from './events';
import { normalizePath } from './utils';

export abstract class TAbstractFile {
  vault!: Vault;
  path: string;
  name: string;
  parent: TFolder | null = null;

  constructor(path: string) {
    this.path = path;
    this.name = path.slice(path.lastIndexOf('/') + 1);
  }
}

export class TFile extends TAbstractFile {
  stat = { ctime: 0, mtime: 0, size: 0 };

  get basename(): string {
    const dot = this.name.lastIndexOf('.');
    return dot > 0 ? this.name.slice(0, dot) : this.name;
  }

  get extension(): string {
    const dot = this.name.lastIndexOf('.');
    return dot > 0 ? this.name.slice(dot + 1) : '';
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === '/';
  }
}

/** A stand-in for `vault.adapter`: only `read`/`exists` of config files, for the daily-notes settings. */
export class MemoryAdapter {
  constructor(private readonly vault: Vault) {}

  exists(path: string): Promise<boolean> {
    return Promise.resolve(this.vault.configFiles.has(path));
  }

  read(path: string): Promise<string> {
    const text = this.vault.configFiles.get(path);
    return text === undefined ? Promise.reject(new Error(`ENOENT: ${path}`)) : Promise.resolve(text);
  }
}

export class Vault extends Events {
  configDir = '.obsidian';
  readonly configFiles = new Map<string, string>();
  readonly adapter = new MemoryAdapter(this);
  private readonly files = new Map<string, TAbstractFile>();
  private readonly contents = new Map<string, string>();
  private clock = Date.UTC(2026, 10, 26, 9, 0, 0);
  /** Every write, in order, for tests that count writes ("unchanged notes are not written"). */
  readonly writeLog: Array<{ op: 'create' | 'modify' | 'delete' | 'rename'; path: string }> = [];
  private root: TFolder;

  constructor() {
    super();
    this.root = new TFolder('/');
    this.root.vault = this;
    this.root.name = '';
    this.files.set('/', this.root);
  }

  private now(): number {
    this.clock += 1000;
    return this.clock;
  }

  getRoot(): TFolder {
    return this.root;
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.files.get(path === '' ? '/' : path) ?? null;
  }

  getFileByPath(path: string): TFile | null {
    const f = this.files.get(path);
    return f instanceof TFile ? f : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const f = this.files.get(path === '' ? '/' : path);
    return f instanceof TFolder ? f : null;
  }

  getFiles(): TFile[] {
    return [...this.files.values()].filter((f): f is TFile => f instanceof TFile);
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === 'md');
  }

  private parentFolder(path: string): TFolder {
    const slash = path.lastIndexOf('/');
    const parentPath = slash === -1 ? '/' : path.slice(0, slash);
    const parent = this.getFolderByPath(parentPath);
    if (!parent) throw new Error(`Folder does not exist: ${parentPath}`);
    return parent;
  }

  private attach(file: TAbstractFile): void {
    file.vault = this;
    const parent = this.parentFolder(file.path);
    file.parent = parent;
    parent.children.push(file);
    this.files.set(file.path, file);
  }

  async createFolder(path: string): Promise<TFolder> {
    const p = normalizePath(path);
    if (this.files.has(p)) throw new Error('Folder already exists.');
    const folder = new TFolder(p);
    this.attach(folder);
    this.trigger('create', folder);
    return Promise.resolve(folder);
  }

  async create(path: string, data: string): Promise<TFile> {
    const p = normalizePath(path);
    if (this.files.has(p)) throw new Error('File already exists.');
    const file = new TFile(p);
    this.attach(file);
    const t = this.now();
    file.stat = { ctime: t, mtime: t, size: new TextEncoder().encode(data).length };
    this.contents.set(p, data);
    this.writeLog.push({ op: 'create', path: p });
    this.trigger('create', file);
    return Promise.resolve(file);
  }

  private requireFile(file: TFile): void {
    if (this.files.get(file.path) !== file) throw new Error(`File does not exist: ${file.path}`);
  }

  read(file: TFile): Promise<string> {
    this.requireFile(file);
    return Promise.resolve(this.contents.get(file.path) ?? '');
  }

  cachedRead(file: TFile): Promise<string> {
    return this.read(file);
  }

  /** Synchronous peek for tests. */
  readSync(path: string): string | undefined {
    return this.contents.get(path);
  }

  private write(file: TFile, data: string): void {
    this.requireFile(file);
    this.contents.set(file.path, data);
    file.stat = { ...file.stat, mtime: this.now(), size: new TextEncoder().encode(data).length };
    this.writeLog.push({ op: 'modify', path: file.path });
    this.trigger('modify', file);
  }

  modify(file: TFile, data: string): Promise<void> {
    this.write(file, data);
    return Promise.resolve();
  }

  process(file: TFile, fn: (data: string) => string): Promise<string> {
    this.requireFile(file);
    const next = fn(this.contents.get(file.path) ?? '');
    this.write(file, next);
    return Promise.resolve(next);
  }

  /** What `fileManager.trashFile` and the user deleting a note do. */
  delete(file: TAbstractFile): Promise<void> {
    if (file instanceof TFolder) for (const child of [...file.children]) void this.delete(child);
    this.files.delete(file.path);
    this.contents.delete(file.path);
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
    this.writeLog.push({ op: 'delete', path: file.path });
    this.trigger('delete', file);
    return Promise.resolve();
  }

  /**
   * What `fileManager.renameFile` and the user moving a note do. Renaming a folder moves
   * everything inside it, and Obsidian fires `rename` once for the folder and once for every
   * file and folder inside it, each with its own old path (one event per file, not one for
   * the folder): a plugin that only looks at the folder event misses the files.
   */
  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const p = normalizePath(newPath);
    if (this.files.has(p)) throw new Error('Destination file already exists!');
    const moved: Array<[TAbstractFile, string]> = [];
    const move = (f: TAbstractFile, to: string) => {
      const oldPath = f.path;
      const text = this.contents.get(oldPath);
      this.files.delete(oldPath);
      this.contents.delete(oldPath);
      f.path = to;
      f.name = to.slice(to.lastIndexOf('/') + 1);
      this.files.set(to, f);
      if (text !== undefined) this.contents.set(to, text);
      moved.push([f, oldPath]);
      if (f instanceof TFolder) for (const child of f.children) move(child, `${to}/${child.name}`);
    };
    if (file.parent) file.parent.children = file.parent.children.filter((c) => c !== file);
    move(file, p);
    this.files.delete(p);
    this.attach(file);
    for (const [f, oldPath] of moved) {
      this.writeLog.push({ op: 'rename', path: f.path });
      this.trigger('rename', f, oldPath);
    }
    return Promise.resolve();
  }
}

/**
 * The CLI's note cache (src/cli/note-cache.ts), which lets a command over an unchanged vault
 * stat its notes instead of reading them. What it must never do is answer differently from
 * a run without it, so these tests pin:
 * - a warm run of the read commands and of the import prints and writes exactly what a run
 *   with the cache off does, on generated vaults shaped like real ones, and takes every
 *   note from the cache (with the read-ahead worker, and without it on a small vault);
 * - a note changed in any way is read again, even one rewritten to the same size with its
 *   modification time put back, and a note changed just before a run is never cached (file
 *   systems stamp times with a coarse clock);
 * - a damaged, foreign, stale or unwritable cache is only a slower run, and a change of the
 *   settings the facts depend on is a new cache.
 *
 * The cache keeps only notes left alone for a few seconds before the run: the tests move the
 * clock (Date only) a minute ahead rather than wait.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { advanceNetwork, generateNetwork, zipNetwork } from '../../scripts/lib/realistic-network';
import { generatePeopleVault } from '../../scripts/lib/synthetic-vault';
import { VAULT_FLAGS } from '../../src/cli/command';
import { parseArgs } from '../../src/cli/args';
import { NoteCache, noteCacheDir, survivesJson, type FactsCodec } from '../../src/cli/note-cache';
import { openVault } from '../../src/cli/options';
import { peopleView } from '../../src/cli/person-facts';
import { NoteReads } from '../../src/cli/person-notes';
import { levelNames } from '../../src/core/settings';
import { CLI, cli } from '../support/cli';
import { readTree, tempDir, writeTree } from '../support/temp-dir';

const TODAY = '2026-11-26';

let cacheDir = '';
beforeEach(() => {
  cacheDir = tempDir('ncrm-cache-');
  vi.stubEnv('NETWORK_CRM_CACHE', cacheDir);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + 60_000); // every note written so far has settled
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** Notes taken from the cache and notes read, in one pass as the read commands make it (their person records). */
function pass(vault: string, ...flags: string[]): { hits: number; misses: number } {
  const session = openVault(parseArgs('stale', ['--vault', vault, ...flags], VAULT_FLAGS));
  return counts(new NoteReads(session, { cacheDir, view: peopleView(levelNames(session.settings)) }));
}

/** The same for a pass as the import makes it (the notes' frontmatter: a cache of its own). */
function importPass(vault: string): { hits: number; misses: number } {
  return counts(new NoteReads(openVault(parseArgs('import', ['--vault', vault], VAULT_FLAGS)), { cacheDir }));
}

function counts<T>(reads: NoteReads<T>): { hits: number; misses: number } {
  try {
    reads.each(() => undefined);
  } finally {
    reads.close();
  }
  return { hits: reads.cache?.hits ?? -1, misses: reads.cache?.misses ?? -1 };
}

/** The same command with the cache off: what a warm run must print. */
async function withoutCache(...argv: string[]): Promise<string> {
  vi.stubEnv('NETWORK_CRM_CACHE', 'off');
  try {
    return (await cli(...argv)).out;
  } finally {
    vi.stubEnv('NETWORK_CRM_CACHE', cacheDir);
  }
}

const mdCount = (vault: string) => Object.keys(readTree(vault)).filter((p) => p.endsWith('.md')).length;

function keepInTouchVault(people: number): string {
  const dir = tempDir();
  writeTree(dir, generatePeopleVault({ people, today: TODAY, seed: 5, interactions: people * 4, followUps: 60 }));
  return dir;
}

/**
 * The cache itself, without a vault: each note's facts are a string (its own, so a wrong line
 * shows), its stat key `key(i)` a made-up one of a note left alone long enough to be kept.
 */
function bareCache() {
  const codec: FactsCodec<string> = { encode: (f) => f, decode: (stored) => stored as string };
  const root = tempDir();
  const now = Date.now();
  const key = (i: number) => new Float64Array([100 + i, now - 10_000, now - 10_000, 1000 + i, 1]);
  const open = () => NoteCache.open(cacheDir, root, 'test', codec, 'people', now) as NoteCache<string>;
  return { key, open };
}

describe('the note cache', () => {
  it('gives the read commands exactly what reading the notes gives, from the cache on the second run', async () => {
    const vault = keepInTouchVault(1500);
    const notes = mdCount(vault);
    expect(notes).toBeGreaterThan(1500); // project and daily notes besides the people
    expect(pass(vault)).toEqual({ hits: 0, misses: notes });
    expect(pass(vault)).toEqual({ hits: notes, misses: 0 });
    for (const command of [['stale', '--section', 'all'], ['triage'], ['overview'], ['review']]) {
      const argv = [...command, '--vault', vault, '--today', TODAY, '--json'];
      const warm = (await cli(...argv)).out;
      expect(warm.length).toBeGreaterThan(100);
      expect(warm, command[0]).toBe(await withoutCache(...argv));
    }
  });

  it('reads again a note rewritten to the same size with its old modification time', async () => {
    const vault = tempDir();
    writeTree(vault, {
      'People/Ann.md': '---\nname: Ann\ntrust: 5\nlast-contact: 2025-01-01\n---\n',
      'People/Bob.md': '---\nname: Bob\ntrust: 5\nlast-contact: 2025-02-01\n---\n',
    });
    // A tool that keeps mtimes (rsync -t, an editor's "keep timestamps"): whole seconds, put back exactly.
    const ann = path.join(vault, 'People/Ann.md');
    const mtime = Math.floor(fs.statSync(ann).mtimeMs / 1000) - 3600;
    fs.utimesSync(ann, mtime, mtime);
    const argv = ['stale', '--vault', vault, '--today', TODAY, '--json'];
    expect((await cli(...argv)).out).toContain('People/Ann.md');
    expect(pass(vault).hits).toBe(2);

    const before = fs.statSync(ann);
    fs.writeFileSync(ann, '---\nname: Ann\ntrust: 5\nlast-contact: 2026-11-20\n---\n');
    fs.utimesSync(ann, mtime, mtime);
    const now = fs.statSync(ann);
    expect([now.size, now.mtimeMs, now.ino]).toEqual([before.size, before.mtimeMs, before.ino]); // only the ctime moved

    const after = (await cli(...argv)).out;
    expect(after).not.toContain('People/Ann.md');
    expect(after).toBe(await withoutCache(...argv));
  });

  it('never caches a note changed just before the run', () => {
    vi.useRealTimers();
    const vault = keepInTouchVault(20);
    expect(pass(vault).hits).toBe(0);
    expect(pass(vault).hits).toBe(0);
  });

  it('makes the same import as no cache, and sees the notes the user and the import changed', async () => {
    const net = generateNetwork({ connections: 1200, outgoing: 200, seed: 3 });
    const first = zipNetwork(net);
    const later = zipNetwork(advanceNetwork(net, { newConnections: 30, jobChanges: 25 }).network);
    const zips = tempDir();
    fs.writeFileSync(path.join(zips, first.name), first.bytes);
    fs.writeFileSync(path.join(zips, `later-${later.name}`), later.bytes);
    const withCache = tempDir();
    const without = tempDir();
    const both = async (zip: string) => {
      const argv = (vault: string) => ['import', path.join(zips, zip), '--vault', vault, '--json'];
      const warm = await cli(...argv(withCache));
      const cold = await withoutCache(...argv(without));
      expect(warm.code).toBe(0);
      expect(warm.out).toBe(cold);
      return warm.json();
    };
    await both(first.name);
    vi.setSystemTime(Date.now() + 60_000);
    expect((await both(first.name)).updated).toBe(0); // caches every note
    const notes = mdCount(withCache);
    expect(importPass(withCache)).toEqual({ hits: notes, misses: 0 });

    // The user edits a note the import owns a field of, keeping its size and mtime.
    for (const vault of [withCache, without]) {
      const file = path.join(vault, 'People', fs.readdirSync(path.join(vault, 'People'))[0] as string);
      const stat = fs.statSync(file);
      const text = fs.readFileSync(file, 'utf8');
      const edited = text.replace(/^company: (.+)$/m, (_line, c: string) => `company: ${'X'.repeat(c.length)}`);
      expect(edited).not.toBe(text);
      fs.writeFileSync(file, edited);
      fs.utimesSync(file, stat.atime, stat.mtime);
    }
    const summary = await both(`later-${later.name}`);
    expect(summary.updated).toBeGreaterThan(10);
    vi.setSystemTime(Date.now() + 60_000);
    expect((await both(`later-${later.name}`)).updated).toBe(0);
    expect(readTree(withCache)).toEqual(readTree(without));
  });

  it('treats a damaged, foreign or half-written cache as none, and writes a good one', async () => {
    const vault = keepInTouchVault(40);
    // The overview names companies and counts interactions: a damaged value would show.
    const argv = ['overview', '--vault', vault, '--today', TODAY, '--json'];
    const expected = await withoutCache(...argv);
    expect((await cli(...argv)).out).toBe(expected);
    const [keys, facts] = ['.keys', '.json'].map((ext) =>
      path.join(cacheDir, fs.readdirSync(cacheDir).find((f) => f.endsWith(ext)) as string),
    ) as [string, string];
    const good = { keys: fs.readFileSync(keys), facts: fs.readFileSync(facts, 'latin1') };
    const damage: Array<[string, () => void]> = [
      ['garbage facts', () => fs.writeFileSync(facts, 'not json\n{')],
      ['facts cut short', () => fs.writeFileSync(facts, good.facts.slice(0, good.facts.length / 2), 'latin1')],
      ['a damaged line', () => fs.writeFileSync(facts, good.facts.replace(/\n\[(?=[^\n]*\n$)/, '\n{'), 'latin1')],
      // Well-formed, and wrong: only the hash in the keys file tells.
      ['a changed value', () => fs.writeFileSync(facts, good.facts.replace('"Acme"', '"Evil"'), 'latin1')],
      ['a list of the wrong type', () => fs.writeFileSync(facts, good.facts.replace(/,\[\],/, ',5,'), 'latin1')],
      ['facts of another run', () => fs.writeFileSync(facts, good.facts.replace(/^"[0-9a-f]+"/, '"0000"'), 'latin1')],
      ['keys cut short', () => fs.writeFileSync(keys, good.keys.subarray(0, 100))],
      ['empty keys', () => fs.writeFileSync(keys, '')],
      [
        'keys of another format',
        () =>
          fs.writeFileSync(
            keys,
            Buffer.from(good.keys.toString('latin1').replace(/"format":\d+/, '"format":9'), 'latin1'),
          ),
      ],
    ];
    for (const [what, spoil] of damage) {
      fs.writeFileSync(keys, good.keys);
      fs.writeFileSync(facts, good.facts, 'latin1');
      spoil();
      expect((await cli(...argv)).out, what).toBe(expected);
      expect(pass(vault).hits, what).toBe(mdCount(vault)); // the run above wrote a good cache again
    }
  });

  it('never waits on a cache file that is not a file: a FIFO, or a link to an endless device', async () => {
    // A FIFO blocks its open until someone writes to it, /dev/zero never ends: either would
    // hang every command of the vault. Run as a process with a time limit, so that a hang fails.
    if (process.platform === 'win32') return;
    const vault = keepInTouchVault(40);
    const argv = ['stale', '--vault', vault, '--today', TODAY, '--json'];
    await cli(...argv); // makes the cache (here, where every note has settled)
    const run = (cache: string) =>
      spawnSync(process.execPath, [CLI, ...argv], {
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, NETWORK_CRM_CACHE: cache },
      });
    const expected = run('off').stdout;
    expect(expected.length).toBeGreaterThan(100);
    const fileOf = (ext: string) =>
      path.join(cacheDir, fs.readdirSync(cacheDir).find((f) => f.endsWith(ext)) as string);
    const good = { keys: fs.readFileSync(fileOf('.keys')), facts: fs.readFileSync(fileOf('.json')) };
    const fifo = (file: string) => expect(spawnSync('mkfifo', [file]).status).toBe(0);
    const endless = (file: string) => fs.symlinkSync('/dev/zero', file);
    for (const [ext, make] of [
      ['.keys', fifo],
      ['.json', fifo],
      ['.keys', endless],
      ['.json', endless],
    ] as const) {
      const what = `${ext} ${make === fifo ? 'FIFO' : 'link to /dev/zero'}`;
      const file = fileOf(ext);
      fs.writeFileSync(fileOf('.keys'), good.keys);
      fs.writeFileSync(fileOf('.json'), good.facts);
      fs.rmSync(file);
      make(file);
      const r = run(cacheDir);
      expect(r.signal, what).toBeNull();
      expect(r.stdout, what).toBe(expected);
    }
  });

  it('gives each of two notes under one vault path its own facts (a note and its decomposed twin)', () => {
    // On Linux `José.md` and its decomposed twin are two files with one vault path. The entry
    // taken must be the one whose stat key was checked, even when a changed note before them
    // was not taken from the cache (the worker read it) and a new note shifted the rest.
    const { key, open } = bareCache();
    const first = open();
    first.put('Z/C.md', key(0), 'C');
    first.put('Z/José.md', key(1), 'decomposed');
    first.put('Z/José.md', key(2), 'composed');
    first.save();
    const walk = ['Z/B.md', 'Z/C.md', 'Z/José.md', 'Z/José.md'];
    const cache = open();
    const known = cache.knownKeys(walk);
    expect(Array.from(known.subarray(10, 20))).toEqual([...key(1), ...key(2)]);
    expect([cache.take('Z/José.md', 2), cache.take('Z/José.md', 3)]).toEqual(['decomposed', 'composed']);
    // Without a worker each note is statted here, and checked against that same entry.
    const here = open();
    here.knownKeys(walk);
    expect([here.matches('Z/José.md', key(2), 2), here.matches('Z/José.md', key(1), 2)]).toEqual([false, true]);
    expect(here.take('Z/José.md', 2)).toBe('decomposed');
    // Asked for under another note's place in the walk, a note gets nothing, not that note's facts.
    const misplaced = open();
    misplaced.knownKeys(walk);
    expect([misplaced.take('Z/C.md', 2), misplaced.take('Z/C.md', 1)]).toEqual([undefined, 'C']);
  });

  it('tells apart frontmatters whose keys would join into the same text', async () => {
    const vault = tempDir();
    writeTree(vault, {
      'People/Xena.md': '---\ncompany: Acme\nposition: CEO\n---\n',
      'People/Yan.md': '---\n"company\\nposition": Zed\n---\n',
      'People/Zoe.md': '---\n"": 1\n---\n',
      'People/Ada.md': '---\n---\n',
    });
    for (const command of ['overview', 'triage']) {
      const argv = [command, '--vault', vault, '--today', TODAY, '--json'];
      await cli(...argv);
      expect(pass(vault).hits).toBe(4);
      expect((await cli(...argv)).out, command).toBe(await withoutCache(...argv));
    }
    // The import's cache stores each frontmatter's keys as a numbered list: read back, each is its own.
    const frontmatters = () => {
      const out: Record<string, unknown> = {};
      const reads = new NoteReads(openVault(parseArgs('import', ['--vault', vault], VAULT_FLAGS)), { cacheDir });
      try {
        reads.each((notePath, { person }) => (out[notePath] = person?.frontmatter));
      } finally {
        reads.close();
      }
      return { out, hits: reads.cache?.hits };
    };
    const read = frontmatters();
    expect(read.hits).toBe(0);
    expect(read.out['People/Yan.md']).toEqual({ 'company\nposition': 'Zed' });
    expect(frontmatters()).toEqual({ out: read.out, hits: 4 });
  });

  it('is readable by the user only, never inside the vault, and forgets what no vault uses', async () => {
    const vault = keepInTouchVault(10);
    const argv = ['stale', '--vault', vault, '--today', TODAY, '--json'];
    await cli(...argv);
    const files = fs.readdirSync(cacheDir);
    expect(files.filter((f) => /^[0-9a-f]{24}-people\.(keys|json)$/.test(f))).toHaveLength(2);
    if (process.platform !== 'win32') {
      for (const f of files) expect(fs.statSync(path.join(cacheDir, f)).mode & 0o777, f).toBe(0o600);
      const nested = path.join(tempDir(), 'a', 'b');
      vi.stubEnv('NETWORK_CRM_CACHE', nested);
      await cli(...argv);
      expect(fs.statSync(nested).mode & 0o777).toBe(0o700);
      vi.stubEnv('NETWORK_CRM_CACHE', cacheDir);
    }

    // NETWORK_CRM_CACHE=. run from the vault: no cache rather than a cache among the notes.
    const before = Object.keys(readTree(vault, () => true));
    const inVault = [vault, path.join(vault, 'cache')];
    if (process.platform !== 'win32') {
      // A folder still to be made, under a link to the vault: inside the vault all the same.
      const link = path.join(tempDir(), 'vault-link');
      fs.symlinkSync(vault, link);
      inVault.push(path.join(link, 'new', 'cache'));
    }
    for (const inside of inVault) {
      vi.stubEnv('NETWORK_CRM_CACHE', inside);
      expect((await cli(...argv)).out).toBe(await withoutCache(...argv));
    }
    expect(Object.keys(readTree(vault, () => true))).toEqual(before);

    // A killed run's temp file (an hour old), another vault's cache unused for 90 days, and a
    // file that is not ours are looked at on the next save: the first two go.
    vi.stubEnv('NETWORK_CRM_CACHE', cacheDir);
    const old = (Date.now() - 91 * 86_400_000) / 1000;
    const stale = [
      '0123456789abcdef01234567.keys',
      '0123456789abcdef01234567.json',
      '0123456789abcdef01234567-people.json',
      'a'.repeat(24) + '.json.99.0badf00d.tmp',
    ];
    for (const f of [...stale, 'notes.json']) {
      fs.writeFileSync(path.join(cacheDir, f), 'x');
      fs.utimesSync(path.join(cacheDir, f), old, old);
    }
    fs.appendFileSync(path.join(vault, 'People', fs.readdirSync(path.join(vault, 'People'))[0] as string), '\n');
    vi.setSystemTime(Date.now() + 60_000);
    await cli(...argv); // one note changed: the cache is saved
    const left = fs.readdirSync(cacheDir);
    for (const f of stale) expect(left).not.toContain(f);
    expect(left).toContain('notes.json');
  });

  it('runs without a cache it cannot write, and starts afresh when the settings it depends on change', async () => {
    const vault = keepInTouchVault(30);
    const argv = ['stale', '--vault', vault, '--today', TODAY, '--json'];
    const expected = await withoutCache(...argv);
    const blocked = path.join(tempDir(), 'a-file');
    fs.writeFileSync(blocked, '');
    vi.stubEnv('NETWORK_CRM_CACHE', blocked);
    expect((await cli(...argv)).out).toBe(expected);

    vi.stubEnv('NETWORK_CRM_CACHE', cacheDir);
    expect(pass(vault).misses).toBe(mdCount(vault));
    expect(pass(vault).hits).toBe(mdCount(vault));
    // Another people folder makes other notes people: nothing of the old cache is taken.
    expect(pass(vault, '--folder', 'Elsewhere').hits).toBe(0);
  });

  it('starts afresh when the trust levels are renamed: a record holds the level a name meant', async () => {
    const vault = tempDir();
    const levels = (names: string[]) =>
      JSON.stringify({ trustLevels: names.map((name) => ({ name, keepInTouchDays: 30 })) });
    const data = '.obsidian/plugins/network-crm/data.json';
    writeTree(vault, {
      [data]: levels(['Stranger', 'Met', 'Friend', 'Close', 'Family']),
      'People/Ann.md': '---\nname: Ann\ntrust: Friend\nlast-contact: 2025-01-01\n---\n',
      'People/Bob.md': '---\nname: Bob\ntrust: Close\nlast-contact: 2025-02-01\n---\n',
    });
    const argv = ['stale', '--vault', vault, '--today', TODAY, '--json', '--section', 'all'];
    const trusts = (out: string) =>
      (JSON.parse(out) as { people: Array<{ trust: number }> }).people.map((p) => p.trust);
    expect(trusts((await cli(...argv)).out)).toEqual([3, 4]);
    expect(pass(vault).hits).toBe(2);
    // The same names, other places: "Friend" is now level 4. The notes have not changed.
    fs.writeFileSync(path.join(vault, data), levels(['Stranger', 'Met', 'Close', 'Friend', 'Family']));
    const warm = (await cli(...argv)).out;
    expect(trusts(warm)).toEqual([4, 3]);
    expect(warm).toBe(await withoutCache(...argv));
  });

  it('reads each time a note whose properties are huge, rather than carry them in every run', () => {
    const vault = tempDir();
    writeTree(vault, {
      'People/Big.md': `---\nname: Big\nabout: ${'漢'.repeat(100_000)}\n---\n`,
      'People/Small.md': '---\nname: Small\n---\n',
    });
    importPass(vault);
    expect(importPass(vault)).toEqual({ hits: 1, misses: 1 });
    expect(
      fs.statSync(path.join(cacheDir, fs.readdirSync(cacheDir).find((f) => f.endsWith('.json')) as string)).size,
    ).toBeLessThan(1000);
  });

  it('lets go of what it holds after a pass: the counts stay, nothing more is taken, the file is not rewritten', () => {
    const vault = tempDir();
    writeTree(vault, { 'People/Ann.md': '---\nname: Ann\n---\n', 'People/Bob.md': '---\nname: Bob\n---\n' });
    importPass(vault);
    const session = openVault(parseArgs('stale', ['--vault', vault], VAULT_FLAGS));
    const reads = new NoteReads(session, { cacheDir });
    const seen: string[] = [];
    try {
      reads.each((notePath) => seen.push(notePath));
    } finally {
      reads.close();
    }
    const cache = reads.cache!;
    expect(seen).toEqual(['People/Ann.md', 'People/Bob.md']);
    expect([cache.hits, cache.misses]).toEqual([2, 0]);
    expect(cache.take('People/Ann.md')).toBeUndefined();
    const files = () => fs.readdirSync(cacheDir).map((f) => [f, fs.statSync(path.join(cacheDir, f)).mtimeMs]);
    const before = files();
    cache.save();
    expect(files()).toEqual(before);
    expect(importPass(vault)).toEqual({ hits: 2, misses: 0 });
  });

  it('keeps its notes in the order of the walk, whatever came and went', () => {
    const vault = tempDir();
    const note = (name: string) => `---\nname: ${name}\ntrust: 3\n---\n`;
    writeTree(vault, Object.fromEntries(['Ann', 'Bob', 'Dan', 'Eve'].map((n) => [`People/${n}.md`, note(n)])));
    /** The paths the keys file lists, in its order. */
    const kept = (): string[] => {
      const file = path.join(cacheDir, fs.readdirSync(cacheDir).find((f) => f.endsWith('-people.keys')) as string);
      const bytes = fs.readFileSync(file);
      const length = bytes.readUInt32LE(0);
      const header = JSON.parse(bytes.toString('utf8', 4, 4 + length)) as { count: number };
      const keysAt = Math.ceil((4 + length) / 8) * 8;
      return bytes.toString('utf8', keysAt + header.count * 5 * 8).split('\0');
    };
    const walk = () =>
      openVault(parseArgs('stale', ['--vault', vault], VAULT_FLAGS))
        .vault.markdownFiles()
        .map((f) => f.path);
    expect(pass(vault)).toEqual({ hits: 0, misses: 4 });
    expect(kept()).toEqual(walk());
    // A note comes in the middle, another goes: the rest are no longer where the file has them.
    fs.writeFileSync(path.join(vault, 'People/Cy.md'), note('Cy'));
    fs.rmSync(path.join(vault, 'People/Bob.md'));
    vi.setSystemTime(Date.now() + 60_000);
    expect(pass(vault)).toEqual({ hits: 3, misses: 1 });
    expect(kept()).toEqual(walk());
    expect(walk()).toContain('People/Cy.md');
    expect(pass(vault)).toEqual({ hits: 4, misses: 0 });
  });

  it('finds each note wherever the file has it, and puts a file out of the walk’s order right once', () => {
    // The cache itself, with notes given in any order: a vault's listing order is the file
    // system's to choose. Each note's facts are its own path, so a wrong line would show.
    const { key, open } = bareCache();
    const names = ['A', 'B', 'C', 'D', 'E', 'F'];
    const first = open();
    names.forEach((n, i) => first.put(n, key(i), n));
    first.save();
    const file = () => fs.readdirSync(cacheDir).find((f) => f.endsWith('-people.json')) as string;
    const mtime = () => fs.statSync(path.join(cacheDir, file())).mtimeMs;

    /** One pass in this order (with gaps: notes the cache does not hold), and what it took. */
    const walk = (order: string[]) => {
      const cache = open();
      const known = cache.knownKeys(order);
      const got = order.map((n, i) => {
        if (!names.includes(n)) return '-';
        expect(Array.from(known.subarray(i * 5, i * 5 + 5))).toEqual(Array.from(key(names.indexOf(n))));
        return cache.take(n, i) ?? '?';
      });
      const before = mtime();
      vi.setSystemTime(Date.now() + 10);
      cache.save();
      return { got, saved: mtime() !== before };
    };
    const reversed = [...names].reverse();
    expect(walk(reversed)).toEqual({ got: reversed, saved: true }); // far from where the file has them
    expect(walk(reversed)).toEqual({ got: reversed, saved: false }); // the file is in this order now
    const gaps = ['new1', 'F', 'E', 'new2', 'new3', 'D', 'C', 'B', 'A'];
    expect(walk(gaps)).toEqual({ got: ['-', 'F', 'E', '-', '-', 'D', 'C', 'B', 'A'], saved: false });
  });

  it('starts afresh once its table of property names has far outgrown the notes', () => {
    const vault = tempDir();
    const tree: Record<string, string> = {};
    for (let i = 0; i < 1100; i++) tree[`People/P${i}.md`] = `---\nname: P${i}\nonly-here-${i}: 1\n---\n`;
    writeTree(vault, tree);
    importPass(vault);
    expect(importPass(vault).hits).toBe(1100); // 1,100 lists for 1,100 notes: kept
    for (let i = 100; i < 1100; i++) fs.rmSync(path.join(vault, `People/P${i}.md`));
    expect(importPass(vault).hits).toBe(100); // the file still held 1,100 notes; it is saved with 100
    expect(importPass(vault).hits).toBe(0); // 1,100 lists for 100 notes: dropped
    expect(importPass(vault).hits).toBe(100);
    const facts = fs.readdirSync(cacheDir).find((f) => f.endsWith('.json')) as string;
    expect(fs.readFileSync(path.join(cacheDir, facts), 'latin1')).not.toContain('only-here-500');
  });

  it('keeps only facts JSON gives back exactly', () => {
    // What JSON itself cannot carry among JSON-like values: -0 (comes back 0), and a
    // `__proto__` key (refused: assigning it elsewhere would set a prototype).
    const awkward = (v: unknown): boolean =>
      Object.is(v, -0) ||
      (typeof v === 'object' &&
        v !== null &&
        ((!Array.isArray(v) && Object.hasOwn(v, '__proto__')) || Object.values(v).some(awkward)));
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        if (survivesJson(v)) expect(isDeepStrictEqual(JSON.parse(JSON.stringify(v)), v)).toBe(true);
        else expect(awkward(v)).toBe(true);
      }),
    );
    for (const bad of [Number.NaN, Infinity, -0, undefined, { a: [1, Number.NaN] }, new Date(0), new Map(), () => 1])
      expect(survivesJson(bad)).toBe(false);
    expect(survivesJson(JSON.parse('{"__proto__": 1}'))).toBe(false);
    expect(survivesJson({ name: 'Zoë', tags: ['a'], n: 3, ok: true, none: null })).toBe(true);
  });

  it('lives in the user cache folder of each system, or where NETWORK_CRM_CACHE says, or nowhere', () => {
    expect(noteCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/network-crm');
    expect(noteCacheDir({ XDG_CACHE_HOME: '/xdg' }, 'linux', '/home/u')).toBe('/xdg/network-crm');
    expect(noteCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/network-crm');
    expect(noteCacheDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\U')).toContain('network-crm');
    expect(noteCacheDir({ NETWORK_CRM_CACHE: 'off' }, 'linux', '/home/u')).toBeNull();
    expect(noteCacheDir({ NETWORK_CRM_CACHE: '/tmp/c' }, 'linux', '/home/u')).toBe('/tmp/c');
  });
});

/**
 * Pins the read-ahead (src/cli/read-ahead.ts): every note comes back whole and in order
 * from the worker, unreadable ones are left to the caller, the worker stays a bounded
 * number of batches ahead, so a 30,000-note vault is never held in memory at once, and a
 * reader that would wait for the worker reads batches itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { ReadStream, StartedWorker } from '../../src/cli/read-ahead';
import { cli, WORKER } from '../support/cli';
import { readTree, tempDir } from '../support/temp-dir';

describe('reading notes ahead on a worker thread', () => {
  const notes = (n: number) => {
    const dir = tempDir();
    const files = Array.from({ length: n }, (_, i) => path.join(dir, `n${i}.md`));
    files.forEach((f, i) => fs.writeFileSync(f, `---\nname: Zoë ${i}\n---\n`));
    return files;
  };

  it('runs the bundled worker; without one (from the sources) it reads nothing ahead', () => {
    const files = notes(600);
    expect(new ReadStream(files, undefined).text(0)).toBeNull();
    const stream = new ReadStream(files, WORKER);
    expect(files.map((_, i) => stream.text(i)).filter((t) => t !== null)).toHaveLength(600);
  });

  it('takes a worker started before the files were known, and releases one it does not need', async () => {
    const files = notes(600);
    const early = StartedWorker.start(WORKER);
    expect(early).not.toBeNull();
    // The thread is up (or coming up) before the stream is made: it waits for its order.
    await new Promise((r) => setTimeout(r, 200));
    const stream = new ReadStream(files, early);
    expect(files.map((_, i) => stream.text(i))).toEqual(files.map((_, i) => `---\nname: Zoë ${i}\n---\n`));
    // Too few files for a worker: the started one is let go (its thread ends) and the reader reads for itself.
    const unused = StartedWorker.start(WORKER);
    expect(new ReadStream(files.slice(0, 10), unused).text(0)).toBeNull();
    const ended = await Promise.race([
      unused?.ended.then(() => 'ended'),
      new Promise((r) => setTimeout(r, 5000, 'running')),
    ]);
    expect(ended).toBe('ended');
    expect(StartedWorker.start(undefined)).toBeNull();
  });

  it('stays a bounded number of batches ahead of a reader that has not started', async () => {
    const files = notes(20_000);
    const stream = new ReadStream(files, WORKER);
    await new Promise((r) => setTimeout(r, 1500));
    // 16 batches of 256 notes: ~4,000 of the 20,000, whatever the size of the vault.
    expect(stream.ahead).toBeGreaterThan(0);
    expect(stream.ahead).toBeLessThanOrEqual(16);
    expect(stream.text(19_999)).toBe('---\nname: Zoë 19999\n---\n');
    stream.close();
  });

  it('streams the texts in order to code that cannot await, and leaves unreadable files to the caller', () => {
    const dir = tempDir();
    const files = Array.from({ length: 700 }, (_, i) => path.join(dir, `n${i}.md`));
    files.forEach((f, i) => fs.writeFileSync(f, `---\nname: Zoë ${i}\n---\n`));
    const big = `${'x'.repeat(70 * 1024)}ü`;
    fs.writeFileSync(files[300]!, big);
    files[5] = path.join(dir, 'missing.md');
    const stream = new ReadStream(files, WORKER);
    const texts = files.map((_, i) => stream.text(i));
    expect(texts[0]).toBe('---\nname: Zoë 0\n---\n');
    expect(texts[5]).toBeNull();
    expect(texts[300]).toBe(big);
    expect(texts[699]).toBe('---\nname: Zoë 699\n---\n');
    expect(texts.filter((t) => t === null)).toHaveLength(1);
    // Without the bundle (from the sources) nothing is read ahead: the caller reads every file.
    expect(new ReadStream(files, undefined).text(0)).toBeNull();
  });

  it('reads batches itself rather than wait, and does without a worker that never comes up', async () => {
    const files = notes(6_000);
    const batches = Math.ceil(6_000 / 256);
    const want = files.map((_, i) => `---\nname: Zoë ${i}\n---\n`);
    // A reader with nothing else to do claims batches the worker has not: both threads read.
    const early = StartedWorker.start(WORKER);
    await new Promise((r) => setTimeout(r, 200));
    const shared = new ReadStream(files, early);
    expect(files.map((_, i) => shared.text(i))).toEqual(want);
    expect(shared.readHere).toBeGreaterThan(0);
    expect(shared.readHere).toBeLessThan(batches);
    // A worker whose script cannot load never posts: every batch is read here, with no stall.
    const started = Date.now();
    const alone = new ReadStream(files, path.join(tempDir(), 'no-such-worker.js'));
    expect(files.map((_, i) => alone.text(i))).toEqual(want);
    expect(alone.readHere).toBe(batches);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('close() stops the worker, so a reader that gives up (a bad export) leaves no thread reading or waiting', async () => {
    const files = notes(5_000);
    const open = new ReadStream(files, WORKER, 1000);
    const closed = new ReadStream(files, WORKER, 1000);
    closed.close();
    await new Promise((r) => setTimeout(r, 600));
    expect(open.ahead).toBe(Math.ceil(5_000 / 256));
    expect(closed.ahead).toBe(0);
    open.close();
  });

  it('reads vault paths under their root, and a file named otherwise on disk where the reader says', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'People'));
    const paths = Array.from({ length: 600 }, (_, i) => `People/n${i}.md`);
    paths.forEach((p, i) => fs.writeFileSync(path.join(dir, p), `note ${i}`));
    // A name decomposed on disk (synced from a Mac): its vault path is NFC, the file is not.
    const onDisk = path.join(dir, 'People', 'Jose\u0301.md');
    fs.writeFileSync(onDisk, 'José');
    paths[7] = 'People/José.md';
    const stream = new ReadStream(paths, WORKER, undefined, undefined, {
      root: dir + path.sep,
      outside: { 7: onDisk },
    });
    const texts = paths.map((_, i) => stream.text(i));
    expect(texts[0]).toBe('note 0');
    expect(texts[7]).toBe('José');
    expect(texts[599]).toBe('note 599');
    expect(texts.filter((t) => t === null)).toHaveLength(0);
  });

  it('a command over a vault big enough to read ahead finds a person whose file name is decomposed on disk', async () => {
    const vault = tempDir();
    fs.mkdirSync(path.join(vault, 'People'));
    for (let i = 0; i < 600; i++)
      fs.writeFileSync(path.join(vault, 'People', `P${i}.md`), `---\nname: P ${i}\ntrust: 3\n---\n`);
    fs.writeFileSync(path.join(vault, 'People', 'Jose\u0301.md'), '---\nname: José\ntrust: 5\n---\n');
    const run = async () =>
      (await cli('stale', '--vault', vault, '--json', '--section', 'all', '--today', '2026-11-26')).json<{
        people: Array<{ name: string; trust: number }>;
      }>();
    for (const r of [await run(), await run()]) {
      expect(r.people).toHaveLength(601);
      expect(r.people.find((p) => p.name === 'José')?.trust).toBe(5);
    }
  });

  it('does not start a worker for a small vault', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'a.md'), 'a');
    expect(new ReadStream([path.join(dir, 'a.md')], WORKER).text(0)).toBeNull();
  });

  it('a re-import of a vault big enough to read ahead updates the right note and keeps the user edits', async () => {
    const dir = tempDir();
    const vault = path.join(dir, 'vault');
    fs.mkdirSync(vault);
    const exp = generateExport({ connections: 700, seed: 7 });
    const zip = path.join(dir, 'export.zip');
    fs.writeFileSync(zip, zipExport(exp));
    await cli('import', zip, '--vault', vault);
    const people = path.join(vault, 'People');
    const name = fs
      .readdirSync(people)
      .find((f) => /\ncompany: \S/.test(fs.readFileSync(path.join(people, f), 'utf8')))!;
    const one = path.join(people, name);
    const original = fs.readFileSync(one, 'utf8');
    const company = /\ncompany: (.*)\n/.exec(original)![1]!;
    // An older company in the note, and the user's own trust and log line.
    fs.writeFileSync(
      one,
      original
        .replace(`company: ${company}`, 'company: Old Co')
        .replace('trust:', 'trust: 4')
        .replace('## Interactions\n\n', '## Interactions\n\n- 2026-01-02 · call · mine\n'),
    );
    const before = readTree(vault);
    const again = (await cli('import', zip, '--vault', vault, '--json', '--today', '2026-11-26')).json();
    expect([again.created, again.updated]).toEqual([0, 1]);
    expect(again.updatedNotes[0]?.path).toBe(`People/${name}`);
    const after = readTree(vault);
    const text = after[`People/${name}`]!;
    expect(text).toContain(`company: ${company}\n`);
    expect(text).toContain('trust: 4\n');
    expect(text).toContain('- 2026-01-02 · call · mine\n');
    expect(text).toMatch(
      new RegExp(
        `## History\\n\\n- 2026-11-26 · job change: .* at Old Co → .* at ${company.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`,
      ),
    );
    delete after[`People/${name}`];
    delete before[`People/${name}`];
    expect(after).toEqual(before);
  });
});

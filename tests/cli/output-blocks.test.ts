/**
 * Pins how the bin writes standard output (src/cli/output-blocks.ts): to a pipe or a file in
 * blocks rather than a system call per line, without changing what a reader gets. Every piece
 * arrives, in order; nothing is held once the block is full or the command is done; and output
 * sent to stdout and stderr together (`2>&1`, a CI log) keeps the order it was written in: the
 * sanity brake writes its message on stderr, its JSON on stdout, then "Nothing was written." on
 * stderr, and a reader of both must see them in that order.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputBlocks } from '../../src/cli/output-blocks';
import { brakeTripping } from '../support/brake';
import { cli, CLI } from '../support/cli';

const TODAY = '2026-11-26';

/** A sink that records each write it gets. */
function sink(): { writes: string[]; write(text: string): void } {
  const writes: string[] = [];
  return { writes, write: (text) => void writes.push(text) };
}

describe('stdout in blocks', () => {
  it('holds pieces until a block is full, then writes them as one, in order', () => {
    const s = sink();
    const out = new OutputBlocks(s, 10);
    out.line('abc');
    out.line('def');
    expect(s.writes).toEqual([]);
    out.line('ghi');
    expect(s.writes).toEqual(['abc\ndef\nghi\n']);
    out.line('jkl');
    out.flush();
    out.flush();
    expect(s.writes).toEqual(['abc\ndef\nghi\n', 'jkl\n']);
  });

  it('writes each piece at once to a terminal (a block of 0)', () => {
    const s = sink();
    const out = new OutputBlocks(s, 0);
    out.line('a');
    out.line('b');
    expect(s.writes).toEqual(['a\n', 'b\n']);
  });

  it('escapes what it writes out, to a pipe and to a terminal alike', () => {
    const upper = (text: string) => text.toUpperCase();
    const piped = sink();
    const blocks = new OutputBlocks(piped, 5, upper);
    blocks.line('ab');
    blocks.line('cd');
    blocks.line('e');
    blocks.flush();
    expect(piped.writes).toEqual(['AB\nCD\n', 'E\n']);
    const tty = sink();
    const lines = new OutputBlocks(tty, 0, upper);
    lines.line('ab');
    expect(tty.writes).toEqual(['AB\n']);
  });

  it('forgets what it holds when the reader is gone', () => {
    const s = sink();
    const out = new OutputBlocks(s, 100);
    out.line('lost');
    out.drop();
    out.flush();
    expect(s.writes).toEqual([]);
  });
});

describe('the bin, with stdout and stderr in one file', () => {
  it('keeps the order they were written in (the sanity brake: message, JSON, "Nothing was written.")', async () => {
    const { vault, garbled } = await brakeTripping(TODAY);
    const args = ['import', garbled, '--vault', vault, '--today', TODAY, '--json'];
    // In process, each stream on its own: what each says.
    const apart = await cli(...args);
    expect(apart.code).toBe(3);
    // The bin, both streams into one file, as `> log 2>&1` does.
    const log = path.join(path.dirname(vault), 'log');
    const fd = fs.openSync(log, 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, ...args], {
        stdio: ['ignore', fd, fd],
        env: { ...process.env, NETWORK_CRM_CACHE: 'off' },
      });
      expect(r.status).toBe(3);
    } finally {
      fs.closeSync(fd);
    }
    const both = fs.readFileSync(log, 'utf8');
    const last = 'Nothing was written. Run the same command with --yes to import anyway.\n';
    expect(apart.err.endsWith(last)).toBe(true);
    expect(apart.out).toContain('"stopped": true');
    // The brake's message, then the JSON, then the last word: each where it was written.
    expect(both).toBe(`${apart.err.slice(0, -last.length)}${apart.out}${last}`);
  });
});

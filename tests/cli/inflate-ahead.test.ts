/**
 * Pins the CLI's inflating worker (src/cli/inflate-ahead.ts), which inflates zip entries too
 * large to inflate whole (a heavy user's messages.csv) off the main thread: what it hands on
 * is byte for byte what fflate gives, a chunk at a time with the compressed bytes read so far
 * (for the zip reader's ratio check); damaged data fails with zlib's reason; a reader that
 * stops early stops the thread. The zip reader's checks through it are pinned in
 * tests/core/zip/zip-reader.test.ts; here, also a whole export read through it.
 */
import { inflateSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { WorkerInflate } from '../../src/cli/inflate-ahead';
import { zlibInflater } from '../../src/cli/zlib-inflater';
import { readExport } from '../../src/core/linkedin/read-export';
import { listZipEntries, WHOLE_MAX, ZipError } from '../../src/core/zip/zip-reader';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { concat } from '../hostile/bytes';
import { WORKER } from '../support/cli';
import { tempDir } from '../support/temp-dir';

/** ~3 MB of CSV-like text that compresses as real rows do (not to nothing). */
function rows(n: number): Uint8Array {
  const lines: string[] = [];
  for (let i = 0; i < n; i++)
    lines.push(`${i},Person ${(i * 7919) % 100_003},https://www.linkedin.com/in/p-${i * 31}\n`);
  return new TextEncoder().encode(lines.join(''));
}

function started(data: Uint8Array): WorkerInflate {
  const stream = WorkerInflate.start(WORKER, data, 'messages.csv');
  if (stream === null) throw new Error('no worker');
  return stream;
}

describe('inflating on the worker', () => {
  it('hands on what fflate gives, in chunks of at most 64 kB, with the compressed bytes read so far', async () => {
    const text = rows(60_000);
    const data = zlib.deflateRawSync(text);
    const stream = started(data);
    const chunks = [...stream];
    // Compared as one buffer: element by element, 3 MB took the matcher seconds.
    expect(Buffer.from(concat(...chunks.map((c) => c.bytes))).equals(inflateSync(data))).toBe(true);
    expect(chunks.length).toBeGreaterThan(text.length / 65_536);
    expect(chunks.every((c) => c.bytes.length <= 65_536)).toBe(true);
    const consumed = chunks.map((c) => c.consumed);
    expect(consumed).toEqual([...consumed].sort((a, b) => a - b));
    expect(consumed[0]).toBeLessThan(data.length);
    expect(consumed.at(-1)).toBeLessThanOrEqual(data.length);
    await stream.ended;
  });

  it("fails with zlib's reason when the data is damaged", () => {
    const data = zlib.deflateRawSync(rows(20_000));
    for (let i = 100; i < 140; i++) data[i] = 0xff;
    expect(() => [...started(data)]).toThrow(/invalid|incorrect|unexpected/i);
  });

  it('stops the thread when the reader stops early', async () => {
    const stream = started(zlib.deflateRawSync(rows(200_000)));
    for (const chunk of stream) {
      expect(chunk.bytes.length).toBeGreaterThan(0);
      break;
    }
    const timeout = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 2000));
    expect(await Promise.race([stream.ended.then(() => 'ended'), timeout])).toBe('ended');
  });

  it('gives up on a thread that never answers, naming the entry', async () => {
    const silent = path.join(tempDir(), 'silent-worker.js');
    fs.writeFileSync(silent, '// starts, and never posts\n');
    const stream = WorkerInflate.start(silent, zlib.deflateRawSync(rows(10)), 'messages.csv', 300);
    let error: unknown;
    try {
      expect([...(stream ?? [])]).toEqual([]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ZipError);
    expect((error as ZipError).entry).toBe('messages.csv');
    expect((error as ZipError).message).toMatch(/stopped answering; run the command again/);
    await stream?.ended;
  });

  it('reads an export whose messages.csv is too large to inflate whole as the plugin reads it', () => {
    const zip = zipExport(generateExport({ connections: 2000, messages: 45_000, invitations: 100, seed: 7 }));
    const messages = listZipEntries(zip).find((e) => e.name === 'messages.csv');
    expect(messages?.size).toBeGreaterThan(WHOLE_MAX);
    const input = { name: 'Complete_LinkedInDataExport_11-20-2026.zip', bytes: zip, origin: 'picked' as const };
    const cli = readExport([{ ...input, inflater: zlibInflater(WORKER) }]);
    const plugin = readExport([input]);
    expect(cli.messages[0]?.records.toArray()).toEqual(plugin.messages[0]?.records.toArray());
    expect(cli.messages[0]?.records.length).toBe(45_000);
    expect(cli.connections).toEqual(plugin.connections);
  }, 60_000);
});

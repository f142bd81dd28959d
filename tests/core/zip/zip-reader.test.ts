/**
 * The zip reader trusts nothing in the archive (issue 13 cases 3, 9 and 11): every entry is
 * listed, duplicates included; entries inflate chunk by chunk to what fflate gives; sizes,
 * ratio and CRC are checked while inflating; encryption and unknown methods are named. The
 * same holds whoever inflates: fflate (the plugin), zlib whole (the CLI's small entries) or
 * zlib on the CLI's worker thread (its large ones; here every entry, whatever its size).
 */
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/core/zip/crc32';
import { inflateEntry, listZipEntries, WHOLE_MAX, ZipError, type HostInflater } from '../../../src/core/zip/zip-reader';
import { ZLIB_INFLATER } from '../../../src/cli/zlib-inflater';
import { inflateOnWorker } from '../../../src/cli/inflate-ahead';
import { WORKER } from '../../support/cli';
import { concat } from '../../hostile/bytes';
import { buildZip, encryptedZip, entry, zipBomb } from '../../hostile/zip';

let inflater: HostInflater | undefined;

function inflateAll(zip: Uint8Array, index = 0): Uint8Array {
  return concat(...inflateEntry(zip, listZipEntries(zip)[index]!, undefined, inflater));
}

function failure(f: () => unknown): ZipError {
  try {
    f();
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
  throw new Error('no ZipError');
}

/** The CLI's worker inflating every entry, small ones too, so that each check below meets it. */
const ON_WORKER: HostInflater = {
  stream: (data, entry) => inflateOnWorker(WORKER, data, entry),
  crc32: ZLIB_INFLATER.crc32,
};

// Every check holds the same whether entries stream through fflate (the plugin), are inflated
// whole by the CLI's zlib, or stream from zlib on the CLI's worker.
describe.each([
  ['fflate', undefined],
  ['zlib', ZLIB_INFLATER],
  ['zlib on a worker', ON_WORKER],
])('zip reader, inflating with %s', (_name, engine) => {
  beforeEach(() => {
    inflater = engine;
  });

  it('reads what fflate writes, stored and deflated, in central-directory order', () => {
    const big = 'Jane,Doe,https://www.linkedin.com/in/jane\n'.repeat(5000);
    const zip = zipSync({ 'a/Connections.csv': strToU8(big), 'b.txt': [strToU8('hi'), { level: 0 }] });
    expect(listZipEntries(zip).map((e) => [e.name, e.method])).toEqual([
      ['a/Connections.csv', 8],
      ['b.txt', 0],
    ]);
    expect(new TextDecoder().decode(inflateAll(zip, 0))).toBe(big);
    expect(inflateAll(zip, 1)).toEqual(unzipSync(zip)['b.txt']);
  });

  it('lists two entries of one name, each with its own content', () => {
    const zip = buildZip([entry('Connections.csv', 'first'), entry('Connections.csv', 'second', 0)]);
    expect(listZipEntries(zip).map((e) => e.name)).toEqual(['Connections.csv', 'Connections.csv']);
    expect([0, 1].map((i) => new TextDecoder().decode(inflateAll(zip, i)))).toEqual(['first', 'second']);
  });

  it('reads ZIP64 sizes', () => {
    const zip = zipBomb({ inflatedBytes: 1000, declaredBytes: 5 * 2 ** 30 });
    expect(listZipEntries(zip)[0]).toMatchObject({ size: 5 * 2 ** 30 });
  });

  it('refuses an entry that declares more than the limit, before inflating it', () => {
    const zip = zipBomb({ inflatedBytes: 2 ** 30 });
    const started = performance.now();
    expect(failure(() => inflateAll(zip))).toMatchObject({
      entry: 'Connections.csv',
      message: 'would inflate to 1,024 MB, more than the 512 MB any real export file stays under; not read',
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('stops an entry that inflates past what it declares, within one feed', () => {
    const zip = zipBomb({ inflatedBytes: 2 ** 30, declaredBytes: 1_000_000 });
    expect(failure(() => inflateAll(zip)).message).toBe(
      'inflates to more than the 1,000,000 bytes it declares; stopped (the archive is damaged or hostile)',
    );
  });

  it('stops a bomb by its ratio even when its declared size is under the limit', () => {
    const zip = zipBomb({ inflatedBytes: 2 ** 30, declaredBytes: 300 * 2 ** 20 });
    expect(failure(() => inflateAll(zip)).message).toMatch(/^inflates \d+ times over \(stopped after 16 MB\)/);
  });

  it('checks the CRC and the size at the end', () => {
    const good = entry('Connections.csv', 'hello world');
    expect(failure(() => inflateAll(buildZip([{ ...good, crc: (good.crc ?? 0) ^ 1 }]))).message).toMatch(/checksum/);
    expect(failure(() => inflateAll(buildZip([{ ...good, declaredSize: 20 }]))).message).toMatch(
      /inflates to 11 bytes but declares 20/,
    );
    expect(crc32(strToU8('hello world'))).toBe(good.crc);
  });

  it('names an encrypted entry and an unknown method', () => {
    expect(failure(() => inflateAll(encryptedZip())).message).toMatch(/^is encrypted \(the archive has a password\)/);
    const odd = buildZip([{ ...entry('Connections.csv', 'x', 0), method: 12 as 0 }]);
    expect(failure(() => inflateAll(odd)).message).toMatch(/compressed with a method we cannot read \(12/);
  });

  it('an archive cut short says so', () => {
    const zip = zipSync({ 'Connections.csv': strToU8('x'.repeat(1000)) });
    expect(failure(() => listZipEntries(zip.subarray(0, zip.length - 30))).message).toMatch(/cut short/);
  });

  it('stops an entry under the whole-inflate size that inflates past what it declares', () => {
    const zip = zipBomb({ inflatedBytes: 64 * 2 ** 20, declaredBytes: WHOLE_MAX - 1 });
    expect(listZipEntries(zip)[0]!.compressedSize * 100).toBeGreaterThan(WHOLE_MAX); // not refused up front
    expect(failure(() => inflateAll(zip)).message).toMatch(
      /^inflates to more than the 8,388,607 bytes it declares; stopped \(the archive is damaged or hostile\)$/,
    );
  });

  it('names a damaged deflate stream', () => {
    const good = zipSync({ 'Connections.csv': strToU8('Jane,Doe,https://www.linkedin.com/in/jane\n'.repeat(2000)) });
    const e = listZipEntries(good)[0]!;
    const start = e.localOffset + 30 + e.name.length;
    const bad = good.slice();
    for (let i = start + 10; i < start + 40; i++) bad[i] = 0xff;
    expect(failure(() => inflateAll(bad)).message).toMatch(
      /^(cannot be inflated \(.+\): the archive is damaged|.*checksum|inflates to)/,
    );
  });

  it('reads a deflated entry stored with no bytes at all as empty (some writers store an empty file so)', () => {
    const zip = buildZip([{ name: 'Profile.csv', data: new Uint8Array(0), method: 8, declaredSize: 0, crc: 0 }]);
    expect(inflateAll(zip)).toEqual(new Uint8Array(0));
  });

  it('checks size and CRC after trailing bytes, refuses a stream with no final block, stops a bomb declaring nothing', () => {
    const good = entry('Connections.csv', 'Jane,Doe\n'.repeat(100));
    const trailing = { ...good, data: concat(good.data, strToU8('garbage after the stream')) };
    expect(new TextDecoder().decode(inflateAll(buildZip([trailing])))).toBe('Jane,Doe\n'.repeat(100));
    expect(failure(() => inflateAll(buildZip([{ ...trailing, crc: (good.crc ?? 0) ^ 1 }]))).message).toMatch(
      /checksum/,
    );
    // A stored block without the final bit, and nothing after it.
    const open = { ...good, data: Uint8Array.of(0x00, 0x03, 0x00, 0xfc, 0xff, 0x61, 0x62, 0x63), declaredSize: 3 };
    expect(failure(() => inflateAll(buildZip([open]))).message).toMatch(/^cannot be inflated|^inflates to|checksum/);
    const bomb = zipBomb({ inflatedBytes: 2 ** 30, declaredBytes: 0 });
    const started = performance.now();
    expect(failure(() => inflateAll(bomb)).message).toMatch(/^inflates to more than the 0 bytes it declares/);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/**
 * Node's zlib as the zip reader's inflater (core/zip/zip-reader.ts): inflating
 * Connections.csv at 30,000 people takes ~7 ms here against ~80 ms through fflate and the
 * JavaScript CRC. The reader keeps every check (sizes, ratio, CRC); this only inflates.
 */
import zlib from 'node:zlib';
import { crc32 } from '../core/zip/crc32';
import type { HostInflater } from '../core/zip/zip-reader';
import { inflateOnWorker } from './inflate-ahead';

export const ZLIB_INFLATER: HostInflater = {
  inflate(data, max) {
    try {
      // zlib wants a positive limit; an empty entry is checked against 0 below.
      const out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
      return out.length > max ? null : out;
    } catch (e) {
      if ((e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') return null;
      throw e;
    }
  },
  // zlib.crc32 came in Node 20.15; older 20.x keeps the JavaScript one.
  crc32: typeof zlib.crc32 === 'function' ? (bytes, crc) => zlib.crc32(bytes, crc) : crc32,
};

/**
 * The CLI's inflater: zlib whole for small entries and, with the bundled worker's `script`,
 * on that worker for large ones (inflate-ahead.ts). Without one (run from the sources), large
 * entries stream through fflate.
 */
export function zlibInflater(script: string | undefined): HostInflater {
  return script === undefined
    ? ZLIB_INFLATER
    : { ...ZLIB_INFLATER, stream: (data, entry) => inflateOnWorker(script, data, entry) };
}

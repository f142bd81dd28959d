/**
 * Bytes → text for LinkedIn export files.
 *
 * Raw exports are UTF-8 without a BOM, but files people re-save in Excel come back as
 * UTF-8 with a BOM, as UTF-16LE (with BOM, tab-separated), or as Windows-1252 when a
 * Danish or German Excel saved them. We decode by BOM first, then try strict UTF-8 and
 * fall back to Windows-1252 only when the bytes are not valid UTF-8, so a valid UTF-8
 * file is never misread.
 */
import { decodeWindows1252 } from './windows-1252';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    // ignoreBOM: true because we strip it ourselves and want to keep a second, stray one visible.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { text: decodeWindows1252(body), encoding: 'windows-1252' };
  }
}

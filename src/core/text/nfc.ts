/**
 * `String.prototype.normalize('NFC')`, skipped for ASCII (which is already NFC). Most
 * names are ASCII and normalize() is costly at 30,000 rows, so this fast path matters.
 */
// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000
const NON_ASCII = /[^\u0000-\u007f]/;

export function nfc(value: string): string {
  return NON_ASCII.test(value) ? value.normalize('NFC') : value;
}

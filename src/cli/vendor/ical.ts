/**
 * ical.js as the CLI bundle sees it: loaded on its first use, from dist/vendor/ical.js (see
 * lazy.ts). Only the namespace's members are read (`ICAL.parse`, `new ICAL.Component`,
 * `instanceof ICAL.Time`), each at call time, so a stand-in that loads on the first read
 * behaves as the library does.
 */
import type ICAL from 'ical.js';
import { defaultExport, lazily, vendored } from './lazy';

export default lazily(
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require is what stays lazy in the bundle
  () => vendored('ical.js', () => defaultExport(require('ical.js')) as typeof ICAL),
  {},
);

/**
 * windows-iana as the CLI bundle sees it: only the CLDR table the calendar code reads, loaded
 * on its first use from dist/vendor/windows-iana.js (see lazy.ts). The calendar code iterates
 * it once to build its own map (core/sources/calendar/time-zones.ts).
 */
import type { WINDOWS_TO_IANA_MAP as Table } from 'windows-iana';
import { lazily, vendored } from './lazy';

type Exports = { WINDOWS_TO_IANA_MAP: typeof Table };

export const WINDOWS_TO_IANA_MAP: typeof Table = lazily(
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require is what stays lazy in the bundle
  () => vendored('windows-iana', () => require('windows-iana') as Exports).WINDOWS_TO_IANA_MAP,
  [],
);

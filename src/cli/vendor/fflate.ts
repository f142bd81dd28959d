/**
 * fflate as the CLI bundle sees it: only the streaming `Inflate` the zip reader uses for an
 * entry too large to inflate whole (core/zip/zip-reader.ts), loaded on its first `new` from
 * dist/vendor/fflate.js (see lazy.ts). Building its tables was ~4 ms of every start.
 */
import type { Inflate as RealInflate } from 'fflate';
import { lazily, vendored } from './lazy';

export const Inflate: typeof RealInflate = lazily(
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a require is what stays lazy in the bundle
  () => vendored('fflate', () => (require('fflate') as { Inflate: typeof RealInflate }).Inflate),
  class {},
);

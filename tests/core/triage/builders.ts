/** Test-data builders for the triage tests: person records as the index makes them, and options. */
import { personFromFrontmatter, type PersonRecord } from '../../../src/core/people/person-record';
import { DEFAULT_SETTINGS, levelNames } from '../../../src/core/settings';
import { triageOptions, type TriageOptions } from '../../../src/core/triage/queue';
import { EMPTY_TRIAGE_STATE, type TriageState } from '../../../src/core/triage/triage-state';

export const TODAY = '2026-11-26';

let n = 0;

export interface Extra {
  /** Newest dated line under Interactions. */
  log?: string;
  /** Newest daily note linking them. */
  daily?: string;
  path?: string;
}

/** A connected person note, unless `linkedin-status` says otherwise. */
export function person(fm: Record<string, unknown>, extra: Extra = {}): PersonRecord {
  const name = typeof fm.name === 'string' ? fm.name : `P${n++}`;
  const r = personFromFrontmatter(
    extra.path ?? `People/${name}.md`,
    { 'linkedin-status': 'connected', ...fm },
    { levelNames: levelNames(DEFAULT_SETTINGS), createdOn: null },
  );
  r.logLatest = extra.log ?? null;
  r.dailyLatest = extra.daily ?? null;
  return r;
}

export function url(name: string): string {
  return `https://www.linkedin.com/in/${name.toLowerCase().replace(/[^a-z]+/g, '-')}`;
}

export function state(patch: Partial<TriageState> = {}): TriageState {
  return { ...EMPTY_TRIAGE_STATE, ...patch };
}

export function options(patch: Partial<TriageOptions> = {}): TriageOptions {
  return { ...triageOptions(DEFAULT_SETTINGS, TODAY), ...patch };
}

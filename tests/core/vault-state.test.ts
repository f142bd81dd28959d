/**
 * Pins the vault-state record the plugin and the CLI share: a hand-edited, older or broken
 * `state` in data.json must load as "nothing known" field by field, never throw, and never
 * invent a previous import.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_VAULT_STATE, sanitizeVaultState } from '../../src/core/vault-state';

describe('sanitizeVaultState', () => {
  it('gives the empty state for anything that is not an object', () => {
    for (const v of [undefined, null, 3, 'x', [], true]) expect(sanitizeVaultState(v)).toEqual(EMPTY_VAULT_STATE);
  });

  it('keeps a well-formed record', () => {
    const state = {
      lastImport: { date: '2026-11-20', newestConnectedOn: '2026-11-19' },
      owner: { name: 'Ada Lovelace', profileUrl: 'https://www.linkedin.com/in/ada' },
      baseFileCreated: true,
      welcomeShown: true,
      triage: {
        newestSeen: '2026-11-19',
        newestSeenKeys: ['https://www.linkedin.com/in/bo'],
        newSince: '2026-10-01',
        newSinceKnown: ['name:ann lee'],
        sentPending: [{ name: 'Cy Doe', profileUrl: 'https://www.linkedin.com/in/cy', sentOn: '2026-09-01' }],
        sentDecisions: { 'https://www.linkedin.com/in/cy': { decision: 'waiting', on: '2026-11-01' } },
      },
    };
    expect(sanitizeVaultState(state)).toEqual(state);
  });

  it('reads the flag older versions wrote, and drops unusable fields one by one', () => {
    expect(sanitizeVaultState({ baseFileCreated: true })).toEqual({ ...EMPTY_VAULT_STATE, baseFileCreated: true });
    expect(
      sanitizeVaultState({
        lastImport: { date: '2026-02-30', newestConnectedOn: '2026-01-01' },
        owner: { name: '  ' },
        welcomeShown: 'yes',
      }),
    ).toEqual(EMPTY_VAULT_STATE);
    expect(sanitizeVaultState({ lastImport: { date: '2026-02-03', newestConnectedOn: 'soon' } }).lastImport).toEqual({
      date: '2026-02-03',
      newestConnectedOn: null,
    });
  });
});

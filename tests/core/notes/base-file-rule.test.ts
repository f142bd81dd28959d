/**
 * Pins when an import writes People.base (plugin and CLI alike): the first time; again
 * when it is empty or missing and was never written (a first import cut short); never when
 * the user deleted it after it was written, has content in it, turned the setting off, or
 * runs an Obsidian without Bases.
 */
import { describe, expect, it } from 'vitest';
import { baseFileDecision, type BaseFileOnDisk } from '../../../src/core/notes/base-file-rule';

const input = (created: boolean, disk: BaseFileOnDisk, extra = {}) => ({
  folder: 'Network/People',
  enabled: true,
  basesSupported: true,
  created,
  onDisk: () => disk,
  ...extra,
});

describe('baseFileDecision', () => {
  it.each([
    [false, 'missing', true],
    [false, 'empty', true],
    [true, 'empty', true],
    [true, 'missing', false],
    [false, 'present', false],
    [true, 'present', false],
  ] as const)('written before %s, file %s → write %s', (created, disk, write) => {
    expect(baseFileDecision(input(created, disk))).toEqual({ path: 'Network/People.base', write, createdAfter: true });
  });

  it('does nothing when the setting is off, Bases is missing, or the people folder is the vault', () => {
    expect(baseFileDecision(input(false, 'missing', { enabled: false }))).toBeNull();
    expect(baseFileDecision(input(false, 'missing', { basesSupported: false }))).toBeNull();
    expect(baseFileDecision(input(false, 'missing', { folder: '' }))).toBeNull();
  });
});

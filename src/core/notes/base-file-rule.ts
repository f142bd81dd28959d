/**
 * When an import writes People.base (the Bases table beside the people folder), decided
 * once for the plugin and the CLI from what the vault remembers (`baseFileCreated`):
 *
 * - written the first time an import runs (when the setting and Obsidian allow it);
 * - repaired when the file is there but empty, or missing while never written (a first
 *   import killed or out of disk space before it got that far);
 * - never brought back once written and then deleted by the user: that was their choice;
 * - never overwritten when it has content: the user owns it.
 */
import { baseFilePath } from './base-file';

export type BaseFileOnDisk = 'missing' | 'empty' | 'present';

export interface BaseFileInput {
  /** The people folder, normalised; '' (the whole vault) gets no table. */
  folder: string;
  /** The "Create a table of your network" setting (CLI: not `--no-base`). */
  enabled: boolean;
  /** Whether this Obsidian has Bases (plugin: `requireApiVersion('1.9.0')`; the CLI: true). */
  basesSupported: boolean;
  /** The vault state's `baseFileCreated`. */
  created: boolean;
  /** What is at the path now. */
  onDisk: (path: string) => BaseFileOnDisk;
}

export interface BaseFileDecision {
  path: string;
  /** Write the file (create, or fill an empty one). */
  write: boolean;
  /** `baseFileCreated` once the write (if any) has succeeded. */
  createdAfter: boolean;
}

export function baseFileDecision(input: BaseFileInput): BaseFileDecision | null {
  if (!input.enabled || !input.basesSupported || input.folder === '') return null;
  const path = baseFilePath(input.folder);
  const disk = input.onDisk(path);
  if (disk === 'present') return { path, write: false, createdAfter: true };
  if (disk === 'empty') return { path, write: true, createdAfter: true };
  return input.created ? { path, write: false, createdAfter: true } : { path, write: true, createdAfter: true };
}

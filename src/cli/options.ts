/** Options shared by every CLI command, with the plugin's defaults. */
import { normaliseFolder } from '../core/notes/file-name';
import { isIsoDate, localIsoDate } from '../core/dates/iso-date';
import { DEFAULT_SETTINGS } from '../core/settings';
import { stringFlag, UsageError, type ParsedArgs } from './args';

export function folderOption(args: ParsedArgs, name = 'folder', fallback = DEFAULT_SETTINGS.peopleFolder): string {
  const raw = stringFlag(args, name) ?? fallback;
  const folder = normaliseFolder(raw);
  if (folder === null || folder === '')
    throw new UsageError(`--${name} "${raw}" must be a folder inside the vault (not the vault itself)`);
  return folder;
}

export function todayOption(args: ParsedArgs): string {
  const raw = stringFlag(args, 'today');
  if (raw === undefined) return localIsoDate(new Date());
  if (!isIsoDate(raw)) throw new UsageError(`--today "${raw}" is not a date (expected YYYY-MM-DD)`);
  return raw;
}

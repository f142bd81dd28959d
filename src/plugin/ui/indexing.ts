/**
 * What views say while Obsidian is still reading the vault (a cold start): the lists are
 * incomplete then, and "nobody is overdue" or "nothing to triage" would be wrong.
 */
import { formatCount } from '../../core/text/format';
import type { PersonIndex } from '../person-index';

export const INDEXING_TITLE = 'Indexing your vault…';

export function indexingDetail(index: PersonIndex): string {
  const p = index.indexingProgress();
  const read =
    p === null || p.total === 0
      ? ''
      : p.done === 0
        ? `Obsidian is reading the ${formatCount(p.total)} notes in your vault. `
        : `Obsidian has read ${formatCount(p.done)} of ${formatCount(p.total)} notes. `;
  return `${read}Your contacts appear as soon as it is done.`;
}

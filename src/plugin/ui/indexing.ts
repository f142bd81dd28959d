/**
 * What views say while Obsidian is still reading the vault (a cold start): the lists are
 * incomplete then, and "nobody is overdue" or "nothing to triage" would be wrong. Commands
 * that read the whole network wait for the index (see afterIndexing).
 */
import { Notice } from 'obsidian';
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

export const WAITING_FOR_INDEX = 'Waiting for Obsidian to finish indexing your vault…';

/**
 * Runs `then` now when the index is complete, otherwise once it is, with a notice meanwhile: a
 * list made from a partial index would leave people out (and the prune list would drop the
 * ticks it keeps for them).
 */
export function afterIndexing(index: PersonIndex, then: () => void): void {
  if (index.ready) return then();
  const notice = new Notice(WAITING_FOR_INDEX, 0);
  void index.whenReady().then(() => {
    notice.hide();
    then();
  });
}

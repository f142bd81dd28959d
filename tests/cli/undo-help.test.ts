/**
 * `undo --help` and the top-level help name every command whose change `undo` takes back.
 * `bulk` and `review --write` record an undo step too, but the help left them out, so a
 * user who ran a bulk action had no reason to think it could be undone.
 */
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';

const UNDONE = [
  'log',
  'decide',
  'met-at-event',
  'prune-list',
  'review --write',
  'bulk',
  'merge',
  'import --create-attendees',
];

describe('undo help', () => {
  it('lists every command undo covers, in undo --help and the top-level help', async () => {
    const own = (await cli('undo', '--help')).out;
    const top = (await cli('--help')).out;
    const undoLine = top.slice(top.indexOf('\n  network-crm undo ') + 1);
    for (const command of UNDONE) {
      expect(own, command).toContain(command);
      expect(undoLine.slice(0, undoLine.indexOf('\n  network-crm ')), command).toContain(command);
    }
  });
});

/** Messages from real exports: owner detection both ways, direction, groups, drafts and sponsored rows. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateMessages, findOwner } from '../../src/core/import/messages-plan';
import { readExport } from '../../src/core/linkedin/read-export';
import { SAMPLES } from '../support/paths';

const present = fs.existsSync(path.join(SAMPLES, 'README.md'));
const read = (...names: string[]) =>
  readExport(names.map((n) => ({ name: n, bytes: fs.readFileSync(path.join(SAMPLES, n)), origin: 'picked' as const })));

describe.skipIf(!present)('messages from real exports', () => {
  it('2022: owner is the most frequent sender; the last two messages were hers, unanswered', () => {
    const exp = read('2022-09_messages.head.csv');
    const owner = findOwner(exp);
    expect(owner).toEqual({ url: 'https://www.linkedin.com/in/sajiah-naqib-5275a513a', rule: 'most frequent sender' });
    const s = aggregateMessages(exp, owner.url).get('https://www.linkedin.com/in/md-rahman');
    expect(s).toMatchObject({
      lastDate: '2022-09-08',
      lastFrom: 'me',
      sent: 2,
      received: 1,
      unanswered: 2,
      name: 'Muhammad M Rahman',
    });
  });

  it('2024: the owner comes from sent invitations; a group message counts for its sender only, by URL', () => {
    const exp = read('2024-12_messages.sponsored-draft-group.csv', '2024-12_Invitations.head.csv');
    const owner = findOwner(exp);
    expect(owner).toEqual({ url: 'https://www.linkedin.com/in/sarhangsaid', rule: 'sent invitations' });
    const stats = aggregateMessages(exp, owner.url);
    expect([...stats.keys()]).toEqual(['https://www.linkedin.com/in/sotg-founder']);
    expect(stats.get('https://www.linkedin.com/in/sotg-founder')).toMatchObject({
      lastFrom: 'them',
      received: 1,
      name: 'Trent Simmons',
    });
    // Without the invitations, the only sender left after drafts and sponsored rows would be taken for the owner.
    expect(findOwner(read('2024-12_messages.sponsored-draft-group.csv')).rule).toBe('most frequent sender');
  });

  it('2018: direction comes from the Direction column; senders without URL are known by name', () => {
    const exp = read('2018-11_Messages.head.csv');
    expect(findOwner(exp)).toEqual({ url: null, rule: 'message direction column' });
    expect(aggregateMessages(exp, null).get('name:angela from')).toMatchObject({
      received: 2,
      lastFrom: 'them',
      lastDate: '2018-10-16',
    });
  });
});

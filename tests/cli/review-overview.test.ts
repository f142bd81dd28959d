/**
 * `network-crm review` and `network-crm overview` on a small vault with `--today` fixed: the
 * same picks and numbers as the plugin's command and view (both call the core), as text and
 * as JSON; `review --write` writes where the plugin would, and never twice for one person.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

const TODAY = '2026-04-27';
const person = (name: string, fm: string, body = '') =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/\W+/g, '-')}\n${fm}\n---\n\n## Interactions\n\n${body}`;
const VAULT = {
  'People/Olga Overdue.md': person(
    'Olga Overdue',
    'trust: 5\nlast-contact: 2025-12-01\ncompany: Acme\nposition: CTO\nmet-where: "[[Web Summit 2024]]"\nconnected-on: 2025-05-10',
    // As the log writes what was typed: escaped; the terminal shows it as typed.
    '- 2025-12-01 · call · talked about the \\[pilot\\] \\#2\n',
  ),
  'People/Bea Birthday.md': person(
    'Bea Birthday',
    'trust: 2\nlast-contact: 2026-04-20\nbirthday: 1986-04-30\ncompany: Globex',
  ),
  'People/Fran Follow.md': person('Fran Follow', 'trust: 2\nlast-contact: 2026-04-20'),
  'People/Quiet.md': person('Quiet', 'company: Globex\nlast-message: 2026-03-01\nlast-message-from: me\nunanswered: 3'),
  'Projects/Deck.md': '- [ ] Send [[Fran Follow]] the deck ➕ 2026-04-01\n',
};

interface ReviewJson {
  today: string;
  week: string;
  count: number;
  picks: Array<{ name: string; reasons: Array<{ kind: string; text: string }>; lastInteraction: string | null }>;
  target: { path: string; kind: string; written: boolean };
}

describe('network-crm review', () => {
  it("prints this week's picks with their reasons and context", async () => {
    const dir = tempDir();
    writeTree(dir, VAULT);
    const r = await cli('review', '--vault', dir, '--today', TODAY);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'Reach-outs for 2026-W18 (2026-04-27 to 2026-05-03):',
        '  1. Bea Birthday — birthday on Thursday 2026-04-30, turns 40  (People/Bea Birthday.md)',
        '     Globex',
        '     last: 2026-04-20',
        '  2. Fran Follow — follow-up: Send Fran Follow the deck · open 4 weeks  (People/Fran Follow.md)',
        '     last: 2026-04-20',
        '  3. Olga Overdue — 4 months overdue (every 30 days, as Inner circle)  (People/Olga Overdue.md)',
        '     met at [[Web Summit 2024]] · CTO at Acme',
        '     last: 2025-12-01 · call · talked about the [pilot] #2',
        '',
      ].join('\n'),
    );
    const json = (await cli('review', '--vault', dir, '--today', TODAY, '--count', '1', '--json')).json<ReviewJson>();
    expect(json).toMatchObject({
      today: TODAY,
      week: '2026-W18',
      count: 1,
      picks: [{ name: 'Bea Birthday', reasons: [{ kind: 'birthday' }] }],
      target: { path: 'Network CRM/Reviews/2026-W18.md', kind: 'review note', written: false },
    });
    expect((await cli('review', '--vault', dir, '--count', '0')).err).toContain(
      '--count "0" must be a number from 1 to 100',
    );
  });

  it("--write adds the picks to today's daily note when the Daily notes plugin is on, once per person", async () => {
    const dir = tempDir();
    writeTree(dir, {
      ...VAULT,
      '.obsidian/core-plugins.json': JSON.stringify({ 'daily-notes': true }),
      '.obsidian/daily-notes.json': JSON.stringify({ folder: 'Daily', format: 'YYYY-MM-DD' }),
      'Daily/2026-04-27.md': 'Morning notes.\n',
    });
    const first = (await cli('review', '--vault', dir, '--today', TODAY, '--write', '--json')).json<ReviewJson>();
    expect(first.target).toEqual({ path: 'Daily/2026-04-27.md', kind: 'daily note', written: true });
    const daily = fs.readFileSync(path.join(dir, 'Daily/2026-04-27.md'), 'utf8');
    expect(
      daily.startsWith(
        'Morning notes.\n\n## Reach-outs for 2026-W18\n\n- [ ] Reach out to [[People/Bea Birthday|Bea Birthday]]',
      ),
    ).toBe(true);
    expect(daily.match(/- \[ \] Reach out/g)).toHaveLength(3);
    // The second run the same week finds everyone planned.
    const again = await cli('review', '--vault', dir, '--today', TODAY, '--write');
    expect(again.out).toBe(
      'Nobody to plan for 2026-W18: no one is overdue, drifting, has a birthday or an open follow-up.\n',
    );
    expect(fs.readFileSync(path.join(dir, 'Daily/2026-04-27.md'), 'utf8')).toBe(daily);
    // The plan is not a contact: Olga is still overdue.
    const stale = await cli('stale', '--vault', dir, '--today', TODAY, '--json');
    expect(stale.json<{ stale: Array<{ name: string }> }>().stale.map((s) => s.name)).toContain('Olga Overdue');
  });
});

describe('network-crm overview', () => {
  it('gives the numbers of the Network overview as JSON and as text', async () => {
    const dir = tempDir();
    writeTree(dir, VAULT);
    const json = (await cli('overview', '--vault', dir, '--today', TODAY, '--json')).json<{
      people: number;
      byTrust: Array<{ name: string; people: number; overdue: number }>;
      contactsPerMonth: Array<{ month: string; count: number }>;
      newConnectionsPerMonth: Array<{ month: string; count: number }>;
      topCompanies: Array<{ company: string; people: number }>;
      neverAnswered: number;
    }>();
    expect(json.people).toBe(4);
    expect(json.byTrust[0]).toEqual({ level: 5, name: 'Inner circle', people: 1, due: 0, overdue: 1, drifting: 0 });
    expect(json.contactsPerMonth).toHaveLength(24);
    expect(json.contactsPerMonth.find((m) => m.month === '2025-12')?.count).toBe(1);
    expect(json.newConnectionsPerMonth.find((m) => m.month === '2025-05')?.count).toBe(1);
    expect(json.topCompanies).toEqual([
      { company: 'Globex', people: 2 },
      { company: 'Acme', people: 1 },
    ]);
    expect(json.neverAnswered).toBe(1);
    const text = (await cli('overview', '--vault', dir, '--today', TODAY)).out;
    expect(text).toContain('Network overview on 2026-04-27: 4 people');
    expect(text).toContain('  5 · Inner circle         1      0        1         0');
    expect(text).toMatch(/ {2}2025-12 █+ +1\n/);
    expect(text).toContain('   1. Globex (2)');
  });
});

// @vitest-environment happy-dom
/**
 * `network-crm stale` on a small vault (the known answer, each section) and on a generated
 * one (the same list as the view): the CLI twin of the stale view's lists.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatePeopleVault } from '../../scripts/lib/synthetic-vault';
import { STALE_VIEW_TYPE, type StaleView } from '../../src/plugin/views/stale-view';
import { runCommand, settle, startPlugin, until } from '../plugin/helpers';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

afterEach(() => vi.useRealTimers());

interface StaleJson {
  count: number;
  stale: Array<{
    name: string;
    path: string;
    trust: number | null;
    lastContact: { date: string; source: string } | null;
    dueDate: string;
    daysOverdue: number;
  }>;
}

const SMALL = {
  'People/A.md': '---\nname: A\ntrust: 5\nlast-contact: 2026-09-01\n---\n',
  'People/B.md': '---\nname: B\ntrust: 2\nlast-contact: 2025-01-01\ntags: [mentor]\n---\n',
  'People/C.md': '---\nname: C\ntrust: 5\nlast-contact: 2026-11-20\n---\n',
  'People/D.md': '---\nname: D\ntrust: 5\nlast-contact: 2026-01-01\nsnooze-until: 2027-01-01\n---\n',
  'People/E.md':
    '---\nname: E\ntrust: 2\n---\n## Interactions\n\n- 2026-05-01 · call\n- 2026-04-10 · call\n- 2026-03-20 · call\n- 2026-03-01 · call\n',
  'Projects/Launch.md': '# Launch\n\n- [ ] Send [[C]] the deck ➕ 2026-11-01\n- [x] Called [[E]] ✅ 2026-06-01\n',
};

describe('network-crm stale', () => {
  it('lists exactly the due and overdue people of a small vault, most overdue first, with the rule', async () => {
    const dir = tempDir();
    writeTree(dir, SMALL);
    const r = await cli('stale', '--vault', dir, '--today', '2026-11-26', '--json');
    expect(r.json<StaleJson>()).toEqual({
      today: '2026-11-26',
      section: 'stale',
      count: 2,
      stale: [
        {
          name: 'A',
          path: 'People/A.md',
          trust: 5,
          cadence: { days: 30, rule: { kind: 'trust', level: 5, name: 'Inner circle' } },
          lastContact: { date: '2026-09-01', source: 'field' },
          state: 'overdue',
          dueDate: '2026-10-01',
          daysOverdue: 56,
          whoseMove: null,
          drifting: null,
          followUps: [],
        },
        {
          name: 'B',
          path: 'People/B.md',
          trust: 2,
          cadence: { days: 365, rule: { kind: 'trust', level: 2, name: 'Met' } },
          lastContact: { date: '2025-01-01', source: 'field' },
          state: 'overdue',
          dueDate: '2026-01-01',
          daysOverdue: 329,
          whoseMove: null,
          drifting: null,
          followUps: [],
        },
      ],
    });
    const text = await cli('stale', '--vault', dir, '--today', '2026-11-26');
    expect(text.out).toContain('2 stale contacts on 2026-11-26');
    expect(text.out).toContain('      every 30 days, as Inner circle');
  });

  it('lists drifting people and follow-ups, each with the reason in words', async () => {
    const dir = tempDir();
    writeTree(dir, SMALL);
    const drifting = await cli('stale', '--vault', dir, '--today', '2026-11-26', '--section', 'drifting');
    expect(drifting.out).toBe(
      '1 person drifting on 2026-11-26\n' +
        '  E  drifting  last contact 6 months ago · via follow-up  (People/E.md)\n' +
        '      usually every 3 weeks; silent for 6 months · every 365 days, as Met\n',
    );
    const follow = await cli('stale', '--vault', dir, '--today', '2026-11-26', '--section', 'follow-ups', '--json');
    expect(follow.json<{ followUps: Array<{ name: string; followUps: unknown[] }> }>().followUps).toEqual([
      {
        ...follow.json<{ followUps: Array<Record<string, unknown>> }>().followUps[0],
        name: 'C',
        followUps: [
          {
            path: 'Projects/Launch.md',
            line: 2,
            text: 'Send C the deck',
            since: '2026-11-01',
            due: null,
            review: false,
            openDays: 25,
          },
        ],
      },
    ]);
    expect((await cli('stale', '--vault', dir, '--section', 'soon')).err).toContain(
      '--section "soon" must be one of stale, drifting, follow-ups, all',
    );
  });

  it('agrees with the view on a generated vault of 2,000 people', async () => {
    const today = '2026-11-26';
    const files = generatePeopleVault({ people: 2000, today, seed: 9 });
    const dir = tempDir();
    writeTree(dir, files);
    const fromCli = (await cli('stale', '--vault', dir, '--today', today, '--json')).json<StaleJson>();

    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${today}T12:00:00`));
    const { app } = await startPlugin(files);
    runCommand(app, 'open-stale-contacts');
    const view = await until(
      () => app.workspace.getLeavesOfType(STALE_VIEW_TYPE)[0]?.view as StaleView | undefined,
      'view',
    );
    await settle(app);
    const fromView = view.listed().map((e) => ({
      path: e.person.path,
      dueDate: e.stale?.dueDate,
      daysOverdue: e.stale?.daysOverdue,
      lastContact: e.lastContact,
    }));
    expect(fromCli.count).toBeGreaterThan(300);
    expect(fromView).toEqual(
      fromCli.stale.map(({ path, dueDate, daysOverdue, lastContact }) => ({ path, dueDate, daysOverdue, lastContact })),
    );
  });
});

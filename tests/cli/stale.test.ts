// @vitest-environment happy-dom
/** `network-crm stale` on a generated vault: the known answer, and the same list as the view. */
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

describe('network-crm stale', () => {
  it('lists exactly the overdue people of a small vault, most overdue first', async () => {
    const dir = tempDir();
    writeTree(dir, {
      'People/A.md': '---\nname: A\ntrust: 5\nlast-contact: 2026-09-01\n---\n',
      'People/B.md': '---\nname: B\ntrust: 2\nlast-contact: 2025-01-01\n---\n',
      'People/C.md': '---\nname: C\ntrust: 5\nlast-contact: 2026-11-20\n---\n',
      'People/D.md': '---\nname: D\ntrust: 5\nlast-contact: 2026-01-01\nsnooze-until: 2027-01-01\n---\n',
    });
    const r = await cli('stale', '--vault', dir, '--today', '2026-11-26', '--json');
    expect(r.json<StaleJson>()).toEqual({
      today: '2026-11-26',
      count: 2,
      stale: [
        {
          name: 'A',
          path: 'People/A.md',
          trust: 5,
          lastContact: { date: '2026-09-01', source: 'field' },
          dueDate: '2026-10-01',
          daysOverdue: 56,
          whoseMove: null,
        },
        {
          name: 'B',
          path: 'People/B.md',
          trust: 2,
          lastContact: { date: '2025-01-01', source: 'field' },
          dueDate: '2026-01-01',
          daysOverdue: 329,
          whoseMove: null,
        },
      ],
    });
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
      dueDate: e.dueDate,
      daysOverdue: e.daysOverdue,
      lastContact: e.lastContact,
    }));
    expect(fromCli.count).toBeGreaterThan(300);
    expect(fromView).toEqual(
      fromCli.stale.map(({ path, dueDate, daysOverdue, lastContact }) => ({ path, dueDate, daysOverdue, lastContact })),
    );
  });
});

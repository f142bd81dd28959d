/** `network-crm birthdays`: the coming birthdays of a vault, in text and JSON, and a bad --days refused. */
import { describe, expect, it } from 'vitest';
import { cli } from '../support/cli';
import { tempDir, writeTree } from '../support/temp-dir';

describe('network-crm birthdays', () => {
  const vault = () => {
    const dir = tempDir();
    writeTree(dir, {
      'People/Ann Lee.md': '---\nname: Ann Lee\nbirthday: 1980-12-01\n---\n',
      'People/Bob Roe.md': '---\nname: Bob Roe\nbirthday: "--11-30"\n---\n',
      'People/Cy Poe.md': '---\nname: Cy Poe\nbirthday: 1990-12-20\n---\n',
      'People/Di.md': '---\nname: Di\nbirthday: whenever\n---\n',
    });
    return dir;
  };

  it('lists this week’s birthdays, soonest first', async () => {
    const r = await cli('birthdays', '--vault', vault(), '--today', '2026-11-30');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '2 birthdays this week:\n  Bob Roe: today  (People/Bob Roe.md)\n  Ann Lee: tomorrow, turns 46  (People/Ann Lee.md)\n',
    );
  });

  it('--json and --days', async () => {
    const r = await cli('birthdays', '--vault', vault(), '--today', '2026-11-30', '--days', '30', '--json');
    expect(r.json<{ count: number; birthdays: Array<{ name: string; inDays: number }> }>()).toMatchObject({
      count: 3,
      birthdays: [
        { name: 'Bob Roe', inDays: 0 },
        { name: 'Ann Lee', inDays: 1 },
        { name: 'Cy Poe', inDays: 20 },
      ],
    });
  });

  it('refuses a --days that is not a number of days', async () => {
    const r = await cli('birthdays', '--vault', vault(), '--days', 'soon');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--days "soon" must be a number of days/);
  });
});

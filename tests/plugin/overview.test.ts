// @vitest-environment happy-dom
/**
 * The Network overview view and the settings this issue adds, through the double: the view
 * opens in a tab, draws the core's numbers (cards, trust table, two SVG bar charts, top
 * companies) with text as text, and follows the vault; tag rules and the review count are
 * edited in the settings tab and saved clean.
 */
import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/core/dates/iso-date';
import { OVERVIEW_VIEW_TYPE, type OverviewView } from '../../src/plugin/views/overview-view';
import { fileAt } from '../obsidian-double/harness';
import { $$, enter, openViewByCommand, runCommand, settle, startPlugin } from './helpers';

const TODAY = localIsoDate(new Date());
const ago = (days: number) => addDays(TODAY, -days);
const person = (name: string, fm: string) =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/\W+/g, '-')}\n${fm}\n---\n\n## Interactions\n\n`;

const VAULT = {
  'People/A.md': person('A', `trust: 5\ncompany: Acme\nlast-contact: ${ago(200)}\nconnected-on: ${ago(10)}`),
  'People/B.md': person('B', `trust: 4\ncompany: acme\nlast-contact: ${ago(70)}`),
  'People/C.md': person(
    'C',
    `company: <img src=x onerror=alert(1)>\nlast-message: ${ago(40)}\nlast-message-from: me\nunanswered: 2`,
  ),
  'People/D.md': person('D', `company: Globex\nlinkedin-status: invitation-received`),
};

const openOverview = (app: Parameters<typeof runCommand>[0]) =>
  openViewByCommand<OverviewView>(app, 'open-network-overview', OVERVIEW_VIEW_TYPE);

describe('Network overview view', () => {
  it('opens in a tab and draws cards, the trust table, two bar charts and the top companies', async () => {
    const { app } = await startPlugin(VAULT);
    const view = await openOverview(app);
    expect(app.workspace.getLeavesOfType(OVERVIEW_VIEW_TYPE)[0]?.split).toBe(app.workspace.rootSplit);
    expect($$('.ncrm-overview-card').map((c) => c.textContent)).toEqual([
      '3People',
      '1Overdue',
      '1Due',
      '0Drifting',
      '0Open follow-ups',
      '1Never answered',
    ]);
    expect($$('.ncrm-overview-table tbody tr').map((r) => r.querySelector('td')?.firstChild?.textContent)).toEqual([
      '5 · Inner circle',
      '4 · Trusted',
      '3 · Know well',
      '2 · Met',
      "1 · Don't know",
      'Untriaged',
    ]);
    const charts = $$('svg.ncrm-chart-svg');
    expect(charts).toHaveLength(2);
    expect(charts[0]!.querySelectorAll('rect.ncrm-chart-bar')).toHaveLength(24);
    expect(charts[0]!.getAttribute('aria-label')).toMatch(/^\d+ contacts? in the last 24 months/);
    expect(charts[1]!.getAttribute('aria-label')).toMatch(/^1 new connection in the last 24 months; most in /);
    const lastBar = Array.from(charts[1]!.querySelectorAll('rect')).at(-1)!;
    expect(lastBar.querySelector('title')?.textContent).toMatch(/: (1 new connection|0 new connections)$/);
    expect($$('.ncrm-company-name').map((e) => e.textContent)).toEqual(['Acme', '<img src=x onerror=alert(1)>']);
    expect(document.querySelector('.ncrm-overview-view img')).toBeNull();
    expect(view.overview()?.people).toBe(3);
    // Running the command again reuses the tab.
    runCommand(app, 'open-network-overview');
    await settle(app);
    expect(app.workspace.getLeavesOfType(OVERVIEW_VIEW_TYPE)).toHaveLength(1);
  });

  it('follows the vault', async () => {
    const { app } = await startPlugin(VAULT);
    const view = await openOverview(app);
    await app.fileManager.processFrontMatter(fileAt(app, 'People/A.md'), (fm) => (fm['last-contact'] = TODAY));
    await settle(app);
    expect(view.overview()?.totals.overdue).toBe(0);
    expect($$('.ncrm-overview-card')[1]?.textContent).toBe('0Overdue');
  });
});

describe('keep-in-touch settings', () => {
  const settingNamed = (tab: HTMLElement, name: string) =>
    $$('.setting-item', tab).find((el) => el.querySelector('.setting-item-name')?.textContent === name)!;

  it('takes tag rules one per line, refuses what is not a rule, and saves them clean', async () => {
    const { app, plugin } = await startPlugin();
    const tab = app.openSettingTab('network-crm');
    const setting = settingNamed(tab, 'Keep in touch by tag');
    const area = setting.querySelector('textarea')!;
    enter(area, '#family 14\ntwo words 5');
    await settle(app, 0);
    expect(setting.classList.contains('has-error')).toBe(true);
    expect(setting.querySelector('.setting-item-error')?.textContent).toBe(
      'Line 2: "two words 5" is not a rule; write a tag and a number of days, such as "#family 14".',
    );
    expect(plugin.settings.tagCadences).toEqual([]);
    enter(area, '#Family 14\n\nmentor 60 days');
    await settle(app, 0);
    expect(plugin.settings.tagCadences).toEqual([
      { tag: 'family', days: 14 },
      { tag: 'mentor', days: 60 },
    ]);
    expect(app.pluginData.get('network-crm')).toMatchObject({ tagCadences: [{ tag: 'family' }, { tag: 'mentor' }] });
    app.closeSettings();
    const again = settingNamed(app.openSettingTab('network-crm'), 'Keep in touch by tag');
    expect(again.querySelector('textarea')?.value).toBe('#family 14\n#mentor 60');
  });

  it('sets how many reach-outs the weekly review picks', async () => {
    const { app, plugin } = await startPlugin();
    const tab = app.openSettingTab('network-crm');
    const input = settingNamed(tab, 'Reach-outs per week').querySelector('input')!;
    enter(input, '0');
    await settle(app, 0);
    expect(plugin.settings.reviewCount).toBe(5);
    enter(input, '8');
    await settle(app, 0);
    expect(plugin.settings.reviewCount).toBe(8);
  });
});

// @vitest-environment happy-dom
/**
 * The Stale contacts view through the double: rows (due and overdue shown apart, the rule
 * that applies), the search box, row actions, live updates, 30,000 people. Sections,
 * selection and bulk actions are in keep-in-touch-view.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generatePeopleVault } from '../../scripts/lib/synthetic-vault';
import { localIsoDate, addDays } from '../../src/core/dates/iso-date';
import { STALE_ROW_HEIGHT, STALE_VIEW_TYPE } from '../../src/plugin/views/stale-view';
import { fileAt, text } from '../obsidian-double/harness';
import { $, $$, enter, openStaleView, runCommand, settle, startPlugin } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

const TODAY = localIsoDate(new Date());
const ago = (days: number) => addDays(TODAY, -days);
const note = (name: string, fm: string) =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/\W+/g, '-')}\n${fm}\n---\n\n## Interactions\n\n`;

const VAULT = {
  'People/Ann Lee.md': note(
    'Ann Lee',
    `trust: 5\nlast-contact: ${ago(120)}\ncompany: Acme\ntags:\n  - person\n  - vip`,
  ),
  'People/Bo Kim.md': note(
    'Bo Kim',
    `trust: 4\nlast-contact: ${ago(90)}\nmet-where: "[[Web Summit 2024]]"\nlast-message: ${ago(90)}\nlast-message-from: them`,
  ),
  'People/Cy Fox.md': note('Cy Fox', `trust: 3\nlast-contact: ${ago(10)}`),
  'People/Di Ray.md': note('Di Ray', `trust: 2\nconnected-on: ${ago(400)}`),
  'People/<b>Evil</b>.md': note('<img src=x onerror=alert(1)>', `trust: 5\nlast-contact: ${ago(31)}`),
};

const rowNames = () => $$('.ncrm-stale-row .ncrm-stale-name').map((a) => a.textContent);

describe('Stale contacts view', () => {
  it('opens in the right sidebar with rows most overdue first, hostile names as text', async () => {
    const { app } = await startPlugin(VAULT);
    expect(app.workspace.isRightCollapsed()).toBe(true);
    await openStaleView(app);
    expect(app.workspace.isRightCollapsed()).toBe(false);
    expect(app.workspace.getLeavesOfType(STALE_VIEW_TYPE)[0]?.split).toBe(app.workspace.rightSplit);
    expect($('.ncrm-stale-count').textContent).toBe('4 stale contacts');
    expect(rowNames()).toEqual(['Ann Lee', 'Bo Kim', 'Di Ray', '<img src=x onerror=alert(1)>']);
    const bo = $('.ncrm-stale-row[data-path="People/Bo Kim.md"]');
    expect($('.ncrm-badge', bo).textContent).toBe('Trusted');
    expect($('.ncrm-stale-detail', bo).textContent).toBe('met: Web Summit 2024');
    expect($('.ncrm-stale-contact', bo).textContent).toBe('you owe a replylast contact 3 months ago · via message');
    // Due (the period has passed) and overdue (by half again) look different.
    expect($('.ncrm-status', bo).textContent).toBe('due 4 weeks ago');
    expect($('.ncrm-status', bo).classList.contains('ncrm-status-due')).toBe(true);
    expect($('.ncrm-stale-why', bo).textContent).toBe('every 60 days, as Trusted');
    const ann = $('.ncrm-stale-row[data-path="People/Ann Lee.md"]');
    expect($('.ncrm-status', ann).textContent).toBe('3 months overdue');
    expect($('.ncrm-status', ann).classList.contains('ncrm-status-overdue')).toBe(true);
    expect($('.ncrm-stale-contact', $('.ncrm-stale-row[data-path="People/Di Ray.md"]')).textContent).toBe(
      'never contacted',
    );
    expect(document.querySelector('.ncrm-stale-view img')).toBeNull();
    // Running the command again reuses the leaf.
    runCommand(app, 'open-stale-contacts');
    await settle(app);
    expect(app.workspace.getLeavesOfType(STALE_VIEW_TYPE)).toHaveLength(1);
  });

  it('searches by words and by the filter language, and says what is wrong with a term', async () => {
    const { app } = await startPlugin(VAULT);
    await openStaleView(app);
    const search = $('.ncrm-stale-search') as HTMLInputElement;
    enter(search, 'acme');
    expect(rowNames()).toEqual(['Ann Lee']);
    expect($('.ncrm-stale-count').textContent).toBe('1 of 4 stale contacts');
    enter(search, 'met-where:"web summit"');
    expect(rowNames()).toEqual(['Bo Kim']);
    enter(search, 'trust:5');
    expect(rowNames()).toEqual(['Ann Lee', '<img src=x onerror=alert(1)>']);
    enter(search, 'trust:4-5 tag:#VIP');
    expect(rowNames()).toEqual(['Ann Lee']);
    enter(search, 'owe-reply');
    expect(rowNames()).toEqual(['Bo Kim']);
    enter(search, 'overdue');
    expect(rowNames()).toEqual(['Ann Lee']);
    // A term it cannot use: the error shows, the list keeps the last filter that worked.
    enter(search, 'trust:9');
    expect($('.ncrm-filter-error').textContent).toBe(
      'trust:9: "9" is not a level (1 to 5, a range such as 3-5, or none) (expected trust:N, trust:N-M or trust:none (levels 1 to 5))',
    );
    expect(rowNames()).toEqual(['Ann Lee']);
    enter(search, 'nobody at all');
    expect($('.ncrm-filter-error').classList.contains('ncrm-hidden')).toBe(true);
    expect(rowNames()).toEqual([]);
    expect($('.ncrm-stale-empty').textContent).toBe('Nobody matches this search.');
  });

  it('"Log contact today" writes like the command and the row leaves the list', async () => {
    const { app, plugin } = await startPlugin(VAULT);
    await openStaleView(app);
    $('.ncrm-stale-row[data-path="People/Ann Lee.md"] [data-action="Log contact today"]').click();
    expect(rowNames()).not.toContain('Ann Lee'); // at once, before the write lands
    await settle(app);
    expect(text(app, 'People/Ann Lee.md')).toContain(`last-contact: ${TODAY}`);
    expect(text(app, 'People/Ann Lee.md')).toContain(`## Interactions\n\n- ${TODAY} · other\n`);
    expect(rowNames()).toEqual(['Bo Kim', 'Di Ray', '<img src=x onerror=alert(1)>']);
    expect(plugin.undo.size).toBe(1);
  });

  it('snoozes from the row menu', async () => {
    const { app } = await startPlugin(VAULT);
    await openStaleView(app);
    $('.ncrm-stale-row[data-path="People/Bo Kim.md"] [data-action="Snooze"]').click();
    const items = $$('.menu .menu-item-title').map((e) => e.textContent);
    expect(items).toEqual(['Snooze 1 week', 'Snooze 1 month', 'Snooze 3 months']);
    $$('.menu .menu-item')[1]!.click();
    await settle(app);
    expect(text(app, 'People/Bo Kim.md')).toMatch(/snooze-until: \d{4}-\d{2}-\d{2}/);
    expect(rowNames()).not.toContain('Bo Kim');
  });

  it('opens the profile, and the note (Ctrl/Cmd-click in a new tab)', async () => {
    const { app } = await startPlugin(VAULT);
    await openStaleView(app);
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    $('.ncrm-stale-row[data-path="People/Bo Kim.md"] [data-action="Open LinkedIn profile"]').click();
    expect(open).toHaveBeenCalledWith('https://www.linkedin.com/in/bo-kim');
    $('.ncrm-stale-row[data-path="People/Bo Kim.md"] .ncrm-stale-name').click();
    await settle(app, 0);
    expect(app.workspace.getActiveFile()?.path).toBe('People/Bo Kim.md');
    const tabs = app.workspace.rootSplit.leaves.length;
    $('.ncrm-stale-row[data-path="People/Ann Lee.md"] .ncrm-stale-name').dispatchEvent(
      new MouseEvent('click', { ctrlKey: true, bubbles: true }),
    );
    await settle(app, 0);
    expect(app.workspace.rootSplit.leaves.length).toBe(tabs + 1);
  });

  it('updates live when last-contact is edited in a note, and waits while hidden', async () => {
    const { app } = await startPlugin(VAULT);
    const view = await openStaleView(app);
    await app.fileManager.processFrontMatter(fileAt(app, 'People/Cy Fox.md'), (fm) => (fm['last-contact'] = ago(500)));
    await settle(app);
    expect(rowNames()[0]).toBe('Cy Fox');

    const refresh = vi.spyOn(view, 'refresh');
    app.workspace.collapseRightSplit();
    await app.fileManager.processFrontMatter(fileAt(app, 'People/Cy Fox.md'), (fm) => (fm['last-contact'] = TODAY));
    await settle(app);
    expect(refresh).not.toHaveBeenCalled();
    await app.workspace.revealLeaf(app.workspace.getLeavesOfType(STALE_VIEW_TYPE)[0]!);
    app.workspace.trigger('layout-change');
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(rowNames()).not.toContain('Cy Fox');
  });

  it('shows the count in the status bar, and hides it when the setting is off', async () => {
    const { app, plugin } = await startPlugin(VAULT);
    const item = $('.status-bar .ncrm-status-bar');
    expect(item.textContent).toBe('4 stale contacts');
    item.click();
    await settle(app);
    expect(app.workspace.getLeavesOfType(STALE_VIEW_TYPE)).toHaveLength(1);
    plugin.settings.showStatusBar = false;
    await plugin.saveSettings();
    await settle(app);
    expect(item.classList.contains('ncrm-hidden')).toBe(true);
  });

  it('renders only the visible window at 30,000 people', async () => {
    const { app, plugin } = await startPlugin(generatePeopleVault({ people: 30_000, today: TODAY, seed: 5 }));
    await openStaleView(app);
    const count = Number($('.ncrm-stale-count').textContent?.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(5000);
    expect($$('.ncrm-stale-row').length).toBeLessThan(30);
    expect($('.ncrm-stale-sizer').style.getPropertyValue('--ncrm-stale-height')).toBe(`${count * STALE_ROW_HEIGHT}px`);
    const list = $('.ncrm-stale-list');
    list.scrollTop = (count - 5) * STALE_ROW_HEIGHT;
    list.dispatchEvent(new Event('scroll'));
    const last = $$('.ncrm-stale-row').at(-1)!;
    const model = plugin.index.people().length;
    expect(model).toBe(30_000);
    expect(last.dataset.path).toBeTruthy();
    expect($$('.ncrm-stale-row').length).toBeLessThan(30);
  }, 60_000);
});

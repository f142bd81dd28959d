// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createApp, fileAt, loadPlugin } from '../obsidian-double/harness';
import { computeCache } from '../obsidian-double/metadata-cache';
import { listItemsOfLines } from '../../src/core/followups/review-plan';
import { scanLines } from '../../src/core/followups/tasks';
import NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';
import { enter, settle, startPlugin, track, until } from './helpers';

const person = (name: string, extra = '') =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/ /g, '-')}\ntrust: 3\n${extra}---\n[LinkedIn profile](x)\n\n## Interactions\n\n`;

describe('person index', () => {
  it('is built from the metadata cache at layout-ready, reading only notes that have a log', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`People/P${i}.md`] = person(`P ${i}`);
    files['People/Logged.md'] = `${person('Logged')}- 2026-03-01 · call · hi\n`;
    files['Elsewhere/Tagged.md'] = '---\ntags: [person]\n---\n';
    files['Elsewhere/Moved.md'] = person('Moved Away', 'tags: [person]\n');
    // Outside the people folder only the tag makes a person: a meeting note citing a profile is not one.
    files['Meetings/Kickoff.md'] = person('Kick Off');
    files['Notes/Unrelated.md'] = '---\ntitle: x\n---\n';
    const app = track(await createApp(files));
    const spy = vi.spyOn(app.vault, 'cachedRead');
    const plugin = (await loadPlugin(NetworkCrmPlugin as never, app)) as unknown as NetworkCrmPlugin;
    await settle(app);
    expect(spy.mock.calls.map((c) => c[0].path)).toEqual(['People/Logged.md']);
    expect(plugin.index.size()).toBe(53);
    expect(plugin.index.get('People/Logged.md')?.logLatest).toBe('2026-03-01');
    expect(plugin.index.withProfileUrl('https://www.linkedin.com/in/moved-away').map((r) => r.path)).toEqual([
      'Elsewhere/Moved.md',
    ]);
    expect(plugin.index.get('Notes/Unrelated.md')).toBeUndefined();
    expect(plugin.index.get('Meetings/Kickoff.md')).toBeUndefined();
  });

  it('follows edits, renames, moves and deletes, notifying once per burst', async () => {
    const { app, plugin } = await startPlugin({ 'People/Ann.md': person('Ann Lee', 'tags: [person]\n') });
    const listener = vi.fn();
    plugin.index.onChange(listener);
    for (let i = 0; i < 5; i++)
      await app.fileManager.processFrontMatter(fileAt(app, 'People/Ann.md'), (fm) => (fm.company = `Co ${i}`));
    await settle(app);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(plugin.index.get('People/Ann.md')?.company).toBe('Co 4');

    await app.vault.createFolder('Archive');
    await app.vault.rename(fileAt(app, 'People/Ann.md'), 'Archive/Ann Lee (old).md');
    await settle(app);
    expect(plugin.index.get('People/Ann.md')).toBeUndefined();
    expect(plugin.index.withProfileUrl('https://www.linkedin.com/in/ann-lee').map((r) => r.path)).toEqual([
      'Archive/Ann Lee (old).md',
    ]);

    await app.vault.delete(fileAt(app, 'Archive/Ann Lee (old).md'));
    await settle(app);
    expect(plugin.index.size()).toBe(0);
  });

  it('takes a folder rename of many people in one pass over the records, not one per note', async () => {
    const files: Record<string, string> = { 'Journal/2026-05-01.md': 'Call with [[P 7]]' };
    for (let i = 0; i < 400; i++) files[`People/Team/P ${i}.md`] = person(`P ${i}`, 'tags: [person]\n');
    const { app, plugin } = await startPlugin(files);
    expect(plugin.index.get('People/Team/P 7.md')?.dailyLatest).toBe('2026-05-01');
    // Each record's daily-note dates are set through setDaily: count how often a rename pays it.
    const setDaily = vi.spyOn(plugin.index as unknown as { setDaily: (...a: unknown[]) => void }, 'setDaily');
    await app.vault.rename(app.vault.getFolderByPath('People/Team')!, 'People/Crew');
    await settle(app);
    expect(plugin.index.size()).toBe(400);
    expect(plugin.index.get('People/Crew/P 0.md')?.name).toBe('P 0');
    // One pass (400) and a little, where it was 400 renames × 400 records (160,000).
    expect(setDaily.mock.calls.length).toBeLessThan(2 * 400);
  });

  it('counts daily notes that link a person, in the Daily notes format or YYYY-MM-DD', async () => {
    const { app, plugin } = await startPlugin(
      {
        'People/Ann.md': person('Ann Lee'),
        'Journal/Tuesday, July 14th 2026.md': 'Lunch with [[Ann]]',
        'Journal/2026-05-01.md': 'Call with [[Ann|Ann Lee]]',
        'Journal/Not a date.md': '[[Ann]] 2027',
      },
      undefined,
      { '.obsidian/daily-notes.json': JSON.stringify({ format: 'dddd, MMMM Do YYYY', folder: 'Journal' }) },
    );
    expect(plugin.index.get('People/Ann.md')?.dailyLatest).toBe('2026-07-14');
    expect(plugin.index.lastContact('People/Ann.md')).toEqual({ date: '2026-07-14', source: 'daily note' });
    await app.vault.create('Journal/2026-08-02.md', 'met [[Ann]] again');
    await settle(app);
    expect(plugin.index.get('People/Ann.md')?.dailyLatest).toBe('2026-08-02');
    plugin.settings.useDailyNotes = false;
    expect(plugin.index.lastContact('People/Ann.md')).toBeNull();
  });

  it("counts what a daily note says below a weekly review's plan, not the plan", async () => {
    const day = [
      'Morning pages.',
      '',
      '## Reach-outs for 2026-W15',
      '- [ ] Reach out to [[People/Bo|Bo Kim]] — overdue ➕ 2026-04-10',
      '\t- Met at [[Ann]]’s party',
      '\t- Last: 2025-01-02 · via message',
      'Lunch with [[Cy]] today, as the cursor left it.',
      '- Coffee with [[Ann]]',
      '',
    ].join('\n');
    const { plugin } = await startPlugin({
      'People/Ann.md': person('Ann Lee'),
      'People/Bo.md': person('Bo Kim'),
      'People/Cy.md': person('Cy Fox'),
      '2026-04-10.md': day,
    });
    expect(plugin.index.get('People/Ann.md')?.dailyDates).toEqual(['2026-04-10']);
    expect(plugin.index.get('People/Cy.md')?.dailyDates).toEqual(['2026-04-10']);
    expect(plugin.index.get('People/Bo.md')?.dailyDates).toEqual([]);
    // The CLI reads the same list items from the text (review-plan.ts): the double's cache and it agree.
    const cached = (computeCache(day).listItems ?? []).map((li) => ({
      line: li.position.start.line,
      parent: li.parent,
      task: li.task !== undefined,
    }));
    expect(listItemsOfLines(scanLines(day))).toEqual(cached);
  });

  it('reads only the notes whose cache shows a task linking a note, and keeps every dated contact', async () => {
    const files: Record<string, string> = {
      'People/Ann.md': `${person('Ann Lee')}- 2026-03-01 · call\n- 2026-01-05 · email\n`,
      'People/Bo.md': person('Bo Kim'),
      'Notes/Plain.md': '- a list\n- [[Ann]] in a plain item',
      'Notes/Todo.md': '- [ ] a task without a link\n',
      'Notes/Plans.md': '# Plans\n- [ ] Call [[Bo]] ➕ 2026-04-12\n- [x] Lunch with [[Ann]] ✅ 2026-04-02\n',
      '2026-04-10.md': 'Saw [[Ann]]\n- [ ] Call [[Bo]] next week\n',
    };
    const app = track(await createApp(files));
    const spy = vi.spyOn(app.vault, 'cachedRead');
    const plugin = (await loadPlugin(NetworkCrmPlugin as never, app)) as unknown as NetworkCrmPlugin;
    await settle(app);
    expect(spy.mock.calls.map((c) => c[0].path).sort()).toEqual(['2026-04-10.md', 'Notes/Plans.md', 'People/Ann.md']);
    const ann = plugin.index.get('People/Ann.md')!;
    expect(ann.logDates).toEqual(['2026-01-05', '2026-03-01']);
    expect(ann.doneDates).toEqual(['2026-04-02']);
    expect(ann.dailyDates).toEqual(['2026-04-10']);
    const bo = plugin.index.get('People/Bo.md')!;
    expect(bo.followUps.map((f) => [f.path, f.text, f.since])).toEqual([
      ['2026-04-10.md', 'Call Bo next week', '2026-04-10'],
      ['Notes/Plans.md', 'Call Bo', '2026-04-12'],
    ]);
    // A plan in a daily note is not a contact.
    expect(bo.dailyDates).toEqual([]);
  });

  it('keeps malformed hand-typed values as problems instead of failing', async () => {
    const { plugin } = await startPlugin({
      'People/Odd.md':
        '---\nname: Odd\ntrust: lots\nlast-contact: soon\nconnected-on: 2024-1-5\nsnooze-until: 2026-02-30\n---\n',
    });
    const r = plugin.index.get('People/Odd.md')!;
    expect(r.trust).toBeNull();
    expect(r.lastContactField).toBeNull();
    expect(r.connectedOn).toBe('2024-01-05');
    expect(r.problems).toEqual(
      [
        'trust: trust "lots" is not a level (expected 1–5 or a level name)',
        'connected-on: ok',
        'last-contact: "soon" is not a date (expected YYYY-MM-DD)',
        'snooze-until: "2026-02-30" is not a real date',
      ].filter((p) => !p.endsWith('ok')),
    );
  });
});

/** The row of the setting called `name` in an open settings tab. */
function row(tab: HTMLElement, name: string): HTMLElement {
  const el = Array.from(tab.querySelectorAll<HTMLElement>('.setting-item')).find(
    (r) => r.querySelector('.setting-item-name')?.textContent === name,
  );
  if (!el) throw new Error(`no setting "${name}"`);
  return el;
}

// The same settings through both renderings: Obsidian 1.13's declarative one (the double's own
// renderer, from the docs) and display() on 1.12.
describe.each(['1.13.1', '1.12.7'])('settings on Obsidian %s', (apiVersion) => {
  it('renders the tab and applies a new people folder without a reload, keeping the vault state', async () => {
    const { app, plugin } = await startPlugin(
      { 'People/Ann.md': '---\nname: Ann\n---\n', 'Contacts/Bo.md': '---\nname: Bo\n---\n' },
      { state: { baseFileCreated: true } },
      undefined,
      { apiVersion },
    );
    expect(plugin.index.people().map((r) => r.name)).toEqual(['Ann']);
    const tab = app.openSettingTab('network-crm');
    const names = Array.from(tab.querySelectorAll('.setting-item-name')).map((e) => e.textContent);
    expect(names).toEqual(
      expect.arrayContaining([
        'Import',
        'People folder',
        'Report folder',
        'File name format',
        'Tag for person notes',
        'Show stale contacts in the status bar',
        'Level 1 name',
        'Level 5: keep in touch every (days)',
      ]),
    );
    const folderInput = row(tab, 'People folder').querySelector('input')!;
    for (const bad of ['../outside', '', ' / ']) {
      enter(folderInput, bad);
      await settle(app, 0);
      expect(row(tab, 'People folder').textContent).toContain('Choose a folder inside the vault');
      expect(plugin.settings.peopleFolder).toBe('People');
    }
    // Typed a key at a time: saved at each, the index rebuilt once the typing pauses.
    const rebuild = vi.spyOn(plugin.index, 'rebuild');
    for (let i = 1; i <= 'Contacts'.length; i++) {
      enter(folderInput, 'Contacts'.slice(0, i));
      await new Promise((r) => setTimeout(r, 40));
      // Never the empty list of a half-typed folder ("C", "Co"… hold no notes).
      expect(plugin.index.people().map((r) => r.name)).toEqual(['Ann']);
    }
    expect(plugin.settings.peopleFolder).toBe('Contacts');
    expect(row(tab, 'People folder').textContent).not.toContain('Choose a folder');
    await until(() => plugin.index.people()[0]?.name === 'Bo', 'the index rebuilt for Contacts');
    await settle(app);
    expect(plugin.index.people().map((r) => r.name)).toEqual(['Bo']);
    expect(rebuild).toHaveBeenCalledTimes(1);
    expect(app.pluginData.get('network-crm')).toMatchObject({
      peopleFolder: 'Contacts',
      state: { baseFileCreated: true },
    });
  });

  it('trust level names and days: a number or empty (not tracked)', async () => {
    const { app, plugin } = await startPlugin({}, undefined, undefined, { apiVersion });
    const tab = app.openSettingTab('network-crm');
    enter(row(tab, 'Level 1 name').querySelector('input')!, 'Stranger');
    const days = row(tab, 'Level 1: keep in touch every (days)').querySelector('input')!;
    enter(days, '400');
    await settle(app, 0);
    expect(plugin.settings.trustLevels[0]).toEqual({ name: 'Stranger', keepInTouchDays: 400 });
    enter(days, 'soon');
    await settle(app, 0);
    expect(row(tab, 'Level 1: keep in touch every (days)').textContent).toContain('Enter a number of days');
    expect(plugin.settings.trustLevels[0]?.keepInTouchDays).toBe(400);
    enter(days, '');
    await settle(app, 0);
    expect(plugin.settings.trustLevels[0]?.keepInTouchDays).toBeNull();
    enter(row(tab, 'Prune after years').querySelector('input')!, '5');
    await settle(app, 0);
    expect(plugin.settings.pruneAfterYears).toBe(5);
  });
});

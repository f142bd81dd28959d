// @vitest-environment happy-dom
/**
 * The workspace as Obsidian 1.7.2+ restores it, and folder renames. Pinned because views
 * saved in the layout come back deferred (the plugin's view class is constructed only when
 * its tab is shown) and must then work, possibly during a cold start; and because renaming
 * a folder fires one `rename` per file inside it, which the person index must follow.
 */
import { describe, expect, it, vi } from 'vitest';
import { generatePeopleVault } from '../../scripts/lib/synthetic-vault';
import { localIsoDate } from '../../src/core/dates/iso-date';
import NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';
import { STALE_VIEW_TYPE, StaleView } from '../../src/plugin/views/stale-view';
import { TRIAGE_VIEW_TYPE, TriageView } from '../../src/plugin/views/triage-view';
import { DeferredView } from '../obsidian-double/view';
import { createApp, MANIFEST, type StartOptions } from '../obsidian-double/harness';
import { runCommand, settle, startPlugin, track, until } from './helpers';

const TODAY = localIsoDate(new Date());
const LAYOUT: StartOptions['layout'] = [
  { type: 'empty', side: 'main', title: 'New tab', selected: true },
  { type: TRIAGE_VIEW_TYPE, side: 'main', title: 'Triage' },
  { type: STALE_VIEW_TYPE, side: 'right', title: 'Stale contacts' },
];
const invitation = (name: string) =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/ /g, '-')}\nlinkedin-status: invitation-received\ninvited-on: ${TODAY}\ntags: [person]\n---\n`;

describe('views restored from the layout (deferred)', () => {
  it('are not constructed at start-up, and work when shown later', async () => {
    const opened = vi.spyOn(StaleView.prototype, 'onOpen');
    const { app } = await startPlugin(
      {
        ...generatePeopleVault({ people: 200, today: TODAY, seed: 2 }),
        'People/Ivy Stone.md': invitation('Ivy Stone'),
      },
      undefined,
      undefined,
      { layout: LAYOUT },
    );
    const [triageLeaf] = app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE);
    const [staleLeaf] = app.workspace.getLeavesOfType(STALE_VIEW_TYPE);
    expect(triageLeaf?.isDeferred).toBe(true);
    expect(triageLeaf?.view).toBeInstanceOf(DeferredView);
    expect(staleLeaf?.isDeferred).toBe(true);
    expect(opened).not.toHaveBeenCalled();

    runCommand(app, 'open-triage'); // finds the deferred leaf and reveals it
    const triage = await until(() => triageLeaf?.view instanceof TriageView && triageLeaf.view, 'triage loaded');
    expect(app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)).toHaveLength(1);
    expect(triage.currentItem()?.person?.name).toBe('Ivy Stone');

    runCommand(app, 'open-stale-contacts');
    const stale = await until(() => staleLeaf?.view instanceof StaleView && staleLeaf.view, 'stale loaded');
    await settle(app);
    expect(opened).toHaveBeenCalledTimes(1);
    expect(stale.listed().length).toBeGreaterThan(10);
    expect(app.workspace.getLeavesOfType(STALE_VIEW_TYPE)).toHaveLength(1);
  });

  it('shown during a cold start, says it is indexing, then fills in', async () => {
    const app = track(
      await createApp(
        generatePeopleVault({ people: 1500, today: TODAY, seed: 4 }),
        {},
        {
          cold: { batch: 100, intervalMs: 10 },
          layout: LAYOUT,
        },
      ),
    );
    const plugin = new NetworkCrmPlugin(app as never, MANIFEST);
    plugin.load();
    await (plugin as unknown as { loading: Promise<void> }).loading;
    await app.workspace.triggerLayoutReady();
    const leaf = app.workspace.getLeavesOfType(STALE_VIEW_TYPE)[0]!;
    await app.workspace.revealLeaf(leaf);
    const view = leaf.view as unknown as StaleView;
    expect(view.containerEl.querySelector('.ncrm-stale-count')?.textContent).toBe('Indexing your vault…');
    await settle(app);
    await until(() => view.listed().length > 10, 'rows after indexing');
  });
});

describe('renaming a folder', () => {
  it('fires one rename per file inside, and the person index follows every note', async () => {
    const { app, plugin } = await startPlugin({
      ...generatePeopleVault({ people: 40, today: TODAY, seed: 6 }),
      'People/Old/Ann Lee.md': invitation('Ann Lee'),
    });
    const renames: string[] = [];
    app.vault.on('rename', (f, old) => renames.push(`${String(old)} → ${(f as { path: string }).path}`));
    await app.fileManager.renameFile(app.vault.getFolderByPath('People')!, 'Contacts');
    await settle(app);
    expect(renames).toContain('People/Old/Ann Lee.md → Contacts/Old/Ann Lee.md');
    expect(renames).toContain('People → Contacts');
    expect(renames).toHaveLength(1 + 40 + 1 + 1); // the folder, 40 notes, the subfolder and its note
    expect(plugin.index.size()).toBe(41); // still people outside the folder: each carries the person tag
    expect(plugin.index.people().every((p) => p.path.startsWith('Contacts/'))).toBe(true);
    expect(plugin.index.withProfileUrl('https://www.linkedin.com/in/ann-lee').map((r) => r.path)).toEqual([
      'Contacts/Old/Ann Lee.md',
    ]);
    expect(app.metadataCache.getCache('Contacts/Old/Ann Lee.md')?.frontmatter?.name).toBe('Ann Lee');
  });
});

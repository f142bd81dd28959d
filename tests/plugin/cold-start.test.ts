// @vitest-environment happy-dom
/**
 * The first seconds after Obsidian opens a vault it has not indexed yet (first open after
 * install or sync, a phone, "Rebuild cache"): the metadata cache answers null for notes it
 * has not read, and reads them over time. Pinned because an index built from that is
 * partial: the views must say "Indexing your vault…" rather than "Nobody is overdue", and
 * everything must be complete once the cache is. Both ways Obsidian is reported to index
 * (with and without `changed` per note, see tests/README.md) are covered.
 */
import { describe, expect, it } from 'vitest';
import { generatePeopleVault } from '../../scripts/lib/synthetic-vault';
import { localIsoDate } from '../../src/core/dates/iso-date';
import NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';
import { STALE_VIEW_TYPE, type StaleView } from '../../src/plugin/views/stale-view';
import { TRIAGE_VIEW_TYPE } from '../../src/plugin/views/triage-view';
import type { App } from '../obsidian-double/app';
import { createApp, fileAt, MANIFEST, text, type StartOptions } from '../obsidian-double/harness';
import { $, $$, runCommand, settle, startPlugin, track, until } from './helpers';

const TODAY = localIsoDate(new Date());
const PEOPLE = 3000;
const VAULT = {
  ...generatePeopleVault({ people: PEOPLE, today: TODAY, seed: 3 }),
  'Journal/2026-01-05.md': 'Lunch with [[Person 00007]]',
};

/** Loads the plugin the way Obsidian does on a cold start, without waiting for indexing to finish. */
async function coldStart(options: StartOptions['cold'] = {}, extra: StartOptions = {}, files = {}) {
  const app = track(
    await createApp(
      { ...VAULT, ...files },
      {},
      { cold: { batch: 250, intervalMs: 15, ...(options === true ? {} : options) }, ...extra },
    ),
  );
  const plugin = new NetworkCrmPlugin(app as never, MANIFEST);
  plugin.load();
  await (plugin as unknown as { loading: Promise<void> }).loading;
  await app.workspace.triggerLayoutReady();
  return { app, plugin };
}

const rowNames = () => $$('.ncrm-stale-row .ncrm-stale-name').map((a) => a.textContent);

async function openStale(app: App) {
  runCommand(app, 'open-stale-contacts');
  return until(() => app.workspace.getLeavesOfType(STALE_VIEW_TYPE)[0]?.view as StaleView | undefined, 'stale view');
}

describe.each([false, true])('a cold start (changed events during indexing: %s)', (changedEvents) => {
  it('says "Indexing your vault…" in the views and the status bar is quiet, then shows the full lists', async () => {
    const { app, plugin } = await coldStart({ changedEvents });
    expect(app.metadataCache.indexing).toBe(true);
    expect(plugin.index.ready).toBe(false);
    const view = await openStale(app);
    expect($('.ncrm-stale-count').textContent).toBe('Indexing your vault…');
    expect($('.ncrm-stale-empty').textContent).toMatch(/^Obsidian (has read [\d,]+ of|is reading the) 3,001 notes/);
    expect(document.body.textContent).not.toContain('Nobody is overdue');
    expect($$('.ncrm-stale-row')).toHaveLength(0);
    expect($('.status-bar .ncrm-status-bar').classList.contains('ncrm-hidden')).toBe(true);
    runCommand(app, 'open-triage');
    await until(() => document.querySelector('.ncrm-triage-view .ncrm-indexing'), 'triage says indexing');
    expect(document.querySelector('.ncrm-card-done')?.textContent).not.toContain('Nothing needs a decision');

    await settle(app);
    expect(plugin.index.ready).toBe(true);
    expect(plugin.index.size()).toBe(PEOPLE);
    await until(() => /^[\d,]+ stale contacts$/.test($('.ncrm-stale-count').textContent ?? ''), 'the stale count');
    expect(rowNames().length).toBeGreaterThan(5);
    // The same list as a warm start gives.
    const cold = view.listed().map((e) => e.person.path);
    const warm = await startPlugin(VAULT);
    const warmView = await openStale(warm.app);
    await settle(warm.app);
    expect(cold).toEqual(warmView.listed().map((e) => e.person.path));
    warm.app.destroy();
    expect($('.status-bar .ncrm-status-bar').textContent).toMatch(/^[\d,]+ stale contacts$/);
    // Daily notes are linked once the cache has resolved every link.
    expect(plugin.index.get('People/Person 00007.md')?.dailyLatest).toBe('2026-01-05');
    const triage = app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)[0]!;
    await app.workspace.revealLeaf(triage);
    expect(triage.view.containerEl.querySelector('.ncrm-card-progress')?.textContent).toMatch(/^1 of [\d,]+$/);
  });
});

describe('a cold start where Obsidian reports nothing', () => {
  it('(no changed, no resolved) still becomes ready, by looking at the cache every second', async () => {
    const app = track(await createApp(VAULT, {}, { cold: { batch: 500, intervalMs: 10 } }));
    const trigger = app.metadataCache.trigger.bind(app.metadataCache);
    app.metadataCache.trigger = (name: string, ...data: unknown[]) => {
      if (name !== 'resolved') trigger(name, ...data);
    };
    const plugin = new NetworkCrmPlugin(app as never, MANIFEST);
    plugin.load();
    await (plugin as unknown as { loading: Promise<void> }).loading;
    await app.workspace.triggerLayoutReady();
    expect(plugin.index.ready).toBe(false);
    await until(() => plugin.index.ready, 'ready without events', 5000);
    expect(plugin.index.size()).toBe(PEOPLE);
  });
});

describe('commands during a cold start', () => {
  it('wait for the index instead of asking for a person the user has open', async () => {
    const { app } = await coldStart();
    await app.workspace.getLeaf(false).openFile(fileAt(app, 'People/Person 00010.md'));
    runCommand(app, 'log-contact-today');
    expect($$('.notice').map((n) => n.textContent)).toContain('Waiting for Obsidian to finish indexing your vault…');
    expect(document.querySelector('.prompt')).toBeNull(); // no person picker
    await settle(app);
    expect(text(app, 'People/Person 00010.md')).toContain(`last-contact: ${TODAY}`);
    expect($$('.notice').map((n) => n.textContent)).not.toContain(
      'Waiting for Obsidian to finish indexing your vault…',
    );
  });

  it('Open prune list waits for the index: everyone marked is listed, and every tick is kept', async () => {
    const marked = Object.entries(VAULT)
      .filter(([, t]) => /^prune: true$/m.test(t))
      .map(([p]) => p.replace(/\.md$/, ''));
    expect(marked.length).toBeGreaterThan(20);
    // Ticked on an earlier day: a list rewritten from a partial index would drop these ticks for good.
    const ticked = marked.map((p) => `- [x] [[${p}]]`).join('\n');
    const { app, plugin } = await coldStart({}, {}, { 'Network CRM/Prune list.md': `# Prune list\n\n${ticked}\n` });
    runCommand(app, 'open-prune-list');
    expect($$('.notice').map((n) => n.textContent)).toContain('Waiting for Obsidian to finish indexing your vault…');
    await settle(app);
    expect(plugin.index.ready).toBe(true);
    const list = text(app, 'Network CRM/Prune list.md');
    for (const p of marked) expect(list).toContain(`- [x] [[${p}|`);
    expect(list).toContain(`(${marked.length}, updated`);
  });

  it('Met at an event waits for the index before it lists whom you connected with', async () => {
    const { app, plugin } = await coldStart();
    runCommand(app, 'met-at-event');
    expect($$('.notice').map((n) => n.textContent)).toContain('Waiting for Obsidian to finish indexing your vault…');
    expect(document.querySelector('.ncrm-event-modal')).toBeNull();
    await settle(app);
    expect(plugin.index.ready).toBe(true);
    await until(() => document.querySelector('.ncrm-event-modal'), 'the Met at an event dialog');
  });

  it('the import preview waits for the index, so existing notes are matched, not duplicated', async () => {
    const { plugin } = await coldStart();
    const flow = plugin.importer;
    const csv = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nPerson,00003,https://www.linkedin.com/in/person-3,,Acme,Engineer,01 Jan 2020\n`;
    const plan = await flow.prepare([new File([csv], 'Connections.csv')]);
    expect(plugin.index.ready).toBe(true);
    expect(plan.creates).toHaveLength(0);
  });
});

describe('a warm start', () => {
  it('is ready at layout-ready, with no indexing message', async () => {
    const { app, plugin } = await startPlugin(generatePeopleVault({ people: 50, today: TODAY, seed: 1 }));
    expect(plugin.index.ready).toBe(true);
    await openStale(app);
    expect($('.ncrm-stale-count').textContent).not.toContain('Indexing');
  });
});

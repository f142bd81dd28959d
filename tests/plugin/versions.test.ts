// @vitest-environment happy-dom
/**
 * What depends on the Obsidian version the user runs. Pinned: People.base needs Bases
 * (1.9): below it nothing is written or remembered and the setting says why, and after an
 * update the next import offers it. Settings come from one list of definitions: Obsidian
 * 1.13+ renders them itself and finds them in its search; older versions call display().
 */
import { describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import type { App } from '../obsidian-double/app';
import { folderChildren } from '../obsidian-double/harness';
import type NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';
import { $, buttonByText, pickFiles, runCommand, settle, startPlugin, until } from './helpers';

const EXPORT = generateExport({ connections: 30, seed: 21 });

async function preview(app: App): Promise<HTMLElement> {
  runCommand(app, 'import-linkedin-export');
  const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-import-modal'), 'import dialog');
  pickFiles($('input[type=file]', modal) as HTMLInputElement, [{ name: 'export.zip', bytes: zipExport(EXPORT) }]);
  return until(() => modal.querySelector<HTMLElement>('.ncrm-preview'), 'preview');
}

async function importNow(plugin: NetworkCrmPlugin, modal: HTMLElement) {
  buttonByText(/^(Import .* notes|Write report)$/, modal).click();
  const outcome = await until(() => plugin.importer.lastOutcome, 'import');
  await settle(plugin.app as unknown as App);
  return outcome;
}

function settingRow(tab: HTMLElement, name: string): HTMLElement {
  const el = Array.from(tab.querySelectorAll<HTMLElement>('.setting-item')).find(
    (r) => r.querySelector('.setting-item-name')?.textContent === name,
  );
  if (!el) throw new Error(`no setting "${name}"`);
  return el;
}

describe('People.base and the Obsidian version', () => {
  it('on 1.8 writes no base file, remembers nothing, and the setting says why; after updating, the next import offers it', async () => {
    const old = await startPlugin({}, undefined, undefined, { apiVersion: '1.8.10' });
    const modal = await preview(old.app);
    expect(modal.querySelector('.ncrm-base-offer')).toBeNull();
    const { basePath } = await importNow(old.plugin, modal);
    expect(basePath).toBeNull();
    expect(folderChildren(old.app, '')).not.toContain('People.base');
    expect(old.plugin.state.baseFileCreated).toBe(false);
    const tab = old.app.openSettingTab('network-crm');
    const row = settingRow(tab, 'Create a table of your network');
    expect(row.textContent).toContain('needs Obsidian Bases, which comes with Obsidian 1.9. This is Obsidian 1.8.10');
    expect(row.querySelector('.checkbox-container')?.classList.contains('is-disabled')).toBe(true);

    // The user updates Obsidian; the vault and data.json are the same.
    const data = old.app.pluginData.get('network-crm');
    const files = Object.fromEntries(old.app.vault.getFiles().map((f) => [f.path, old.app.vault.readSync(f.path)!]));
    old.app.destroy();
    const updated = await startPlugin(files, data, undefined, { apiVersion: '1.9.0' });
    const again = await preview(updated.app);
    const offer = $('.ncrm-base-offer', again);
    expect(offer.textContent).toContain('Add People.base');
    const second = await importNow(updated.plugin, again);
    expect(second.basePath).toBe('People.base');
    expect(updated.app.vault.readSync('People.base')).toContain('name: To triage');
    expect(updated.plugin.state.baseFileCreated).toBe(true);
    expect(updated.app.pluginData.get('network-crm')).toMatchObject({ state: { baseFileCreated: true } });
  });

  it('unticking the offer writes no base and offers it again next time', async () => {
    const { app, plugin } = await startPlugin();
    const modal = await preview(app);
    $('.ncrm-base-offer .checkbox-container', modal).click();
    const { basePath } = await importNow(plugin, modal);
    expect(basePath).toBeNull();
    expect(plugin.state.baseFileCreated).toBe(false);
    expect($('.ncrm-base-offer', await preview(app))).toBeTruthy();
  });
});

describe('settings definitions', () => {
  it('on 1.13 the settings search finds them by name, description and alias', async () => {
    const { app } = await startPlugin();
    expect(app.searchSettings('daily')).toEqual(['Daily notes count as contact']);
    expect(app.searchSettings('bases')).toEqual(['Create a table of your network']);
    expect(app.searchSettings('people folder')).toEqual(['People folder', 'Create a table of your network']);
    // The five levels' periods and the tag rules.
    expect(app.searchSettings('cadence')).toHaveLength(6);
    expect(app.searchSettings('weekly review')).toEqual(['Reach-outs per week']);
  });

  it('before 1.13 there is no settings search and display() renders the same settings', async () => {
    const legacy = await startPlugin({}, undefined, undefined, { apiVersion: '1.12.7' });
    expect(legacy.app.searchSettings('daily')).toEqual([]);
    const names = (tab: HTMLElement) =>
      Array.from(tab.querySelectorAll('.setting-item-name')).map((e) => e.textContent);
    const old = names(legacy.app.openSettingTab('network-crm'));
    legacy.app.destroy();
    const current = await startPlugin();
    expect(names(current.app.openSettingTab('network-crm'))).toEqual(old);
    expect(old).toHaveLength(34); // 4 headings, 30 settings
  });
});

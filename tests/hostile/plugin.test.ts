// @vitest-environment happy-dom
/**
 * Issue 13, cases 1 and 2 in the plugin (through the Obsidian API double): the import
 * preview holds back a re-import that would change the company of more than 10% (and 50)
 * of the network, showing examples, until the user says to go on; and each updated note
 * is written once (one `vault.process` with frontmatter and body together), so a crash
 * cannot leave the new company without its history line.
 */
import { describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import type { App } from '../obsidian-double/app';
import { $, buttonByText, pickFiles, runCommand, settle, startPlugin, until } from '../plugin/helpers';
import type NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';
import { withCompaniesChanged } from './exports';

const exp = generateExport({ connections: 300, seed: 21 });

async function preview(app: App, name: string, bytes: Uint8Array | string): Promise<HTMLElement> {
  runCommand(app, 'import-linkedin-export');
  const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-import-modal'), 'import dialog');
  pickFiles($('input[type=file]', modal) as HTMLInputElement, [{ name, bytes }]);
  return until(() => modal.querySelector<HTMLElement>('.ncrm-preview'), 'preview');
}

async function importNow(plugin: NetworkCrmPlugin, modal: HTMLElement) {
  buttonByText(/^Import .* notes$/, modal).click();
  const done = await until(() => plugin.importer.lastOutcome, 'import to start');
  await settle(plugin.app as unknown as App);
  return done;
}

describe('cases 1 and 2 in the plugin', () => {
  it('the preview holds back a mass change of companies until the user confirms, and then writes each note once', async () => {
    const { app, plugin } = await startPlugin();
    await importNow(plugin, await preview(app, 'Complete_LinkedInDataExport_11-01-2026.zip', zipExport(exp)));
    plugin.importer.lastOutcome = null;

    const garbled = withCompaniesChanged(exp, (i) => i % 4 === 0, 'Garbled Corp');
    const modal = await preview(app, 'Connections.csv', garbled);
    expect($('.ncrm-brake', modal).textContent).toMatch(/would change the company of \d+ of \d+ people/);
    expect(modal.textContent).toContain('→ Garbled Corp');
    const button = buttonByText(/^Import .* notes$/, modal);
    expect(button.disabled).toBe(true);
    button.click();
    expect(plugin.importer.lastOutcome).toBeNull();

    $('.checkbox-container', modal).click();
    expect(button.disabled).toBe(false);
    app.vault.writeLog.length = 0;
    const { result } = await importNow(plugin, modal);
    expect(result.updated.length).toBeGreaterThan(50);
    const writes = app.vault.writeLog.map((w) => w.path).filter((p) => p.startsWith('People/'));
    expect(writes.sort()).toEqual([...result.updated].sort());
    const moved = app.vault.getFileByPath(result.updated[0]!)!;
    expect(await app.vault.read(moved)).toMatch(
      /## History\n\n- \d{4}-\d{2}-\d{2} · job change: .* → .*Garbled Corp\n/,
    );
  });
});

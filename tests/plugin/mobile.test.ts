// @vitest-environment happy-dom
/**
 * Obsidian mobile (the double's phone mode: Platform.isMobile, no status bar). Pinned: the
 * plugin adds no status bar item and offers no status-bar setting there; the file picker
 * has no `accept` list on mobile (iOS and Android grey out CSVs the system labels as
 * something else) and what was picked is checked afterwards, with a clear message for a
 * file that is not an export. Sizes and touch targets are checked in the browser tests.
 */
import { describe, expect, it } from 'vitest';
import { generateExport } from '../../scripts/lib/synthetic-export';
import { ACCEPTED_FILES } from '../../src/plugin/import/pick-files';
import type { App } from '../obsidian-double/app';
import { $, pickFiles, runCommand, startPlugin, until } from './helpers';

async function importDialog(app: App): Promise<HTMLElement> {
  runCommand(app, 'import-linkedin-export');
  return until(() => document.querySelector<HTMLElement>('.ncrm-import-modal'), 'import dialog');
}

describe('on a phone', () => {
  it('adds no status bar item and the ribbon opens the views', async () => {
    const { app } = await startPlugin({}, undefined, undefined, { mobile: 'phone' });
    expect(app.unsupportedCalls).toEqual([]);
    expect(document.querySelector('.status-bar')).toBeNull();
    expect(document.body.classList.contains('is-phone')).toBe(true);
    expect(Array.from(app.ribbonEl.querySelectorAll('[aria-label]')).map((e) => e.getAttribute('aria-label'))).toEqual([
      'Open stale contacts',
      'Open triage',
    ]);
  });

  it.each(['1.13.1', '1.12.7'])('has no status-bar setting (Obsidian %s)', async (apiVersion) => {
    const { app } = await startPlugin({}, undefined, undefined, { mobile: 'phone', apiVersion });
    const tab = app.openSettingTab('network-crm');
    const names = Array.from(tab.querySelectorAll('.setting-item-name')).map((e) => e.textContent);
    expect(names).toContain('Daily notes count as contact');
    expect(names).not.toContain('Show stale contacts in the status bar');
    expect(app.searchSettings('status bar')).toEqual([]);
  });

  it('offers every file in the picker and checks the pick: a photo gets a clear message', async () => {
    const { app } = await startPlugin({}, undefined, undefined, { mobile: 'phone' });
    const modal = await importDialog(app);
    const input = $('input[type=file]', modal) as HTMLInputElement;
    expect(input.hasAttribute('accept')).toBe(false);
    expect(input.classList.contains('ncrm-file-input')).toBe(true);
    pickFiles(input, [{ name: 'IMG_0042.JPG', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]) }]);
    const error = await until(() => modal.querySelector('.ncrm-error'), 'error');
    expect(error.textContent).toBe(
      '"IMG_0042.JPG" cannot be imported (it is a JPEG photo). Choose the .zip file LinkedIn sent you (or Connections.csv, Invitations.csv or messages.csv from it), an address book (.vcf, Google or Outlook CSV) or a calendar (.ics).',
    );
    // The picker is still there to try again.
    expect($('input[type=file]', modal)).toBeTruthy();
  });

  it('takes a CSV whatever its name and type says, identified by its header', async () => {
    const { app } = await startPlugin({}, undefined, undefined, { mobile: 'phone' });
    const modal = await importDialog(app);
    const exp = generateExport({ connections: 12, seed: 3 });
    pickFiles($('input[type=file]', modal) as HTMLInputElement, [
      { name: 'from my mail.txt', bytes: exp.files['Connections.csv']! },
    ]);
    await until(() => modal.querySelector('.ncrm-preview'), 'preview');
    expect(modal.textContent).toContain('New notes');
  });
});

describe('on desktop', () => {
  it('the picker suggests exports (CSV under its other labels too) and shows the status bar item', async () => {
    const { app } = await startPlugin();
    const modal = await importDialog(app);
    expect(($('input[type=file]', modal) as HTMLInputElement).accept).toBe(ACCEPTED_FILES);
    expect(ACCEPTED_FILES.split(',')).toEqual(
      expect.arrayContaining(['.csv', '.zip', 'text/comma-separated-values', 'application/vnd.ms-excel', 'text/plain']),
    );
    expect(document.querySelector('.status-bar .ncrm-status-bar')).toBeTruthy();
  });
});

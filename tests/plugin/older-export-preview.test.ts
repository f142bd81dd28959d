// @vitest-environment happy-dom
/**
 * The plugin's import preview of an export older than the one the vault holds. Its pending
 * sent invitations are not saved (triage keeps the newer export's list), but the preview
 * counted them as "Invitations you sent, not accepted", as the CLI's summary did
 * (tests/cli/older-export-summary.test.ts). Pins: the preview counts them as left out
 * because the export is older, and a newer export's as pending; one core rule decides both
 * (plan-counts.ts `shownBySource`).
 */
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { App } from '../obsidian-double/app';
import type { ExportInput } from '../../src/core/linkedin/read-export';
import type NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';
import { connections, invitations, url, type InvitationRow } from '../support/export-builder';
import { $, $$, buttonByText, pickFiles, runCommand, settle, startPlugin, until } from './helpers';

const zip = (date: string, files: readonly ExportInput[]) => ({
  name: `Complete_LinkedInDataExport_${date}.zip`,
  bytes: zipSync(Object.fromEntries(files.map((f) => [f.name, f.bytes]))),
});
const sent = (to: string, at: string): InvitationRow => ({
  from: 'Me Myself',
  to,
  at,
  direction: 'OUTGOING',
  inviterUrl: url('me-myself'),
  inviteeUrl: url(to.toLowerCase().replace(' ', '-')),
});
const dana = { first: 'Dana', last: 'Xu', url: url('dana-xu'), on: '10 Mar 2021' };
const mateo = { first: 'Mateo', last: 'Ali', url: url('mateo-ali'), company: 'Datalune', on: '16 Dec 2024' };
// The export of 12-16 (invitations to Pia Lund and Quinn Ode pending), then the one of 12-23.
const OLDER = zip('12-16-2024', [
  connections([{ ...dana, company: 'Datalune' }, mateo]),
  invitations([sent('Pia Lund', '12/11/24, 9:00 AM'), sent('Quinn Ode', '12/12/24, 9:00 AM')]),
]);
const NEWER = zip('12-23-2024', [
  connections([
    { ...dana, company: 'Hooli' },
    mateo,
    { first: 'Farid', last: 'Yilmaz', url: url('farid-yilmaz'), company: 'Massive Dynamic', on: '23 Dec 2024' },
  ]),
  invitations([sent('Pia Lund', '12/11/24, 9:00 AM')]),
]);

async function openPreview(app: App, file: { name: string; bytes: Uint8Array }): Promise<HTMLElement> {
  runCommand(app, 'import-linkedin-export');
  const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-import-modal'), 'import dialog');
  pickFiles($('input[type=file]', modal) as HTMLInputElement, [file]);
  return until(() => modal.querySelector<HTMLElement>('.ncrm-preview'), 'preview');
}

const counts = (modal: HTMLElement) =>
  Object.fromEntries($$('.ncrm-count-row', modal).map((r) => [$('dt', r).textContent, $('dd', r).textContent]));

async function confirm(plugin: NetworkCrmPlugin, modal: HTMLElement): Promise<void> {
  plugin.importer.lastOutcome = null;
  buttonByText(/^(Import .* notes|Write report)$/, modal).click();
  // `until` resolves with the outcome's promise, so this waits for the import to finish.
  await until(() => plugin.importer.lastOutcome, 'import to start');
  await settle(plugin.app as unknown as App);
}

describe('Import preview of an older export: its pending invitations are not claimed', () => {
  it('counts a newer export’s as pending, an older one’s as left out', async () => {
    const { app, plugin } = await startPlugin();
    await confirm(plugin, await openPreview(app, OLDER));
    const newer = await openPreview(app, NEWER);
    expect(counts(newer)).toMatchObject({ 'Invitations you sent, not accepted': '1' });
    await confirm(plugin, newer);

    const older = counts(await openPreview(app, OLDER));
    expect(older).toMatchObject({ 'Invitations you sent, left out (older export)': '2' });
    expect(older).not.toHaveProperty('Invitations you sent, not accepted');
  });
});

// @vitest-environment happy-dom
/**
 * The first-run welcome, through the API double: a new user with an empty people folder gets
 * the triage view opened once, showing which LinkedIn archive to ask for, a button that opens
 * the import dialog, and the link to the README's weekly routine; after an import the welcome
 * gives way to the first card. It must not reopen on later starts, nor show in a vault that
 * already has people.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { TRIAGE_VIEW_TYPE } from '../../src/plugin/views/triage-view';
import { WEEKLY_ROUTINE_URL } from '../../src/plugin/views/welcome';
import type { App } from '../obsidian-double/app';
import { ROOT } from '../support/paths';
import { $, $$, buttonByText, pickFiles, runCommand, settle, startPlugin, until } from './helpers';

const triageLeaves = (app: App) => app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE);
const savedState = (app: App) =>
  (app.pluginData.get('network-crm') as { state?: Record<string, unknown> } | undefined)?.state;

const PERSON =
  '---\nname: Ann New\nlinkedin: https://www.linkedin.com/in/ann-new\nlinkedin-status: connected\n---\n\n## Interactions\n\n';

describe('First-run welcome', () => {
  it('opens the triage view once on a first start with no person notes, and says what to get from LinkedIn', async () => {
    const { app } = await startPlugin();
    await until(() => document.querySelector('.ncrm-welcome'), 'welcome');
    expect(triageLeaves(app)).toHaveLength(1);
    expect(savedState(app)?.welcomeShown).toBe(true);

    expect($('.ncrm-welcome-title').textContent).toBe('Start with your LinkedIn data');
    expect($('.ncrm-welcome').textContent).toContain('Your People folder has no person notes yet.');
    expect($$('.ncrm-welcome-steps li').map((li) => li.textContent)).toEqual([
      'In a web browser, open LinkedIn Settings & Privacy → Data privacy → Get a copy of your data.',
      'To start today, choose Want something in particular? and tick Connections, Invitations and Messages. The email usually comes within minutes.',
      'For your whole history, choose the larger data archive instead. It takes up to 24 hours and has everything the import reads.',
      "Download the .zip from LinkedIn's email (the link expires after 72 hours) and import it.",
    ]);
    // No triage keys on the welcome: there is nothing to decide yet.
    expect(document.querySelector('.ncrm-key')).toBeNull();

    const link = $('.ncrm-welcome a') as HTMLAnchorElement;
    expect(link.textContent).toBe('The weekly routine');
    expect(link.getAttribute('href')).toBe(WEEKLY_ROUTINE_URL);
    expect(WEEKLY_ROUTINE_URL).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+#weekly-routine$/);
    // GitHub's anchor for "## Weekly routine" is #weekly-routine: the link lands on that section.
    expect(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(/^## Weekly routine$/m);
  });

  it('its button opens the import dialog, and the first card replaces it once people are imported', async () => {
    const { app, plugin } = await startPlugin();
    await until(() => document.querySelector('.ncrm-welcome'), 'welcome');
    buttonByText('Import LinkedIn export').click();
    const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-import-modal'), 'import dialog');
    const exp = generateExport({ connections: 60, seed: 3 });
    pickFiles($('input[type=file]', modal) as HTMLInputElement, [
      { name: 'Complete_LinkedInDataExport_11-20-2026.zip', bytes: zipExport(exp) },
    ]);
    await until(() => modal.querySelector('.ncrm-preview'), 'preview');
    buttonByText(/^Import .* notes$/, modal).click();
    await until(() => plugin.importer.lastOutcome, 'import to start');
    await plugin.importer.lastOutcome;
    await settle(app);
    await until(
      () => !document.querySelector('.ncrm-welcome') && document.querySelector('.ncrm-card-progress'),
      'card',
    );
    expect($('.ncrm-card-progress').textContent).not.toBe('');
  });

  it('does not open itself again on a later start, but the triage view still shows it while the folder is empty', async () => {
    const { app } = await startPlugin({}, { state: { welcomeShown: true } });
    await settle(app);
    expect(triageLeaves(app)).toHaveLength(0);
    runCommand(app, 'open-triage');
    await until(() => document.querySelector('.ncrm-welcome'), 'welcome');
    expect(triageLeaves(app)).toHaveLength(1);
  });

  it('stays away from a vault that already has people', async () => {
    const { app } = await startPlugin({ 'People/Ann New.md': PERSON });
    await settle(app);
    expect(triageLeaves(app)).toHaveLength(0);
    expect(savedState(app)?.welcomeShown ?? false).toBe(false);
    runCommand(app, 'open-triage');
    await until(() => document.querySelector('.ncrm-card-name'), 'card');
    expect(document.querySelector('.ncrm-welcome')).toBeNull();
  });
});

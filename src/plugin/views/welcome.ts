/**
 * The first-run welcome. While the vault has no person notes, the triage view shows this
 * instead of a card: which LinkedIn archive to ask for and which boxes to tick, a button
 * that opens the import dialog, and a link to the README's weekly routine. On the plugin's
 * first start in such a vault the triage view is opened once, so a new user sees it without
 * looking for it; `welcomeShown` in the vault state keeps that from happening again.
 */
import { homepage } from '../../../package.json';
import type { VaultState } from '../../core/vault-state';
import type { CrmContext } from '../context';

/** The README's "Weekly routine" section, from the project address in package.json. */
export const WEEKLY_ROUTINE_URL = `${homepage.replace(/#.*$/, '')}#weekly-routine`;

/** Whether the triage view should show the welcome rather than a card. */
export function wantsWelcome(ctx: CrmContext): boolean {
  return ctx.index.size() === 0;
}

export function renderWelcome(el: HTMLElement, ctx: CrmContext): void {
  el.empty();
  const box = el.createDiv({ cls: 'ncrm-welcome' });
  box.createEl('h2', { cls: 'ncrm-welcome-title', text: 'Start with your LinkedIn data' });
  const folder = ctx.settings.peopleFolder.trim() || 'People';
  box.createEl('p', {
    text: `Your ${folder} folder has no person notes yet. Ask LinkedIn for a copy of your data and import it:`,
  });
  const steps = box.createEl('ol', { cls: 'ncrm-welcome-steps' });
  step(steps, 'In a web browser, open LinkedIn ', 'Settings & Privacy → Data privacy → Get a copy of your data', '.');
  step(
    steps,
    'To start today, choose ',
    'Want something in particular?',
    ' and tick Connections, Invitations and Messages. The email usually comes within minutes.',
  );
  step(
    steps,
    'For your whole history, choose the ',
    'larger data archive',
    ' instead. It takes up to 24 hours and has everything the import reads.',
  );
  step(steps, 'Download the ', '.zip', " from LinkedIn's email (the link expires after 72 hours) and import it.");
  const button = box.createEl('button', { cls: 'mod-cta ncrm-welcome-import', text: 'Import LinkedIn export' });
  button.addEventListener('click', () => ctx.startImport());
  const routine = box.createEl('p', {
    cls: 'ncrm-muted',
    text: 'Then once a week or so: export, import, triage, reach out. ',
  });
  routine.createEl('a', { cls: 'external-link', text: 'The weekly routine', href: WEEKLY_ROUTINE_URL });
}

/** One list item: plain text, a bold part (what to click), plain text. */
function step(list: HTMLElement, before: string, strong: string, after: string): void {
  const li = list.createEl('li', { text: before });
  li.createEl('strong', { text: strong });
  li.appendText(after);
}

/** What the first-run check needs from the plugin. */
export interface FirstRunHost {
  readonly ctx: CrmContext;
  state: VaultState;
  saveSettings(): Promise<void>;
}

/**
 * Once the person index is ready: if this vault has no person notes and the welcome was never
 * opened here, remember that it was and open the triage view (`open`), which shows it.
 */
export async function openWelcomeOnFirstRun(host: FirstRunHost, open: () => Promise<void>): Promise<void> {
  await host.ctx.index.whenReady();
  if (host.state.welcomeShown || !wantsWelcome(host.ctx)) return;
  host.state = { ...host.state, welcomeShown: true };
  await host.saveSettings();
  await open();
}

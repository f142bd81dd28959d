// @vitest-environment happy-dom
/** The triage routine through the double: keyboard flow, every action, undo, batch and prune list; the card's facts (a birthday among them). */
import { afterEach, describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { localIsoDate, addDays } from '../../src/core/dates/iso-date';
import { TRIAGE_VIEW_TYPE } from '../../src/plugin/views/triage-view';
import type { App } from '../obsidian-double/app';
import { text } from '../obsidian-double/harness';
import { $, $$, buttonByText, openTriage, press, runCommand, settle, startPlugin, until } from './helpers';

afterEach(() => {
  vi.restoreAllMocks();
});

const TODAY = localIsoDate(new Date());
const ago = (d: number) => addDays(TODAY, -d);
const note = (name: string, fm: string) =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/[^a-z]+/g, '-')}\n${fm}\n---\n\n## Interactions\n\n`;

const VAULT = {
  'People/Ivy Stone.md': note(
    'Ivy Stone',
    `company: Acme\nlinkedin-status: invitation-received\ninvited-on: ${ago(1)}\ninvitation-message: "<img src=x onerror=window.__pwned=1> let's talk"\nbirthday: --05-01`,
  ),
  'People/Ned Quiet.md': note(
    'Ned Quiet',
    `linkedin-status: invitation-received\ninvited-on: ${ago(5)}\ninvitation-message:`,
  ),
  'People/Ann New.md': note('Ann New', `linkedin-status: connected\nconnected-on: ${ago(2)}`),
  'People/Bo Old.md': note('Bo Old', `linkedin-status: connected\ntrust: 1\nconnected-on: ${ago(2000)}`),
  'People/Trusted Friend.md': note('Trusted Friend', 'company: Acme\ntrust: 5\nlinkedin-status: connected'),
  'Notes/Dinner.md': 'Dinner with [[Ivy Stone]] last week.',
};

const fm = (app: App, path: string) =>
  YAML.parse(/^---\n([\s\S]*?)---/.exec(text(app, path))?.[1] ?? '') as Record<string, unknown>;

describe('Triage view', () => {
  it('shows an invitation card with the message as text, a "No note" mark, what the vault knows and the keys', async () => {
    const { app } = await startPlugin(VAULT);
    const view = await openTriage(app);
    expect(app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)[0]?.split).toBe(app.workspace.rootSplit);
    // The keys work at once: the view has the keyboard focus.
    expect(document.activeElement).toBe(view.contentEl);
    expect($('.ncrm-card-progress').textContent).toBe('1 of 4');
    expect($('.ncrm-card-kind').textContent).toBe('Invitation received');
    expect($('.ncrm-card-name').textContent).toBe('Ivy Stone');
    expect($('.ncrm-card-message').textContent).toBe("<img src=x onerror=window.__pwned=1> let's talk");
    expect(document.querySelector('.ncrm-card img')).toBeNull();
    const known = $$('.ncrm-card-known li').map((l) => l.textContent);
    expect(known).toEqual(['Mentioned in Notes/Dinner', 'You trust Trusted Friend at Acme']);
    // A birthday from an address book shows among the facts, year-less as it was given.
    expect($$('.ncrm-card-facts div').map((d) => d.textContent)).toEqual([
      'Trust: not set',
      'Met where: not set',
      'Birthday: 1 May',
    ]);
    // The likely decisions first (accept, decline, ask "have we met?"), then the rest.
    expect($$('.ncrm-keys-likely .ncrm-key kbd').map((k) => k.textContent)).toEqual(['a', 'd', 'r']);
    expect($$('.ncrm-keys-more .ncrm-key kbd').map((k) => k.textContent)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      'm',
      'p',
      'k',
      'o',
      'l',
      's',
      'u',
    ]);
    press(view, 's');
    expect($('.ncrm-card-name').textContent).toBe('Ned Quiet');
    expect($('.ncrm-no-note').textContent).toBe('No note');
  });

  it('works through the cards by keyboard and writes each decision', async () => {
    const { app } = await startPlugin(VAULT);
    const open = vi.spyOn(window, 'open').mockImplementation(() => null);
    const view = await openTriage(app);
    press(view, 'a'); // accept Ivy: opens the profile, records connected
    expect(open).toHaveBeenCalledWith('https://www.linkedin.com/in/ivy-stone');
    expect($('.ncrm-card-name').textContent).toBe('Ned Quiet');
    press(view, 'd'); // decline Ned
    expect($('.ncrm-card-progress').textContent).toBe('3 of 4');
    expect($('.ncrm-card-name').textContent).toBe('Ann New');
    press(view, '4'); // trust Ann
    expect($('.ncrm-card-kind').textContent).toBe('Prune candidate');
    press(view, 'p'); // prune Bo
    await settle(app);
    // Accepting made Ivy a connection without a trust level: she comes back as a new connection
    // (once the index has told the view, which a loaded machine may take a moment to do).
    await until(() => $('.ncrm-card-kind').textContent === 'New connection', 'Ivy back as a new connection');
    expect($('.ncrm-card-name').textContent).toBe('Ivy Stone');
    press(view, '5');
    await settle(app);
    expect($('.ncrm-card-done').textContent).toBe('All done: 5 decisions this session.');
    expect(fm(app, 'People/Ivy Stone.md')['linkedin-status']).toBe('connected');
    expect(fm(app, 'People/Ivy Stone.md')['connected-on']).toBe(TODAY); // the next import is not fooled
    expect(fm(app, 'People/Ned Quiet.md')['linkedin-status']).toBe('invitation-declined');
    expect(fm(app, 'People/Ann New.md').trust).toBe(4);
    expect(fm(app, 'People/Bo Old.md').prune).toBe(true);

    press(view, 'u'); // undo Ivy's trust: her card comes back
    await settle(app);
    expect(fm(app, 'People/Ivy Stone.md').trust).toBeUndefined();
    expect($('.ncrm-card-name').textContent).toBe('Ivy Stone');
    press(view, 'u'); // and the prune before it: Bo's card comes back
    await settle(app);
    expect(fm(app, 'People/Bo Old.md').prune).toBeUndefined();
    expect($('.ncrm-card-name').textContent).toBe('Bo Old');
    expect($('.ncrm-card-progress').textContent).toBe('4 of 5');
    press(view, 'k');
    await settle(app);
    expect(fm(app, 'People/Bo Old.md').prune).toBe(false);
  });

  it('copies a "have we met?" reply and records the ask, sets where we met, and ignores keys typed in inputs', async () => {
    const { app, plugin } = await startPlugin(VAULT);
    plugin.settings.myName = 'Alex';
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const view = await openTriage(app);
    press(view, 'r');
    await settle(app, 10);
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^Hi Ivy, thanks for the invitation!.*Best, Alex$/));
    expect(fm(app, 'People/Ivy Stone.md')['asked-on']).toBe(TODAY);
    expect(text(app, 'People/Ivy Stone.md')).toContain(
      `## Interactions\n\n- ${TODAY} · message · asked “have we met?”\n`,
    );
    // Ivy now waits for an answer: the next card is Ned's.
    expect($('.ncrm-card-name').textContent).toBe('Ned Quiet');
    await settle(app);
    expect($('.ncrm-waiting summary').textContent).toBe('1 person waiting for an answer to “have we met?”');
    press(view, 'm');
    const input = await until(
      () => document.querySelector<HTMLInputElement>('.ncrm-met-where-input'),
      'met-where dialog',
    );
    input.value = 'Web Summit 2026';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: '5', bubbles: true }));
    buttonByText('Save').click();
    await settle(app);
    expect(fm(app, 'People/Ned Quiet.md')['met-where']).toBe('Web Summit 2026');
    expect(fm(app, 'People/Ned Quiet.md').trust).toBeUndefined();
    expect($('.ncrm-card-name').textContent).toBe('Ned Quiet');
  });

  it('Met at an event: sets met-where on the checked people in one undoable step', async () => {
    const files = {
      'People/A.md': note('A One', `linkedin-status: connected\nconnected-on: ${ago(3)}`),
      'People/B.md': note('B Two', `linkedin-status: connected\nconnected-on: ${ago(2)}`),
      'People/C.md': note('C Three', `linkedin-status: invitation-received\ninvited-on: ${ago(1)}`),
      'People/D.md': note('D Four', `linkedin-status: connected\nconnected-on: ${ago(30)}`),
      'People/E.md': note('E Five', `trust: 3\nlinkedin-status: connected\nconnected-on: ${ago(2)}`),
    };
    const { app } = await startPlugin(files);
    runCommand(app, 'met-at-event');
    const from = await until(() => document.querySelector<HTMLInputElement>('.ncrm-from'), 'dialog');
    from.value = ago(4);
    from.dispatchEvent(new Event('change'));
    expect($$('.ncrm-event-row .ncrm-name').map((e) => e.textContent)).toEqual(['C Three', 'B Two', 'A One']);
    const where = $('.ncrm-event-modal .ncrm-met-where-input') as HTMLInputElement;
    where.value = '[[Web Summit 2024]]';
    where.dispatchEvent(new Event('input'));
    const boxA = $('input[data-path="People/A.md"]') as HTMLInputElement;
    boxA.checked = false;
    boxA.dispatchEvent(new Event('change'));
    buttonByText('Set for 2 people').click();
    await settle(app);
    expect(fm(app, 'People/B.md')['met-where']).toBe('[[Web Summit 2024]]');
    expect(fm(app, 'People/C.md')['met-where']).toBe('[[Web Summit 2024]]');
    expect(fm(app, 'People/A.md')['met-where']).toBeUndefined();
    runCommand(app, 'undo-last-change');
    await settle(app);
    expect(fm(app, 'People/B.md')['met-where']).toBeUndefined();
    expect(fm(app, 'People/C.md')['met-where']).toBeUndefined();
    expect(text(app, 'People/B.md')).toBe(files['People/B.md']);
  });

  it('Open prune list: a checklist of everyone marked, ticks kept when regenerated', async () => {
    const { app } = await startPlugin({ ...VAULT, 'People/Zed.md': note('Zed', 'prune: true\ncompany: Hooli') });
    runCommand(app, 'open-prune-list');
    await settle(app);
    const list = text(app, 'Network CRM/Prune list.md');
    expect(list).toContain('- [ ] [[People/Zed|Zed]] · Hooli · [LinkedIn profile](https://www.linkedin.com/in/zed)');
    expect(app.workspace.getActiveFile()?.path).toBe('Network CRM/Prune list.md');
    await app.vault.process(app.vault.getFileByPath('Network CRM/Prune list.md')!, (t) =>
      t.replace('- [ ] [[People/Zed', '- [x] [[People/Zed'),
    );
    runCommand(app, 'open-prune-list');
    await settle(app);
    expect(text(app, 'Network CRM/Prune list.md')).toContain('- [x] [[People/Zed|Zed]]');
  });
});

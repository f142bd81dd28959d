// @vitest-environment happy-dom
/**
 * The triage view of issue 11 through the Obsidian double, driven as a user would: the
 * sections and summary cards, "Rate your network" in signal order with the same keys,
 * bulk rating with its preview, a filter error and one undo step, the sent-invitations
 * list with bulk "withdrawn" and its undo (the vault state), and the "have we met?" loop
 * across two imports, the second bringing their answer in messages.csv.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import YAML from 'yaml';
import { addDays, localIsoDate } from '../../src/core/dates/iso-date';
import { isSummary } from '../../src/core/triage/queue';
import type { TriageView } from '../../src/plugin/views/triage-view';
import type { App } from '../obsidian-double/app';
import { text } from '../obsidian-double/harness';
import { $, $$, buttonByText, enter, openTriage, press, runCommand, settle, startPlugin, until } from './helpers';
import type NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';

afterEach(() => {
  vi.restoreAllMocks();
});

const TODAY = localIsoDate(new Date());
const ago = (d: number) => addDays(TODAY, -d);
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const note = (name: string, fm: string) =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${slug(name)}\n${fm}\n---\n\n## Interactions\n\n`;
const fm = (app: App, path: string) =>
  YAML.parse(/^---\n([\s\S]*?)---/.exec(text(app, path))?.[1] ?? '') as Record<string, unknown>;

/** Two invitations, three new connections, a backlog of 30 (some with signal), 8 stale sent invitations. */
function network(): { files: Record<string, string>; data: unknown } {
  const files: Record<string, string> = {
    'People/Ivy Stone.md': note(
      'Ivy Stone',
      `linkedin-status: invitation-received\ninvited-on: ${ago(1)}\ninvitation-message: I help founders cut costs, book a call at calendly.com/x`,
    ),
    'People/Ned Quiet.md': note('Ned Quiet', `linkedin-status: invitation-received\ninvited-on: ${ago(3)}`),
    'Notes/Dinner.md': 'Dinner with [[Old 07]] and [[Old 08]].',
    [`Daily/${ago(40)}.md`]: 'Ran into [[Old 09]].',
  };
  for (const [i, d] of [2, 5, 10].entries())
    files[`People/New ${i}.md`] = note(`New ${i}`, `linkedin-status: connected\nconnected-on: ${ago(d)}`);
  for (let i = 0; i < 30; i++) {
    const name = `Old ${String(i).padStart(2, '0')}`;
    const company = i % 3 === 0 ? 'Globex' : 'Initech';
    const message = i < 3 ? `\nlast-message: ${ago(100 + i * 10)}\nlast-message-from: them` : '';
    files[`People/${name}.md`] = note(
      name,
      `company: ${company}\nlinkedin-status: connected\nconnected-on: ${ago(200 + i * 30)}${message}`,
    );
  }
  const sentPending = Array.from({ length: 8 }, (_, i) => ({
    name: `Invitee ${i}`,
    profileUrl: `https://www.linkedin.com/in/invitee-${i}`,
    sentOn: ago(60 + i),
  }));
  return { files, data: { state: { triage: { sentPending } } } };
}

const card = (view: TriageView) => {
  const c = view.currentItem();
  return c === null ? null : isSummary(c) ? `${c.kind}: ${c.reason}` : `${c.kind}: ${c.person.name}`;
};

describe('Triage of a network with a backlog', () => {
  it('shows the sections, one card per person, then summary cards; the backlog card opens Rate your network', async () => {
    const { files, data } = network();
    const { app } = await startPlugin(files, data);
    const view = await openTriage(app);
    expect($$('.ncrm-chip').map((c) => c.textContent)).toEqual([
      '2 invitations',
      '3 new connections',
      '8 sent invitations',
      '30 earlier connections to rate',
    ]);
    expect($('.ncrm-hint').textContent).toBe('Sales pitch?');
    expect($$('.ncrm-card-message mark').map((m) => m.textContent)).toEqual([
      'I help',
      'cut costs',
      'book a call',
      'calendly.com/x',
    ]);
    const seen: Array<string | null> = [];
    for (let i = 0; i < 12; i++) {
      seen.push(card(view));
      if (i < 11) press(view, 's');
    }
    expect(seen).toEqual([
      'invitation: Ivy Stone',
      'invitation: Ned Quiet',
      'new-connection: New 0',
      'new-connection: New 1',
      'new-connection: New 2',
      'withdraw: Invitee 7',
      'withdraw: Invitee 6',
      'withdraw: Invitee 5',
      'withdraw: Invitee 4',
      'withdraw: Invitee 3',
      'sent-summary: 8 invitations you sent are still pending after 4 weeks',
      'backlog: 30 earlier connections not rated yet',
    ]);
    expect($('.ncrm-card-name').textContent).toBe('30 earlier connections not rated yet');
    expect($$('.ncrm-keys-likely .ncrm-key').map((k) => k.textContent)).toEqual([
      '↵Rate your network',
      'bRate in bulk…',
    ]);

    press(view, 'Enter');
    expect($('.ncrm-triage-title').textContent).toBe('Rate your network');
    expect($('.ncrm-card-progress').textContent).toBe('1 of 30');
    // Messaged first (most recent first), then mentioned in notes, then the newest connections.
    const order: Array<string | null> = [];
    for (let i = 0; i < 7; i++) {
      order.push(card(view));
      press(view, 's');
    }
    expect(order).toEqual([
      'rate: Old 00',
      'rate: Old 01',
      'rate: Old 02',
      'rate: Old 09',
      'rate: Old 07',
      'rate: Old 08',
      'rate: Old 03',
    ]);
    expect($$('.ncrm-keys-likely .ncrm-key kbd').map((k) => k.textContent)).toEqual(['1', '2', '3', '4', '5']);
    press(view, '3');
    await settle(app);
    expect(fm(app, 'People/Old 04.md').trust).toBe(3);
    expect(card(view)).toBe('rate: Old 05');
    press(view, 'Escape');
    expect($('.ncrm-card-kind').textContent).toBe('Earlier connections');
    expect($$('.ncrm-chip').map((c) => c.textContent)).toContain('29 earlier connections to rate');
  });

  it('rates in bulk with a preview of who and how many, names a bad filter term, and undoes in one step', async () => {
    const { files, data } = network();
    const { app } = await startPlugin(files, data);
    await openTriage(app);
    buttonByText('Rate in bulk…').click();
    const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-bulk-modal'), 'bulk dialog');
    // Quiet backlog: no message (Old 00–02), no note linking them (07, 08), no daily note (09).
    expect($('.ncrm-bulk-filter', modal).textContent).toBe(`untriaged connected-before:${ago(31)} no-contact`);
    expect($('.ncrm-bulk-count', modal).textContent).toBe("24 people will get trust 1 (Don't know):");
    expect($$('.ncrm-bulk-names li', modal)).toHaveLength(13);
    expect($$('.ncrm-bulk-names li', modal).at(-1)?.textContent).toBe('and 12 more');
    const [company, more] = $$('input[type=text]', modal) as HTMLInputElement[];
    enter(company!, 'Globex');
    expect($('.ncrm-bulk-count', modal).textContent).toBe("8 people will get trust 1 (Don't know):");
    enter(more!, 'colour:blue');
    expect($('.ncrm-error', modal).textContent).toMatch(/^unknown filter "colour:blue": "colour" is not a filter key/);
    expect(buttonByText('Apply', modal).disabled).toBe(true);
    enter(more!, '');
    enter(company!, '');
    const before = Object.fromEntries(Object.keys(files).map((p) => [p, files[p]]));
    buttonByText('Apply to 24 people', modal).click();
    await settle(app);
    const rated = Object.keys(files).filter((p) => p.startsWith('People/') && fm(app, p).trust === 1);
    expect(rated).toHaveLength(24);
    expect(rated).not.toContain('People/Old 00.md');
    expect($$('.notice').some((n) => n.textContent?.startsWith("Trust 1 (Don't know) for 24 people."))).toBe(true);
    runCommand(app, 'undo-last-change');
    await settle(app);
    for (const p of rated) expect(text(app, p)).toBe(before[p]);
  });

  it('lists the sent invitations, marks them withdrawn in bulk (vault state), and undoes it', async () => {
    const { files, data } = network();
    const { app, plugin } = await startPlugin(files, data);
    const view = await openTriage(app);
    buttonByText('Sent invitations…').click();
    const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-sent-modal'), 'sent dialog');
    expect($$('.ncrm-sent-row .ncrm-name', modal).map((e) => e.textContent)).toEqual(
      Array.from({ length: 8 }, (_, i) => `Invitee ${7 - i}`),
    );
    expect(buttonByText('Withdrawn on LinkedIn', modal).disabled).toBe(true);
    const all = $('.ncrm-sent-all-box', modal) as HTMLInputElement;
    all.checked = true;
    all.dispatchEvent(new Event('change'));
    buttonByText('Withdrawn on LinkedIn (8)', modal).click();
    await settle(app);
    expect(Object.values(plugin.state.triage.sentDecisions).map((d) => d.decision)).toEqual(Array(8).fill('withdrawn'));
    expect(view.currentItem()?.kind).toBe('invitation');
    expect($$('.ncrm-chip').map((c) => c.textContent)).not.toContain('8 sent invitations');
    press(view, 'u');
    await settle(app);
    expect(plugin.state.triage.sentDecisions).toEqual({});
    expect($$('.ncrm-chip').map((c) => c.textContent)).toContain('8 sent invitations');
  });
});

describe('Prune candidates beyond the cards', () => {
  it('a summary card opens them all with the same keys, and Prune in bulk marks them in one undoable step', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 14; i++)
      files[`People/Silent ${i}.md`] = note(
        `Silent ${String(i).padStart(2, '0')}`,
        `linkedin-status: connected\nconnected-on: 201${i % 10}-03-01\ntrust: 1`,
      );
    const { app } = await startPlugin(files);
    const view = await openTriage(app);
    expect($$('.ncrm-chip').map((c) => c.textContent)).toEqual(['14 prune candidates']);
    for (let i = 0; i < 10; i++) press(view, 's');
    expect(card(view)).toBe('prune-summary: 14 prune candidates in all: review them, or prune in bulk');
    press(view, 'Enter');
    expect($('.ncrm-triage-title').textContent).toBe('Prune candidates');
    expect($('.ncrm-card-progress').textContent).toBe('1 of 14');
    expect($$('.ncrm-keys-likely .ncrm-key kbd').map((k) => k.textContent)).toEqual(['p', 'k']);
    press(view, 'k');
    await settle(app);
    expect(fm(app, 'People/Silent 0.md').prune).toBe(false);
    press(view, 'b');
    const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-bulk-modal'), 'bulk dialog');
    expect(modal.querySelector('.modal-title')?.textContent).toBe('Prune in bulk');
    expect($('.ncrm-bulk-count', modal).textContent).toBe('13 people will get mark to prune:');
    buttonByText('Apply to 13 people', modal).click();
    await settle(app);
    const marked = Object.keys(files).filter((p) => fm(app, p).prune === true);
    expect(marked).toHaveLength(13);
    press(view, 'u');
    await settle(app);
    expect(Object.keys(files).filter((p) => fm(app, p).prune === true)).toEqual([]);
  });
});

const OWNER = 'https://www.linkedin.com/in/alex-martin';
const IVY = 'https://www.linkedin.com/in/ivy-stone';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const connectedOn = (iso: string) => `${iso.slice(8)} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const sentAt = (iso: string) => `"${Number(iso.slice(5, 7))}/${Number(iso.slice(8))}/${iso.slice(2, 4)}, 9:15 AM"`;

function exportFiles(withAnswer: boolean): File[] {
  const files: Record<string, string> = {
    'Profile.csv': 'First Name,Last Name,Maiden Name,Address,Birth Date,Headline\nAlex,Martin,,,,Founder',
    'Connections.csv': `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nBo,Kim,https://www.linkedin.com/in/bo-kim,,Acme,CTO,${connectedOn(ago(3))}`,
    'Invitations.csv': [
      'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
      `Ivy Stone,Alex Martin,${sentAt(ago(2))},,INCOMING,${IVY},${OWNER}`,
      `Alex Martin,Cy Doe,${sentAt(ago(2))},,OUTGOING,${OWNER},https://www.linkedin.com/in/cy-doe`,
    ].join('\n'),
  };
  if (withAnswer)
    files['messages.csv'] = [
      'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
      `c1,,Ivy Stone,${IVY},Alex Martin,${OWNER},${TODAY} 18:00:00 UTC,,"Yes! We met at the Acme booth.",INBOX`,
      `c1,,Alex Martin,${OWNER},Ivy Stone,${IVY},${TODAY} 08:00:00 UTC,,Hi Ivy...,INBOX`,
    ].join('\n');
  return Object.entries(files).map(([name, body]) => new File([body], name));
}

async function importFiles(plugin: NetworkCrmPlugin, files: File[]): Promise<void> {
  await plugin.importer.run(await plugin.importer.prepare(files));
  await settle(plugin.app as unknown as App);
}

describe('The "have we met?" loop in the plugin', () => {
  it('r copies the reply signed by the export owner (Profile.csv) and waits; the next import brings the answer back on top', async () => {
    const { app, plugin } = await startPlugin({});
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    await importFiles(plugin, exportFiles(false));
    // The export owner (Profile.csv) signs the reply, since "Your name" is empty.
    expect(plugin.state.owner).toEqual({ name: 'Alex Martin', profileUrl: OWNER });
    const view = await openTriage(app);
    expect(card(view)).toBe('invitation: Ivy Stone');
    press(view, 'r');
    await settle(app);
    expect(writeText).toHaveBeenCalledWith(expect.stringMatching(/^Hi Ivy, .* Best, Alex Martin$/));
    expect(fm(app, 'People/Ivy Stone.md')['asked-on']).toBe(TODAY);
    expect(card(view)).toBe('new-connection: Bo Kim');
    expect($('.ncrm-waiting summary').textContent).toBe('1 person waiting for an answer to “have we met?”');

    await importFiles(plugin, exportFiles(true));
    await settle(app);
    expect(fm(app, 'People/Ivy Stone.md')['last-reply']).toBe(TODAY);
    expect(text(app, 'People/Ivy Stone.md')).not.toContain('Acme booth');
    expect(card(view)).toBe('answer: Ivy Stone');
    expect($('.ncrm-card-reason').textContent).toBe(`Answered on ${TODAY} (you asked on ${TODAY})`);
    expect($$('.ncrm-keys-likely .ncrm-key').map((k) => k.textContent)).toEqual(['aAccept', 'dDecline']);
    expect($$('.ncrm-keys-more .ncrm-key kbd').map((k) => k.textContent)).toContain('m');
    expect(document.querySelector('.ncrm-waiting')).toBeNull();
    vi.spyOn(window, 'open').mockImplementation(() => null);
    press(view, 'a');
    await settle(app);
    expect(fm(app, 'People/Ivy Stone.md')['linkedin-status']).toBe('connected');
  });
});

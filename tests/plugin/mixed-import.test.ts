// @vitest-environment happy-dom
/**
 * The import dialog with a mix, as a user runs it in Obsidian (through the API double): a
 * LinkedIn zip, a vCard file of some of the same people and a calendar of meetings with
 * them. Pins: the preview's per-source table (new, updated, matched by URL/e-mail/name,
 * ambiguous, no note) and the attendees with no note; one note per person afterwards,
 * meetings and birthdays in them; the closing notice's "Create notes for these" (one undo
 * step); a re-import of all three writing nothing; whose calendar from the setting (entered
 * in the settings tab as a list of addresses); a big
 * calendar read with progress and a Cancel that writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { zipExport } from '../../scripts/lib/synthetic-export';
import { generateCalendar } from '../../scripts/lib/synthetic-calendar';
import { generateMixedNetwork } from '../../scripts/lib/synthetic-network';
import { localIsoDate } from '../../src/core/dates/iso-date';
import type { App } from '../obsidian-double/app';
import { text } from '../obsidian-double/harness';
import {
  $,
  $$,
  buttonByText,
  enter,
  fillDiskAfter,
  pickFiles,
  runCommand,
  settle,
  startPlugin,
  until,
} from './helpers';
import type NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';

const net = generateMixedNetwork({ connections: 120, cardsPerKind: 5, singles: 120, series: 4, from: '2024-01-01' });
const FILES = [
  { name: 'Basic_LinkedInDataExport_11-20-2026.zip', bytes: zipExport(net.linkedin) },
  { name: 'contacts.vcf', bytes: net.vcf },
  { name: 'calendar.ics', bytes: net.ics },
];
const DATA = { myEmails: [net.owner.email] };

async function openPreview(app: App, files: Array<{ name: string; bytes: Uint8Array | string }>) {
  runCommand(app, 'import-linkedin-export');
  const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-import-modal'), 'import dialog');
  pickFiles($('input[type=file]', modal) as HTMLInputElement, files);
  return until(
    () => modal.querySelector<HTMLElement>('.ncrm-preview') ?? (modal.querySelector('.ncrm-error') ? modal : null),
    'preview',
  );
}

async function confirm(plugin: NetworkCrmPlugin, modal: HTMLElement) {
  plugin.importer.lastOutcome = null;
  buttonByText(/^(Import .* notes|Write report)$/, modal).click();
  const done = await until(() => plugin.importer.lastOutcome, 'import to start');
  await settle(plugin.app as unknown as App);
  return done;
}

/** The preview's per-source table, row by row: source → column → value. */
function bySource(modal: HTMLElement): Record<string, Record<string, string>> {
  const header = $$('.ncrm-source-table thead th', modal).map((th) => th.textContent ?? '');
  return Object.fromEntries(
    $$('.ncrm-source-table tbody tr', modal).map((tr) => {
      const cells = Array.from(tr.children).map((c) => c.textContent ?? '');
      const row: Record<string, string> = {};
      cells.slice(1).forEach((c, i) => (row[header[i + 1] ?? ''] = c));
      return [cells[0] ?? '', row] as const;
    }),
  );
}

const people = (app: App) => app.vault.getMarkdownFiles().filter((f) => f.path.startsWith('People/'));

describe('Import: LinkedIn, a vCard and a calendar', () => {
  it('LinkedIn first, then the card and the calendar: per-source preview, one note per person, re-import writes nothing', async () => {
    const { app, plugin } = await startPlugin({}, DATA);
    await confirm(plugin, await openPreview(app, [FILES[0]!]));
    const connections = people(app).length;

    const modal = await openPreview(app, [FILES[1]!, FILES[2]!]);
    const table = bySource(modal);
    expect(Object.keys(table)).toEqual(['vCard', 'Calendar']);
    expect(table.vCard).toMatchObject({
      'New notes': String(net.expected.newPeople),
      'Matched by URL': String(net.expected.byUrl),
      'by e-mail': String(net.expected.byEmail),
      'by name': String(net.expected.byName),
      Ambiguous: '1',
    });
    expect(modal.textContent).toContain(`Ambiguous names (not imported)`);
    expect(modal.textContent).toContain(net.expected.ambiguous);
    expect(modal.textContent).toMatch(/Attendees with no note \(\d+\)/);
    expect(modal.textContent).toContain('yours: alex.owner@example.com (from setting');

    const { reportPath } = await confirm(plugin, modal);
    expect(people(app)).toHaveLength(connections + net.expected.newPeople);
    const report = text(app, reportPath!);
    expect(report).toMatch(/^# vCard and Calendar import /);
    expect(report).toContain('## By source');
    expect(report).toContain('## Attendees with no note (');
    // Meetings are logged and count as contact; birthdays are on the notes.
    const withMeetings = people(app).filter((f) => / · meeting · /.test(text(app, f.path)));
    expect(withMeetings.length).toBeGreaterThan(net.expected.byUrl);
    expect(people(app).filter((f) => /^birthday: /m.test(text(app, f.path)))).toHaveLength(net.expected.birthdays);
    const someone = plugin.index.people().find((p) => p.birthday !== null && p.logLatest !== null);
    expect(someone).toBeTruthy();

    app.vault.writeLog.length = 0;
    const again = await openPreview(app, FILES);
    expect(again.textContent).toContain('Everything is up to date');
    await confirm(plugin, again);
    expect(app.vault.writeLog.map((w) => w.path)).toEqual([]);
  });

  it('"Create notes for these" makes notes for the people met who have none, in one undoable step', async () => {
    const { app, plugin } = await startPlugin({}, DATA);
    await confirm(plugin, await openPreview(app, FILES));
    const before = people(app).length;
    const offer = await until(() => $$('.notice button').find((b) => b.textContent === 'Create notes for these'));
    expect(offer.closest('.notice')?.textContent).toMatch(/\d+ people you met in meetings have no note\./);
    offer.click();
    await until(() => $$('.notice').some((n) => /^Created \d+ notes for people you met/.test(n.textContent ?? '')));
    await settle(app);
    const created = people(app).length - before;
    expect(created).toBeGreaterThan(0);
    const stranger = people(app).find((f) => f.path.startsWith('People/Stranger '));
    expect(text(app, stranger!.path)).toMatch(/emails:\n {2}- stranger\d+@elsewhere\.example\n/);
    expect(text(app, stranger!.path)).toMatch(/## Interactions\n\n- \d{4}-\d{2}-\d{2} · meeting · /);

    // The next calendar import finds them by their address: nothing left to create.
    const next = await openPreview(app, [FILES[2]!]);
    expect(next.textContent).not.toContain('Attendees with no note');
    buttonByText('Cancel', next).click();

    await plugin.undo.undo();
    await settle(app);
    expect(people(app)).toHaveLength(before);
  });

  it('on a full disk the closing notice names the people met without a note but offers no button that would fail', async () => {
    const { app, plugin } = await startPlugin({}, DATA);
    const freeDisk = fillDiskAfter(app, 30);
    const { result } = await confirm(plugin, await openPreview(app, FILES));
    expect(result.outOfSpace).toBe(true);
    const notice = await until(() => $$('.notice').find((n) => n.textContent?.includes('The disk is full')));
    expect(notice.textContent).toMatch(/\d+ people you met in meetings have no note yet\./);
    expect($$('button', notice).map((b) => b.textContent)).not.toContain('Create notes for these');
    freeDisk();
  });

  it('"Your e-mail addresses" takes addresses, refuses what is not one, and saves a list the calendar uses', async () => {
    const { app, plugin } = await startPlugin();
    const setting = $$('.setting-item', app.openSettingTab('network-crm')).find(
      (el) => el.querySelector('.setting-item-name')?.textContent === 'Your e-mail addresses',
    )!;
    const input = setting.querySelector('input')!;
    enter(input, 'me@work.example, not-an-address');
    await settle(app, 0);
    expect(setting.querySelector('.setting-item-error')?.textContent).toBe(
      '"not-an-address" is not an e-mail address.',
    );
    expect(plugin.settings.myEmails).toEqual([]);
    enter(input, `Me@Work.example, ${net.owner.email}`);
    await settle(app, 0);
    expect(plugin.settings.myEmails).toEqual(['me@work.example', net.owner.email]);
    expect(app.pluginData.get('network-crm')).toMatchObject({ myEmails: ['me@work.example', net.owner.email] });
    app.closeSettings();
    const modal = await openPreview(app, [FILES[2]!]);
    expect(modal.textContent).toMatch(/yours: [^;]*alex\.owner@example\.com[^;]*\(from setting/);
  });

  it('whose calendar: without the setting, the LinkedIn owner’s name finds them in the same run', async () => {
    const { app } = await startPlugin();
    const modal = await openPreview(app, FILES);
    expect(modal.textContent).toMatch(/yours: alex\.owner@example\.com \(from [^)]*your name\)/);
  });

  it('a big calendar is read with progress, and Cancel stops it with nothing written', async () => {
    const { app } = await startPlugin();
    const big = generateCalendar({
      singles: 6000,
      series: 0,
      owner: net.owner,
      people: [{ name: 'Jane Roe', email: 'jane@roe.example' }],
    });
    runCommand(app, 'import-linkedin-export');
    const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-import-modal'), 'import dialog');
    pickFiles($('input[type=file]', modal) as HTMLInputElement, [{ name: 'big.ics', bytes: big.text }]);
    await until(() => /Reading big\.ics… \d+%/.test(modal.textContent ?? ''), 'progress');
    buttonByText('Cancel', modal).click();
    const error = await until(() => modal.querySelector('.ncrm-error'), 'cancelled');
    expect(error.textContent).toBe('Cancelled: nothing was read into your vault.');
    expect(app.vault.writeLog).toEqual([]);
  });

  it('the import takes today from the device: occurrences after today are not logged', async () => {
    const today = localIsoDate(new Date());
    const { app, plugin } = await startPlugin({}, DATA);
    await confirm(plugin, await openPreview(app, FILES));
    const dates = people(app).flatMap((f) =>
      [...text(app, f.path).matchAll(/^- (\d{4}-\d{2}-\d{2}) · meeting/gm)].map((m) => m[1]!),
    );
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d <= today)).toBe(true);
  });
});

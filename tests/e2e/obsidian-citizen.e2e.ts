/**
 * The built plugin in Chromium where real Obsidian differs from a plain desktop window:
 * - Obsidian mobile at phone size (390 × 844, the double's phone mode): the main flows
 *   (import, triage, stale contacts, log interaction) by tapping, with 44 px touch
 *   targets, no keyboard hints, no status bar, nothing wider than the screen;
 * - a note being typed in when a command runs;
 * - a popout window: a real second document with its own constructors, where
 *   `instanceof HTMLInputElement` is false for its inputs;
 * - the first seconds of a cold start.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { openPage, recordTimings, screenshot, suiteHarness } from './harness';

const h = suiteHarness();
const PHONE = { width: 390, height: 844, touch: true };

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function people(today: string): Record<string, string> {
  const note = (name: string, fm: string) =>
    `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/[^a-z]+/g, '-')}\n${fm}\ntags:\n  - person\n---\n[LinkedIn profile](https://www.linkedin.com/in/x)\n\nNotes.\n\n## Interactions\n\n`;
  return {
    'People/Ivy Stone.md': note(
      'Ivy Stone',
      `company: Acme\nlinkedin-status: invitation-received\ninvited-on: ${addDays(today, -1)}\ninvitation-message: "Hi, we met at Web Summit."`,
    ),
    'People/Ann New.md': note(
      'Ann New',
      `company: Initech\nlinkedin-status: connected\nconnected-on: ${addDays(today, -2)}`,
    ),
    'People/Maria Lundgren.md': note(
      'Maria Lundgren',
      `company: Eventrum\nlinkedin-status: connected\ntrust: 5\nlast-contact: ${addDays(today, -75)}`,
    ),
    'People/Rosa Bianchi.md': note(
      'Rosa Bianchi',
      `company: Hooli\nlinkedin-status: connected\ntrust: 2\nlast-contact: ${addDays(today, -500)}`,
    ),
  };
}

const today = (page: Page) => page.evaluate(() => window.__test.today());

/** A fresh page with the plugin booted on a few people; `t` is the page's today. */
async function start(options: Parameters<typeof openPage>[1] = {}) {
  const opened = await openPage(h, options);
  const t = await today(opened.page);
  await opened.page.evaluate((files) => window.__test.boot(files), people(t));
  return { ...opened, t };
}
const read = (page: Page, path: string) => page.evaluate((p) => window.__test.readFile(p), path);
const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

/** The smallest side of every element matching `selector` that is displayed. */
async function smallestTarget(page: Page, selector: string): Promise<number> {
  return page.$$eval(selector, (els) =>
    Math.min(
      ...els
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .map((e) => Math.min(e.getBoundingClientRect().width, e.getBoundingClientRect().height)),
    ),
  );
}

describe.skipIf(h.skip !== null)('Obsidian mobile at phone size', () => {
  it('import, triage, stale contacts and a logged interaction, by tapping', async () => {
    const { page, errors, t } = await start(PHONE);
    expect(await page.evaluate(() => document.body.classList.contains('is-phone'))).toBe(true);
    expect(await page.locator('.status-bar').count()).toBe(0);
    expect(await page.locator('.mobile-navbar').count()).toBe(1);

    // Import: the picker takes any file; the export is recognised after picking.
    await page.evaluate(() => window.__test.runCommand('import-linkedin-export'));
    const input = page.locator('.ncrm-import-modal input[type=file]');
    expect(await input.getAttribute('accept')).toBeNull();
    expect(await input.evaluate((e) => getComputedStyle(e).display)).not.toBe('none');
    const exp = generateExport({ connections: 60, seed: 12 });
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose files…' }).tap(),
    ]);
    await chooser.setFiles({
      name: 'linkedin.zip',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(zipExport(exp)),
    });
    await page.waitForSelector('.ncrm-preview');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.getByRole('button', { name: /^Import .* notes$/ }).tap();
    await page.waitForFunction((n) => window.__test.files('People/').length >= n, exp.people.length, {
      timeout: 60_000,
    });

    // Triage by tapping the buttons: big enough, no keyboard letters.
    await page.evaluate(() => window.__test.runCommand('open-triage'));
    await page.waitForSelector('.ncrm-card-name');
    expect(await smallestTarget(page, '.ncrm-key')).toBeGreaterThanOrEqual(44);
    // Read in one go in the page: the card may be redrawn (the index finishing) between a locate and a read.
    const kbdDisplay = () =>
      page.evaluate(() => {
        const kbd = document.querySelector('.ncrm-key kbd');
        return kbd?.isConnected ? getComputedStyle(kbd).display : 'missing';
      });
    expect(await kbdDisplay()).toBe('none');
    const first = await page.locator('.ncrm-card-name').textContent();
    await page.locator('.ncrm-key[data-key="4"]').tap();
    await page.waitForFunction((n) => document.querySelector('.ncrm-card-name')?.textContent !== n, first);
    expect(await noSidewaysScroll(page)).toBe(true);

    // Stale contacts: a drawer over the whole screen, rows with 44 px buttons.
    await page.evaluate(() => window.__test.runCommand('open-stale-contacts'));
    await page.waitForSelector('.ncrm-stale-row');
    const drawer = await page.locator('.mod-right-split').boundingBox();
    expect(drawer?.width).toBe(PHONE.width);
    expect(await smallestTarget(page, '.ncrm-action')).toBeGreaterThanOrEqual(44);
    const row = page.locator('.ncrm-stale-row').first();
    const path = await row.getAttribute('data-path');
    await row.locator('[data-action="Log contact today"]').tap();
    await page.waitForFunction((p) => !document.querySelector(`.ncrm-stale-row[data-path="${p}"]`), path);
    await page.evaluate(() => window.__test.settle());
    expect(await read(page, path!)).toContain(`last-contact: ${t}`);
    expect(await noSidewaysScroll(page)).toBe(true);

    // Log interaction on an open note, in a full-screen dialog.
    await page.evaluate(() => window.__test.openFile('People/Maria Lundgren.md'));
    await page.evaluate(() => window.__test.runCommand('log-interaction'));
    await page.waitForSelector('.ncrm-form-modal');
    const dialog = await page.locator('.ncrm-form-modal').boundingBox();
    expect(dialog?.width).toBe(PHONE.width);
    await page.selectOption('.ncrm-form-modal select', 'call');
    await page.fill('.ncrm-note-input', 'caught up');
    await page.getByRole('button', { name: 'Log', exact: true }).tap();
    await page.waitForSelector('.ncrm-form-modal', { state: 'detached' });
    await page.evaluate(() => window.__test.settle());
    expect(await read(page, 'People/Maria Lundgren.md')).toContain(`- ${t} · call · caught up`);

    // Settings at phone width: no status-bar setting, nothing wider than the screen.
    await page.evaluate(() => window.__test.openSettings());
    await page.waitForSelector('.setting-item');
    expect(await page.getByText('Show stale contacts in the status bar').count()).toBe(0);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a desktop window shows the keyboard letters on the triage buttons', async () => {
    const { page, errors } = await start();
    await page.evaluate(() => window.__test.runCommand('open-triage'));
    await page.waitForSelector('.ncrm-key kbd');
    expect(
      await page
        .locator('.ncrm-key kbd')
        .first()
        .evaluate((e) => getComputedStyle(e).display),
    ).not.toBe('none');
    expect(await page.locator('.status-bar .ncrm-status-bar').count()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(h.skip !== null)('the note being typed in', () => {
  it('a command run mid-typing keeps every keystroke and the cursor', async () => {
    const { page, errors, t } = await start();
    await page.evaluate(() => window.__test.openFile('People/Rosa Bianchi.md'));
    await page.evaluate(() => window.__test.type('Typed just now. '));
    const typing = await page.evaluate(() => window.__test.editorState());
    expect(typing?.dirty).toBe(true);
    await page.evaluate(() => window.__test.runCommand('log-contact-today'));
    await page.evaluate(() => window.__test.settle());
    const after = await page.evaluate(() => window.__test.editorState());
    const disk = (await read(page, 'People/Rosa Bianchi.md')) ?? '';
    expect(after?.mergeLosses).toBe(0);
    expect(disk).toContain('Typed just now. ');
    expect(disk).toContain(`- ${t} · other`);
    expect(after?.text).toBe(disk);
    expect(after?.cursor).toBe(disk.indexOf('Typed just now. ') + 'Typed just now. '.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(h.skip !== null)('a popout window', () => {
  it('triage there ignores keys typed in its inputs, and dialogs build their fields in its document', async () => {
    const { page, errors, t } = await start();
    await page.evaluate(() => window.__test.openInPopout('network-crm-triage'));
    const frame = page.frameLocator('iframe.popout-window');
    await frame.locator('.ncrm-card-name').waitFor();
    expect(await frame.locator('.ncrm-card-name').textContent()).toBe('Ivy Stone');
    const realms = await page.evaluate(() => {
      const doc = (document.querySelector('iframe.popout-window') as HTMLIFrameElement).contentDocument!;
      const view = doc.querySelector('.ncrm-triage-view') as HTMLElement;
      const input = view.createEl('input', { cls: 'probe' });
      return { sameRealm: input instanceof HTMLInputElement, crossWindow: input.instanceOf(HTMLInputElement) };
    });
    expect(realms).toEqual({ sameRealm: false, crossWindow: true });
    // A key typed in a field inside the popout's view is text, not a decision.
    await frame.locator('.ncrm-triage-view input.probe').focus();
    await page.keyboard.press('d');
    await page.evaluate(() => window.__test.settle());
    expect(await read(page, 'People/Ivy Stone.md')).toContain('linkedin-status: invitation-received');
    // The same key on the view is a decision.
    await frame.locator('.ncrm-triage-view').focus();
    await page.keyboard.press('d');
    await page.evaluate(() => window.__test.settle());
    expect(await read(page, 'People/Ivy Stone.md')).toContain('linkedin-status: invitation-declined');

    // A dialog opened while the popout has focus lives in the popout's document.
    await page.evaluate(() => window.__test.runCommand('met-at-event'));
    await frame.locator('.ncrm-event-modal').waitFor();
    const owner = await page.evaluate(() => {
      const doc = (document.querySelector('iframe.popout-window') as HTMLIFrameElement).contentDocument!;
      const from = doc.querySelector('.ncrm-event-modal .ncrm-from') as HTMLInputElement;
      return { inPopout: from.ownerDocument === doc, isInput: from.instanceOf(HTMLInputElement) };
    });
    expect(owner).toEqual({ inPopout: true, isInput: true });
    await frame.locator('.ncrm-event-modal .ncrm-from').fill(addDays(t, -3));
    await frame.locator('.ncrm-event-modal .ncrm-from').dispatchEvent('change');
    await frame.locator('.ncrm-event-row .ncrm-name', { hasText: 'Ann New' }).waitFor();
    await screenshot(page, 'popout-desktop-light');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe.skipIf(h.skip !== null)('the first seconds of a cold start', () => {
  it('the stale view says it is indexing, then lists 30,000 people', async () => {
    const { page, errors } = await openPage(h);
    await page.evaluate(async () => {
      const api = window.__test;
      await api.bootCold(30_000);
      const w = window as unknown as { __layoutReady: number; __indexed: number };
      w.__layoutReady = performance.now();
      api.app().metadataCache.on('resolved', () => (w.__indexed ??= performance.now()));
      api.runCommand('open-stale-contacts');
    });
    await page.waitForSelector('.ncrm-stale-count');
    expect(await page.locator('.ncrm-stale-count').textContent()).toBe('Indexing your vault…');
    expect(await page.locator('.ncrm-stale-empty').textContent()).toMatch(
      /^Obsidian (has read [\d,]+ of|is reading the) 30,000 notes/,
    );
    await screenshot(page, 'indexing-desktop-light');
    await page.waitForFunction(
      () => /stale contacts$/.test(document.querySelector('.ncrm-stale-count')?.textContent ?? ''),
      undefined,
      {
        timeout: 60_000,
      },
    );
    const shown = await page.evaluate(() => {
      const w = window as unknown as { __layoutReady: number; __indexed: number };
      return { indexing: w.__indexed - w.__layoutReady, listAfterIndexed: performance.now() - w.__indexed };
    });
    recordTimings('cold start, 30,000 people', {
      cacheIndexingMs: Math.round(shown.indexing),
      staleListShownAfterIndexedMs: Math.round(shown.listAfterIndexed),
    });
    expect(await page.locator('.ncrm-stale-row').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * The first-run welcome in Chromium with the shipped main.js and styles.css: a new vault with
 * no person notes opens the triage view on the welcome, at desktop and phone width, light and
 * dark, without overflowing sideways; its button opens the import dialog. From the welcome to
 * imported notes the page makes no network request at all (the plugin has no network use to
 * disclose). The screenshots are what the README's install section describes (docs/images
 * with `npm run screenshots`).
 */
import { describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { openPage, screenshot, suiteHarness } from './harness';

const h = suiteHarness();

const SIZES = [
  { size: 'desktop', width: 1280, height: 800 },
  { size: 'phone', width: 390, height: 844 },
] as const;

describe.skipIf(h.skip !== null)('First-run welcome in Chromium', () => {
  for (const { size, width, height } of SIZES) {
    for (const theme of ['light', 'dark'] as const) {
      it(`opens on a first start with no person notes (${size}, ${theme})`, async () => {
        const { page, errors } = await openPage(h, { width, height, theme });
        await page.evaluate(() => window.__test.boot({}));
        await page.waitForSelector('.ncrm-welcome');
        expect(await page.locator('.ncrm-welcome-steps li').count()).toBe(4);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await screenshot(page, `welcome-${size}-${theme}`);

        await page.getByRole('button', { name: 'Import LinkedIn export' }).click();
        await page.waitForSelector('.ncrm-import-modal');
        expect(await page.getByRole('button', { name: 'Choose files…' }).count()).toBe(1);
        expect(errors).toEqual([]);
        await page.close();
      });
    }
  }

  it('goes from the welcome to imported notes without a single network request', async () => {
    const { page, errors } = await openPage(h);
    // The page and its assets have loaded; from here on, anything fetched is the plugin's doing.
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.evaluate(() => window.__test.boot({}));
    await page.waitForSelector('.ncrm-welcome');
    await page.getByRole('button', { name: 'Import LinkedIn export' }).click();
    const exp = generateExport({ connections: 300, seed: 9 });
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose files…' }).click(),
    ]);
    await chooser.setFiles({
      name: 'Basic_LinkedInDataExport_11-20-2026.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from(zipExport(exp)),
    });
    await page.waitForSelector('.ncrm-preview');
    await page.getByRole('button', { name: /^Import .* notes$/ }).click();
    await page.waitForFunction((n) => window.__test.files('People/').length === n, exp.people.length, {
      timeout: 60_000,
    });
    await page.waitForSelector('.ncrm-card-progress');
    expect(await page.locator('.ncrm-welcome').count()).toBe(0);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

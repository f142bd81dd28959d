/**
 * A mixed import in real Chromium, as a user does it: a LinkedIn zip, a vCard file and a
 * calendar picked together in the import dialog. Pins what the user sees and gets: the
 * preview's By source table (a row per source, matched and ambiguous counts), the
 * attendees with no note, one note per person after the import, meetings and birthdays on
 * them, and the closing notice's "Create notes for these" making notes for the strangers
 * met. The page has no Node: ical.js and the vCard reader run as on a phone.
 */
import { describe, expect, it } from 'vitest';
import { zipExport } from '../../scripts/lib/synthetic-export';
import { generateMixedNetwork } from '../../scripts/lib/synthetic-network';
import { openPage, screenshot, suiteHarness } from './harness';

const h = suiteHarness();

const net = generateMixedNetwork({ connections: 400, cardsPerKind: 20, singles: 600, series: 10, from: '2024-01-01' });

interface Notices {
  __notices: string[];
}

describe.skipIf(h.skip !== null)('mixed import in Chromium', () => {
  it('LinkedIn zip, vCard and calendar in one dialog: By source preview, one note per person, notes for the people met', async () => {
    const { page, errors } = await openPage(h);
    await page.evaluate(() => window.__test.boot({}, {}));
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as Notices).__notices = seen;
      new MutationObserver(() =>
        document.querySelectorAll('.notice').forEach((n) => seen.push(n.textContent ?? '')),
      ).observe(document.body, { subtree: true, childList: true, characterData: true });
    });

    await page.evaluate(() => window.__test.runCommand('import-linkedin-export'));
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Choose files…' }).click(),
    ]);
    await chooser.setFiles([
      {
        name: 'Basic_LinkedInDataExport.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from(zipExport(net.linkedin)),
      },
      { name: 'contacts.vcf', mimeType: 'text/vcard', buffer: Buffer.from(net.vcf) },
      { name: 'calendar.ics', mimeType: 'text/calendar', buffer: Buffer.from(net.ics) },
    ]);
    await page.waitForSelector('.ncrm-preview', { timeout: 60_000 });

    const table = await page.$$eval('.ncrm-source-table tbody tr', (rows) =>
      rows.map((r) => Array.from(r.children).map((c) => c.textContent ?? '')),
    );
    expect(table.map((r) => r[0])).toEqual(['LinkedIn', 'vCard', 'Calendar']);
    const vcard = table[1]!;
    expect(vcard[8]).toBe('1'); // the card named like several connections: ambiguous, not guessed
    const preview = (await page.locator('.ncrm-preview').textContent()) ?? '';
    expect(preview).toContain(`Ambiguous names (not imported)`);
    expect(preview).toMatch(/Attendees with no note \(\d+\)/);
    expect(preview).toMatch(/yours: alex\.owner@example\.com/);
    // Ten columns fit a desktop dialog: the column names wrap instead of making the table scroll.
    const overflow = await page.$eval('.ncrm-source-table-wrap', (w) => w.scrollWidth - w.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'mixed-import-preview');

    await page.getByRole('button', { name: /^Import .* notes$/ }).click();
    await page.waitForFunction(
      () => (window as unknown as Notices).__notices.some((t) => t.startsWith('Import finished')),
      undefined,
      {
        timeout: 60_000,
      },
    );
    const people = await page.evaluate(() => window.__test.files('People/'));
    // One note per person: LinkedIn's new notes plus the cards' new people, nobody twice.
    expect(people).toHaveLength(Number(table[0]![2]) + net.expected.newPeople);
    expect(Number(table[1]![2])).toBe(Number(table[1]![1]) - 1); // every card a note but the ambiguous one
    const texts = await Promise.all(people.map((p) => page.evaluate((path) => window.__test.readFile(path), p)));
    expect(texts.filter((t) => /^birthday: /m.test(t ?? ''))).toHaveLength(net.expected.birthdays);
    expect(texts.filter((t) => / · meeting · /.test(t ?? '')).length).toBeGreaterThan(net.expected.byUrl);

    await page.getByRole('button', { name: 'Create notes for these' }).click();
    await page.waitForFunction(
      () => (window as unknown as Notices).__notices.some((t) => /^Created \d+ notes for people you met/.test(t)),
      undefined,
      {
        timeout: 60_000,
      },
    );
    const after = await page.evaluate(() => window.__test.files('People/'));
    const strangers = after.filter((p) => p.startsWith('People/Stranger '));
    expect(strangers.length).toBeGreaterThan(0);
    expect(after).toHaveLength(people.length + strangers.length);
    const stranger = (await page.evaluate((p) => window.__test.readFile(p), strangers[0]!)) ?? '';
    expect(stranger).toMatch(/## Interactions\n\n- \d{4}-\d{2}-\d{2} · meeting · /);
    expect(errors).toEqual([]);
    await page.close();
  });
});

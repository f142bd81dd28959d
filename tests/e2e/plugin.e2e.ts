/**
 * The shipped main.js and styles.css in real Chromium, driven like a user: the command
 * palette (run by id), the file input, clicks and keys. The page has no Node: if the
 * bundle needed it, it would fail here as on Obsidian mobile.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { openPage, recordTimings, screenshot, suiteHarness } from './harness';

const h = suiteHarness();
const skip = h.skip;

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A few people in every triage and stale state, for the routines and the screenshots. */
function peopleFiles(today: string): Record<string, string> {
  const note = (name: string, fm: string) =>
    `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/[^a-z]+/g, '-')}\n${fm}\ntags:\n  - person\n---\n[LinkedIn profile](https://www.linkedin.com/in/x)\n\n## Interactions\n\n`;
  return {
    'People/Ivy Stone.md': note(
      'Ivy Stone',
      `company: Acme Robotics\nposition: Head of Partnerships\nlinkedin-status: invitation-received\ninvited-on: ${addDays(today, -1)}\ninvitation-message: "Hi! We met at the Acme booth at Web Summit, I'd love to stay in touch about the robotics pilot."`,
    ),
    'People/Ned Quiet.md': note(
      'Ned Quiet',
      `company: Globex\nposition: Recruiter\nlinkedin-status: invitation-received\ninvited-on: ${addDays(today, -3)}\ninvitation-message:`,
    ),
    'People/Ann New.md': note(
      'Ann New',
      `company: Initech\nposition: Data Scientist\nlinkedin-status: connected\nconnected-on: ${addDays(today, -2)}`,
    ),
    'People/Bo Old.md': note(
      'Bo Old',
      `company: Umbrella\nlinkedin-status: connected\ntrust: 1\nconnected-on: ${addDays(today, -2000)}`,
    ),
    'People/Maria Lundgren.md': note(
      'Maria Lundgren',
      `company: Eventrum Nordic\nposition: Owner\nlinkedin-status: connected\ntrust: 5\nlast-contact: ${addDays(today, -75)}\nmet-where: "[[Web Summit 2024]]"\nlast-message: ${addDays(today, -75)}\nlast-message-from: them`,
    ),
    'People/Matej Šarić.md': note(
      'Matej Šarić',
      `company: Pied Piper\nlinkedin-status: connected\ntrust: 4\nlast-contact: ${addDays(today, -200)}\nmet-where: KubeCon 2025`,
    ),
    'People/Yamamoto Kenji.md': note(
      'Yamamoto Kenji',
      `company: Soylent\nlinkedin-status: connected\ntrust: 3\nconnected-on: ${addDays(today, -400)}`,
    ),
    'People/Rosa Bianchi.md': note(
      'Rosa Bianchi',
      `company: Hooli\nlinkedin-status: connected\ntrust: 2\nlast-contact: ${addDays(today, -500)}\nmet-where: university`,
    ),
    'People/Trusted Friend.md': note('Trusted Friend', 'company: Acme Robotics\nlinkedin-status: connected\ntrust: 5'),
    'Notes/Web Summit 2024.md': 'Met [[Ivy Stone]] at the Acme booth.',
  };
}

async function boot(page: Page, files: Record<string, string>, options: { people?: number } = {}): Promise<void> {
  await page.evaluate(({ files, options }) => window.__test.boot(files, options), { files, options });
}

async function today(page: Page): Promise<string> {
  return page.evaluate(() => window.__test.today());
}

async function importViaDialog(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(() => window.__test.runCommand('import-linkedin-export'));
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser'),
    page.getByRole('button', { name: 'Choose files…' }).click(),
  ]);
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles({ name, mimeType: 'application/zip', buffer: Buffer.from(bytes) });
  await page.waitForSelector('.ncrm-preview');
}

describe.skipIf(skip !== null)('Network CRM in Chromium', () => {
  it('imports a hostile export through the dialog: preview, progress, report, files; no script runs', async () => {
    const { page, errors } = await openPage(h);
    await boot(page, {});
    const exp = generateExport({ connections: 1200, hostile: true, seed: 4 });
    await importViaDialog(page, 'Complete_LinkedInDataExport_11-20-2026.zip', zipExport(exp));
    const counts: Record<string, string> = await page.$$eval('.ncrm-count-row', (rows) =>
      Object.fromEntries(
        rows.map((r) => [r.querySelector('dt')?.textContent ?? '', r.querySelector('dd')?.textContent ?? '']),
      ),
    );
    expect(counts).toMatchObject({
      'New notes': exp.people.length.toLocaleString('en-US'),
      'Skipped rows': String(exp.blankRows),
    });
    expect(await page.locator('.ncrm-preview img, .ncrm-preview script').count()).toBe(0);

    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __notices: string[] }).__notices = seen;
      new MutationObserver(() =>
        document.querySelectorAll('.notice').forEach((n) => seen.push(n.textContent ?? '')),
      ).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: /^Import .* notes$/ }).click();
    await page.waitForFunction(
      () => (window as unknown as { __notices: string[] }).__notices.some((t) => t.startsWith('Import finished')),
      undefined,
      { timeout: 60_000 },
    );
    const notices = await page.evaluate(() => (window as unknown as { __notices: string[] }).__notices);
    expect(notices.some((t) => /^Importing [\d,]+ \/ [\d,]+…Cancel$/.test(t))).toBe(true);

    const people = await page.evaluate(() => window.__test.files('People/'));
    expect(people).toHaveLength(exp.people.length);
    expect(people).toContain('People/img src=x onerror= window.__pwned=1 Smith.md');
    expect(people).toContain('People/etc passwd.md');
    const reportPath = (await page.evaluate(() => window.__test.files('Network CRM/Imports/')))[0]!;
    const report = (await page.evaluate((p) => window.__test.readFile(p), reportPath)) ?? '';
    expect(report).toContain(`| Created | ${exp.people.length.toLocaleString('en-US')} |`);

    await page.getByText('Open the report').click();
    await page.waitForSelector('.markdown-source-view .cm-content');
    expect(await page.locator('.markdown-source-view .HyperMD-header-1').first().textContent()).toMatch(
      /^LinkedIn import/,
    );
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __badRequire?: unknown }).__badRequire)).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works through triage cards with the keyboard and writes the decisions', async () => {
    const { page, errors } = await openPage(h);
    await boot(page, peopleFiles(await today(page)));
    await page.evaluate(() => window.__test.runCommand('open-triage'));
    await page.waitForSelector('.ncrm-card-name');
    expect(await page.locator('.ncrm-card-name').textContent()).toBe('Ivy Stone');
    expect(await page.locator('.ncrm-card-known li').allTextContents()).toEqual([
      'Mentioned in Notes/Web Summit 2024',
      'You trust Trusted Friend at Acme Robotics',
    ]);
    await page.locator('.ncrm-triage-view').focus();
    await page.keyboard.press('5'); // trust Ivy, next card
    await page.waitForFunction(() => document.querySelector('.ncrm-card-name')?.textContent === 'Ned Quiet');
    expect(await page.locator('.ncrm-no-note').textContent()).toBe('No note');
    await page.keyboard.press('d'); // decline Ned
    await page.waitForFunction(() => document.querySelector('.ncrm-card-name')?.textContent === 'Ann New');
    await page.keyboard.press('m'); // where did we meet Ann?
    await page.fill('.ncrm-met-where-input', '[[Web Summit 2024]]');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ncrm-triage-view').focus();
    await page.keyboard.press('3');
    await page.waitForFunction(() => document.querySelector('.ncrm-card-kind')?.textContent === 'Prune candidate');
    await page.keyboard.press('p'); // prune Bo
    await page.keyboard.press('u'); // undo it
    await page.waitForFunction(() => document.querySelector('.ncrm-card-name')?.textContent === 'Bo Old');
    await page.keyboard.press('k'); // keep Bo
    await page.evaluate(() => window.__test.settle());
    const read = (p: string) => page.evaluate((path) => window.__test.readFile(path), p);
    expect(await read('People/Ivy Stone.md')).toContain('trust: 5');
    expect(await read('People/Ned Quiet.md')).toContain('linkedin-status: invitation-declined');
    expect(await read('People/Ann New.md')).toMatch(
      /met-where: "\[\[Web Summit 2024\]\]"[\s\S]*trust: 3|trust: 3[\s\S]*met-where: "\[\[Web Summit 2024\]\]"/,
    );
    expect(await read('People/Bo Old.md')).toContain('prune: false');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens the stale view on 30,000 people fast, scrolls to the end, and "Log contact today" removes a row', async () => {
    const { page, errors } = await openPage(h);
    await boot(page, {}, { people: 30_000 });
    const timing = await page.evaluate(async () => {
      const t0 = performance.now();
      window.__test.runCommand('open-stale-contacts');
      while (!document.querySelector('.ncrm-stale-row')) await new Promise((r) => requestAnimationFrame(r));
      const firstRender = performance.now() - t0;
      const list = document.querySelector('.ncrm-stale-list') as HTMLElement;
      const t1 = performance.now();
      list.scrollTop = list.scrollHeight;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const rows = document.querySelectorAll('.ncrm-stale-row');
      const scrollToEnd = performance.now() - t1;
      const count = Number(document.querySelector('.ncrm-stale-count')?.textContent?.replace(/\D/g, ''));
      return {
        firstRender,
        scrollToEnd,
        count,
        renderedRows: rows.length,
        lastRowVisible:
          (rows[rows.length - 1] as HTMLElement).getBoundingClientRect().bottom <=
          list.getBoundingClientRect().bottom + 1,
      };
    });
    recordTimings('stale view, 30,000 people', {
      firstRenderMs: Math.round(timing.firstRender),
      scrollToEndMs: Math.round(timing.scrollToEnd),
      staleRows: timing.count,
      renderedRows: timing.renderedRows,
    });
    expect(timing.count).toBeGreaterThan(10_000);
    expect(timing.renderedRows).toBeLessThan(40);
    expect(timing.lastRowVisible).toBe(true);
    expect(timing.firstRender).toBeLessThan(200);

    // The scroll event, and so the redraw of the window, comes a frame after scrollTop is set:
    // wait for it, or the row read here is one from the end of the list that is about to go.
    await page.evaluate(async () => {
      (document.querySelector('.ncrm-stale-list') as HTMLElement).scrollTop = 0;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    const first = await page.locator('.ncrm-stale-row').first().getAttribute('data-path');
    await page.locator(`.ncrm-stale-row[data-path="${first}"] [data-action="Log contact today"]`).click();
    await page.waitForFunction((p) => !document.querySelector(`.ncrm-stale-row[data-path="${p}"]`), first);
    await page.evaluate(() => window.__test.settle());
    expect(await page.evaluate((p) => window.__test.readFile(p!), first)).toContain(
      `last-contact: ${await today(page)}`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('logs an interaction on the open note', async () => {
    const { page, errors } = await openPage(h);
    const t = await today(page);
    await boot(page, peopleFiles(t));
    await page.evaluate(() => window.__test.openFile('People/Matej Šarić.md'));
    await page.evaluate(() => window.__test.runCommand('log-interaction'));
    await page.waitForSelector('.ncrm-form-modal');
    expect(await page.locator('.ncrm-date-input').inputValue()).toBe(t);
    await page.selectOption('.ncrm-form-modal select', 'call');
    await page.fill('.ncrm-note-input', 'Talked about the <b>launch</b>');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.ncrm-form-modal', { state: 'detached' });
    await page.evaluate(() => window.__test.settle());
    const text = (await page.evaluate(() => window.__test.readFile('People/Matej Šarić.md'))) ?? '';
    expect(text).toContain(`last-contact: ${t}`);
    expect(text).toContain(`## Interactions\n\n- ${t} · call · Talked about the \\<b\\>launch\\</b\\>\n`);
    expect(errors).toEqual([]);
    await page.close();
  });

  describe('screenshots at desktop and phone width, light and dark', () => {
    const sizes = [
      { size: 'desktop', width: 1280, height: 800 },
      { size: 'phone', width: 390, height: 844 },
    ] as const;
    const themes = ['light', 'dark'] as const;
    for (const { size, width, height } of sizes) {
      for (const theme of themes) {
        it(`${size} ${theme}`, async () => {
          const shots: string[] = [];
          const fresh = async () => {
            const opened = await openPage(h, { width, height, theme });
            await boot(opened.page, peopleFiles(await today(opened.page)));
            return opened;
          };
          // Import preview
          let { page, errors } = await fresh();
          await importViaDialog(
            page,
            'Complete_LinkedInDataExport_11-20-2026.zip',
            zipExport(generateExport({ connections: 850, hostile: true, seed: 2 })),
          );
          shots.push(await screenshot(page, `import-preview-${size}-${theme}`));
          await page.close();
          // Triage card
          ({ page, errors } = await fresh());
          await page.evaluate(() => window.__test.runCommand('open-triage'));
          await page.waitForSelector('.ncrm-card-name');
          shots.push(await screenshot(page, `triage-${size}-${theme}`));
          await page.close();
          // A person note: properties above the body
          ({ page, errors } = await fresh());
          await page.evaluate(() => window.__test.openFile('People/Maria Lundgren.md'));
          await page.waitForSelector('.metadata-property');
          shots.push(await screenshot(page, `note-${size}-${theme}`));
          await page.close();
          // Stale view beside an open note
          ({ page, errors } = await fresh());
          await page.evaluate(() => window.__test.openFile('People/Maria Lundgren.md'));
          await page.evaluate(() => window.__test.runCommand('open-stale-contacts'));
          await page.waitForSelector('.ncrm-stale-row');
          shots.push(await screenshot(page, `stale-${size}-${theme}`));
          await page.close();
          // Settings
          ({ page, errors } = await fresh());
          await page.evaluate(() => window.__test.openSettings());
          await page.waitForSelector('.setting-item');
          shots.push(await screenshot(page, `settings-${size}-${theme}`));
          // Nothing overflows the screen sideways.
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          await page.close();
          expect(errors).toEqual([]);
          expect(shots).toHaveLength(5);
        });
      }
    }
  });
});

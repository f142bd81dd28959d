/**
 * Keeping in touch in real Chromium with the shipped main.js and styles.css: the stale
 * view's sections and search on 30,000 people with 200,000 dated interactions (timed:
 * each render under 150 ms), multi-select with shift-click and a bulk action, the weekly
 * review written into today's daily note, and the Network overview; screenshots of the
 * view, the bulk bar and the overview at desktop and phone width, light and dark.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, recordTimings, screenshot, suiteHarness } from './harness';

const h = suiteHarness();

const addDays = (iso: string, n: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A small network in every keep-in-touch state, for the routines and the screenshots. */
function network(today: string): Record<string, string> {
  const ago = (n: number) => addDays(today, -n);
  const note = (name: string, fm: string, log: number[] = [], tags: string[] = []) =>
    `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/[^a-z]+/g, '-')}\n${fm}\ntags:\n${['person', ...tags].map((t) => `  - ${t}\n`).join('')}---\n[LinkedIn profile](https://www.linkedin.com/in/x)\n\n## Interactions\n\n${log.map((d) => `- ${ago(d)} · call\n`).join('')}`;
  return {
    'People/Maria Lundgren.md': note(
      'Maria Lundgren',
      `company: Eventrum Nordic\nposition: Owner\nconnected-on: ${ago(900)}\ntrust: 5\nlast-contact: ${ago(75)}\nmet-where: "[[Web Summit 2024]]"\nlast-message: ${ago(75)}\nlast-message-from: them`,
    ),
    'People/Matej Šarić.md': note(
      'Matej Šarić',
      `company: Pied Piper\nconnected-on: ${ago(700)}\ntrust: 4\nlast-contact: ${ago(70)}\nmet-where: KubeCon 2025`,
    ),
    'People/Yamamoto Kenji.md': note('Yamamoto Kenji', `company: Soylent\ntrust: 3\nconnected-on: ${ago(400)}`),
    'People/Rosa Bianchi.md': note(
      'Rosa Bianchi',
      `company: Hooli\nconnected-on: ${ago(1200)}\ntrust: 2\nlast-contact: ${ago(500)}\nmet-where: university`,
    ),
    'People/Ada Okafor.md': note(
      'Ada Okafor',
      `company: Initech\nconnected-on: ${ago(300)}\ntrust: 3`,
      [70, 91, 112, 133, 154, 175],
      ['mentor'],
    ),
    'People/Tomás Ruiz.md': note(
      'Tomás Ruiz',
      `company: Acme Robotics\nconnected-on: ${ago(200)}\ntrust: 2\nbirthday: --${addDays(today, 2).slice(5)}`,
      [10],
    ),
    'People/Lena Fischer.md': note(
      'Lena Fischer',
      `company: Acme Robotics\nconnected-on: ${ago(30)}\ntrust: 4\nlast-contact: ${ago(5)}`,
    ),
    'Projects/Launch.md': `# Launch\n\n- [ ] Send [[Lena Fischer]] the pilot deck ➕ ${ago(12)}\n- [ ] Ask [[Yamamoto Kenji]] for an intro to Soylent's CTO ➕ ${ago(30)}\n`,
  };
}

async function boot(page: Page, files: Record<string, string>, options: Record<string, unknown> = {}): Promise<void> {
  await page.evaluate(({ files, options }) => window.__test.boot(files, options), { files, options });
}

async function today(page: Page): Promise<string> {
  return page.evaluate(() => window.__test.today());
}

/** Waits until the person index has read every note it needs (its revision stops moving). */
async function indexed(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const index = (window.__test.plugin() as { index: { revision: number } }).index;
    let last = -1;
    while (index.revision !== last) {
      last = index.revision;
      await window.__test.settle(300);
    }
  });
}

/** What a timed step does in the page. */
type Step =
  | { search: string }
  | { tab: string; search?: string }
  | { touch: true }
  | { tagRuleDays: number }
  | { selectAll: true };

/** Runs a step in the page and returns how long until the stale list has been redrawn (two frames). */
async function timed(page: Page, step: Step): Promise<number> {
  return page.evaluate(async (step) => {
    const plugin = window.__test.plugin() as {
      settings: { tagCadences: unknown[] };
      index: { touch(): void; flushNotifications(): void };
    };
    const t0 = performance.now();
    if ('tab' in step)
      Array.from(document.querySelectorAll<HTMLElement>('.ncrm-tab'))
        .find((t) => t.querySelector('.ncrm-tab-label')?.textContent === step.tab)
        ?.click();
    if ('search' in step && step.search !== undefined) {
      const input = document.querySelector<HTMLInputElement>('.ncrm-stale-search')!;
      input.value = step.search;
      input.dispatchEvent(new Event('input'));
    }
    if ('selectAll' in step) document.querySelector<HTMLInputElement>('.ncrm-select-all input')!.click();
    if ('tagRuleDays' in step) plugin.settings.tagCadences = [{ tag: 'mentor', days: step.tagRuleDays }];
    if ('touch' in step || 'tagRuleDays' in step) {
      plugin.index.touch();
      plugin.index.flushNotifications();
    }
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t0;
  }, step);
}

describe.skipIf(h.skip !== null)('Keeping in touch in Chromium', () => {
  it('renders the stale view, its sections and its filters on 30,000 people with 200,000 interactions, each under 150 ms', async () => {
    const { page, errors } = await openPage(h);
    await boot(page, {}, { people: 30_000, interactions: 200_000, followUps: 500 });
    await indexed(page);
    const counts = await page.evaluate(() => {
      const people = (window.__test.plugin() as { index: { people(): Array<{ logDates: string[] }> } }).index.people();
      return { people: people.length, interactions: people.reduce((n, p) => n + p.logDates.length, 0) };
    });
    expect(counts.people).toBe(30_000);
    expect(counts.interactions).toBeGreaterThan(190_000);

    const open = await page.evaluate(async () => {
      const t0 = performance.now();
      window.__test.runCommand('open-stale-contacts');
      while (!document.querySelector('.ncrm-stale-row')) await new Promise((r) => requestAnimationFrame(r));
      return performance.now() - t0;
    });
    // Each step three times over, and its median: the machine is shared, and one run can lose its core.
    const steps: Array<[string, Step]> = [
      ['searchMs', { search: 'Acme' }],
      ['termsMs', { search: 'overdue trust:3-5 company:Acme' }],
      ['clearSearchMs', { search: '' }],
      ['driftingMs', { tab: 'Drifting' }],
      ['followUpsMs', { tab: 'Follow-ups' }],
      ['everyoneMs', { tab: 'Everyone' }],
      ['everyoneSearchMs', { search: 'Person 0001' }],
      ['dueMs', { tab: 'Due', search: '' }],
      // A note changed: the view and the status bar are told, the model recomputes who changed.
      ['afterEditMs', { touch: true }],
    ];
    const runs = new Map<string, number[]>();
    for (let round = 0; round < 3; round++)
      for (const [name, action] of steps) runs.set(name, [...(runs.get(name) ?? []), await timed(page, action)]);
    // A new day or a keep-in-touch setting changed: everyone's state is computed again (due,
    // drifting, follow-ups) for the status bar and the view, and the view redrawn: the same
    // work as opening the view when nothing has computed it yet.
    for (let i = 0; i < 5; i++)
      runs.set('recomputeAllMs', [...(runs.get('recomputeAllMs') ?? []), await timed(page, { tagRuleDays: 40 + i })]);
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] as number;
    const timings: Record<string, number> = { openMs: open };
    for (const [name, values] of runs) timings[name] = median(values);
    timings.selectAllMs = await timed(page, { selectAll: true });
    const tabs = await page.locator('.ncrm-tab').allTextContents();
    recordTimings('stale view, 30,000 people, 200,000 interactions (medians)', {
      ...Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])),
      recomputeAllMaxMs: Math.round(Math.max(...(runs.get('recomputeAllMs') ?? []))),
      people: counts.people,
      interactions: counts.interactions,
    });
    console.log(tabs.join(' · '));
    for (const [name, ms] of Object.entries(timings)) expect(ms, name).toBeLessThan(150);
    expect(await page.locator('.ncrm-bulk-count').textContent()).toMatch(/^[\d,]+ selected$/);
    expect(await page.locator('.ncrm-stale-row').count()).toBeLessThan(40);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('selects with click and shift-click, sets trust on the selection, and undoes it in one step', async () => {
    const { page, errors } = await openPage(h);
    const t = await today(page);
    await boot(page, network(t));
    await page.evaluate(() => window.__test.runCommand('open-stale-contacts'));
    await page.waitForSelector('.ncrm-stale-row');
    const names = await page.locator('.ncrm-stale-row .ncrm-stale-name').allTextContents();
    expect(names.slice(0, 3)).toEqual(['Yamamoto Kenji', 'Maria Lundgren', 'Rosa Bianchi']);
    await page.locator('.ncrm-stale-row[data-index="0"] .ncrm-stale-detail').click();
    await page.locator('.ncrm-stale-row[data-index="2"] .ncrm-stale-detail').click({ modifiers: ['Shift'] });
    expect(await page.locator('.ncrm-bulk-count').textContent()).toBe('3 selected');
    await page.locator('[data-bulk="trust"]').click();
    await page.locator('.suggestion-item', { hasText: '4 · Trusted' }).click();
    await page.waitForFunction(() => window.__test.readFile('People/Rosa Bianchi.md')?.includes('trust: 4'));
    await page.evaluate(() => window.__test.settle());
    for (const p of ['Rosa Bianchi', 'Yamamoto Kenji', 'Maria Lundgren'])
      expect(await page.evaluate((p) => window.__test.readFile(`People/${p}.md`), p)).toContain('trust: 4');
    await page.evaluate(() => window.__test.runCommand('undo-last-change'));
    await page.waitForFunction(() => window.__test.readFile('People/Rosa Bianchi.md')?.includes('trust: 2'));
    expect(await page.evaluate(() => window.__test.readFile('People/Maria Lundgren.md'))).toContain('trust: 5');
    expect(await page.evaluate(() => window.__test.readFile('People/Yamamoto Kenji.md'))).toContain('trust: 3');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("plans this week's reach-outs into today's daily note; checking one logs the contact", async () => {
    const { page, errors } = await openPage(h);
    const t = await today(page);
    await boot(page, network(t), {
      config: {
        '.obsidian/core-plugins.json': JSON.stringify({ 'daily-notes': true }),
        '.obsidian/daily-notes.json': JSON.stringify({ folder: 'Journal' }),
      },
    });
    await page.evaluate(() => window.__test.runCommand('plan-reach-outs'));
    await page.waitForFunction((p) => window.__test.readFile(p) !== null, `Journal/${t}.md`);
    const daily = (await page.evaluate((p) => window.__test.readFile(p), `Journal/${t}.md`)) ?? '';
    expect(daily).toMatch(
      /^## Reach-outs for \d{4}-W\d{2}\n\n- \[ \] Reach out to \[\[People\/Tomás Ruiz\|Tomás Ruiz\]\] — birthday/,
    );
    expect(daily.match(/- \[ \] Reach out/g)).toHaveLength(5);
    expect(daily).toContain('\t- Met at [[Web Summit 2024]] · Owner at Eventrum Nordic');
    await page.evaluate(
      async ({ path }) => {
        const app = window.__test.app();
        const file = app.vault.getFileByPath(path)!;
        await app.vault.process(file, (text) =>
          text.replace('- [ ] Reach out to [[People/Maria Lundgren', '- [x] Reach out to [[People/Maria Lundgren'),
        );
      },
      { path: `Journal/${t}.md` },
    );
    await page.waitForFunction(
      (t) =>
        window.__test.readFile('People/Maria Lundgren.md')?.includes(`- ${t} · other · reached out (weekly review)`),
      t,
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  describe('screenshots at desktop and phone width, light and dark', () => {
    const sizes = [
      { size: 'desktop', width: 1280, height: 800 },
      { size: 'phone', width: 390, height: 844 },
    ] as const;
    for (const { size, width, height } of sizes) {
      for (const theme of ['light', 'dark'] as const) {
        it(`${size} ${theme}`, async () => {
          const fresh = async () => {
            const opened = await openPage(h, { width, height, theme });
            await boot(opened.page, network(await today(opened.page)), {
              data: { tagCadences: [{ tag: 'mentor', days: 45 }] },
            });
            return opened;
          };
          const shots: string[] = [];
          // The stale view with a selection and the bulk bar.
          let { page, errors } = await fresh();
          await page.evaluate(() => window.__test.runCommand('open-stale-contacts'));
          await page.waitForSelector('.ncrm-stale-row');
          await page.locator('.ncrm-stale-row[data-index="0"] .ncrm-stale-detail').click();
          await page.locator('.ncrm-stale-row[data-index="1"] .ncrm-stale-detail').click({ modifiers: ['Shift'] });
          shots.push(await screenshot(page, `stale-bulk-${size}-${theme}`));
          // The Drifting and Follow-ups sections.
          await page.locator('.ncrm-tab', { hasText: 'Drifting' }).click();
          await page.waitForSelector('.ncrm-stale-row');
          expect(await page.locator('.ncrm-stale-row .ncrm-stale-name').allTextContents()).toEqual(['Ada Okafor']);
          shots.push(await screenshot(page, `drifting-${size}-${theme}`));
          await page.locator('.ncrm-tab', { hasText: 'Follow-ups' }).click();
          await page.waitForSelector('.ncrm-stale-row');
          shots.push(await screenshot(page, `follow-ups-${size}-${theme}`));
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          expect(errors).toEqual([]);
          await page.close();
          // The network overview.
          ({ page, errors } = await fresh());
          await page.evaluate(() => window.__test.runCommand('open-network-overview'));
          await page.waitForSelector('.ncrm-overview-card');
          shots.push(await screenshot(page, `overview-${size}-${theme}`));
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          // The bars take the theme's accent colour, not a colour of our own.
          const colours = await page.evaluate(() => {
            const bar = document.querySelector('.ncrm-chart-bar')!;
            const probe = document.body.createDiv();
            probe.style.color = 'var(--interactive-accent)';
            const accent = getComputedStyle(probe).color;
            probe.remove();
            return { fill: getComputedStyle(bar).fill, accent };
          });
          expect(colours.fill).toBe(colours.accent);
          expect(errors).toEqual([]);
          await page.close();
          expect(shots).toHaveLength(4);
        });
      }
    }
  });
});

/**
 * Triage of a real-sized network in Chromium, with the shipped main.js and styles.css: the
 * demo vault (a generated network of 3,700 connections imported twice, a few weeks of use)
 * is built on the Node side, then the page opens the triage view, goes through "Rate your
 * network", and rates the quiet backlog in bulk with one undo. The README's triage
 * screenshots come from here (`npm run screenshots`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { buildDemoVault } from '../../scripts/lib/demo-vault';
import { openPage, recordTimings, screenshot, suiteHarness } from './harness';

const h = suiteHarness();
const skip = h.skip;
let files: Record<string, string> = {};
let data: unknown = null;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ncrm-demo-'));

function readVault(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), rel);
      else if (rel.endsWith('.md')) out[rel] = fs.readFileSync(path.join(d, e.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}

beforeAll(async () => {
  if (skip) return;
  const vault = path.join(root, 'vault');
  const exports = path.join(root, 'exports');
  fs.mkdirSync(vault);
  fs.mkdirSync(exports);
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  await buildDemoVault(vault, today, exports);
  files = readVault(vault);
  data = JSON.parse(fs.readFileSync(path.join(vault, '.obsidian/plugins/network-crm/data.json'), 'utf8'));
}, 180_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function bootDemo(page: Page): Promise<void> {
  await page.evaluate(({ files, data }) => window.__test.boot(files, { data }), { files, data });
  await page.evaluate(() => window.__test.runCommand('open-triage'));
  await page.waitForSelector('.ncrm-card-name');
  await page.evaluate(() => window.__test.settle());
  await page.locator('.ncrm-triage-view').focus();
}

/** Trust levels of every person note, counted in the page. */
function trustCounts(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const counts: Record<string, number> = {};
    for (const p of window.__test.files('People/')) {
      const m = /^trust: ?(\d?)$/m.exec(window.__test.readFile(p) ?? '');
      const key = m?.[1] || 'none';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  });
}

describe.skipIf(skip !== null)('Triage of the demo network in Chromium', () => {
  it('shows today’s queue, then goes through Rate your network with the same keys', async () => {
    const { page, errors } = await openPage(h);
    await bootDemo(page);
    const chips = await page.locator('.ncrm-chip').allTextContents();
    expect(chips[0]).toMatch(/^\d+ invitations$/);
    expect(chips).toContain('2 “have we met?” follow-ups');
    expect(chips).toContain('20 new connections');
    expect(chips.some((c) => /^[\d,]+ earlier connections to rate$/.test(c))).toBe(true);
    expect(await page.locator('.ncrm-card-kind').textContent()).toBe('Invitation received');
    // The context note: its words marked, the vault's names named.
    while (
      (await page.locator('.ncrm-hint').count()) === 0 ||
      (await page.locator('.ncrm-hint').textContent()) !== 'Context'
    )
      await page.keyboard.press('s');
    expect(await page.locator('.ncrm-card-message mark').allTextContents()).toEqual(
      expect.arrayContaining(['we met', 'Eventrum Nordic', 'Web Summit 2024', 'Maria Lundgren']),
    );
    await screenshot(page, 'triage-queue-desktop-light');

    const t0 = Date.now();
    await page.getByRole('button', { name: 'Rate your network', exact: true }).click();
    await page.waitForSelector('.ncrm-triage-title');
    const openMs = Date.now() - t0;
    expect(await page.locator('.ncrm-card-kind').textContent()).toBe('Rate your network');
    const total = Number(
      (await page.locator('.ncrm-card-progress').textContent())?.replace(/^1 of /, '').replace(/,/g, ''),
    );
    expect(total).toBeGreaterThan(3000);
    // Messaged people come first, most recent first.
    const reasons: string[] = [];
    for (let i = 0; i < 3; i++) {
      reasons.push((await page.locator('.ncrm-card-reason').textContent()) ?? '');
      await page.keyboard.press('s');
    }
    for (const r of reasons) expect(r).toMatch(/^(They wrote last|You exchanged messages|You wrote \d+ times)/);
    const name = (await page.locator('.ncrm-card-name').textContent()) ?? '';
    const t1 = Date.now();
    await page.keyboard.press('3');
    await page.waitForFunction((n) => document.querySelector('.ncrm-card-name')?.textContent !== n, name);
    const nextMs = Date.now() - t1;
    await page.evaluate(() => window.__test.settle());
    expect(await page.evaluate((n) => window.__test.readFile(`People/${n}.md`), name)).toMatch(/^trust: 3$/m);
    await screenshot(page, 'triage-rate-desktop-light');
    recordTimings('triage, demo network', { notes: Object.keys(files).length, openRateMs: openMs, nextCardMs: nextMs });
    expect(nextMs).toBeLessThan(1000);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.ncrm-triage-sections');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('rates the quiet backlog in bulk: a preview of who and how many, then one undo puts them all back', async () => {
    const { page, errors } = await openPage(h);
    await bootDemo(page);
    const before = await trustCounts(page);
    await page.getByRole('button', { name: 'Rate in bulk…' }).click();
    await page.waitForSelector('.ncrm-bulk-modal');
    const preview = (await page.locator('.ncrm-bulk-count').textContent()) ?? '';
    const n = Number(/^([\d,]+) people will get trust 1/.exec(preview)?.[1]?.replace(/,/g, ''));
    expect(n).toBeGreaterThan(2500);
    expect(await page.locator('.ncrm-bulk-filter').textContent()).toMatch(
      /^untriaged connected-before:\d{4}-\d{2}-\d{2} no-contact$/,
    );
    expect(await page.locator('.ncrm-bulk-names li').count()).toBe(13);
    await screenshot(page, 'triage-bulk-desktop-light');
    await page.getByRole('button', { name: `Apply to ${n.toLocaleString('en-US')} people` }).click();
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.notice')].some((e) => e.textContent?.startsWith("Trust 1 (Don't know) for")),
      undefined,
      { timeout: 90_000 },
    );
    await page.evaluate(() => window.__test.settle());
    const after = await trustCounts(page);
    expect((after['1'] ?? 0) - (before['1'] ?? 0)).toBe(n);
    expect(await page.locator('.ncrm-chip', { hasText: 'earlier connections' }).textContent()).toMatch(
      /^\d{1,3} earlier/,
    );
    await page.locator('.ncrm-triage-view').focus();
    await page.keyboard.press('u');
    await page.waitForFunction(
      () => [...document.querySelectorAll('.notice')].some((e) => e.textContent?.startsWith('Undone: trust 1 for')),
      undefined,
      { timeout: 90_000 },
    );
    await page.evaluate(() => window.__test.settle());
    expect(await trustCounts(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stays quick at 30,000 people: the queue, a decision, Rate your network', async () => {
    const { page, errors } = await openPage(h);
    await page.evaluate(() => window.__test.boot({}, { people: 30_000 }));
    const timing = await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => r(null)));
      const t0 = performance.now();
      window.__test.runCommand('open-triage');
      while (!document.querySelector('.ncrm-card-name')) await frame();
      const firstCard = performance.now() - t0;
      await window.__test.settle();
      const view = document.querySelector('.ncrm-triage-view') as HTMLElement;
      const name = document.querySelector('.ncrm-card-name')?.textContent;
      const t1 = performance.now();
      view.dispatchEvent(new KeyboardEvent('keydown', { key: 's', bubbles: true }));
      while (document.querySelector('.ncrm-card-name')?.textContent === name) await frame();
      const nextCard = performance.now() - t1;
      const t2 = performance.now();
      (document.querySelector('[data-action="rate"]') as HTMLElement).click();
      while (!document.querySelector('.ncrm-triage-title')) await frame();
      const rate = performance.now() - t2;
      return { firstCard, nextCard, rate, progress: document.querySelector('.ncrm-card-progress')?.textContent };
    });
    recordTimings('triage, 30,000 people', {
      firstCardMs: Math.round(timing.firstCard),
      nextCardMs: Math.round(timing.nextCard),
      openRateMs: Math.round(timing.rate),
    });
    expect(timing.progress).toMatch(/^1 of [\d,]+$/);
    expect(timing.nextCard).toBeLessThan(200);
    expect(timing.rate).toBeLessThan(1000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('phone width: the answer card and the sent list fit, keys are big and their hints hidden', async () => {
    const { page, errors } = await openPage(h, { width: 390, height: 844, theme: 'dark' });
    await page.evaluate(() => document.body.classList.add('is-mobile'));
    await bootDemo(page);
    while ((await page.locator('.ncrm-card-kind').textContent()) !== 'Have we met?') await page.keyboard.press('s');
    expect(await page.locator('.ncrm-card-reason').textContent()).toMatch(
      /^Answered on \d{4}-\d{2}-\d{2} \(you asked on/,
    );
    const key = await page.locator('.ncrm-keys-likely .ncrm-key').first().boundingBox();
    expect(key?.height).toBeGreaterThanOrEqual(44);
    expect(await page.locator('.ncrm-key kbd').first().isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'triage-answer-phone-dark');
    await page.getByRole('button', { name: 'Sent invitations…' }).click();
    await page.waitForSelector('.ncrm-sent-row');
    expect(await page.locator('.ncrm-sent-row').count()).toBeGreaterThan(400);
    await screenshot(page, 'triage-sent-phone-dark');
    expect(errors).toEqual([]);
    await page.close();
  });
});

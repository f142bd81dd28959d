/**
 * Node side of the browser tests: builds the page assets (the built main.js and
 * styles.css as shipped, the API double bundled for the browser), serves them on
 * localhost, and drives Debian's Chromium through playwright-core. No browser download.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const OUT = path.join(ROOT, 'tests/e2e/.out');
export const IMAGES = path.join(ROOT, 'docs/images');

/** Why the suite cannot run here, or null. In CI it must run, so a missing browser fails. */
export function skipReason(): string | null {
  if (fs.existsSync(CHROMIUM)) return null;
  const reason = `browser tests skipped: no Chromium at ${CHROMIUM} (install it with: sudo apt-get install chromium)`;
  if (process.env.CI === 'true') throw new Error(`${reason}; CI must run them`);
  return reason;
}

async function buildAssets(): Promise<Record<string, string>> {
  execFileSync(process.execPath, [path.join(ROOT, 'esbuild.config.mjs')], { cwd: ROOT, stdio: 'pipe' });
  const double = await esbuild.build({
    entryPoints: [path.join(ROOT, 'tests/e2e/page/entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2021',
    logLevel: 'silent',
  });
  return {
    '/': fs.readFileSync(path.join(ROOT, 'tests/e2e/page/index.html'), 'utf8'),
    '/base.css': fs.readFileSync(path.join(ROOT, 'tests/e2e/page/base.css'), 'utf8'),
    '/styles.css': fs.readFileSync(path.join(ROOT, 'styles.css'), 'utf8'),
    '/main.js': fs.readFileSync(path.join(ROOT, 'main.js'), 'utf8'),
    '/double.js': double.outputFiles[0]?.text ?? '',
  };
}

const TYPES: Record<string, string> = { '.css': 'text/css', '.js': 'text/javascript' };

export interface Harness {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const assets = await buildAssets();
  const server = http.createServer((req, res) => {
    const body = assets[req.url ?? '/'];
    if (body === undefined) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': `${TYPES[path.extname(req.url ?? '')] ?? 'text/html'}; charset=utf-8` })
      .end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A test file's browser: `skip` says why there is none here (the file then skips its suite). */
export interface SuiteHarness extends Harness {
  skip: string | null;
}

/**
 * Starts the browser before the calling file's tests and closes it after them. The returned
 * harness may be passed around at once; it is usable from the first test on.
 */
export function suiteHarness(): SuiteHarness {
  const skip = skipReason();
  if (skip) console.warn(skip);
  let started: Harness | undefined;
  beforeAll(async () => {
    if (!skip) started = await startHarness();
  });
  afterAll(async () => {
    await started?.close();
  });
  const get = (): Harness => {
    if (!started) throw new Error('the browser is not started (skipped, or used before the tests)');
    return started;
  };
  return {
    skip,
    get url() {
      return get().url;
    },
    get browser() {
      return get().browser;
    },
    close: () => started?.close() ?? Promise.resolve(),
  };
}

export interface OpenOptions {
  width?: number;
  height?: number;
  theme?: 'light' | 'dark';
  /** A touch screen (a phone): taps, and the media queries of a device without hover. */
  touch?: boolean;
}

/** A fresh page with the plugin's page loaded (not booted yet). Page errors fail the test. */
export async function openPage(h: Harness, options: OpenOptions = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await h.browser.newPage({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false,
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(h.url);
  if (options.theme === 'dark') await page.evaluate(() => document.body.classList.replace('theme-light', 'theme-dark'));
  return { page, errors };
}

/** Screenshots go to tests/e2e/.out; with UPDATE_SCREENSHOTS=1 also to docs/images for the README. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    fs.mkdirSync(IMAGES, { recursive: true });
    fs.copyFileSync(file, path.join(IMAGES, `${name}.png`));
  }
  return file;
}

export function recordTimings(name: string, values: Record<string, number>): void {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, 'timings.json');
  const all = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  all[name] = values;
  fs.writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  console.log(`${name}: ${JSON.stringify(values)}`);
}

// @vitest-environment happy-dom
/**
 * The import as a user runs it inside Obsidian (through the API double): command →
 * dialog → pick files → preview → Import → progress → report, index and People.base.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateExport, zipExport } from '../../scripts/lib/synthetic-export';
import { folderChildren, text } from '../obsidian-double/harness';
import type { App } from '../obsidian-double/app';
import { FIXTURES } from '../support/paths';
import { $, $$, buttonByText, fillDiskAfter, pickFiles, runCommand, settle, startPlugin, until } from './helpers';
import type NetworkCrmPlugin from '../../src/plugin/network-crm-plugin';

async function openPreview(app: App, files: Array<{ name: string; bytes: Uint8Array | string }>): Promise<HTMLElement> {
  runCommand(app, 'import-linkedin-export');
  const modal = await until(() => document.querySelector<HTMLElement>('.ncrm-import-modal'), 'import dialog');
  expect(buttonByText('Choose files…', modal)).toBeTruthy();
  pickFiles($('input[type=file]', modal) as HTMLInputElement, files);
  return until(
    () => modal.querySelector<HTMLElement>('.ncrm-preview') ?? (modal.querySelector('.ncrm-error') ? modal : null),
    'preview',
  );
}

function counts(modal: HTMLElement): Record<string, string> {
  return Object.fromEntries($$('.ncrm-count-row', modal).map((r) => [$('dt', r).textContent, $('dd', r).textContent]));
}

async function confirmImport(plugin: NetworkCrmPlugin, modal: HTMLElement) {
  buttonByText(/^(Import .* notes|Write report)$/, modal).click();
  const done = await until(() => plugin.importer.lastOutcome, 'import to start');
  await settle(plugin.app as unknown as App);
  return done;
}

const golden = (v: string) => ({
  name: 'Connections.csv',
  bytes: fs.readFileSync(path.join(FIXTURES, 'golden', v, 'Connections.csv')),
});

describe('Import LinkedIn export (command palette)', () => {
  it('previews, imports, reports, indexes and creates People.base once', async () => {
    const { app, plugin } = await startPlugin();
    const exp = generateExport({ connections: 150, seed: 11 });
    const modal = await openPreview(app, [
      { name: 'Complete_LinkedInDataExport_11-20-2026.zip', bytes: zipExport(exp) },
    ]);
    expect(counts(modal)).toMatchObject({
      'New notes': String(exp.people.length),
      'Updated notes': '0',
      'Skipped rows': String(exp.blankRows),
    });
    expect(modal.textContent).toContain('into the folder "People"');
    expect(modal.textContent).toContain('blank member row');

    const { result, reportPath, basePath } = await confirmImport(plugin, modal);
    expect(result.created).toHaveLength(exp.people.length);
    expect(folderChildren(app, 'People')).toHaveLength(exp.people.length);
    expect(basePath).toBe('People.base');
    expect(text(app, 'People.base')).toContain('file.inFolder("People")');
    const report = text(app, reportPath!);
    expect(reportPath).toMatch(/^Network CRM\/Imports\/LinkedIn import \d{4}-\d{2}-\d{2}\.md$/);
    expect(report).toContain(`| Created | ${exp.people.length} |`);
    expect($('.notice').textContent).toContain(`Import finished: ${exp.people.length} created, 0 updated.`);
    expect(plugin.index.size()).toBe(exp.people.length);
    expect(plugin.index.withProfileUrl(exp.people[0]!.url)).toHaveLength(1);

    // A second import: nothing to write, nothing written (not even a second report), People.base left alone.
    await app.vault.modify(app.vault.getFileByPath('People.base')!, 'my own base');
    app.vault.writeLog.length = 0;
    const again = await openPreview(app, [{ name: 'Connections.csv', bytes: exp.files['Connections.csv']! }]);
    expect(counts(again)).toMatchObject({
      'New notes': '0',
      'Updated notes': '0',
      'Unchanged notes': String(exp.people.length),
    });
    expect(again.textContent).toContain('Everything is up to date');
    const second = await confirmImport(plugin, again);
    expect(second.basePath).toBeNull();
    expect(second.reportPath).toBeNull();
    expect(app.vault.writeLog.map((w) => w.path)).toEqual([]);
    expect($('.notice:last-child').textContent).toBe(`Already up to date: ${exp.people.length} notes unchanged.`);
    expect(text(app, 'People.base')).toBe('my own base');
  });

  it('shows the warnings before the import: a connection whose profile URL changed is taken for the same person', async () => {
    const { app, plugin } = await startPlugin();
    const row = (slug: string) =>
      `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nFatima,Russo,https://www.linkedin.com/in/${slug},,Volvo,Buyer,20 Jul 2019\n`;
    await confirmImport(
      plugin,
      await openPreview(app, [{ name: 'Connections.csv', bytes: row('fatima-russo-a3639583') }]),
    );
    await settle(app);
    const modal = await openPreview(app, [{ name: 'Connections.csv', bytes: row('fatimarusso-official') }]);
    const heading = $$('h4', modal).find((h) => h.textContent === 'Warnings');
    expect(heading?.nextElementSibling?.textContent).toContain(
      'Connections.csv, line 2: People/Fatima Russo.md: the LinkedIn profile URL changed from https://www.linkedin.com/in/fatima-russo-a3639583 to https://www.linkedin.com/in/fatimarusso-official',
    );
    expect(counts(modal)).toMatchObject({ 'New notes': '0', 'Updated notes': '1' });
  });

  it('a newer export updates LinkedIn fields, keeps the user edit and adds the history line', async () => {
    const { app, plugin } = await startPlugin();
    await confirmImport(plugin, await openPreview(app, [golden('v1')]));
    await app.fileManager.processFrontMatter(app.vault.getFileByPath('People/Jane Doe.md')!, (fm) => {
      fm.trust = 4;
      fm['met-where'] = '[[Web Summit 2024]]';
    });
    await app.vault.process(app.vault.getFileByPath('People/Jane Doe.md')!, (t) => `${t}\nMy own words.\n`);
    await settle(app);

    const modal = await openPreview(app, [golden('v2')]);
    expect(counts(modal)).toMatchObject({ 'New notes': '2', 'Updated notes': '3', 'Missing from this export': '1' });
    expect(modal.textContent).toContain('company Acme → Globex');
    await confirmImport(plugin, modal);
    const jane = text(app, 'People/Jane Doe.md');
    expect(jane).toContain('company: Globex');
    expect(jane).toContain('position: CEO');
    expect(jane).toContain('trust: 4');
    expect(jane).toContain('met-where: "[[Web Summit 2024]]"');
    expect(jane).toContain('My own words.');
    expect(jane).toMatch(/## History\n\n- \d{4}-\d{2}-\d{2} · job change: CTO at Acme → CEO at Globex\n/);
  });

  it('Cancel part-way stops cleanly; running it again finishes with no duplicates', async () => {
    const { app, plugin } = await startPlugin();
    const exp = generateExport({ connections: 400, seed: 12 });
    const zip = { name: 'export.zip', bytes: zipExport(exp) };
    const modal = await openPreview(app, [zip]);
    let created = 0;
    app.vault.on('create', (file) => {
      if ((file as { path: string }).path.endsWith('.md') && ++created === 100) $('.ncrm-progress-cancel').click();
    });
    const first = await confirmImport(plugin, modal);
    expect(first.result.cancelled).toBe(true);
    expect(first.result.created).toHaveLength(100);
    expect(first.result.created.length).toBeLessThan(exp.people.length);
    expect(text(app, first.reportPath!)).toContain('**Cancelled**');

    const again = await openPreview(app, [zip]);
    expect(counts(again)['Unchanged notes']).toBe(String(first.result.created.length));
    await confirmImport(plugin, again);
    const urls = app.vault
      .getMarkdownFiles()
      .filter((f) => f.path.startsWith('People/'))
      .map((f) => /^linkedin: (.*)$/m.exec(text(app, f.path))?.[1]);
    expect(urls).toHaveLength(exp.people.length);
    expect(new Set(urls).size).toBe(exp.people.length);
  });

  it('stops at the first note a full disk has no room for, and says so; the next run finishes', async () => {
    const { app, plugin } = await startPlugin();
    const exp = generateExport({ connections: 60, seed: 13 });
    const zip = { name: 'export.zip', bytes: zipExport(exp) };
    const modal = await openPreview(app, [zip]);
    const freeDisk = fillDiskAfter(app, 20);
    const first = await confirmImport(plugin, modal);
    expect(first.result.created).toHaveLength(20);
    expect(first.result.failed).toHaveLength(1); // not one failure for every note left
    expect(first.result.outOfSpace).toBe(true);
    expect($('.notice').textContent).toContain('The disk is full. Free some space, then run the import again');

    // A second run on the still-full disk, whose settings cannot be saved either: it is told all the same.
    const saveSettings = plugin.saveSettings.bind(plugin);
    plugin.saveSettings = () => Promise.reject(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
    document.body.querySelectorAll('.notice').forEach((n) => n.remove());
    await expect(confirmImport(plugin, await openPreview(app, [zip]))).rejects.toThrow('ENOSPC');
    await settle(app);
    const notices = $$('.notice').map((n) => n.textContent);
    expect(notices.some((t) => t?.includes('The disk is full. Free some space'))).toBe(true);
    expect(notices.some((t) => t?.startsWith('Import failed: ENOSPC'))).toBe(true);
    plugin.saveSettings = saveSettings;

    freeDisk();
    await confirmImport(plugin, await openPreview(app, [zip]));
    expect(folderChildren(app, 'People')).toHaveLength(exp.people.length);
  });

  it('reports a note with broken YAML and leaves it byte for byte', async () => {
    const broken = '---\nname: Ann Lee\nlinkedin: https://www.linkedin.com/in/ann-lee\ncompany: [oops\n---\nMine.\n';
    const { app, plugin } = await startPlugin({ 'People/Ann Lee.md': broken });
    const modal = await openPreview(app, [golden('v1')]);
    expect(counts(modal)['Notes with unreadable frontmatter']).toBe('1');
    expect(modal.textContent).toContain('People/Ann Lee.md: YAML error');
    const { reportPath } = await confirmImport(plugin, modal);
    expect(text(app, 'People/Ann Lee.md')).toBe(broken);
    expect(folderChildren(app, 'People')).not.toContain('Ann Lee (Initech).md');
    expect(text(app, reportPath!)).toContain('## Notes with unreadable frontmatter (1)');
  });

  it('shows hostile names as text, never as markup, in the preview and the report', async () => {
    const { app, plugin } = await startPlugin({
      'People/Old.md': '---\nlinkedin: https://www.linkedin.com/in/xss-person\nname: x\ncompany: Acme\n---\n',
    });
    const modal = await openPreview(app, [golden('v1')]);
    expect(modal.querySelector('img, script, b')).toBeNull();
    expect(modal.textContent).toContain('<img src=x onerror="window.__pwned=1"> Smith');
    const { reportPath } = await confirmImport(plugin, modal);
    expect(text(app, reportPath!)).not.toMatch(/(^|[^\\])<(img|script|b)\b/m);
    expect(folderChildren(app, 'People')).toContain('etc passwd.md');
    expect(app.vault.getMarkdownFiles().every((f) => !f.path.includes('..'))).toBe(true);
  });

  it('names the file and line when the export is bad, and writes nothing', async () => {
    const { app } = await startPlugin();
    const modal = await openPreview(app, [
      { name: 'Connections.csv', bytes: 'First Name,Connected On\nAnn,1 Jan 2020\n"Bob,2 Jan 2020\n' },
    ]);
    expect($('.ncrm-error', modal).textContent).toBe(
      'Connections.csv, line 3: a quoted value is never closed (expected a matching ")',
    );
    expect(buttonByText('Choose files…', modal)).toBeTruthy();
    expect(app.vault.writeLog).toEqual([]);
  });
});

// @vitest-environment happy-dom
/**
 * The note the user is typing in. In Obsidian the editor holds keystrokes for about two
 * seconds before saving them; a plugin that writes the file on disk meanwhile makes the
 * editor "merge", and the typing can be lost (the double models that case). These tests
 * type into an open person note, run commands mid-typing, and check that nothing typed is
 * lost, the cursor stays where the user left it, the command is one step of the editor's
 * own undo, and "Undo last change" restores exactly, keeps later changes, or says why not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/paths';
import type { App } from '../obsidian-double/app';
import type { MarkdownView } from '../obsidian-double/editor';
import { fileAt, text } from '../obsidian-double/harness';
import { localIsoDate } from '../../src/core/dates/iso-date';
import { obsidianNoteWriter } from '../../src/plugin/vault/obsidian-note-writer';
import { $, $$, buttonByText, enter, runCommand, settle, startPlugin, until } from './helpers';

const TODAY = localIsoDate(new Date());

const JANE = `---
name: Jane Doe
linkedin: https://www.linkedin.com/in/jane-doe
trust: 3
last-contact: 2025-01-10
tags:
  - person
---
[LinkedIn profile](https://www.linkedin.com/in/jane-doe)

Notes about Jane.

## Interactions

- 2025-01-10 · email · intro
`;

const TYPED = ' She sails on weekends.';

/** Opens Jane's note and types at the end of "Notes about Jane." without saving (autosave is 2 s away). */
async function typing(extra: Record<string, string> = {}) {
  const started = await startPlugin({ 'People/Jane Doe.md': JANE, ...extra });
  const { app } = started;
  await app.workspace.getLeaf(false).openFile(fileAt(app, 'People/Jane Doe.md'));
  const view = app.workspace.leafOf(fileAt(app, 'People/Jane Doe.md'))!.view as MarkdownView;
  const editor = view.editor;
  editor.setCursor(editor.offsetToPos(JANE.indexOf('Notes about Jane.') + 'Notes about Jane.'.length));
  editor.type(TYPED);
  expect(view.dirty).toBe(true);
  expect(text(app, 'People/Jane Doe.md')).toBe(JANE); // not on disk yet
  return { ...started, view, editor, historyBefore: editor.history.length };
}

/** The offset just after the typed words, in `doc`. */
const afterTyped = (doc: string) => doc.indexOf(TYPED) + TYPED.length;

const notices = () => $$('.notice').map((n) => n.textContent ?? '');

async function logCall(app: App, note: string) {
  runCommand(app, 'log-interaction');
  await until(() => document.querySelector('.ncrm-form-modal'), 'dialog');
  ($('.ncrm-form-modal select') as HTMLSelectElement).value = 'call';
  enter($('.ncrm-note-input') as HTMLInputElement, note);
  buttonByText('Log').click();
  await settle(app);
}

describe('a command on the note being typed in', () => {
  it('Log interaction keeps the typing, keeps the cursor, and is one step of the editor undo', async () => {
    const { app, view, editor, historyBefore } = await typing();
    await logCall(app, 'weekend plans');
    const disk = text(app, 'People/Jane Doe.md');
    expect(view.mergeLosses).toBe(0);
    expect(disk).toContain(`Notes about Jane.${TYPED}\n`);
    expect(disk).toContain(`## Interactions\n\n- ${TODAY} · call · weekend plans\n- 2025-01-10 · email · intro\n`);
    expect(disk).toContain(`last-contact: ${TODAY}`);
    expect(editor.getValue()).toBe(disk);
    expect(view.dirty).toBe(false);
    expect(editor.posToOffset(editor.getCursor())).toBe(afterTyped(disk));
    // The body line went in as one editor transaction (the frontmatter came through the disk).
    expect(editor.history.length - historyBefore).toBe(1);
  });

  it('Set trust (frontmatter only) saves the typing first and leaves the cursor in place', async () => {
    const { app, view, editor } = await typing();
    runCommand(app, 'set-trust-level');
    const items = await until(() => $$('.suggestion-item').length === 5 && $$('.suggestion-item'), 'levels');
    items[0]!.click(); // 5 · Inner circle
    await settle(app);
    const disk = text(app, 'People/Jane Doe.md');
    expect(view.mergeLosses).toBe(0);
    expect(disk).toContain('trust: 5');
    expect(disk).toContain(`Notes about Jane.${TYPED}`);
    expect(editor.getValue()).toBe(disk);
    expect(editor.posToOffset(editor.getCursor())).toBe(afterTyped(disk));
  });

  it('Met at an event saves open notes first too (a batch over several notes)', async () => {
    const { app, view } = await typing({
      'People/Bo Kim.md': `---\nname: Bo Kim\nlinkedin-status: connected\nconnected-on: ${TODAY}\n---\n`,
    });
    await app.fileManager.processFrontMatter(fileAt(app, 'People/Jane Doe.md'), (fm) => {
      fm.trust = null;
      fm['connected-on'] = TODAY;
    });
    await settle(app);
    expect(view.mergeLosses).toBe(1); // the double's model at work: a disk write under typing loses it
    view.editor.type(TYPED);
    runCommand(app, 'met-at-event');
    await until(() => document.querySelector('.ncrm-event-row'), 'candidates');
    enter($('.ncrm-met-where-input') as HTMLInputElement, 'Web Summit');
    buttonByText('Set for 2 people').click();
    await settle(app);
    expect(view.mergeLosses).toBe(1);
    expect(text(app, 'People/Jane Doe.md')).toContain('met-where: Web Summit');
    expect(text(app, 'People/Jane Doe.md')).toContain(TYPED);
    expect(text(app, 'People/Bo Kim.md')).toContain('met-where: Web Summit');
  });
});

describe('Undo last change on a note that is open', () => {
  it('restores exactly through the editor when nothing changed since', async () => {
    const { app, view, editor } = await typing();
    await logCall(app, 'weekend plans');
    const saved = text(app, 'People/Jane Doe.md');
    const cursor = editor.posToOffset(editor.getCursor());
    runCommand(app, 'undo-last-change');
    await settle(app);
    const restored = text(app, 'People/Jane Doe.md');
    // Exactly the note as it was before the command: the typing (saved first) included.
    expect(restored).toBe(JANE.replace('Notes about Jane.', `Notes about Jane.${TYPED}`));
    expect(editor.getValue()).toBe(restored);
    expect(editor.posToOffset(editor.getCursor())).toBe(cursor); // the change was below the cursor
    expect(saved).not.toBe(restored);
    expect(view.mergeLosses).toBe(0);
  });

  it('keeps what was typed after the command and takes back only the command', async () => {
    const { app, view, editor } = await typing();
    await logCall(app, 'weekend plans');
    editor.type(' And climbs.'); // more typing, unsaved again
    runCommand(app, 'undo-last-change');
    await settle(app);
    const disk = text(app, 'People/Jane Doe.md');
    expect(view.mergeLosses).toBe(0);
    expect(disk).toBe(JANE.replace('Notes about Jane.', `Notes about Jane.${TYPED} And climbs.`));
    expect(editor.getValue()).toBe(disk);
    expect(notices().join()).toContain('Jane Doe had changed since; those later changes were kept.');
  });

  it('keeps a "modified date" plugin\'s change and takes back the command', async () => {
    const { app } = await startPlugin({ 'People/Jane Doe.md': JANE });
    await app.workspace.getLeaf(false).openFile(fileAt(app, 'People/Jane Doe.md'));
    runCommand(app, 'log-contact-today');
    await settle(app);
    // Another plugin reacts to the change, as "modified date" plugins do.
    await app.fileManager.processFrontMatter(fileAt(app, 'People/Jane Doe.md'), (fm) => {
      fm.updated = '2026-11-26T10:00';
    });
    await settle(app);
    runCommand(app, 'undo-last-change');
    await settle(app);
    const disk = text(app, 'People/Jane Doe.md');
    expect(disk).toBe(JANE.replace('  - person\n', '  - person\nupdated: 2026-11-26T10:00\n'));
  });

  it('says why it cannot undo when the same field was changed since, and leaves the note alone', async () => {
    const { app } = await startPlugin({ 'People/Jane Doe.md': JANE });
    await app.workspace.getLeaf(false).openFile(fileAt(app, 'People/Jane Doe.md'));
    runCommand(app, 'set-trust-level');
    const items = await until(() => $$('.suggestion-item').length === 5 && $$('.suggestion-item'), 'levels');
    items[1]!.click(); // 4
    await settle(app);
    await app.fileManager.processFrontMatter(fileAt(app, 'People/Jane Doe.md'), (fm) => (fm.trust = 2));
    await settle(app);
    const before = text(app, 'People/Jane Doe.md');
    runCommand(app, 'undo-last-change');
    await settle(app);
    expect(text(app, 'People/Jane Doe.md')).toBe(before);
    expect(notices().join()).toContain('Not undone in Jane Doe: trust was changed since (now 2).');
  });

  it('says why when the line it added was edited', async () => {
    const { app, editor, view } = await typing();
    await logCall(app, 'weekend plans');
    const doc = editor.getValue();
    const at = doc.indexOf('weekend plans');
    editor.setSelection(editor.offsetToPos(at), editor.offsetToPos(at + 'weekend'.length));
    editor.type('holiday');
    await view.save();
    runCommand(app, 'undo-last-change');
    await settle(app);
    expect(text(app, 'People/Jane Doe.md')).toContain('· call · holiday plans');
    expect(notices().join()).toContain('Not undone in Jane Doe: the text it added was edited or removed since.');
  });
});

describe('an import onto a note just made', () => {
  it('fills an empty note, but never one the user is typing in and has not saved', async () => {
    const { app } = await startPlugin({ 'People/Empty.md': '', 'People/New.md': '' });
    const writer = obsidianNoteWriter(app as never);
    await writer.create('People/Empty.md', 'imported\n');
    expect(text(app, 'People/Empty.md')).toBe('imported\n'); // an interrupted run's empty note
    await app.workspace.getLeaf(false).openFile(fileAt(app, 'People/New.md'));
    const view = app.workspace.leafOf(fileAt(app, 'People/New.md'))!.view as MarkdownView;
    view.editor.type('Met at the meetup');
    expect(text(app, 'People/New.md')).toBe(''); // the typing is not on disk yet
    await expect(writer.create('People/New.md', 'imported\n')).rejects.toThrow(
      'People/New.md already exists; nothing was overwritten',
    );
    expect(view.editor.getValue()).toBe('Met at the meetup');
    expect(text(app, 'People/New.md')).toBe('Met at the meetup');
  });
});

describe('the editor double', () => {
  it('saves typing two seconds after the last keystroke, and loses it when the disk changes first', async () => {
    const { app, view } = await typing();
    await new Promise((r) => setTimeout(r, 2100));
    expect(text(app, 'People/Jane Doe.md')).toContain(TYPED);
    view.editor.type(' Unsaved.');
    await app.vault.process(fileAt(app, 'People/Jane Doe.md'), (t) => `${t}\nWritten on disk by someone.\n`);
    await settle(app);
    expect(view.mergeLosses).toBe(1);
    expect(view.editor.getValue()).not.toContain('Unsaved.');
    expect(notices().join()).toContain('Merging changes');
  });
});

describe('an import that updates the note being typed in', () => {
  it('keeps the typing and applies the update (frontmatter and history line)', async () => {
    const golden = (v: string) => ({
      name: 'Connections.csv',
      bytes: fs.readFileSync(path.join(FIXTURES, 'golden', v, 'Connections.csv')),
    });
    const { app, plugin } = await startPlugin();
    const first = await plugin.importer.prepare([new File([golden('v1').bytes], 'Connections.csv')]);
    await plugin.importer.run(first);
    await settle(app);
    await app.workspace.getLeaf(false).openFile(fileAt(app, 'People/Jane Doe.md'));
    const view = app.workspace.leafOf(fileAt(app, 'People/Jane Doe.md'))!.view as MarkdownView;
    view.editor.setCursor(view.editor.offsetToPos(view.editor.getValue().length));
    view.editor.type('\nTyped during the import.\n');
    const second = await plugin.importer.prepare([new File([golden('v2').bytes], 'Connections.csv')]);
    await plugin.importer.run(second);
    await settle(app);
    const disk = text(app, 'People/Jane Doe.md');
    expect(view.mergeLosses).toBe(0);
    expect(disk).toContain('Typed during the import.');
    expect(disk).toContain('company: Globex');
    expect(disk).toMatch(/## History\n\n- \d{4}-\d{2}-\d{2} · /);
    expect(view.editor.getValue()).toBe(disk);
  });
});

describe('the prune list open with a tick not saved yet', () => {
  it('keeps the tick when the list is regenerated', async () => {
    const { app } = await startPlugin({
      'People/Zed.md': '---\nname: Zed\nlinkedin: https://www.linkedin.com/in/zed\nprune: true\n---\n',
    });
    runCommand(app, 'open-prune-list');
    await settle(app);
    const view = app.workspace.leafOf(fileAt(app, 'Network CRM/Prune list.md'))!.view as MarkdownView;
    const at = view.editor.getValue().indexOf('- [ ] [[People/Zed') + 3;
    view.editor.setSelection(view.editor.offsetToPos(at), view.editor.offsetToPos(at + 1));
    view.editor.type('x'); // ticked, not saved yet
    runCommand(app, 'open-prune-list');
    await settle(app);
    expect(view.mergeLosses).toBe(0);
    expect(text(app, 'Network CRM/Prune list.md')).toContain('- [x] [[People/Zed|Zed]]');
  });
});

describe('Merge with… on the note being typed in', () => {
  it('takes the unsaved typing into the merged note', async () => {
    const { app } = await startPlugin({
      'People/Jane Doe.md': JANE,
      'People/Jane D.md': '---\nname: Jane D\ntags:\n  - person\n---\n## Interactions\n\n- 2024-02-02 · call · hello\n',
    });
    await app.workspace.getLeaf(false).openFile(fileAt(app, 'People/Jane Doe.md'));
    const view = app.workspace.leafOf(fileAt(app, 'People/Jane Doe.md'))!.view as MarkdownView;
    view.editor.setCursor(view.editor.offsetToPos(JANE.indexOf('Notes about Jane.') + 'Notes about Jane.'.length));
    view.editor.type(TYPED);
    runCommand(app, 'merge-with');
    const items = await until(() => $$('.suggestion-item').length > 0 && $$('.suggestion-item'), 'the picker');
    items[0]!.click();
    const modal = await until(() => $$('.modal').find((m) => m.textContent?.includes('Merge notes')), 'dialog');
    buttonByText('Merge', modal).click();
    await until(() => app.vault.getFileByPath('People/Jane D.md') === null, 'the other note trashed');
    await settle(app);
    const merged = text(app, 'People/Jane Doe.md');
    expect(view.mergeLosses).toBe(0);
    expect(merged).toContain(`Notes about Jane.${TYPED}`);
    expect(merged).toContain('- 2024-02-02 · call · hello');
    expect(view.editor.getValue()).toBe(merged);
  });
});

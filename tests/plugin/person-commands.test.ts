// @vitest-environment happy-dom
/**
 * The person-note commands through the double, as a user runs them: on the open note (or
 * after picking a person), through their dialogs, then "Undo last change".
 */
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { App } from '../obsidian-double/app';
import { fileAt, text } from '../obsidian-double/harness';
import { localIsoDate } from '../../src/core/dates/iso-date';
import { $, $$, buttonByText, enter, runCommand, settle, startPlugin, until } from './helpers';

const TODAY = localIsoDate(new Date());

/** A note a user has lived in: their text, a code block, other headings, another plugin's keys. */
const JANE = `---
name: Jane Doe
linkedin: https://www.linkedin.com/in/jane-doe
company: Acme
position: CTO
connected-on: 2024-12-16
linkedin-status: connected
met-where:
trust: 3
last-contact: 2025-01-10
tags:
  - person
other-plugin:
  nested: true
  list:
    - a
---
[LinkedIn profile](https://www.linkedin.com/in/jane-doe)

Some thoughts about Jane.

\`\`\`js
## Interactions
const notAHeading = true;
\`\`\`

## Interactions

- 2025-01-10 · email · intro

## Projects

- Something we built
`;

async function open(app: App, path: string) {
  await app.workspace.getLeaf(false).openFile(fileAt(app, path));
}

function input(selector: string): HTMLInputElement {
  return $(selector) as HTMLInputElement;
}

function frontmatter(t: string): Record<string, unknown> {
  return YAML.parse(/^---\n([\s\S]*?)---\n/.exec(t)?.[1] ?? '') as Record<string, unknown>;
}

async function start(extra: Record<string, string> = {}) {
  const r = await startPlugin({ 'People/Jane Doe.md': JANE, ...extra });
  await open(r.app, 'People/Jane Doe.md');
  return r;
}

describe('Log interaction', () => {
  it('adds the line at the top of the log, moves last-contact forward and changes nothing else', async () => {
    const { app } = await start();
    runCommand(app, 'log-interaction');
    await until(() => document.querySelector('.ncrm-form-modal'), 'dialog');
    expect($('.ncrm-form-modal .modal-title').textContent).toBe('Log interaction with Jane Doe');
    expect(input('.ncrm-date-input').value).toBe(TODAY);
    enter(input('.ncrm-date-input'), '2026-03-04');
    ($('.ncrm-form-modal select') as HTMLSelectElement).value = 'call';
    enter(input('.ncrm-note-input'), 'Talked about the #hiring plan');
    buttonByText('Log').click();
    await settle(app);
    const after = text(app, 'People/Jane Doe.md');
    const expectedBody = JANE.slice(JANE.indexOf('---\n[LinkedIn') + 4).replace(
      '## Interactions\n\n- 2025',
      '## Interactions\n\n- 2026-03-04 · call · Talked about the \\#hiring plan\n- 2025',
    );
    expect(after.slice(after.indexOf('---\n[LinkedIn') + 4)).toBe(expectedBody);
    expect(frontmatter(after)).toEqual({ ...frontmatter(JANE), 'last-contact': '2026-03-04' });
    expect(document.querySelector('.ncrm-form-modal')).toBeNull();
  });

  it('never moves last-contact backward, refuses a future date, and undoes to the exact previous text', async () => {
    const { app } = await start();
    runCommand(app, 'log-interaction');
    await until(() => document.querySelector('.ncrm-form-modal'), 'dialog');
    enter(input('.ncrm-date-input'), '2099-01-01');
    buttonByText('Log').click();
    await until(() => $('.ncrm-error').textContent?.includes('future'), 'future-date error');
    enter(input('.ncrm-date-input'), '2024-06-01');
    buttonByText('Log').click();
    await settle(app);
    const after = text(app, 'People/Jane Doe.md');
    expect(frontmatter(after)['last-contact']).toBe('2025-01-10');
    // A past date goes below the newer line: the log stays newest first.
    expect(after).toContain('## Interactions\n\n- 2025-01-10 · email · intro\n- 2024-06-01 · meeting\n');
    runCommand(app, 'undo-last-change');
    await settle(app);
    expect(text(app, 'People/Jane Doe.md')).toBe(JANE);
    expect(
      $$('.notice')
        .map((n) => n.textContent)
        .join(),
    ).toContain('Undone: log meeting with Jane Doe.');
  });

  it('creates the section when a note has none', async () => {
    const { app } = await start({ 'People/Bo.md': '---\nname: Bo\n---\nJust text, no newline' });
    await open(app, 'People/Bo.md');
    runCommand(app, 'log-contact-today');
    await settle(app);
    expect(text(app, 'People/Bo.md')).toBe(
      `---\nname: Bo\nlast-contact: ${TODAY}\n---\nJust text, no newline\n\n## Interactions\n\n- ${TODAY} · other\n`,
    );
  });
});

describe('Set trust level, where we met, snooze, stop tracking', () => {
  it('sets trust from a picker of the level names', async () => {
    const { app, plugin } = await start();
    runCommand(app, 'set-trust-level');
    const items = await until(() => $$('.suggestion-item').length === 5 && $$('.suggestion-item'), 'five levels');
    expect(items.map((i) => $('.ncrm-suggest-title', i).textContent)).toEqual([
      '5 · Inner circle',
      '4 · Trusted',
      '3 · Know well',
      '2 · Met',
      "1 · Don't know",
    ]);
    items[1]!.click();
    await settle(app);
    expect(frontmatter(text(app, 'People/Jane Doe.md')).trust).toBe(4);
    expect(plugin.index.get('People/Jane Doe.md')?.trust).toBe(4);
  });

  it('a trust level of 2 or more on someone marked to prune clears the mark, and undo brings it back', async () => {
    const pruned = JANE.replace('trust: 3\n', 'trust: 1\nprune: true\n');
    const { app, plugin } = await start({ 'People/Jane Doe.md': pruned });
    runCommand(app, 'set-trust-level');
    const items = await until(() => $$('.suggestion-item').length === 5 && $$('.suggestion-item'), 'five levels');
    items[3]!.click(); // 2 · Met
    await settle(app);
    expect(frontmatter(text(app, 'People/Jane Doe.md'))).toMatchObject({ trust: 2 });
    expect(frontmatter(text(app, 'People/Jane Doe.md'))).not.toHaveProperty('prune');
    expect(plugin.index.get('People/Jane Doe.md')?.prune).toBe(false);
    runCommand(app, 'undo-last-change');
    await settle(app);
    expect(text(app, 'People/Jane Doe.md')).toBe(pruned);
  });

  it('sets where we met with suggestions from values already used', async () => {
    const { app } = await start({
      'People/Bo.md': '---\nname: Bo\nmet-where: "[[Web Summit 2024]]"\n---\n',
      'People/Cy.md': '---\nname: Cy\nmet-where: Acme offsite\n---\n',
    });
    runCommand(app, 'set-met-where');
    await until(() => document.querySelector('.ncrm-met-where-input'), 'dialog');
    const field = input('.ncrm-met-where-input');
    enter(field, 'web');
    const suggestion = await until(
      () => document.querySelector<HTMLElement>('.suggestion-container .suggestion-item'),
      'suggestions',
    );
    expect($$('.suggestion-container .suggestion-item').map((s) => s.textContent)).toEqual(['[[Web Summit 2024]]']);
    suggestion.dispatchEvent(new MouseEvent('mousedown'));
    expect(field.value).toBe('[[Web Summit 2024]]');
    buttonByText('Save').click();
    await settle(app);
    expect(text(app, 'People/Jane Doe.md')).toContain('met-where: "[[Web Summit 2024]]"');
  });

  it('snoozes for a chosen length or until a date, and stops tracking', async () => {
    const { app } = await start();
    runCommand(app, 'snooze');
    const items = await until(() => $$('.suggestion-item').length === 4 && $$('.suggestion-item'), 'snooze choices');
    expect(items.map((i) => $('.ncrm-suggest-title', i).textContent)).toEqual([
      '1 week',
      '1 month',
      '3 months',
      'Until a date…',
    ]);
    items[0]!.click();
    await settle(app);
    const week = new Date(Date.now() + 7 * 86_400_000);
    expect(frontmatter(text(app, 'People/Jane Doe.md'))['snooze-until']).toBe(localIsoDate(week));

    runCommand(app, 'snooze');
    (await until(() => $$('.suggestion-item')[3], 'date choice')).click();
    const date = await until(() => document.querySelector<HTMLInputElement>('.ncrm-date-input'), 'date dialog');
    enter(date, '2030-01-02');
    buttonByText('Save').click();
    await settle(app);
    expect(frontmatter(text(app, 'People/Jane Doe.md'))['snooze-until']).toBe('2030-01-02');

    runCommand(app, 'stop-tracking');
    await settle(app);
    expect(frontmatter(text(app, 'People/Jane Doe.md')).cadence).toBe(0);
  });

  it('asks for a person when the open note is not one', async () => {
    const { app } = await start({ 'Notes/Meeting.md': 'not a person' });
    await open(app, 'Notes/Meeting.md');
    runCommand(app, 'log-contact-today');
    const prompt = await until(() => document.querySelector<HTMLInputElement>('.prompt-input'), 'person picker');
    expect(prompt.placeholder).toBe('Log contact today with…');
    enter(prompt, 'jane');
    prompt.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    await settle(app);
    expect(text(app, 'People/Jane Doe.md')).toContain(`- ${TODAY} · other\n- 2025-01-10 · email · intro`);
    expect(text(app, 'Notes/Meeting.md')).toBe('not a person');
  });
});

describe('Add person', () => {
  it('creates a note with the import schema and opens it; undo removes it', async () => {
    const { app } = await start();
    runCommand(app, 'add-person');
    await until(() => document.querySelector('.ncrm-name-input'), 'dialog');
    enter(input('.ncrm-name-input'), 'Jane Doe');
    enter(input('.ncrm-url-input'), 'https://www.linkedin.com/in/jane-doe-2');
    enter(input('.ncrm-company-input'), 'Globex');
    buttonByText('Create').click();
    await settle(app);
    const created = text(app, 'People/Jane Doe (Globex).md');
    expect(created).toContain('linkedin: https://www.linkedin.com/in/jane-doe-2\ncompany: Globex\n');
    expect(app.workspace.getActiveFile()?.path).toBe('People/Jane Doe (Globex).md');
    runCommand(app, 'undo-last-change');
    await settle(app);
    expect(app.vault.getFileByPath('People/Jane Doe (Globex).md')).toBeNull();
  });

  it('refuses a duplicate LinkedIn URL with a link to the existing note', async () => {
    const { app } = await start();
    runCommand(app, 'add-person');
    await until(() => document.querySelector('.ncrm-name-input'), 'dialog');
    enter(input('.ncrm-name-input'), 'Someone');
    enter(input('.ncrm-url-input'), 'linkedin.com/in/JANE-DOE/');
    buttonByText('Create').click();
    const link = await until(() => document.querySelector<HTMLElement>('.ncrm-existing-link'), 'duplicate link');
    expect($('.ncrm-error').textContent).toBe('This LinkedIn profile already has a note: People/Jane Doe');
    link.click();
    expect(app.workspace.getActiveFile()?.path).toBe('People/Jane Doe.md');
    expect(app.vault.getMarkdownFiles()).toHaveLength(1);
  });
});

describe('Undo last change', () => {
  it('takes back only its own change when the note changed since, and says so', async () => {
    const { app } = await start();
    runCommand(app, 'stop-tracking');
    await settle(app);
    await app.vault.process(fileAt(app, 'People/Jane Doe.md'), (t) => `${t}\nA later edit.\n`);
    runCommand(app, 'undo-last-change');
    await settle(app);
    expect(text(app, 'People/Jane Doe.md')).toBe(`${JANE}\nA later edit.\n`);
    expect(
      $$('.notice')
        .map((n) => n.textContent)
        .join(),
    ).toContain('Jane Doe had changed since; those later changes were kept.');
  });
});

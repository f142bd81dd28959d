// @vitest-environment happy-dom
/**
 * "Merge with…" through the double, as a user runs it on hostile notes: the open note is
 * kept, another is picked, the conflict is chosen in the dialog, links from other notes
 * (display text, heading, embed, CRLF note) point to the kept note while a link in code is
 * left alone, the other note goes to the trash, and one "Undo last change" restores all.
 */
import { describe, expect, it } from 'vitest';
import { fileAt, text } from '../obsidian-double/harness';
import { $, $$, buttonByText, enter, runCommand, settle, startPlugin, until } from './helpers';

const KEPT =
  '---\nname: Jane Doe\ntrust: 4\ntags:\n  - person\n---\n## Interactions\n\n- 2026-03-14 · meeting · Sync\n';
const OTHER =
  '---\r\nname: Jane D\r\ntrust: 2\r\nemails:\r\n  - jane@home.example\r\ntags:\r\n  - person\r\n---\r\n## Interactions\r\n\r\n- 2026-03-14 · meeting · Sync\r\n- 2025-12-24 · email · greetings\r\n\r\n## Notes\r\n```\r\n## Interactions\r\n[[Jane D]] in code\r\n```\r\n';
const DAILY = 'Met [[Jane D|her]] and ![[Jane D#Notes]].\r\n';
const PROJECT = 'Owner: [[People/Jane D]] and `[[Jane D]]` in code\n';

describe('Merge with…', () => {
  it('merges the picked note into the open one, rewrites links, trashes it, and undoes in one step', async () => {
    const { app } = await startPlugin({
      'People/Jane Doe.md': KEPT,
      'People/Jane D.md': OTHER,
      'Daily/2026-03-14.md': DAILY,
      'Projects/X.md': PROJECT,
    });
    await settle(app);
    await app.workspace.getLeaf(false).openFile(fileAt(app, 'People/Jane Doe.md'));
    runCommand(app, 'merge-with');
    const items = await until(() => $$('.suggestion-item').length > 0 && $$('.suggestion-item'), 'the picker');
    expect(items.map((i) => $('.ncrm-suggest-title', i).textContent)).toEqual(['Jane D']);
    items[0]!.click();
    await until(() => $$('.modal').some((m) => m.textContent?.includes('Merge notes')), 'the merge dialog');
    const modal = $$('.modal').find((m) => m.textContent?.includes('Merge notes'))!;
    expect(modal.textContent).toContain('People/Jane D.md will be merged into People/Jane Doe.md');
    expect(modal.textContent).toContain('3 links to it will point to People/Jane Doe.md');
    enter($('select', modal) as HTMLSelectElement, 'removed', 'change');
    buttonByText('Merge', modal).click();
    await until(() => app.vault.getFileByPath('People/Jane D.md') === null, 'the other note trashed');
    await settle(app);

    const kept = text(app, 'People/Jane Doe.md');
    expect(kept).toContain('trust: 2'); // chosen in the dialog
    expect(kept).toContain('jane@home.example');
    expect(kept).toContain('- Jane D'); // now an alias
    expect(kept.slice(kept.indexOf('## Interactions'))).toBe(
      '## Interactions\n\n- 2026-03-14 · meeting · Sync\n- 2025-12-24 · email · greetings\n\n## Notes\n```\n## Interactions\n[[Jane D]] in code\n```\n',
    );
    expect(text(app, 'Daily/2026-03-14.md')).toBe('Met [[Jane Doe|her]] and ![[Jane Doe#Notes]].\r\n');
    expect(text(app, 'Projects/X.md')).toBe('Owner: [[Jane Doe]] and `[[Jane D]]` in code\n');

    runCommand(app, 'undo-last-change');
    await until(() => app.vault.getFileByPath('People/Jane D.md') !== null, 'the other note back');
    expect(text(app, 'People/Jane D.md')).toBe(OTHER);
    expect(text(app, 'People/Jane Doe.md')).toBe(KEPT);
    expect(text(app, 'Daily/2026-03-14.md')).toBe(DAILY);
    expect(text(app, 'Projects/X.md')).toBe(PROJECT);
  });
});

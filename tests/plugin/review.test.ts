// @vitest-environment happy-dom
/**
 * "Plan this week's reach-outs" through the double: where it writes (today's daily note
 * when the Daily notes plugin is on, in its folder and format, from its template; else the
 * week's review note), what it writes, one undo step, and checking a task logging the
 * contact in the person's note. The picks themselves are pinned in the core tests.
 */
import { describe, expect, it } from 'vitest';
import { addDays, localIsoDate } from '../../src/core/dates/iso-date';
import { isoWeekLabel } from '../../src/core/dates/iso-week';
import { formatDailyDate } from '../../src/core/people/daily-notes';
import type { MarkdownView } from '../obsidian-double/editor';
import { fileAt, text } from '../obsidian-double/harness';
import { $$, runCommand, settle, startPlugin, until } from './helpers';

const TODAY = localIsoDate(new Date());
const ago = (days: number) => addDays(TODAY, -days);
const person = (name: string, fm: string, body = '') =>
  `---\nname: ${name}\nlinkedin: https://www.linkedin.com/in/${name.toLowerCase().replace(/\W+/g, '-')}\n${fm}\n---\n\n## Interactions\n\n${body}`;

const VAULT = {
  'People/Olga Overdue.md': person(
    'Olga Overdue',
    `trust: 5\nlast-contact: ${ago(200)}\ncompany: Acme\nposition: CTO\nmet-where: "[[Web Summit 2024]]"`,
    `- ${ago(200)} · call · talked about the pilot\n`,
  ),
  'People/Fran Follow.md': person('Fran Follow', `trust: 2\nlast-contact: ${ago(3)}`),
  'People/Fine Person.md': person('Fine Person', `trust: 5\nlast-contact: ${ago(1)}`),
  'Projects/Deck.md': `- [ ] Send [[Fran Follow]] the deck ➕ ${ago(9)}\n`,
};
const DAILY_ON = {
  '.obsidian/core-plugins.json': JSON.stringify({ 'daily-notes': true, 'file-explorer': true }),
  '.obsidian/daily-notes.json': JSON.stringify({ folder: 'Journal', format: 'YYYY/MM-DD', template: 'Templates/Day' }),
};

describe("Plan this week's reach-outs", () => {
  it("writes the picks with their context into today's daily note, from the template, and opens it", async () => {
    const { app, plugin } = await startPlugin(
      { ...VAULT, 'Templates/Day.md': '# {{title}}\n\n## Notes\n\n' },
      undefined,
      DAILY_ON,
    );
    runCommand(app, 'plan-reach-outs');
    const path = `Journal/${formatDailyDate('YYYY/MM-DD', TODAY)}.md`;
    await until(() => app.vault.getFileByPath(path), 'daily note');
    await settle(app);
    const note = text(app, path);
    expect(note).toBe(
      [
        `# ${formatDailyDate('MM-DD', TODAY)}`,
        '',
        '## Notes',
        '',
        `## Reach-outs for ${isoWeekLabel(TODAY)}`,
        '',
        `- [ ] Reach out to [[People/Fran Follow|Fran Follow]] — follow-up: Send Fran Follow the deck · open 9 days ➕ ${TODAY}`,
        `\t- Last: ${ago(3)}`,
        `- [ ] Reach out to [[People/Olga Overdue|Olga Overdue]] — 6 months overdue (every 30 days, as Inner circle) ➕ ${TODAY}`,
        '\t- Met at [[Web Summit 2024]] · CTO at Acme',
        `\t- Last: ${ago(200)} · call · talked about the pilot`,
        '',
      ].join('\n'),
    );
    expect(app.workspace.getActiveFile()?.path).toBe(path);
    expect(plugin.undo.size).toBe(1);
    // The plan is not a contact: writing it into today's daily note leaves Olga overdue.
    expect(plugin.index.lastContact('People/Olga Overdue.md')?.date).toBe(ago(200));
    // Run again the same week: nobody is planned twice.
    runCommand(app, 'plan-reach-outs');
    await settle(app);
    expect(text(app, path).match(/- \[ \] Reach out/g)).toHaveLength(2);
    expect(
      $$('.notice')
        .map((n) => n.textContent)
        .at(-1),
    ).toBe('Nobody to plan this week: no one is overdue, drifting, has a birthday or an open follow-up.');
  });

  it("adds to today's daily note when it exists, as one undoable step", async () => {
    const path = `${TODAY}.md`;
    const { app, plugin } = await startPlugin(
      { ...VAULT, [path]: '---\nmood: good\n---\nMorning notes.\n' },
      undefined,
      { '.obsidian/core-plugins.json': JSON.stringify(['daily-notes']) },
    );
    runCommand(app, 'plan-reach-outs');
    await until(() => text(app, path).includes('Reach-outs'), 'section');
    await settle(app);
    expect(
      text(app, path).startsWith(`---\nmood: good\n---\nMorning notes.\n\n## Reach-outs for ${isoWeekLabel(TODAY)}\n`),
    ).toBe(true);
    await plugin.undo.undo();
    expect(text(app, path)).toBe('---\nmood: good\n---\nMorning notes.\n');
  });

  it('writes a weekly review note when daily notes are off, and honours the count setting', async () => {
    const { app } = await startPlugin(VAULT, { reviewCount: 1 });
    runCommand(app, 'plan-reach-outs');
    const path = `Network CRM/Reviews/${isoWeekLabel(TODAY)}.md`;
    await until(() => app.vault.getFileByPath(path), 'review note');
    expect(text(app, path).match(/- \[ \] Reach out/g)).toHaveLength(1);
  });

  it("logs the contact when a review task is checked, once, in the person's note", async () => {
    const { app, plugin } = await startPlugin(VAULT);
    runCommand(app, 'plan-reach-outs');
    const path = `Network CRM/Reviews/${isoWeekLabel(TODAY)}.md`;
    await until(() => app.vault.getFileByPath(path), 'review note');
    await settle(app);
    await app.vault.process(fileAt(app, path), (t) =>
      t.replace('- [ ] Reach out to [[People/Olga', '- [x] Reach out to [[People/Olga'),
    );
    await settle(app);
    expect(text(app, 'People/Olga Overdue.md')).toContain(
      `## Interactions\n\n- ${TODAY} · other · reached out (weekly review)\n`,
    );
    expect(text(app, 'People/Olga Overdue.md')).toContain(`last-contact: ${TODAY}`);
    // The task gets its done date, so the device this note syncs to sees it as logged.
    expect(text(app, path)).toMatch(new RegExp(`- \\[x\\] Reach out to \\[\\[People/Olga.*➕ ${TODAY} ✅ ${TODAY}\\n`));
    // Unchecking and checking again the same day does not log twice.
    await app.vault.process(fileAt(app, path), (t) => t.replace('- [x] Reach out', '- [ ] Reach out'));
    await settle(app);
    await app.vault.process(fileAt(app, path), (t) =>
      t.replace('- [ ] Reach out to [[People/Olga', '- [x] Reach out to [[People/Olga'),
    );
    await settle(app);
    expect(text(app, 'People/Olga Overdue.md').match(/reached out/g)).toHaveLength(1);
    // Other tasks, and tasks checked with their own date, are not logged here.
    await app.vault.process(fileAt(app, 'Projects/Deck.md'), (t) => t.replace('- [ ]', '- [x]'));
    await settle(app);
    expect(text(app, 'People/Fran Follow.md')).not.toContain('reached out');
    expect(plugin.index.lastContact('People/Olga Overdue.md')).toEqual({ date: TODAY, source: 'log' });
  });
  it('does not log again on a device that receives the review already checked and dated', async () => {
    const review = `## Reach-outs for ${isoWeekLabel(TODAY)}\n\n- [ ] Reach out to [[People/Olga Overdue|Olga Overdue]] ➕ ${TODAY}\n`;
    const path = `Network CRM/Reviews/${isoWeekLabel(TODAY)}.md`;
    const { app } = await startPlugin({ ...VAULT, [path]: review });
    await settle(app);
    // What sync delivers from the device where it was checked: the task done, with its date.
    await app.vault.process(fileAt(app, path), (t) =>
      t.replace('- [ ] Reach out', '- [x] Reach out').replace(`➕ ${TODAY}`, `➕ ${TODAY} ✅ ${TODAY}`),
    );
    await settle(app);
    expect(text(app, 'People/Olga Overdue.md')).not.toContain('reached out');
  });
  it('stamps a task ticked in the open review note through its editor, keeping what the user goes on typing', async () => {
    const review = `## Reach-outs for ${isoWeekLabel(TODAY)}\n\n- [ ] Reach out to [[People/Olga Overdue|Olga Overdue]] ➕ ${TODAY}\n\nNotes:`;
    const path = `Network CRM/Reviews/${isoWeekLabel(TODAY)}.md`;
    const { app } = await startPlugin({ ...VAULT, [path]: review });
    await settle(app);
    await app.workspace.getLeaf(false).openFile(fileAt(app, path));
    const view = app.workspace.leafOf(fileAt(app, path))!.view as MarkdownView;
    const editor = view.editor;
    // The tick, saved as Obsidian's autosave would; then more typing, not saved yet, while the stamp is made.
    const box = editor.getValue().indexOf('[ ]');
    editor.replaceRange('[x]', editor.offsetToPos(box), editor.offsetToPos(box + 3));
    await view.save();
    editor.setCursor(editor.offsetToPos(editor.getValue().length));
    editor.type(' called her, follow up in May');
    await settle(app);
    const after = editor.getValue();
    expect(after).toContain(`➕ ${TODAY} ✅ ${TODAY}\n`);
    expect(after).toContain('Notes: called her, follow up in May');
    expect(view.mergeLosses).toBe(0);
    expect(text(app, 'People/Olga Overdue.md').match(/reached out/g)).toHaveLength(1);
  });
});

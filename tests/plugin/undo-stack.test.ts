// @vitest-environment happy-dom
/**
 * "Undo last change" when a note of the step cannot be changed back. Pinned because undo
 * used to stop at the first such note: the rest of a bulk change stayed done, the step was
 * gone from the stack, and the user saw nothing (an unhandled rejection).
 */
import { describe, expect, it } from 'vitest';
import { fileAt, text } from '../obsidian-double/harness';
import type { TFile } from '../obsidian-double/vault';
import { $$, runCommand, settle, startPlugin } from './helpers';

const person = (name: string) => `---\nname: ${name}\ntrust: 2\ntags:\n  - person\n---\n`;
const NAMES = ['Ann', 'Bo', 'Cy'];
const VAULT = Object.fromEntries(NAMES.map((n) => [`People/${n}.md`, person(n)]));
const notices = () => $$('.notice').map((n) => n.textContent ?? '');

describe('undo of a step one of whose notes fails', () => {
  it('puts back every other note and names the one it could not', async () => {
    const { app, plugin } = await startPlugin(VAULT);
    const files = NAMES.map((n) => fileAt(app, `People/${n}.md`));
    await plugin.ctx.editor.editMany(
      files as never,
      () => ({ frontmatter: (fm) => (fm.trust = 4) }),
      'trust 4 for 3 people',
    );
    await settle(app);
    for (const n of NAMES) expect(text(app, `People/${n}.md`)).toContain('trust: 4');
    // Bo's note can no longer be written (a sync conflict, a permission): its write throws.
    const denied = () => Promise.reject(new Error('EACCES: permission denied'));
    const write = app.fileManager.processFrontMatter.bind(app.fileManager);
    app.fileManager.processFrontMatter = (file: TFile, fn: (fm: Record<string, unknown>) => void) =>
      file.path === 'People/Bo.md' ? denied() : write(file, fn);
    const process = app.vault.process.bind(app.vault);
    app.vault.process = (file: TFile, fn: (data: string) => string) =>
      file.path === 'People/Bo.md' ? denied() : process(file, fn);
    runCommand(app, 'undo-last-change');
    await settle(app);
    expect(text(app, 'People/Ann.md')).toBe(person('Ann'));
    expect(text(app, 'People/Cy.md')).toBe(person('Cy'));
    expect(text(app, 'People/Bo.md')).toContain('trust: 4');
    expect(notices().join(' ')).toContain('Not undone in Bo: it could not be changed (EACCES: permission denied).');
  });
});

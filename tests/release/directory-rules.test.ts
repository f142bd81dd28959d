// @vitest-environment happy-dom
/**
 * Rules of Obsidian's community directory that lint cannot see, checked the way docs/RELEASING.md
 * promises: the directory entry in that file matches manifest.json and the repository in
 * package.json; the id is one the directory accepts and there is a licence; the plugin's source
 * makes no network calls; and no command comes with a default hotkey.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import { startPlugin } from '../plugin/helpers';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');
const manifest = JSON.parse(read('manifest.json')) as Record<string, unknown>;
const pkg = JSON.parse(read('package.json')) as { repository: { url: string }; homepage: string };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sourceFiles(rel);
    return e.name.endsWith('.ts') ? [rel] : [];
  });
}

describe('community directory rules', () => {
  it('the entry in docs/RELEASING.md matches manifest.json and the repository', () => {
    const block = /```json\n(\{[\s\S]*?"repo"[\s\S]*?\})\n```/.exec(read('docs/RELEASING.md'))?.[1];
    expect(block).toBeDefined();
    const entry = JSON.parse(block as string) as Record<string, string>;
    expect(Object.keys(entry)).toEqual(['id', 'name', 'author', 'description', 'repo']);
    for (const key of ['id', 'name', 'author', 'description']) expect(entry[key], key).toBe(manifest[key]);
    const repo = /github\.com\/([\w.-]+\/[\w.-]+?)(?:\.git)?$/.exec(pkg.repository.url)?.[1];
    expect(entry.repo).toBe(repo);
    expect(pkg.homepage.startsWith(`https://github.com/${repo}#`)).toBe(true);
  });

  it('has an id the directory accepts, desktop and mobile, and a licence', () => {
    expect(manifest.id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
    expect(manifest.id).not.toMatch(/obsidian|plugin$/);
    expect(manifest.isDesktopOnly).toBe(false);
    expect(read('LICENSE')).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
  });

  it('makes no network calls from the plugin or the engine', () => {
    const calls =
      /\b(?:fetch|requestUrl|XMLHttpRequest|WebSocket|EventSource|sendBeacon)\s*\(|new\s+(?:XMLHttpRequest|WebSocket|EventSource)\b/;
    const files = [...sourceFiles('src/plugin'), ...sourceFiles('src/core'), 'src/main.ts'];
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.filter((f) => calls.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('registers no command with a default hotkey', async () => {
    const { app } = await startPlugin();
    const commands = app.commands.listCommands();
    expect(commands.length).toBeGreaterThan(10);
    expect(commands.filter((c) => c.hotkeys !== undefined && c.hotkeys.length > 0).map((c) => c.id)).toEqual([]);
  });
});

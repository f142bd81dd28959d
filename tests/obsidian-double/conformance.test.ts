// @vitest-environment happy-dom
/**
 * The other half of conformance.ts, which TypeScript checks: the list of events the plugin
 * listens to must be the one in the plugin's source (so it cannot go stale), and the double
 * must actually fire every one of them (an event the double never fires is a path the
 * plugin tests never take).
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/paths';
import { LISTENED_EVENTS } from './conformance';
import './obsidian'; // installs the DOM helpers, as loading the module does
import { createApp, fileAt, settle } from './harness';
import { ItemView } from './view';

function sources(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
    );
}

describe('events the plugin listens to', () => {
  it('are exactly the ones listed in conformance.ts', () => {
    const found: Record<string, Set<string>> = { vault: new Set(), metadataCache: new Set(), workspace: new Set() };
    for (const file of sources(path.join(ROOT, 'src/plugin'))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\.(vault|metadataCache|workspace)\s*\.on\(\s*'([a-z-]+)'/g))
        found[m[1] as string]?.add(m[2] as string);
    }
    expect(Object.fromEntries(Object.entries(found).map(([k, v]) => [k, [...v].sort()]))).toEqual(
      Object.fromEntries(Object.entries(LISTENED_EVENTS).map(([k, v]) => [k, [...v].sort()])),
    );
  });

  it('are all fired by the double', async () => {
    const app = await createApp({ 'People/Ann.md': '---\nname: Ann\n---\n', 'Notes/Day.md': '[[Ann]]' });
    const fired = new Set<string>();
    for (const [emitter, names] of Object.entries(LISTENED_EVENTS))
      for (const name of names)
        (app[emitter as keyof typeof LISTENED_EVENTS] as { on: (n: string, cb: () => void) => void }).on(name, () =>
          fired.add(`${emitter}:${name}`),
        );
    app.workspace.viewRegistry.set(
      'probe',
      (leaf) =>
        new (class extends ItemView {
          getViewType = () => 'probe';
          getDisplayText = () => 'Probe';
        })(leaf),
    );
    await app.vault.process(fileAt(app, 'People/Ann.md'), (t) => `${t}more\n`); // changed, resolve, resolved
    await app.fileManager.renameFile(fileAt(app, 'Notes/Day.md'), 'Notes/Monday.md'); // rename
    await app.fileManager.trashFile(fileAt(app, 'Notes/Monday.md')); // deleted
    await app.workspace.ensureSideLeaf('probe', 'right', { active: true, reveal: true }); // layout-change, active-leaf-change
    window.dispatchEvent(new Event('resize')); // resize
    await settle(app);
    app.destroy();
    expect([...fired].sort()).toEqual(
      Object.entries(LISTENED_EVENTS)
        .flatMap(([emitter, names]) => names.map((n) => `${emitter}:${n}`))
        .sort(),
    );
  });
});

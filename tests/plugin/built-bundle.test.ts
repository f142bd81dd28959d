// @vitest-environment happy-dom
/**
 * The shipped main.js (built by the global set-up), loaded the way Obsidian loads it: as a
 * CommonJS module whose only require is `obsidian`, here answered by the API double.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as obsidian from '../obsidian-double/obsidian';
import { createApp, loadPlugin } from '../obsidian-double/harness';
import { ROOT } from '../support/paths';
import { track } from './helpers';

function loadBundle(): unknown {
  const code = fs.readFileSync(path.join(ROOT, 'main.js'), 'utf8');
  const module = { exports: {} as Record<string, unknown> };
  const required: string[] = [];
  const requireShim = (id: string) => {
    required.push(id);
    if (id === 'obsidian') return obsidian;
    throw new Error(`main.js required "${id}", which Obsidian mobile does not provide`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- evaluating the built bundle is the point of this test
  const load = new Function('module', 'exports', 'require', code) as (m: unknown, e: unknown, r: unknown) => void;
  load(module, module.exports, requireShim);
  expect([...new Set(required)]).toEqual(['obsidian']);
  return module.exports.default;
}

describe('the built main.js', () => {
  it('loads with only `obsidian`, registers its commands and its import dialog opens', async () => {
    const Plugin = loadBundle() as never;
    const app = track(await createApp());
    await loadPlugin(Plugin, app);
    expect(app.commands.listCommands().map((c) => c.id)).toContain('network-crm:import-linkedin-export');
    expect(app.settingTabs).toHaveLength(1);
    app.commands.executeCommandById('network-crm:import-linkedin-export');
    expect(document.querySelector('.ncrm-import-modal .modal-title')?.textContent).toBe('Import');
  });
});

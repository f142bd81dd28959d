/**
 * Obsidian's Daily notes settings, read from the config folder: whether the core plugin is
 * on (`core-plugins.json`) and its folder, format and template (`daily-notes.json`). No
 * public API gives them; the files are what Obsidian itself reads.
 */
import { normalizePath, type App } from 'obsidian';
import { dailyNotesConfig, type DailyNotesConfig } from '../../core/review/review-target';

async function readJson(app: App, name: string): Promise<unknown> {
  const path = normalizePath(`${app.vault.configDir}/${name}`);
  try {
    if (!(await app.vault.adapter.exists(path))) return null;
    return JSON.parse(await app.vault.adapter.read(path)) as unknown;
  } catch {
    return null;
  }
}

export async function readDailyNotesConfig(app: App): Promise<DailyNotesConfig> {
  return dailyNotesConfig(await readJson(app, 'core-plugins.json'), await readJson(app, 'daily-notes.json'));
}

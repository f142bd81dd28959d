/**
 * Settings. Every change is saved at once and applied without a reload: the plugin
 * re-reads the people folder and tag into the index and redraws its views.
 *
 * The settings are described once (settings/definitions.ts). Obsidian 1.13+ renders them
 * from `getSettingDefinitions()` and finds them in the settings search; 1.7.2–1.12 call
 * `display()`, which renders the same definitions. Values go through
 * `getControlValue`/`setControlValue` here, not Obsidian's default (which would save the
 * settings alone and drop the vault state kept beside them in data.json).
 */
import { PluginSettingTab, type App, type Plugin, type SettingDefinitionItem } from 'obsidian';
import { readSetting, settingDefinitions, writeSetting, type SettingsHost } from './settings/definitions';
import { renderLegacySettings } from './settings/legacy';

export type { SettingsHost };

export class NetworkCrmSettingTab extends PluginSettingTab {
  constructor(
    app: App,
    plugin: Plugin,
    private readonly host: SettingsHost,
  ) {
    super(app, plugin);
  }

  override getSettingDefinitions(): SettingDefinitionItem[] {
    return settingDefinitions(this.host);
  }

  override getControlValue(key: string): unknown {
    return readSetting(this.host.settings, key);
  }

  override async setControlValue(key: string, value: unknown): Promise<void> {
    writeSetting(this.host.settings, key, value);
    await this.host.saveSettings({ typing: true });
  }

  /** Obsidian before 1.13 (from 1.13 on, Obsidian renders the definitions and skips this). */
  override display(): void {
    this.containerEl.empty();
    renderLegacySettings(this.containerEl, this.getSettingDefinitions(), this);
  }
}

/**
 * The plugin's lifecycle. `onload` only registers things; anything that touches every
 * note waits for `onLayoutReady` so Obsidian starts as fast with the plugin as without.
 */
import { Plugin } from 'obsidian';
import { sanitizeSettings, type NetworkCrmSettings } from '../core/settings';

export default class NetworkCrmPlugin extends Plugin {
  override settings: NetworkCrmSettings = sanitizeSettings({});

  override async onload(): Promise<void> {
    this.settings = sanitizeSettings(await this.loadData());
  }
}

/** Obsidian loads this module's default export as the plugin class. */
import NetworkCrmPlugin from './plugin/network-crm-plugin';

export default NetworkCrmPlugin;

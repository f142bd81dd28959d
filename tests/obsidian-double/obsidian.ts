/**
 * The test double of the `obsidian` module: what `import … from 'obsidian'` resolves to in
 * unit tests (vitest alias) and in the browser tests (bundled as the page's `obsidian`).
 *
 * It implements only the API subset Network CRM uses, typed against the real package
 * (`conformance.ts` compares signatures), so a change in Obsidian's API breaks
 * `npm run typecheck` here instead of drifting silently. Anything else the plugin might
 * reach for is missing and fails loudly.
 */
import { installDomExtensions } from './dom';

if (typeof window !== 'undefined' && typeof document !== 'undefined') installDomExtensions(window);

export { App, FileManager, Plugin, PluginSettingTab } from './app';
export { Component } from './component';
export { Editor, MarkdownView } from './editor';
export { Events } from './events';
export { MetadataCache } from './metadata-cache';
export {
  AbstractInputSuggest,
  ButtonComponent,
  DropdownComponent,
  FuzzySuggestModal,
  Menu,
  MenuItem,
  Modal,
  Notice,
  Setting,
  SuggestModal,
  TextAreaComponent,
  TextComponent,
  ToggleComponent,
} from './ui';
export {
  apiVersion,
  debounce,
  getFrontMatterInfo,
  Keymap,
  normalizePath,
  parseYaml,
  Platform,
  requestUrl,
  requireApiVersion,
  setIcon,
  stringifyYaml,
} from './utils';
export { TAbstractFile, TFile, TFolder, Vault } from './vault';
export { DeferredView, ItemView, View } from './view';
export { Workspace, WorkspaceLeaf } from './workspace';
